"""Colours and text sizes: the calm paper theme, the high-contrast theme, and verdict styles.

Verdicts are never shown by colour alone: each has a word, a colour and an icon
shape (see `canvas.draw_verdict_icon`), so a student who cannot tell green from
red, or a washed-out projector, still reads them. Their colours come from
`game.verdict_colours`, which the class report uses too.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.model import Verdict
from game.verdict_colours import HIGH_CONTRAST_VERDICTS, PAPER_VERDICTS, Colour


@dataclass(frozen=True)
class Palette:
    """Every colour a screen may use; screens never invent their own."""

    name: str
    background: Colour
    panel: Colour
    panel_border: Colour
    text: Colour
    muted: Colour
    accent: Colour  # headings, the header bar
    link: Colour
    focus: Colour  # the focus ring
    focus_inner: Colour  # the ring's inner edge, so it shows on any background
    hover: Colour  # background of a hovered item
    highlight: Colour  # background of the quoted span in the source viewer
    highlight_text: Colour
    locked: Colour
    header: Colour  # background of the place/date bar
    header_text: Colour
    verdicts: dict[Verdict, Colour]
    # The period documents: a manila folder, its ink and the red of a rubber stamp.
    folder: Colour = (222, 200, 150)
    folder_edge: Colour = (160, 130, 80)
    ink: Colour = (40, 34, 28)
    stamp: Colour = (168, 32, 32)
    land: Colour = (206, 190, 150)  # a map's land; the sea is the panel colour
    page: Colour = (251, 246, 231)  # a printed book's page
    typed_page: Colour = (241, 239, 230)  # a typed sheet


PAPER = Palette(
    name="paper",
    background=(244, 241, 234),
    panel=(253, 251, 246),
    panel_border=(176, 168, 152),
    text=(26, 26, 28),
    muted=(78, 76, 82),
    accent=(36, 58, 92),
    link=(24, 72, 150),
    focus=(0, 84, 190),
    focus_inner=(255, 255, 255),
    hover=(226, 232, 242),
    highlight=(255, 224, 130),
    highlight_text=(0, 0, 0),
    locked=(104, 102, 108),
    header=(36, 48, 66),
    header_text=(246, 244, 238),
    verdicts=dict(PAPER_VERDICTS),
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    background=(0, 0, 0),
    panel=(12, 12, 12),
    panel_border=(255, 255, 255),
    text=(255, 255, 255),
    muted=(230, 230, 230),
    accent=(255, 255, 255),
    link=(120, 200, 255),
    focus=(255, 221, 0),
    focus_inner=(0, 0, 0),
    hover=(40, 40, 70),
    highlight=(255, 235, 0),
    highlight_text=(0, 0, 0),
    locked=(190, 190, 190),
    header=(0, 0, 0),
    header_text=(255, 255, 255),
    verdicts=dict(HIGH_CONTRAST_VERDICTS),
    folder=(0, 0, 0),
    folder_edge=(255, 255, 255),
    ink=(255, 255, 255),
    stamp=(255, 120, 120),
    land=(70, 70, 70),
    page=(0, 0, 0),
    typed_page=(0, 0, 0),
)


def palette_for(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else PAPER


#: Body text size in pixels at a 768-pixel-high window, by setting.
TEXT_SIZES: dict[str, int] = {"small": 17, "standard": 20, "large": 24, "projector": 30}
TEXT_SIZE_LABELS: dict[str, str] = {
    "small": "Small (laptop)",
    "standard": "Standard",
    "large": "Large",
    "projector": "Projector",
}


@dataclass(frozen=True)
class Sizes:
    """Text sizes and spacing for one window size and text-size setting."""

    body: int
    small: int
    heading: int
    title: int
    margin: int
    gap: int
    column: int  # widest comfortable text column, in pixels

    @staticmethod
    def for_window(width: int, height: int, setting: str) -> Sizes:
        base = TEXT_SIZES.get(setting, TEXT_SIZES["standard"])
        # Grow with the window so a projected 1080p window reads from the back row,
        # but never so far that a small window loses its column.
        scale = max(0.85, min(1.6, height / 768, width / 1100))
        body = max(14, round(base * scale))
        margin = max(16, min(width // 24, body * 3))
        return Sizes(
            body=body,
            small=max(13, round(body * 0.82)),
            heading=round(body * 1.3),
            title=round(body * 2.0),
            margin=margin,
            gap=max(6, body // 2),
            # about 68 characters of Atkinson Hyperlegible per line
            column=min(width - 2 * margin, body * 36),
        )
