"""A plain message over the current screen: placeholders, reload diagnostics, problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.widgets import draw_dialog

if TYPE_CHECKING:
    from game.desktop.app import App


class MessageScreen(Screen):
    name = "message"
    overlay = True

    def __init__(self, app: App, title: str, lines: list[str]) -> None:
        super().__init__(app)
        self.title = title
        self.lines = lines

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        width = min(canvas.rect.width - 2 * sizes.margin, sizes.column)
        inner = width - 4 * sizes.gap
        heights = [cache.layout(line, sizes.body, inner).height for line in self.lines]
        button_h = cache.line_height(sizes.body) + 2 * sizes.gap
        height = (
            cache.line_height(sizes.heading, "bold")
            + sum(heights)
            + sizes.gap * (len(heights) + 6)
            + button_h
        )
        height = min(height, canvas.rect.height - 2 * sizes.gap)
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = canvas.rect.center
        self.viewport = self.box.inflate(0, -button_h - 2 * sizes.gap).move(0, -button_h // 2)
        button = pygame.Rect(0, 0, sizes.body * 8, button_h)
        button.midbottom = (self.box.centerx, self.box.bottom - 2 * sizes.gap)
        self.items = [Item("back", button, self.back, "Back", fixed=True)]
        self._inner = inner
        self.content_bottom = self.box.top + height - button_h

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        draw_dialog(canvas, self.box)
        x = self.box.left + 2 * sizes.gap
        y = self.box.top + 2 * sizes.gap - self.scroll
        y = (
            canvas.text(self.title, (x, y), sizes.heading, palette.accent, "bold", "title").bottom
            + sizes.gap
        )
        clip = self.viewport
        for line in self.lines:
            block = canvas.cache.layout(line, sizes.body, self._inner)
            canvas.block(block, (x, y), sizes.body, role="message", clip=clip)
            y += block.height + sizes.gap
        self.draw_button(canvas, self.items[0])

    def speech_text(self) -> str:
        return self.title + ". " + " ".join(self.lines)
