"""Where a facilitated session is: the phase each presenter shows a page for.

The session (`facilitator.py`), the votes it takes (`session_votes.py`), the
view every presenter draws, the projector's keys and the terminal's commands
all speak of the session by these.
"""

from __future__ import annotations

from enum import Enum


class Phase(str, Enum):
    """Where the session is; the projector shows something different for each."""

    INTRODUCTION = "introduction"  # the plan's opening: title, summary, parts and minutes
    READING = "reading"  # a passage without a decision: continue when ready
    VOTING = "voting"  # a decision: the class votes, then the pick is decided
    CHOSEN = "chosen"  # with reveal at_end: the class's choice confirmed, its record kept back
    REVEALED = "revealed"  # the record of the class's choice is on screen
    SCENE_ENDED = "scene_ended"  # the ending (and with reveal at_end, every record)
    FINISHED = "finished"  # every scene of the plan is done: the debrief
