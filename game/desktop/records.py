"""Exporting a playthrough as the record file a student hands in.

The classroom tools own the record format: `game.classroom.records.write_record`
writes it into the records folder the teacher collects. This module is the
desktop's one door to it, so the debrief screen never needs to know the format.
"""

from __future__ import annotations

from pathlib import Path

from game.classroom.records import write_record
from game.engine import Player


def export_record(player: Player, student_name: str, directory: Path | None = None) -> Path:
    """Write the record as JSON (the classroom's versioned format); returns where."""
    return write_record(player, directory, student_name)
