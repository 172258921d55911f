"""The story model: what authors wrote, validated and frozen.

Nothing here changes after loading and nothing here knows about YAML, pygame
or `transitions`. The one mutable thing in the game is the engine's
`Playthrough`.
"""

from __future__ import annotations

from game.model.credits import credit_line, speaker_line
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
from game.model.voice import Voice, VoiceKind, article_voice

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
    "Voice",
    "VoiceKind",
    "article_voice",
    "credit_line",
    "speaker_line",
]
