"""Saves and exported records: the Playthrough on disk, versioned and written atomically."""

from __future__ import annotations

from game.saves.atomic import atomic_write_text
from game.saves.slots import (
    AUTOSAVE,
    SAVE_VERSION,
    LoadedSave,
    SaveSlot,
    autosave_slot,
    list_saves,
    read_save,
    write_save,
)

__all__ = [
    "AUTOSAVE",
    "SAVE_VERSION",
    "LoadedSave",
    "SaveSlot",
    "atomic_write_text",
    "autosave_slot",
    "list_saves",
    "read_save",
    "write_save",
]
