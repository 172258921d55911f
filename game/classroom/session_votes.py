"""The votes half of a facilitated session: hands counted into the tally, changed, undone.

`FacilitatorSession` takes these methods as they are (`VoteTaking` is its
base), so the projector's keys and the terminal's commands call them on the
session. Each change checks that the class is voting and not paused, says in
`message` why nothing happened when it did not, and is written to the session
log before it returns.
"""

from __future__ import annotations

from game.classroom.phases import Phase
from game.classroom.tally import MAX_COUNT, Tally
from game.engine import Player


class VoteTaking:
    """Votes for the options of the decision on screen; the session supplies the rest."""

    phase: Phase
    message: str
    votes: Tally
    tied: tuple[str, ...]  # the options a vote could not decide between
    player: Player

    @property
    def paused(self) -> bool:
        raise NotImplementedError  # the session's clock knows

    def _log(self, event: str, **fields: object) -> None:
        raise NotImplementedError  # the session writes its own log

    @property
    def tally(self) -> dict[str, int]:
        """Votes per option id, for the decision on screen."""
        return self.votes.counts

    @property
    def total_votes(self) -> int:
        return self.votes.total

    def leaders(self) -> tuple[str, ...]:
        """The available options with the most votes (several when tied)."""
        return self.votes.leaders(option.id for option in self.player.options if option.available)

    # -- votes ------------------------------------------------------------------
    def _option_id(self, option: str | int) -> str | None:
        for candidate in self.player.options:
            if option in (candidate.id, candidate.number):
                return candidate.id if candidate.available else None
        return None

    def _can_act(self, *phases: Phase) -> bool:
        """Whether an action of one of `phases` can be done now (never while paused)."""
        if self.paused:
            self.message = "Paused: press P to resume."
            return False
        if self.phase not in phases:
            self.message = ""
            return False
        return True

    def _open_option(self, option: str | int) -> str | None:
        """The option's id when votes can be taken for it now; else None, with a message."""
        if not self._can_act(Phase.VOTING):
            return None
        option_id = self._option_id(option)
        locked = next((o for o in self.player.options
                       if option in (o.id, o.number) and not o.available), None)
        if locked is not None:  # it is there, greyed: say why it takes no votes
            reason = f": {locked.locked_reason.rstrip('.')}" if locked.locked_reason else ""
            self.message = f"Option {locked.number} is locked{reason}. It takes no votes."
        elif option_id is None:
            self.message = f"There is no option {option}."
        return option_id

    def add_vote(self, option: str | int) -> bool:
        """One more hand up for an option (by id or its number)."""
        option_id = self._open_option(option)
        if option_id is None:
            return False
        self._changed("vote_added", option_id, self.votes.change(option_id, +1))
        return True

    def remove_vote(self, option: str | int) -> bool:
        """One hand fewer for an option; nothing happens at zero."""
        if not self._can_act(Phase.VOTING):
            return False
        option_id = self._option_id(option)
        if option_id is None or self.votes[option_id] == 0:
            self.message = f"Option {option} has no votes to remove."
            return False
        self._changed("vote_removed", option_id, self.votes.change(option_id, -1))
        return True

    def set_votes(self, option: str | int, count: int) -> bool:
        """The counted hands for an option, typed in one go (17, not seventeen presses)."""
        option_id = self._open_option(option)
        if option_id is None:
            return False
        if count < 0:
            self.message = "A count cannot be below zero."
            return False
        if count > MAX_COUNT:  # a slip of the finger: never quietly cut to the most
            self.message = (f"{count} is more hands than a class has (at most {MAX_COUNT}): "
                            "count again and type the number.")
            return False
        self._changed("vote_set", option_id, self.votes.set(option_id, count))
        return True

    def undo_vote(self) -> bool:
        """Take back the last vote change, whichever it was (one hand or a typed count)."""
        if not self._can_act(Phase.VOTING):
            return False
        undone = self.votes.undo()
        if undone is None:
            self.message = "No vote to undo."
            return False
        option_id, count = undone
        self.tied, self.message = (), ""
        self._log("vote_undone", choice=option_id, count=count)
        return True

    def _changed(self, event: str, option_id: str, count: int) -> None:
        self.tied, self.message = (), ""
        self._log(event, choice=option_id, count=count)
