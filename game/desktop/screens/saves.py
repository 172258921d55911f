"""Saves: numbered slots with scene, place and time, plus each scene's autosave.

Opened from play it saves and loads; from the title it only loads. A save
that cannot be used is listed with the reason, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow, Op
from game.desktop.screen import Screen
from game.desktop.thumbnails import Thumbnail, read_thumbnail, remove_thumbnail, write_thumbnail
from game.desktop.widgets import column
from game.engine import Player
from game.saves import (
    AUTOSAVE,
    PREVIOUS,
    SaveSlot,
    autosave_slot,
    keep_aside,
    list_saves,
    read_save,
    write_save,
)

if TYPE_CHECKING:
    from game.desktop.app import App

SLOTS = 5
_NUMBERED = re.compile(r"^slot-[1-9]$")


def _steps(steps: int) -> str:
    return "at the start" if steps == 0 else f"after {steps} choice{'s' if steps != 1 else ''}"


def _empty_words(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"Slot {numbers[0]} is empty."
    listed = ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
    return f"Slots {listed} are empty."


def _button_row(flow: Flow, buttons: list[tuple[str, str, Callable[[], None]]],
                width: int = 0) -> None:
    """Buttons side by side, as many to a line as fit, each as wide as its words."""
    sizes, cache, gap = flow.sizes, flow.cache, flow.sizes.gap
    left, full, top = flow.left, flow.width, flow.y
    x, bottom = left, top
    for item_id, text, action in buttons:
        wide = width or cache.width(text, sizes.small) + gap * 5
        if x > left and x + wide > left + full:
            x, top = left, bottom
        flow.left, flow.width, flow.y = x, min(wide, full), top
        flow.button(item_id, text, action, size=sizes.small)
        bottom = max(bottom, flow.y)
        x += wide + gap
    flow.left, flow.width, flow.y = left, full, bottom


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
    return (f"{slot.scene_title} — {slot.place}, {slot.date} · {_steps(slot.steps)} · "
            f"saved {when}")


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
        self._saves: dict[str, SaveSlot] = {}
        self._pictures: dict[tuple[str, str, int], Thumbnail] = {}
        # The play screen as it is now, before this one covers it: each save's thumbnail.
        self.picture = app.surface.copy() if player is not None else None

    def on_show(self) -> None:
        self.invalidate()

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        title = "Save or load" if self.player is not None else "Load a saved game"
        top = self.make_header(canvas, title, "Saves stay on this computer")
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        saves = self._saves = {slot.slot: slot for slot in list_saves()}
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
        """Each used slot as a row: its picture, its name, scene, step and buttons; the empty
        ones as one short line each from play (to save there), or one line in all."""
        sizes = flow.sizes
        flow.text("Save slots", sizes.heading, "bold", "accent", "heading")
        flow.space()
        empty = []
        for number in range(1, SLOTS + 1):
            slot = saves.get(f"slot-{number}")
            if slot is None:
                empty.append(number)
                if self.player is not None:
                    self._empty_row(flow, number)
            else:
                self._row(flow, slot, f"Slot {number}", number)
        named = sorted((slot for name, slot in saves.items()
                        if not name.startswith(AUTOSAVE) and not _NUMBERED.match(name)),
                       key=lambda slot: slot.slot)
        for slot in named:  # saved by name (the terminal's `s NAME`)
            self._row(flow, slot, _slot_words(slot.slot).capitalize(), 0)
        if empty and self.player is None:
            flow.text(_empty_words(empty), sizes.body, colour="muted", role="slot")
        flow.space(sizes.gap * 2)

    def _row(self, flow: Flow, slot: SaveSlot, name: str, number: int) -> None:
        sizes, gap = flow.sizes, flow.sizes.gap
        top = flow.y
        thumb_w = min(flow.inner // 4, sizes.body * 10)
        picture = self._thumbnail(slot, thumb_w)
        thumb = pygame.Rect(flow.x, top, thumb_w, picture.height)
        flow.ops.append(Op("drawn", thumb.x, thumb.y, {"drawing": picture, "rect": thumb}))
        right = Flow(flow.canvas, thumb.right + gap * 2, flow.inner - thumb_w - gap * 2, top)
        if slot.problem:
            right.text(name, sizes.body, "bold", role="slot")
            right.para(describe(slot), sizes.small, colour="muted", role="slot")
        else:
            right.para(f"{name}: “{slot.name}”" if slot.name and number else name,
                       sizes.body, "bold", role="slot")
            right.para(slot.scene_title, sizes.body, role="slot")
            right.para(f"{slot.place}, {slot.date} · {_steps(slot.steps)} · saved "
                       f"{_when(slot.saved_at)}", sizes.small, colour="muted", role="slot")
        right.space(gap)
        buttons: list[tuple[str, str, Callable[[], None]]] = []
        words = name.lower() if number else f"'{slot.slot}'"
        if self.player is not None and number:
            buttons.append((f"save:{slot.slot}", f"Save to slot {number}",
                            self._saver(slot.slot, slot)))
        if not slot.problem:
            buttons.append((f"load:{slot.slot}", f"Load {words}", self._loader(slot)))
        buttons.append((f"delete:{slot.slot}", "Delete", self._deleter(slot, name)))
        _button_row(right, buttons)
        flow.ops.extend(right.ops)
        flow.items.extend(right.items)
        flow.y = max(right.y, thumb.bottom + gap) + gap

    def _empty_row(self, flow: Flow, number: int) -> None:
        """An empty slot from play: its name and the button to save there, on one line."""
        sizes, gap = flow.sizes, flow.sizes.gap
        top = flow.y
        label = f"Slot {number}: empty"
        flow.text(label, sizes.body, colour="muted", role="slot")
        flow.y = top
        button = sizes.body * 9
        indent = min(flow.inner // 4, sizes.body * 10) + gap * 2
        row = Flow(flow.canvas, flow.x + indent, flow.inner - indent, top - gap // 2)
        _button_row(row, [(f"save:slot-{number}", f"Save to slot {number}",
                           self._saver(f"slot-{number}"))], button)
        flow.items.extend(row.items)
        flow.ops.extend(row.ops)
        flow.y = max(row.y, top + flow.cache.line_height(sizes.body)) + gap

    def _thumbnail(self, slot: SaveSlot, width: int) -> Thumbnail:
        key = (str(slot.path), slot.saved_at, width)
        if key not in self._pictures:
            self._pictures[key] = Thumbnail.of(read_thumbnail(slot.path), width,
                                               self.app.sizes)
        return self._pictures[key]

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
                named()
                return
            from game.desktop.screens.confirm import ConfirmScreen

            number = name.rsplit("-", 1)[-1]
            self.app.push(
                ConfirmScreen(
                    self.app,
                    f"Save over slot {number}?",
                    f"It holds {describe(slot)}. That save will be lost.",
                    f"Save over slot {number} (Y)",
                    named,
                    "Keep it (Esc)",
                )
            )

        def named() -> None:
            """The player's name for the save, the passage's place and date offered."""
            from game.desktop.screens.save_name import SaveNameScreen

            assert self.player is not None
            passage = self.player.passage
            offered = ", ".join(part for part in (passage.place, passage.date) if part)
            self.app.push(SaveNameScreen(self.app, (slot.name if slot else "") or offered,
                                         save))

        def save(title: str) -> None:
            assert self.player is not None
            try:
                path = write_save(self.player, name, name=title)
            except OSError as error:
                self.app.notify(f"Could not save: {error.strerror or error}")
                return
            if self.picture is None or not write_thumbnail(self.picture, path):
                remove_thumbnail(path)  # never an older run's picture beside this save
            self.app.notify(f"Saved to {name.replace('-', ' ')}.")
            self.invalidate()

        return ask

    def _loader(self, slot: SaveSlot):  # type: ignore[no-untyped-def]
        def ask() -> None:
            autosave = self._autosave_at_risk(slot)
            if autosave is None:
                load()
                return
            from game.desktop.screens.confirm import ConfirmScreen

            earlier = self._saves.get(autosave_slot(slot.scene_id) + PREVIOUS)
            replaced = (f" The earlier run kept before ({_steps(earlier.steps)}) is replaced."
                        if earlier is not None and earlier.slot != slot.slot else "")
            self.app.push(ConfirmScreen(
                self.app,
                f"Load {_slot_words(slot.slot)} over your autosave?",
                f"The autosave of {autosave.scene_title} is another run: "
                f"{_steps(autosave.steps)}, saved {_when(autosave.saved_at)}. Loading keeps "
                f"it as the scene's earlier run, listed under Autosaves.{replaced}",
                "Load, keep the autosave (Y)",
                keep_then_load,
                "Cancel (Esc)",
            ))

        def keep_then_load() -> None:
            autosave = self._autosave_at_risk(slot)
            if autosave is not None:
                try:
                    keep_aside(autosave.path, slot.scene_id)
                except OSError as error:
                    self.app.notify(f"The autosave could not be kept aside "
                                    f"({error.strerror or error}); nothing was loaded.")
                    return
            load()

        def load() -> None:
            loaded = read_save(slot.path, self.app.story)
            if loaded.playthrough is None:
                self.app.notify(loaded.problem)
                return
            player = self.app.story.resume(loaded.playthrough)
            self.app.open_play(player)
            self.app.notify(loaded.problem or f"Loaded {_slot_words(slot.slot)}.")

        return ask

    def _autosave_at_risk(self, slot: SaveSlot) -> SaveSlot | None:
        """The scene's autosave, when playing on from `slot` would write over a run it
        holds: another playthrough, or this one further on. None when nothing is lost."""
        name = autosave_slot(slot.scene_id)
        autosave = self._saves.get(name)
        if slot.slot == name or autosave is None or autosave.problem or not autosave.steps:
            return None  # nothing there to lose: a run not yet begun is no loss
        if autosave.playthrough_id == slot.playthrough_id and autosave.steps <= slot.steps:
            return None
        return autosave

    def _deleter(self, slot: SaveSlot, name: str):  # type: ignore[no-untyped-def]
        def ask() -> None:
            from game.desktop.screens.confirm import ConfirmScreen

            what = describe(slot) if not slot.problem else "a save that cannot be used"
            self.app.push(ConfirmScreen(
                self.app, f"Delete {name.lower()}?",
                f"It holds {what}. A deleted save cannot be brought back.",
                f"Delete {name.lower()} (Y)", delete, "Keep it (Esc)"))

        def delete() -> None:
            try:
                slot.path.unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                self.app.notify(f"Could not delete {name.lower()}: {error.strerror or error}")
                return
            remove_thumbnail(slot.path)
            self.app.notify(f"Deleted {name.lower()}.")
            self.invalidate()

        return ask

    def draw(self, canvas: Canvas) -> None:
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def on_key(self, event: pygame.event.Event) -> bool:
        """S closes the saves it opened from play, as D and T close theirs."""
        if event.key == pygame.K_s and self.player is not None:
            self.back()
            return True
        return False
