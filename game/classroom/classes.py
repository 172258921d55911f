"""`Classes`: every class the server runs, found by code; started, or resumed after a restart.

This is what the server's handlers hold: the story, the store, and for each
class its `LiveClass` (votes) and `BrowserPlay` (students' own playthroughs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from game.classroom.browser_play import BrowserPlay
from game.classroom.live_class import LiveClass, new_session_factory
from game.classroom.plans import Plan, load_plan
from game.classroom.store import ClassStore
from game.engine import Story


class Classes:
    """The server's classes by code, all sharing one story and one store."""

    def __init__(self, story: Story, store: ClassStore, log_dir: Path | None = None,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.story = story
        self.store = store
        self.log_dir = log_dir
        self.wall_clock = wall_clock
        self.live: dict[str, LiveClass] = {}
        self.play: dict[str, BrowserPlay] = {}

    def start(self, plan: Plan, anonymous: bool = False) -> LiveClass:
        """A new class for `plan`, with its own code and teacher secret."""
        factory = new_session_factory(plan, self.story, self.store, self.log_dir)
        live = LiveClass.start(self.store, plan, factory, anonymous, wall_clock=self.wall_clock)
        return self._add(live)

    def resume_open(self) -> list[LiveClass]:
        """Every class that had not ended when the server stopped, where it was."""
        resumed = []
        for row in self.store.open_classes(self.wall_clock()):
            if row.code in self.live:
                continue
            plan = self._plan(row.plan_path)
            if plan is None:
                continue
            factory = new_session_factory(plan, self.story, self.store, self.log_dir)
            resumed.append(self._add(LiveClass.resume(self.store, row, factory, self.wall_clock)))
        return resumed

    def _plan(self, plan_path: str) -> Plan | None:
        if not plan_path or plan_path.startswith("<"):  # "<built-in plan>": every scene
            return Plan.of_story(self.story)
        plan, _ = load_plan(Path(plan_path), self.story)
        return plan

    def _add(self, live: LiveClass) -> LiveClass:
        self.live[live.code] = live
        self.play[live.code] = BrowserPlay(self.story, self.store, live.code)
        return live

    def find(self, code: str) -> LiveClass | None:
        """The class with this code (any case, spaces ignored), or None."""
        return self.live.get("".join(code.split()).upper())
