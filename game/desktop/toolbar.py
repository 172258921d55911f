"""A screen's header and its toolbar, as every `Screen` has them: laid out, drawn, tabbed to.

A screen lays its header out in `layout` (`make_header`, which returns where
its content begins), draws it last in `draw` (`draw_header`, over anything
scrolled beneath), and lists the toolbar's buttons after its own items
(`with_header_items`). Its `tools` are Back and Help unless it says otherwise;
play's name every panel it opens. The bar itself is `header.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.desktop.canvas import Canvas

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.desktop.header import Header, Tool
    from game.desktop.screen import Item


class WithToolbar:
    """The header half of a `Screen`, which supplies what is declared here: the toolbar's
    buttons are items of the screen, hovered and focused as its others are."""

    app: App
    header: Header | None
    items: list[Item]
    hover: int
    focus: int

    def back(self) -> None:
        raise NotImplementedError  # every Screen has its own

    def tools(self) -> list[Tool]:
        """The toolbar's buttons: Back and Help unless a screen says otherwise."""
        from game.desktop.header import Tool

        return [
            Tool("back", "Back", "Esc", self.back),
            Tool("help", "Help", "?", self.app.toggle_help),
        ]

    def make_header(self, canvas: Canvas, title: str, subtitle: str) -> int:
        """Lay out the header for this layout; returns its height, where content begins."""
        from game.desktop.header import Header

        self.header = Header(canvas, title, subtitle, self.tools())
        return self.header.height

    def draw_header(self, canvas: Canvas) -> None:
        """The header bar and its buttons, as laid out by `make_header`."""
        if self.header is not None:
            self.header.draw(canvas, self)

    def with_header_items(self, items: list[Item]) -> list[Item]:
        """A screen's own items, then the toolbar's (so Tab reaches the toolbar last)."""
        return [*items, *(self.header.items if self.header is not None else [])]
