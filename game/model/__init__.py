"""The story model: what authors wrote, validated and frozen.

Nothing here changes after loading and nothing here knows about YAML, pygame
or `transitions`. The one mutable thing in the game is the engine's
`Playthrough`.
"""

from __future__ import annotations

from game.model.story import (
    Choice,
    Citation,
    Condition,
    Effect,
    Ending,
    EndingKind,
    Node,
    Record,
    Scene,
    TextPart,
    Value,
    VarType,
    Verdict,
)

__all__ = [
    "Choice",
    "Citation",
    "Condition",
    "Effect",
    "Ending",
    "EndingKind",
    "Node",
    "Record",
    "Scene",
    "TextPart",
    "Value",
    "VarType",
    "Verdict",
]
