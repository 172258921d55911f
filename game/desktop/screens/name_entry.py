"""Asks for the student's name before a record is exported (remembered for next time).

While it is open it takes every key (see `Screen.takes_text`): a V or a ? in
a name is a letter, not a shortcut. An empty name is not quietly exported as
"anonymous": the student is asked first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.widgets import draw_dialog

if TYPE_CHECKING:
    from game.desktop.app import App

MAX_LENGTH = 80


class NameEntryScreen(Screen):
    name = "name-entry"
    overlay = True
    takes_text = True

    def __init__(self, app: App, done: Callable[[str], None]) -> None:
        super().__init__(app)
        self.done = done
        self.value = app.settings.student_name
        # Text input is on from the start in SDL; it is never turned off again, because
        # stopping it would empty every later key press's character (and so the ? key).
        pygame.key.start_text_input()

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        width = min(canvas.rect.width - 2 * sizes.margin, sizes.body * 30)
        line = cache.line_height(sizes.body)
        self.box = pygame.Rect(0, 0, width, line * 6 + sizes.gap * 8)
        self.box.center = canvas.rect.center
        self.field = pygame.Rect(
            self.box.left + sizes.gap * 2,
            self.box.top + line * 2 + sizes.gap * 3,
            width - sizes.gap * 4,
            line + sizes.gap * 2,
        )
        button_w = (width - sizes.gap * 6) // 2
        y = self.field.bottom + sizes.gap * 3
        self.items = [
            Item(
                "ok",
                pygame.Rect(self.field.left, y, button_w, line + sizes.gap * 2),
                self._confirm,
                "Export (Enter)",
                fixed=True,
            ),
            Item(
                "cancel",
                pygame.Rect(self.field.right - button_w, y, button_w, line + sizes.gap * 2),
                self._cancel,
                "Cancel (Esc)",
                fixed=True,
            ),
        ]
        self.viewport = canvas.rect.copy()

    def _confirm(self) -> None:
        name = " ".join(self.value.split())
        if name:
            self._finish(name)
            return
        from game.desktop.screens.confirm import ConfirmScreen

        self.app.push(
            ConfirmScreen(
                self.app,
                "Export without a name?",
                "The record will say 'anonymous', so your teacher may not know it is yours.",
                "Export without a name (Y)",
                lambda: self._finish(""),
                "Type my name (Esc)",
            )
        )

    def _finish(self, name: str) -> None:
        self.app.apply_settings(replace(self.app.settings, student_name=name))
        self._cancel()
        self.done(name)

    def _cancel(self) -> None:
        self.app.pop()

    def back(self) -> None:
        self._cancel()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.TEXTINPUT:
            self.value = (self.value + event.text)[:MAX_LENGTH]
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.value = self.value[:-1]
                return
            if (
                event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                and self.focused is not None
                and self.focused.id == "ok"
            ):
                self._confirm()
                return
            if event.key == pygame.K_SPACE or (
                event.unicode and event.unicode.isprintable() and event.key not in (pygame.K_TAB,)
            ):
                return  # typed characters arrive as TEXTINPUT
        super().handle(event)

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        draw_dialog(canvas, self.box)
        x, y = self.box.left + sizes.gap * 2, self.box.top + sizes.gap * 2
        canvas.text(
            "Your name, as your teacher knows you",
            (x, y),
            sizes.body,
            palette.accent,
            "bold",
            "title",
        )
        canvas.text(
            "It goes in the record file with your choices.",
            (x, y + canvas.cache.line_height(sizes.body)),
            sizes.small,
            palette.muted,
            role="hint",
        )
        canvas.panel(self.field, palette.background, palette.focus)
        shown = self.value + "|"
        canvas.text(
            shown,
            (self.field.left + sizes.gap, self.field.top + sizes.gap),
            sizes.body,
            role="field",
        )
        for item in self.items:
            self.draw_button(canvas, item)
