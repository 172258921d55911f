"""`LiveSession`: a facilitated session whose every teacher action is kept, so a crash resumes it.

The projector's keys, the teacher's page and the terminal call the same
methods as on any `FacilitatorSession`; here each one that did something is
written to the class store before it returns, and `replay` runs them again on
a fresh session after a restart, so the lesson is exactly where it was. Votes
from students' devices are kept in the store per decision (`decision_key`) and
counted into the tally whenever that decision is on screen.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from game.classroom.facilitator import FacilitatorSession
from game.classroom.phases import Phase
from game.classroom.plans import Plan
from game.classroom.session_log import SessionLog
from game.classroom.store import ClassStore
from game.engine import Story

#: The session's methods that change the lesson: each is kept as an action when it succeeds.
RECORDED = ("advance", "override", "back", "next_scene", "skip_to_decision", "toggle_records",
            "add_vote", "remove_vote", "set_votes", "undo_vote")


class LiveSession(FacilitatorSession):
    """A `FacilitatorSession` that keeps its actions in a `ClassStore` under the class's code."""

    def __init__(self, plan: Plan, story: Story, log: SessionLog, store: ClassStore, code: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.code = code
        self.lock = threading.RLock()  # the server's loop and the projector window share it
        #: Told of every change: "vote" and "join" change only what the projector shows,
        #: anything else what every device shows too.
        self.listeners: list[Callable[[str], None]] = []
        self._replaying = False
        super().__init__(plan, story, log, clock)

    # -- which decision the devices vote on -------------------------------------------------
    @property
    def decision_key(self) -> str:
        """The decision on screen, as votes are kept: scene, step and node (stable on replay)."""
        if self.phase is not Phase.VOTING:
            return ""
        step = len(self.player.playthrough.history)
        return f"{self.scene_id}:{step}:{self.player.node.id}"

    def _enter_node(self, log: bool = True) -> None:
        super()._enter_node(log)
        key = self.decision_key
        if key:  # votes already given (before a restart, or before going back) count again
            for option in self.store.votes(self.code, key).values():
                self.votes.add_device_vote(option)

    # -- actions, kept -------------------------------------------------------------------------
    def act(self, action: str, argument: str = "") -> bool:
        """Do one of `RECORDED` by name (the teacher's page sends names); kept when it worked."""
        if action not in RECORDED:
            raise ValueError(f"unknown action {action!r}")
        method = getattr(self, action)
        with self.lock:
            return bool(method(*_arguments(action, argument)))

    def _kept(self, action: str, done: bool, *arguments: object) -> bool:
        if done and not self._replaying:
            self.store.add_action(self.code, action, " ".join(str(a) for a in arguments))
            self.changed()
        return done

    def changed(self, kind: str = "lesson") -> None:
        """Tell whoever shows the class (the server's pushes) what kind of thing changed."""
        for listener in list(self.listeners):
            listener(kind)

    def advance(self) -> bool:
        with self.lock:
            return self._kept("advance", super().advance())

    def override(self, option: str | int) -> bool:
        with self.lock:
            return self._kept("override", super().override(option), option)

    def back(self) -> bool:
        with self.lock:
            return self._kept("back", super().back())

    def next_scene(self) -> bool:
        with self.lock:
            return self._kept("next_scene", super().next_scene())

    def skip_to_decision(self) -> bool:
        with self.lock:
            return self._kept("skip_to_decision", super().skip_to_decision())

    def toggle_records(self) -> bool:
        with self.lock:
            return self._kept("toggle_records", super().toggle_records())

    def add_vote(self, option: str | int) -> bool:
        with self.lock:
            return self._kept("add_vote", super().add_vote(option), option)

    def remove_vote(self, option: str | int) -> bool:
        with self.lock:
            return self._kept("remove_vote", super().remove_vote(option), option)

    def set_votes(self, option: str | int, count: int) -> bool:
        with self.lock:
            return self._kept("set_votes", super().set_votes(option, count), option, count)

    def undo_vote(self) -> bool:
        with self.lock:
            return self._kept("undo_vote", super().undo_vote())

    def toggle_pause(self) -> bool:
        with self.lock:
            done = super().toggle_pause()
        self.changed()  # not kept: a restarted lesson is never paused
        return done

    def replay(self) -> int:
        """Run every kept action again, in order (after a restart); how many were run."""
        actions = self.store.actions(self.code)
        self._replaying = True
        try:
            for row in actions:
                getattr(self, row.action)(*_arguments(row.action, row.argument))
        finally:
            self._replaying = False
        self.message = ""
        return len(actions)


def _arguments(action: str, argument: str) -> tuple[object, ...]:
    """An action's argument as its method takes it: an option (id or number), and a count."""
    parts = argument.split()
    values: list[object] = [int(part) if part.isdigit() else part for part in parts]
    if action in ("override", "add_vote", "remove_vote"):
        return tuple(values[:1])
    if action == "set_votes":
        return tuple(values[:2])
    return ()
