"""Names a save before it is written: the player's own words for the moment ("before the call").

The name entry of the export, asking something else: the place and date of
the passage are offered, selected, so Enter keeps them and the first letter
typed replaces them. A name left empty falls back to that suggestion; the
student's own name in the settings is never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.desktop.screens.name_entry import NameEntryScreen
from game.saves import MAX_SAVE_NAME, save_name

if TYPE_CHECKING:
    from game.desktop.app import App


class SaveNameScreen(NameEntryScreen):
    name = "save-name"
    question = "Name this save"
    explanation = "Your own words for this moment: the saves list shows them."
    ok_label = "Save (Enter)"

    def __init__(self, app: App, suggestion: str, done: Callable[[str], None]) -> None:
        super().__init__(app, done)
        self.suggestion = save_name(suggestion)
        self.value = self.suggestion
        self.remembered = ""  # no "last name used on this computer" note
        self.selected = bool(self.value)

    def handle(self, event: pygame.event.Event) -> None:
        super().handle(event)
        self.value = self.value[:MAX_SAVE_NAME]

    def _confirm(self) -> None:
        self.app.pop()
        self.done(save_name(self.value) or self.suggestion)
