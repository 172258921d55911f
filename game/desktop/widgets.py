"""Pieces every screen shares: the header bar, the reading column, wrapped paragraphs, chips."""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas
from game.desktop.text import TextCache
from game.desktop.theme import Sizes
from game.model import Citation
from game.sources import SourceLibrary


def header_height(cache: TextCache, sizes: Sizes) -> int:
    return cache.line_height(sizes.body, "bold") + cache.line_height(sizes.small) + sizes.gap * 2


def column(canvas: Canvas) -> pygame.Rect:
    """The reading column: centred, at most about 68 characters wide."""
    sizes = canvas.sizes
    width = sizes.column
    left = (canvas.rect.width - width) // 2
    return pygame.Rect(left, 0, width, canvas.rect.height)


def draw_header(canvas: Canvas, title: str, subtitle: str, hints: str) -> int:
    """The bar at the top: what this is, where and when, and the keys; returns its bottom."""
    sizes, palette = canvas.sizes, canvas.palette
    height = header_height(canvas.cache, sizes)
    bar = pygame.Rect(0, 0, canvas.rect.width, height)
    canvas.fill(palette.header, bar)
    pygame.draw.line(canvas.surface, palette.panel_border, bar.bottomleft, bar.bottomright)
    left = sizes.margin
    title_rect = canvas.text(
        title, (left, sizes.gap), sizes.body, palette.header_text, "bold", "header"
    )
    if subtitle:
        canvas.text(
            subtitle, (left, title_rect.bottom), sizes.small, palette.header_text, role="header"
        )
    if hints:
        width = canvas.cache.width(hints, sizes.small)
        if (
            left
            + max(title_rect.width, canvas.cache.width(subtitle, sizes.small))
            + width
            + sizes.margin * 2
            < canvas.rect.width
        ):
            canvas.text(
                hints,
                (canvas.rect.width - sizes.margin, sizes.gap),
                sizes.small,
                palette.header_text,
                role="hint",
                align="right",
            )
    return height


def paragraph_height(
    cache: TextCache, text: str, size: int, width: int, style: str = "regular"
) -> int:
    return cache.layout(text, size, width, style).height


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


def citation_caption(library: SourceLibrary, citation: Citation, limit: int = 90) -> str:
    """'"He said that…" (source: Boris Bazarov)' for a citation button.

    The source is named after the quote, as "source:", because the seed texts are
    named after people: "Hede Massing: …" would read as if she had said it.
    """
    title = library[citation.source].title if citation.source in library else citation.source
    quote = " ".join(citation.quote.split())
    if len(quote) > limit:
        quote = quote[: limit - 1].rsplit(" ", 1)[0] + "…"
    account = f"{citation.account}: " if citation.account else ""
    return f"{account}\u201c{quote}\u201d (source: {title})"
