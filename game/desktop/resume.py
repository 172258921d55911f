"""Which record panel was open, so Esc → Continue (or quitting and coming back) shows it again.

The autosave is written at the choice, before the student has read its
record. The saves format belongs to the engine's save files, so the desktop
keeps its own small note beside them: the playthrough and the number of
steps at which a record panel stood open. Continuing past the panel deletes
the note; a playthrough that has moved on no longer matches it.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from game import paths
from game.engine import Outcome, Passage, Player, StepView
from game.guarded import Unreadable, read_json
from game.saves import atomic_write_text

FILE_NAME = "open-record.json"


def _path() -> Path:
    return paths.user_data_dir() / FILE_NAME


def remember_open_record(player: Player) -> None:
    """The record of `player`'s last choice is on screen now."""
    playthrough = player.playthrough
    note = {"playthrough": playthrough.playthrough_id, "steps": len(playthrough.history)}
    with contextlib.suppress(OSError):  # only a convenience: the history has the record too
        atomic_write_text(_path(), json.dumps(note) + "\n")


def forget_open_record() -> None:
    with contextlib.suppress(OSError):
        _path().unlink(missing_ok=True)


def open_record(player: Player) -> StepView | None:
    """The step whose record was left open in this playthrough, if it is still the last one."""
    try:
        note = read_json(_path(), 4096)
    except Unreadable:
        return None
    steps = len(player.playthrough.history)
    if (
        not isinstance(note, dict)
        or note.get("playthrough") != player.playthrough.playthrough_id
        or note.get("steps") != steps
        or not steps
    ):
        return None
    last = player.step_view(-1)  # only the last step: never every step of a long playthrough
    return last if last.record is not None else None


def restored_record(player: Player) -> tuple[Passage, Outcome] | None:
    """The passage and outcome to show the record panel again with, when it was left open."""
    step = open_record(player)
    if step is None or step.record is None:
        return None
    node = player.scene.nodes[step.node_id]
    outcome = Outcome(step.choice_id, step.choice_text, step.record, player.passage, player.ending,
                      discuss=node.discuss, node_id=step.node_id)
    read_with = player.playthrough.history[step.index].variables_before  # as it was read
    return player.passage_at(step.node_id, read_with), outcome
