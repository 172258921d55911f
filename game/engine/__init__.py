"""The engine: scenes as `transitions` state machines, and the one pull API.

Every front end (desktop, terminal, facilitator mode, automatic playtester)
drives a scene through `Player`: what is on screen now (`passage`, `options`),
then `choose(option_id)`.
"""

from __future__ import annotations

from game.engine.errors import ChoiceUnavailable, EngineError
from game.engine.machine import SceneMachine
from game.engine.player import ChoiceRecord, Option, Outcome, Passage, Player, StepView
from game.engine.playthrough import Playthrough, Step
from game.engine.story import Story, load_story

__all__ = [
    "ChoiceRecord",
    "ChoiceUnavailable",
    "EngineError",
    "Option",
    "Outcome",
    "Passage",
    "Player",
    "Playthrough",
    "SceneMachine",
    "Step",
    "StepView",
    "Story",
    "load_story",
]
