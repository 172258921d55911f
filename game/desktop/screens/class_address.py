"""Asks for the class's address (as the projector shows it) to hand a record to the server.

The same dialog as the name before an export (`NameEntryScreen`: every key is
text while it is open), with its own words: nothing is remembered, and an
empty address is not sent anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.desktop.canvas import Canvas
from game.desktop.screens.name_entry import NameEntryScreen
from game.desktop.widgets import draw_dialog

if TYPE_CHECKING:
    from game.desktop.app import App


class ClassAddressScreen(NameEntryScreen):
    name = "class-address"

    def __init__(self, app: App, done: Callable[[str], None]) -> None:
        super().__init__(app, done)
        self.value = self.remembered = ""
        self.selected = False

    def layout(self, canvas: Canvas) -> None:
        super().layout(canvas)
        self.items[0].text = "Send (Enter)"

    def _confirm(self) -> None:
        address = "".join(self.value.split())
        if address:
            self._cancel()
            self.done(address)

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        draw_dialog(canvas, self.box)
        x, y = self.box.left + sizes.gap * 2, self.box.top + sizes.gap * 2
        canvas.text("The class's address, as the projector shows it", (x, y), sizes.body,
                    palette.accent, "bold", "title")
        canvas.text("Like http://192.168.1.20:8765/join/K7QXM", (
            x, y + canvas.cache.line_height(sizes.body)), sizes.small, palette.muted,
            role="hint")
        canvas.panel(self.field, palette.background, palette.focus)
        origin = (self.field.left + sizes.gap, self.field.top + sizes.gap)
        canvas.text(self.value + "|", origin, sizes.body, role="field")
        for item in self.items:
            self.draw_button(canvas, item)
