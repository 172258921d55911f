"""Pieces the screens share: the reading column, a dialog's box, a wrapped paragraph, a caption.

The header bar and its toolbar are `header.py`'s.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.desktop.canvas import Canvas
from game.model import Citation, credit_line


def column(canvas: Canvas) -> pygame.Rect:
    """The reading column: centred, at most about 68 characters wide."""
    sizes = canvas.sizes
    width = sizes.column
    left = (canvas.rect.width - width) // 2
    return pygame.Rect(left, 0, width, canvas.rect.height)


def draw_dialog(canvas: Canvas, box: pygame.Rect) -> None:
    """The window dimmed behind a dialog, then the dialog's panel over it.

    Every overlay that asks or tells (a question, a message, the name box,
    the keys list) stands out from the screen beneath it the same way.
    """
    canvas.surface.blit(_veil(canvas.rect.size), (0, 0))
    canvas.panel(box, canvas.palette.panel, canvas.palette.focus)


@lru_cache(maxsize=2)
def _veil(size: tuple[int, int]) -> pygame.Surface:
    """A translucent black as big as the window, made once per window size (not every frame)."""
    veil = pygame.Surface(size, pygame.SRCALPHA)
    veil.fill((0, 0, 0, 150))
    return veil


def draw_paragraph(
    canvas: Canvas,
    text: str,
    pos: tuple[int, int],
    width: int,
    size: int | None = None,
    style: str = "regular",
    colour: tuple[int, int, int] | None = None,
    role: str = "text",
    clip: pygame.Rect | None = None,
) -> int:
    """Draw wrapped text; returns the y just below it."""
    size = size or canvas.sizes.body
    block = canvas.cache.layout(text, size, width, style)
    canvas.block(block, pos, size, style, colour, role, clip)
    return pos[1] + block.height


def citation_caption(citation: Citation, limit: int = 90) -> str:
    """'"I hung up. I was shaking." — Hede Massing, This Deception (1951), memoir — quoted
    in the article "Boris Bazarov"' for a citation button.

    The quote is credited to its voice first, then to the article quoting it
    (`credit_line`): the seed articles are named after people, so the article's
    title alone would credit Massing's memoir to Bazarov.
    """
    quote = " ".join(citation.quote.split())
    if len(quote) > limit:
        quote = quote[: limit - 1].rsplit(" ", 1)[0] + "…"
    account = f"{citation.account}: " if citation.account else ""
    return f"{account}\u201c{quote}\u201d \u2014 {credit_line(citation)}"
