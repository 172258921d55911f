"""Asks for the student's name before a record is exported (remembered for next time).

While it is open it takes every key (see `Screen.takes_text`): a V or a ? in
a name is a letter, not a shortcut. An empty name is not quietly exported as
"anonymous": the student is asked first. On a shared computer the name
remembered is someone else's as often as not: it is offered selected, with
whose it is said plainly ("Last name used on this computer: …"), so the
first letter typed (or Backspace) replaces it rather than adding to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.fitting import fit
from game.desktop.screen import Item, Screen
from game.desktop.widgets import draw_dialog

if TYPE_CHECKING:
    from game.desktop.app import App

MAX_LENGTH = 80


class NameEntryScreen(Screen):
    name = "name-entry"
    overlay = True
    takes_text = True
    #: What the dialog asks, says of it, and its button: a subclass names something else.
    question = "Your name, as your teacher knows you"
    explanation = "It goes in the record file with your choices."
    ok_label = "Export (Enter)"

    def __init__(self, app: App, done: Callable[[str], None]) -> None:
        super().__init__(app)
        self.done = done
        self.value = app.settings.student_name
        self.remembered = self.value  # the last name used on this computer, if any
        self.selected = bool(self.value)  # typing replaces it; Backspace clears it
        # Text input is on from the start in SDL; it is never turned off again, because
        # stopping it would empty every later key press's character (and so the ? key).
        pygame.key.start_text_input()

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        width = min(canvas.rect.width - 2 * sizes.margin, sizes.body * 30)
        line = cache.line_height(sizes.body)
        note = cache.line_height(sizes.small) if self.remembered else 0
        self.box = pygame.Rect(0, 0, width, line * 6 + sizes.gap * 8 + note)
        self.box.center = canvas.rect.center
        self.field = pygame.Rect(
            self.box.left + sizes.gap * 2,
            self.box.top + line * 2 + sizes.gap * 3,
            width - sizes.gap * 4,
            line + sizes.gap * 2,
        )
        button_w = (width - sizes.gap * 6) // 2
        y = self.field.bottom + sizes.gap * 3 + note
        self.items = [
            Item(
                "ok",
                pygame.Rect(self.field.left, y, button_w, line + sizes.gap * 2),
                self._confirm,
                self.ok_label,
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
            kept = "" if self.selected else self.value
            self.value, self.selected = (kept + event.text)[:MAX_LENGTH], False
            return
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_BACKSPACE, pygame.K_DELETE):
                self.value = "" if self.selected else self.value[:-1]
                self.selected = False
                return
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_END, pygame.K_HOME):
                self.selected = False  # keep the name and edit it
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
            self.question,
            (x, y),
            sizes.body,
            palette.accent,
            "bold",
            "title",
        )
        canvas.text(
            self.explanation,
            (x, y + canvas.cache.line_height(sizes.body)),
            sizes.small,
            palette.muted,
            role="hint",
        )
        canvas.panel(self.field, palette.background, palette.focus)
        origin = (self.field.left + sizes.gap, self.field.top + sizes.gap)
        if self.selected:  # drawn as selected text: the next key replaces it
            chosen = pygame.Rect(origin, (canvas.cache.width(self.value, sizes.body),
                                          canvas.cache.line_height(sizes.body)))
            canvas.fill(palette.focus, chosen)
            canvas.text(self.value, origin, sizes.body, palette.background, role="field")
        else:
            canvas.text(self.value + "|", origin, sizes.body, role="field")
        if self.remembered:
            note = fit(f"Last name used on this computer: {self.remembered} — type to replace",
                       self.field.width, lambda text: canvas.cache.width(text, sizes.small))
            canvas.text(
                note,
                (self.field.left, self.field.bottom + sizes.gap),
                sizes.small,
                palette.muted,
                role="remembered",
            )
        for item in self.items:
            self.draw_button(canvas, item)
