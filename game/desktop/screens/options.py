"""Drawing the play screen's options and passage links (kept apart from the play logic)."""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.text import Block


def draw_option(screen: Screen, canvas: Canvas, item: Item, rect: pygame.Rect) -> None:
    """A numbered option; a locked one greyed, its reason shown on focus or hover."""
    sizes, palette = canvas.sizes, canvas.palette
    index = screen.items.index(item)
    active = index in (screen.focus, screen.hover)
    canvas.panel(rect, palette.hover if index == screen.hover else palette.panel)
    colour = palette.text if item.enabled else palette.locked
    lead = int(item.extra["lead"])  # type: ignore[call-overload]
    number = pygame.Rect(
        rect.left + sizes.gap,
        rect.top + sizes.gap,
        lead - sizes.gap,
        canvas.cache.line_height(sizes.body),
    )
    pygame.draw.rect(canvas.surface, colour, number, 2, border_radius=4)
    digit_y = (
        number.top + (number.height - canvas.cache.font(sizes.body, "bold").get_linesize()) // 2
    )
    canvas.text(
        str(item.number),
        (number.centerx, digit_y),
        sizes.body,
        colour,
        "bold",
        "number",
        item.id,
        align="centre",
    )
    block = item.extra["block"]
    assert isinstance(block, Block)
    canvas.block(
        block,
        (rect.left + sizes.gap * 2 + lead, rect.top + sizes.gap),
        sizes.body,
        colour=colour,
        role="option",
        key=item.id,
    )
    if not item.enabled:
        reason = item.hint if active else "Locked (focus or point at it to see why)"
        width = rect.width - sizes.gap * 4 - lead
        block = canvas.cache.layout(reason, sizes.small, width, "italic")
        y = rect.top + sizes.gap + int(item.extra["text_height"])  # type: ignore[call-overload]
        canvas.block(
            block,
            (rect.left + sizes.gap * 2 + lead, y),
            sizes.small,
            "italic",
            palette.locked,
            "locked",
            key=item.id,
        )
    if index == screen.focus:
        canvas.focus_ring(rect)


def draw_link(screen: Screen, canvas: Canvas, item: Item, rect: pygame.Rect) -> None:
    """A name in the passage that opens the dossier: outlined on hover, ringed on focus."""
    index = screen.items.index(item)
    if index == screen.hover:
        pygame.draw.rect(
            canvas.surface, canvas.palette.link, rect.inflate(4, 2), 1, border_radius=3
        )
    if index == screen.focus:
        canvas.focus_ring(rect)
