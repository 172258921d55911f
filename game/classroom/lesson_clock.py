"""Time in a lesson: on the current part (introduction, a scene, the debrief) and decision.

Pauses are left out of both, so a fire drill does not eat the plan. The
clock is injected (a fake in tests), and it knows each part's planned
minutes, so the projector can say "over by 1:10" when a part runs long.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class LessonClock:
    """Seconds on the current part and the current decision, with pauses taken out."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        now = clock()
        self.started = now
        self._part_started = now
        self._decision_started = now
        self._paused_at: float | None = None
        self._paused_in_decision = 0.0  # paused seconds since the current decision began
        self.planned_minutes = 0

    def now(self) -> float:
        return self._clock()

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _reading(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock()

    def start_part(self, planned_minutes: int) -> None:
        """A new part of the plan begins: its own time, against its own minutes."""
        self._part_started = self._reading()
        self.planned_minutes = planned_minutes
        self.start_decision()

    def start_decision(self) -> None:
        self._decision_started = self._reading()
        self._paused_in_decision = 0.0

    @property
    def part_seconds(self) -> float:
        return max(0.0, self._reading() - self._part_started)

    @property
    def decision_seconds(self) -> float:
        return max(0.0, self._reading() - self._decision_started - self._paused_in_decision)

    @property
    def session_minutes(self) -> float:
        return (self._clock() - self.started) / 60

    @property
    def over_seconds(self) -> float:
        """How far the part has run past its planned minutes (0 when on time or unplanned)."""
        if not self.planned_minutes:
            return 0.0
        return max(0.0, self.part_seconds - self.planned_minutes * 60)

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> float:
        """Go on after a pause; how long the pause was."""
        if self._paused_at is None:
            return 0.0
        paused_for = self._clock() - self._paused_at
        self._paused_at = None
        self._part_started += paused_for
        self._paused_in_decision += paused_for
        return paused_for
