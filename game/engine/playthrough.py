"""The Playthrough: the only mutable thing in the game, and the only thing saved.

It is the `transitions` machine's model: the machine sets `node`; the engine
keeps the variables and the history of choices, each with the variables as
they were before it, so any earlier choice can be rewound to exactly.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from game.model import Value


def new_playthrough_id() -> str:
    return str(uuid.uuid4())


_this_second: list[tuple[int, str]] = [(0, "")]


def now_iso() -> str:
    """The time now to the second, as ISO 8601 in UTC (made once a second: it is taken at
    every choice, where formatting it each time was a tenth of a choice's time)."""
    second = int(time.time())
    made_at, text = _this_second[0]
    if second != made_at:
        text = datetime.fromtimestamp(second, timezone.utc).isoformat(timespec="seconds")
        _this_second[0] = (second, text)
    return text


@dataclass(frozen=True)
class Step:
    """One choice made: where, which, and the state just before it."""

    node_id: str
    choice_id: str
    variables_before: dict[str, Value]
    chosen_at: str = ""


@dataclass(eq=False)
class Playthrough:
    """One player's way through one scene."""

    scene_id: str
    scene_hash: str
    variables: dict[str, Value]
    history: list[Step] = field(default_factory=list)
    started_at: str = field(default_factory=now_iso)
    #: Names this playthrough everywhere it is exported, so a record handed in
    #: twice counts once. Kept through save and load; a restart makes a new one.
    playthrough_id: str = field(default_factory=new_playthrough_id)
    #: Set by the state machine (its `model_attribute`); the current node id.
    node: str = ""

    def snapshot(self) -> dict[str, object]:
        """A plain-data copy, for saving and for tests that compare states."""
        return {
            "scene": self.scene_id,
            "scene_hash": self.scene_hash,
            "node": self.node,
            "variables": dict(self.variables),
            "started_at": self.started_at,
            "playthrough_id": self.playthrough_id,
            "history": [
                {
                    "node": step.node_id,
                    "choice": step.choice_id,
                    "variables_before": dict(step.variables_before),
                    "chosen_at": step.chosen_at,
                }
                for step in self.history
            ],
        }
