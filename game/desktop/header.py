"""The bar at the top of every screen: what this is, where and when, and a toolbar of buttons.

The keys that open a panel or leave the screen (Esc, H, D, T, S), read it
aloud (V) or list the keys (?) are buttons here too, so a student with only a
mouse or a touchpad is never stuck. The other keys are not, because the
mouse has its own way to do what they do: O opens the passage's first source,
as clicking its quote does; Backspace goes back a choice, as the history's
steps and the ending's "Go back" button do; F11 is the window's own full
screen, and F5 reloads scenes for authors at the keyboard. Each button shows
its key, so the mouse teaches the keyboard too. The Esc button (Back, or
Menu in play) is always the leftmost, before the title, so it never moves
from screen to screen (two clicks on Back never land on Read aloud). The
others sit right of the title when they fit (in smaller type if that keeps
one row); on a narrow window they move to rows of their own below it, and
the header grows, so nothing is clipped.
The buttons are fixed `Item`s (they never scroll) appended after a screen's
own items, so Tab reaches them last and a screen's first focus is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.fitting import fit
from game.desktop.screen import Item

if TYPE_CHECKING:
    from game.desktop.toolbar import WithToolbar


@dataclass(frozen=True)
class Tool:
    """A toolbar button: what it says, the key that does the same, what it does."""

    id: str  # without the "tool:" prefix: "back", "history", "help"
    label: str
    key: str  # shown on the button's key cap: "Esc", "H", "?"
    action: Callable[[], None]


class Header:
    """One layout of the header: its height, the title lines and the toolbar's items."""

    def __init__(self, canvas: Canvas, title: str, subtitle: str, tools: list[Tool]) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        width = canvas.rect.width
        # The buttons' text is the small size, or smaller when that is what keeps the
        # header one row (Projector text at 1920 wide): a bar that takes a quarter of the
        # screen hides the passage it is there to serve.
        for scale in (1.0, 0.6, 0.52):
            size = sizes.small if scale == 1.0 else max(13, round(sizes.body * scale))
            self._lay_out(canvas, title, subtitle, tools, min(size, sizes.small))
            if self.one_row or width < 1200:
                break
        self.title = fit(title, self._text_width,
                         lambda text: cache.width(text, sizes.body, "bold"))
        self.subtitle = fit(subtitle, self._text_width,
                            lambda text: cache.width(text, sizes.small))

    def _lay_out(self, canvas: Canvas, title: str, subtitle: str, tools: list[Tool],
                 small: int) -> None:
        """Place the buttons for text of size `small`. The Esc button (Back, Menu) is always
        the leftmost, before the title, so it is in the same place on every screen."""
        sizes, cache = canvas.sizes, canvas.cache
        gap, width = sizes.gap, canvas.rect.width
        self.size = small
        padding = min(gap, max(6, small // 2))  # the buttons' own padding, with their type
        self.button_h = cache.line_height(small) + padding
        self._pad = max(4, padding // 2)
        caps = [
            max(cache.width(tool.key, small, "bold") + self._pad * 2,
                self.button_h - padding // 2)
            for tool in tools
        ]
        widths = [
            self._pad * 3 + cap + cache.width(tool.label, small)
            for tool, cap in zip(tools, caps, strict=True)
        ]
        escape = next((i for i, tool in enumerate(tools) if tool.key == "Esc"), -1)
        others = [i for i in range(len(tools)) if i != escape]
        spacing = max(4, padding // 2)
        row_width = sum(widths[i] for i in others) + spacing * max(0, len(others) - 1)
        text_h = cache.line_height(sizes.body, "bold") + (
            cache.line_height(sizes.small) if subtitle else 0
        )
        left = min(sizes.margin, max(gap, width // 40))
        self.left = left + (widths[escape] + gap * 2 if escape >= 0 else 0)  # the title's x
        words_width = max(cache.width(title, sizes.body, "bold"),
                          cache.width(subtitle, sizes.small))
        # One row while the title keeps 30% of the width (a longer one ends in "…").
        words_width = min(words_width, width * 3 // 10)
        self.one_row = self.left + words_width + gap * 3 + row_width + left <= width
        rects: dict[int, pygame.Rect] = {}
        if self.one_row:
            self._text_width = width - self.left - left - row_width - gap * 3
            self.height = max(text_h, self.button_h) + gap * 2
            x = width - left - row_width
            y = (self.height - self.button_h) // 2
            for i in others:
                rects[i] = pygame.Rect(x, y, widths[i], self.button_h)
                x += widths[i] + spacing
            self.text_y = (self.height - text_h) // 2
        else:
            self._text_width = width - self.left - left
            x, y = left, gap + max(text_h, self.button_h) + gap // 2
            for i in others:
                if x > left and x + widths[i] > width - left:
                    x, y = left, y + self.button_h + spacing
                rects[i] = pygame.Rect(x, y, min(widths[i], width - 2 * left), self.button_h)
                x += widths[i] + spacing
            self.height = (y + self.button_h + gap) if others else gap * 2 + max(
                text_h, self.button_h)
            self.text_y = gap
        if escape >= 0:
            rects[escape] = pygame.Rect(left, self.text_y + (text_h - self.button_h) // 2,
                                        widths[escape], self.button_h)
            rects[escape].top = max(gap // 2, rects[escape].top)
        self.items = [
            Item(
                f"tool:{tool.id}",
                rects[i],
                tool.action,
                tool.label,
                fixed=True,
                keeps_focus=True,
                extra={"kind": "tool", "key": tool.key, "cap": cap, "size": small},
            )
            for i, (tool, cap) in enumerate(zip(tools, caps, strict=True))
        ]

    def draw(self, canvas: Canvas, screen: WithToolbar) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        bar = pygame.Rect(0, 0, canvas.rect.width, self.height)
        canvas.fill(palette.header, bar)
        pygame.draw.line(canvas.surface, palette.panel_border, bar.bottomleft, bar.bottomright)
        title = canvas.text(
            self.title, (self.left, self.text_y), sizes.body, palette.header_text, "bold", "header"
        )
        if self.subtitle:
            canvas.text(
                self.subtitle,
                (self.left, title.bottom),
                sizes.small,
                palette.header_text,
                role="header",
            )
        for item in self.items:
            draw_tool(canvas, screen, item, self._pad)


def draw_tool(canvas: Canvas, screen: WithToolbar, item: Item, pad: int) -> None:
    """A toolbar button: its key in a cap, then its label; hover and focus as everywhere."""
    palette, size = canvas.palette, int(item.extra["size"])  # type: ignore[call-overload]
    index = screen.items.index(item)
    rect = item.rect
    canvas.surface.fill(palette.hover if index == screen.hover else palette.panel, rect)
    pygame.draw.rect(canvas.surface, palette.panel_border, rect, 1, border_radius=4)
    cap_width = int(item.extra["cap"])  # type: ignore[call-overload]
    cap = pygame.Rect(rect.left + pad, rect.top + 3, cap_width, rect.height - 6)
    pygame.draw.rect(canvas.surface, palette.accent, cap, 1, border_radius=3)
    line = canvas.cache.line_height(size)
    text_y = rect.top + (rect.height - line) // 2 + line // 10
    canvas.text(
        str(item.extra["key"]),
        (cap.centerx, text_y),
        size,
        palette.accent,
        "bold",
        "tool-key",
        item.id,
        align="centre",
    )
    label_x = cap.right + pad
    available = rect.right - pad - label_x
    label = fit(item.text, available, lambda text: canvas.cache.width(text, size))
    canvas.text(label, (label_x, text_y), size, palette.text, role="tool", key=item.id)
    if index == screen.focus:
        canvas.focus_ring(rect)
