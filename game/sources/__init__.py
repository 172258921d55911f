"""The source library: the seed texts, and proof that a quote stands in one."""

from __future__ import annotations

from game.sources.library import (
    Source,
    SourceLibrary,
    Span,
    VoiceSpan,
    load_library,
    normalise,
)

__all__ = ["Source", "SourceLibrary", "Span", "VoiceSpan", "load_library", "normalise"]
