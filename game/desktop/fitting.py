"""Text cut to fit a width: at a word where it can be, else at a letter, ended with "…".

The toolbar's title and buttons, the title screen's hint and the projector's
header all shorten text this one way. It takes a `Measure` (a string's width
in pixels, as the font in use measures it) rather than a font, so it needs
no pygame and can be tested with any measure.
"""

from __future__ import annotations

from collections.abc import Callable

#: Width of a string in pixels, as the font in use measures it.
Measure = Callable[[str], int]
ELLIPSIS = "…"
#: Left off the end of a shortened text before the "…": no "Scene 2 ·…".
_TRAILING = " ·,:;–-"


def fit(text: str, width: int, measure: Measure) -> str:
    """`text` as it is when it fits `width`, else cut at a word (or a letter) and ended with …;
    "" when not even the "…" fits."""
    if measure(text) <= width:
        return text
    if measure(ELLIPSIS) > width:
        return ""
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(_TRAILING) + ELLIPSIS
        if measure(candidate) <= width:
            return candidate
    low, high = 0, len(text)  # one long word: cut it letter by letter
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS
