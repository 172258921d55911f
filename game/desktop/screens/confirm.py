"""A yes-or-no question over the current screen, asked before something cannot be undone.

Saving over a full slot, starting a scene again over its autosave and
exporting a record without a name all ask first. The safe answer is focused,
so Enter or Esc never loses anything; the other is one Tab, click or Y away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.widgets import draw_dialog

if TYPE_CHECKING:
    from game.desktop.app import App


class ConfirmScreen(Screen):
    name = "confirm"
    overlay = True

    def __init__(
        self,
        app: App,
        question: str,
        detail: str,
        yes: str,
        on_yes: Callable[[], None],
        no: str = "Cancel",
    ) -> None:
        super().__init__(app)
        self.question = question
        self.detail = detail
        self.labels = (yes, no)
        self.on_yes = on_yes
        self.pending_focus = "no"

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        gap = sizes.gap
        width = min(canvas.rect.width - 2 * sizes.margin, sizes.body * 30)
        inner = width - 4 * gap
        self._question = cache.layout(self.question, sizes.heading, inner, "bold")
        self._detail = cache.layout(self.detail, sizes.body, inner)
        button_h = cache.line_height(sizes.body) + 2 * gap
        side_by_side = all(
            cache.width(text, sizes.body) + 4 * gap <= (inner - 2 * gap) // 2
            for text in self.labels
        )
        buttons_h = button_h if side_by_side else button_h * 2 + gap
        height = self._question.height + self._detail.height + buttons_h + gap * 8
        self.box = pygame.Rect(0, 0, width, min(height, canvas.rect.height - 2 * gap))
        self.box.center = canvas.rect.center
        y = self.box.bottom - 2 * gap - buttons_h
        x = self.box.left + 2 * gap
        if side_by_side:
            half = (inner - 2 * gap) // 2
            rects = [
                pygame.Rect(x, y, half, button_h),
                pygame.Rect(x + half + 2 * gap, y, half, button_h),
            ]
        else:
            rects = [
                pygame.Rect(x, y, inner, button_h),
                pygame.Rect(x, y + button_h + gap, inner, button_h),
            ]
        self.items = [
            Item("yes", rects[0], self._yes, self.labels[0], fixed=True),
            Item("no", rects[1], self.back, self.labels[1], fixed=True),
        ]
        self.viewport = canvas.rect.copy()

    def _yes(self) -> None:
        self.app.pop()
        self.on_yes()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_y:
            self._yes()
            return True
        if event.key == pygame.K_n:
            self.back()
            return True
        return False

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        draw_dialog(canvas, self.box)
        x, y = self.box.left + 2 * sizes.gap, self.box.top + 2 * sizes.gap
        canvas.block(self._question, (x, y), sizes.heading, "bold", palette.accent, "title")
        y += self._question.height + sizes.gap
        canvas.block(self._detail, (x, y), sizes.body, role="message")
        for item in self.items:
            self.draw_button(canvas, item)

    def speech_text(self) -> str:
        return f"{self.question} {self.detail} {self.labels[0]}, or {self.labels[1]}."
