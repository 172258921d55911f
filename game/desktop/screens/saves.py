"""Saves: numbered slots with scene, place and time, plus each scene's autosave.

Opened from play it saves and loads; from the title it only loads. A save
that cannot be used is listed with the reason, never hidden.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.screen import Screen
from game.desktop.widgets import column
from game.engine import Player
from game.saves import PREVIOUS, SaveSlot, list_saves, read_save, write_save

if TYPE_CHECKING:
    from game.desktop.app import App

SLOTS = 5


def _when(saved_at: str) -> str:
    try:
        moment = datetime.fromisoformat(saved_at).astimezone()
    except ValueError:
        return saved_at
    return moment.strftime("%d %b %Y, %H:%M")


def describe(slot: SaveSlot) -> str:
    if slot.problem:
        return f"Cannot be used: {slot.problem}"
    when = _when(slot.saved_at)
    return f"{slot.scene_title} — {slot.place}, {slot.date} · {slot.steps} steps · saved {when}"


def _slot_words(slot: str) -> str:
    """A slot's name as words: 'slot 2', 'autosave demo_call (earlier run)'."""
    if slot.endswith(PREVIOUS):
        return _slot_words(slot.removesuffix(PREVIOUS)) + " (earlier run)"
    return slot.replace("-", " ")


class SavesScreen(Screen):
    name = "saves"
    scroll_cue = True

    def __init__(self, app: App, player: Player | None) -> None:
        super().__init__(app)
        self.player = player

    def on_show(self) -> None:
        self.invalidate()

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        title = "Save or load" if self.player is not None else "Load a saved game"
        top = self.make_header(canvas, title, "Saves stay on this computer")
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        saves = {slot.slot: slot for slot in list_saves()}
        # Saving comes first from play; from the title, loading where you were does.
        if self.player is not None:
            self._slots(flow, saves)
            self._autosaves(flow, saves)
        else:
            self._autosaves(flow, saves)
            self._slots(flow, saves)
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin

    def _slots(self, flow: Flow, saves: dict[str, SaveSlot]) -> None:
        sizes = flow.sizes
        flow.text("Save slots", sizes.heading, "bold", "accent", "heading")
        flow.space()
        button = sizes.body * 9
        for number in range(1, SLOTS + 1):
            name = f"slot-{number}"
            slot = saves.get(name)
            flow.para(
                f"Slot {number}: " + (describe(slot) if slot else "empty"),
                sizes.body,
                colour="text" if slot else "muted",
                role="slot",
            )
            flow.space(sizes.gap // 2)
            row_y = flow.y
            if self.player is not None:
                flow.button(
                    f"save:{name}",
                    f"Save to slot {number}",
                    self._saver(name, slot),
                    size=sizes.small,
                    width=button,
                )
                flow.y = row_y
                flow.indent += button + sizes.gap
            if slot and not slot.problem:
                flow.button(
                    f"load:{name}",
                    f"Load slot {number}",
                    self._loader(slot),
                    size=sizes.small,
                    width=button,
                )
            if self.player is not None:
                flow.indent -= button + sizes.gap
            flow.y = max(flow.y, row_y + flow.cache.line_height(sizes.small) + sizes.gap * 3)
            flow.space()
        flow.space(sizes.gap * 2)

    def _autosaves(self, flow: Flow, saves: dict[str, SaveSlot]) -> None:
        sizes = flow.sizes
        autos = [slot for slot in saves.values() if slot.slot.startswith("autosave")]
        flow.text(
            "Autosaves: one per scene, written at every choice",
            sizes.heading,
            "bold",
            "accent",
            "heading",
        )
        flow.space()
        if not autos:
            flow.text("None yet.", colour="muted", role="slot")
        for slot in sorted(autos, key=lambda s: s.saved_at, reverse=True):
            # A scene started again keeps the run before it aside (saves.keep_aside).
            earlier = slot.slot.endswith(PREVIOUS)
            if slot.problem:
                flow.para(("The earlier run: " if earlier else "") + describe(slot), sizes.body,
                          colour="muted", role="slot")
            else:
                label = "Load the earlier run: " if earlier else "Load: "
                flow.button(f"load:{slot.slot}", label + describe(slot), self._loader(slot))
        flow.space(sizes.gap * 2)

    def _saver(self, name: str, slot: SaveSlot | None = None):  # type: ignore[no-untyped-def]
        def ask() -> None:
            if slot is None:
                save()
                return
            from game.desktop.screens.confirm import ConfirmScreen

            number = name.rsplit("-", 1)[-1]
            self.app.push(
                ConfirmScreen(
                    self.app,
                    f"Save over slot {number}?",
                    f"It holds {describe(slot)}. That save will be lost.",
                    f"Save over slot {number} (Y)",
                    save,
                    "Keep it (Esc)",
                )
            )

        def save() -> None:
            assert self.player is not None
            try:
                write_save(self.player, name)
            except OSError as error:
                self.app.notify(f"Could not save: {error.strerror or error}")
                return
            self.app.notify(f"Saved to {name.replace('-', ' ')}.")
            self.invalidate()

        return ask

    def _loader(self, slot: SaveSlot):  # type: ignore[no-untyped-def]
        def load() -> None:
            loaded = read_save(slot.path, self.app.story)
            if loaded.playthrough is None:
                self.app.notify(loaded.problem)
                return
            player = self.app.story.resume(loaded.playthrough)
            self.app.open_play(player)
            self.app.notify(loaded.problem or f"Loaded {_slot_words(slot.slot)}.")

        return load

    def draw(self, canvas: Canvas) -> None:
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def on_key(self, event: pygame.event.Event) -> bool:
        """S closes the saves it opened from play, as D and T close theirs."""
        if event.key == pygame.K_s and self.player is not None:
            self.back()
            return True
        return False
