"""Credit lines: how every presenter names the voice of a quote and where it is quoted.

One function for the desktop, the terminal, the projector, exported records
and the debrief report, so a quote reads the same everywhere:
'Hede Massing, This Deception (1951), memoir — quoted in the article
"Boris Bazarov"'. Never "source: <a title>": two of the three seed articles
are named after people, and that would credit Massing's memoir to Bazarov.
"""

from __future__ import annotations

from game.model.story import Citation


def credit_line(citation: Citation) -> str:
    """The citation's voice, then the article it is quoted in."""
    if citation.voice is not None:
        return citation.voice.credit
    # Only a citation built in code without a source library has no voice.
    return f"the seed text '{citation.source}'"


def speaker_line(citation: Citation) -> str:
    """The voice alone, for a place that already says which article (the source viewer)."""
    if citation.voice is not None:
        return citation.voice.speaker
    return f"the seed text '{citation.source}'"
