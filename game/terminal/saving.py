"""The terminal player's saves: autosave, save and load slots, each failure said in words.

Nothing here raises for a bad name or a folder that cannot be written: the
player is told what happened and why, and play goes on. The autosave of a
scene is offered back when the scene starts again (`offer_autosave`), so
"your place is saved" is true.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game import paths
from game.engine import Player, Story
from game.saves import (
    SLOT_NAME_RULE,
    LoadedSave,
    SaveSlot,
    SlotNameError,
    autosave_slot,
    keep_aside,
    list_saves,
    read_save,
    set_damaged_autosave_aside,
    slot_name,
    write_save,
)

Say = Callable[[str], None]
Ask = Callable[[str], str | None]


def choices(count: int) -> str:
    """'1 choice', '2 choices'."""
    return f"{count} choice" if count == 1 else f"{count} choices"


def _reason(error: OSError) -> str:
    """An OSError in a player's words: where, and why."""
    where = f" to {error.filename}" if error.filename else ""
    return f"could not save{where}: {error.strerror or error}"


@dataclass
class Saver:
    """Autosaves and save slots for one terminal session."""

    say: Say
    directory: Path | None = None
    #: The last autosave failed: said once, then kept quiet until one works again.
    failing: bool = False

    def folder(self) -> Path:
        """The saves folder (made if need be); raises OSError when it cannot be."""
        return self.directory or paths.saves_dir()

    def autosave(self, player: Player) -> bool:
        """Write the scene's autosave; on failure say why (once) and go on."""
        try:
            write_save(player, autosave_slot(player.scene.id), self.directory)
        except OSError as error:
            if not self.failing:
                self.say(f"  (The game {_reason(error)}. Play goes on, but your place is not "
                         "saved. Set COVER_NAMES_HOME to a folder you can write to.)")
            self.failing = True
            return False
        self.failing = False
        return True

    def save(self, player: Player, name: str) -> None:
        """`s [NAME]`: save to a slot; a friendly name is turned into a valid one, and said so."""
        wanted = name.strip() or "slot-1"
        try:
            slot = slot_name(wanted)
        except SlotNameError as error:
            self.say(f"  Not saved: {error}.")
            return
        if slot != wanted:  # two names that become one slot never replace each other silently
            other = self._other_playthrough_in(slot, player)
            if other:
                self.say(f"  Not saved: '{wanted}' is saved as '{slot}', and the save "
                         f"'{slot}' holds another playthrough ({other}). Type 's {slot}' to "
                         "replace it, or choose another name.")
                return
        try:
            path = write_save(player, slot, self.directory)
        except OSError as error:
            self.say(f"  Not saved: the game {_reason(error)}. Play goes on.")
            return
        if slot != wanted:
            self.say(f"  Saved as '{slot}' ({SLOT_NAME_RULE}): {path}.")
            if any(mark in wanted for mark in ("/", "\\", "..")):
                self.say(f"  Saves are always kept in the saves folder, {path.parent}.")
        else:
            self.say(f"  Saved to {path}.")

    def _other_playthrough_in(self, slot: str, player: Player) -> str:
        """What the save `slot` holds when it is another playthrough than `player`'s ('' when
        it is free, or this very playthrough saved before)."""
        for found in self.slots() or []:
            if found.slot != slot:
                continue
            if found.problem:
                return "a file that cannot be read"
            if found.playthrough_id == player.playthrough.playthrough_id:
                return ""
            return f"{found.scene_title}, {choices(found.steps)}"
        return ""

    def slots(self) -> list[SaveSlot] | None:
        try:
            return list_saves(self.folder())
        except OSError as error:
            self.say(f"  Cannot list the saves: {error.strerror or error} "
                     f"({error.filename or 'the saves folder'}).")
            return None

    def find(self, name: str) -> SaveSlot | None:
        """`l NAME`: the save whose file is NAME.json (or the slot NAME stands for)."""
        slots = self.slots()
        if slots is None:
            return None
        by_name = {slot.slot: slot for slot in slots}
        match = by_name.get(name)
        if match is None:
            try:
                match = by_name.get(slot_name(name))
            except SlotNameError:
                match = None
        if match is None:
            known = ", ".join(sorted(by_name)) or "none yet"
            self.say(f"  There is no save '{name}'. Saves: {known}.")
        return match

    def has_autosave(self, scene_id: str) -> bool:
        """Whether a run of the scene is autosaved (an unreadable folder: no)."""
        try:
            return (self.folder() / f"{autosave_slot(scene_id)}.json").is_file()
        except OSError:
            return False

    def offer_autosave(self, story: Story, scene_id: str, ask: Ask) -> Player | bool | None:
        """On starting a scene with an autosave: offer to continue it (the default).

        Returns the resumed Player, None to start afresh, or False when input
        ran out (quit). Starting afresh moves the old autosave aside to
        `autosave-<scene>.previous.json` first, so the new run cannot destroy it.
        """
        try:
            path = self.folder() / f"{autosave_slot(scene_id)}.json"
            exists = path.is_file()
        except OSError:
            return None  # no saves folder: nothing to continue, and autosave will say why
        if not exists:
            return None
        loaded = read_save(path, story)
        if loaded.playthrough is None:
            if loaded.damaged:
                self.say("  Your autosave of this scene cannot be used: "
                         f"{set_damaged_autosave_aside(path, loaded.problem)}.")
                return None
            self.say(f"  Your autosave of this scene cannot be used: {loaded.problem}")
            self._keep_aside(scene_id, path)
            return None
        scene = story.scenes[scene_id]
        steps = len(loaded.playthrough.history)
        if scene.nodes[loaded.playthrough.node].ending is not None:
            self.say(f"  You finished this scene last time ({choices(steps)}); "
                     "starting it again.")
            self._keep_aside(scene_id, path)
            return None
        while True:
            answer = ask(f"You have an autosave of this scene, {choices(steps)} in. "
                         "Continue it? [Y/n] ")
            if answer is None:
                return False
            if answer.lower() in {"", "y", "yes"}:
                return self._resume(story, loaded)
            if answer.lower() in {"n", "no"}:
                self._keep_aside(scene_id, path)
                return None
            self.say("  Please answer y (continue where you were) or n (start again).")

    def _resume(self, story: Story, loaded: LoadedSave) -> Player:
        assert loaded.playthrough is not None
        if loaded.problem:
            self.say(f"  Note: {loaded.problem}")
        self.say("  Continuing where you were (type 'h' for your choices so far).")
        return story.resume(loaded.playthrough)

    def _keep_aside(self, scene_id: str, path: Path) -> None:
        try:
            kept = keep_aside(path, scene_id)
        except OSError as error:
            self.say(f"  (Could not keep the old autosave aside: {error.strerror or error}.)")
            return
        self.say(f"  The earlier run is kept as '{kept.stem}': type 'l {kept.stem}' to go "
                 "back to it.")
