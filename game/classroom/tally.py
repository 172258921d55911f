"""The vote tally of one decision: counts per option, and every change kept so it can be undone.

A show of hands is counted on the projector one press at a time (1–9) or
typed in one go (17 hands for option 2). Either way each change is one step
on an undo stack, so U always takes back exactly the last thing the
facilitator changed, whether that was one hand or a whole typed count.
"""

from __future__ import annotations

from collections.abc import Iterable

#: More hands than this for one option is a typing slip, not a class.
MAX_COUNT = 999


class Tally:
    """Votes per option id, with an undo stack of (option id, change) steps."""

    def __init__(self, option_ids: Iterable[str] = ()) -> None:
        self.counts: dict[str, int] = {option_id: 0 for option_id in option_ids}
        self._steps: list[tuple[str, int]] = []

    def __getitem__(self, option_id: str) -> int:
        return self.counts.get(option_id, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def change(self, option_id: str, delta: int) -> int:
        """Add `delta` hands (negative takes some away, never below zero); the new count."""
        new = max(0, min(MAX_COUNT, self[option_id] + delta))
        return self.set(option_id, new)

    def set(self, option_id: str, count: int) -> int:
        """Make an option's count exactly `count` (a typed number); one undo step.

        A change that changes nothing (a recount typed again, a vote past the most)
        is no step: U must always take back something the class can see.
        """
        count = max(0, min(MAX_COUNT, count))
        delta = count - self[option_id]
        self.counts[option_id] = count
        if delta:
            self._steps.append((option_id, delta))
        return count

    def add_device_vote(self, option_id: str) -> None:
        """One vote from a student's device: counted, but no undo step (U undoes typed counts;
        a device's vote stands, kept by the classroom store)."""
        self.counts[option_id] = min(MAX_COUNT, self[option_id] + 1)

    def undo(self) -> tuple[str, int] | None:
        """Take back the last change; (option id, its new count), or None when nothing is left."""
        if not self._steps:
            return None
        option_id, delta = self._steps.pop()
        self.counts[option_id] = self[option_id] - delta
        return option_id, self.counts[option_id]

    def restore(self, counts: dict[str, int]) -> None:
        """Show earlier counts again (going back to a decision); nothing to undo yet."""
        self.counts = dict(counts)
        self._steps = []

    def leaders(self, available: Iterable[str]) -> tuple[str, ...]:
        """Of the open options, those with the most votes (several when tied)."""
        open_ids = list(available)
        if not open_ids:
            return ()
        best = max(self[option_id] for option_id in open_ids)
        return tuple(option_id for option_id in open_ids if self[option_id] == best)
