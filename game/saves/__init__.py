"""Saves and exported records: the Playthrough on disk, versioned and written atomically."""

from __future__ import annotations

from game.saves.atomic import atomic_write_text
from game.saves.fit import SaveMismatch, fit_to_scene
from game.saves.slots import (
    AUTOSAVE,
    MAX_SAVE_NAME,
    PREVIOUS,
    SAVE_FORMAT,
    SAVE_VERSION,
    SLOT_NAME_RULE,
    LoadedSave,
    SaveSlot,
    SlotNameError,
    autosave_slot,
    keep_aside,
    list_saves,
    previous_autosave_path,
    read_save,
    save_name,
    set_damaged_autosave_aside,
    slot_name,
    take_moved_aside_notices,
    version_problem,
    write_save,
)

__all__ = [
    "AUTOSAVE",
    "MAX_SAVE_NAME",
    "PREVIOUS",
    "SAVE_FORMAT",
    "SAVE_VERSION",
    "SLOT_NAME_RULE",
    "LoadedSave",
    "SaveMismatch",
    "SaveSlot",
    "SlotNameError",
    "atomic_write_text",
    "autosave_slot",
    "fit_to_scene",
    "keep_aside",
    "list_saves",
    "previous_autosave_path",
    "read_save",
    "save_name",
    "set_damaged_autosave_aside",
    "slot_name",
    "take_moved_aside_notices",
    "version_problem",
    "write_save",
]
