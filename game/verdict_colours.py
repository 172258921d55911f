"""The verdicts' colours, for every place that shows one: the desktop's two themes and the report.

A verdict looks the same in the class report as on screen, so there is one
table of colours and both draw from it. Colour is never all a verdict has:
each also has its word and its icon (`canvas.draw_verdict_icon`, the
report's chips). Nothing here needs pygame or Jinja2.
"""

from __future__ import annotations

from types import MappingProxyType

from game.model import Verdict

Colour = tuple[int, int, int]

#: On the calm paper theme, and so in the printed report: dark enough on white.
PAPER_VERDICTS = MappingProxyType({
    Verdict.HISTORICAL: (22, 104, 56),
    Verdict.DIVERGED: (164, 64, 0),
    Verdict.UNRECORDED: (84, 84, 104),
    Verdict.DISPUTED: (112, 44, 140),
})
#: On the high-contrast theme: light enough on black.
HIGH_CONTRAST_VERDICTS = MappingProxyType({
    Verdict.HISTORICAL: (90, 230, 130),
    Verdict.DIVERGED: (255, 160, 60),
    Verdict.UNRECORDED: (215, 215, 215),
    Verdict.DISPUTED: (220, 160, 255),
})


def hex_colour(colour: Colour) -> str:
    """'#16683a' for (22, 104, 56), as HTML and CSS write it."""
    return "#{:02x}{:02x}{:02x}".format(*colour)
