"""Notices: one short message at a time, placed where it covers the fewest buttons."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Screen
from game.desktop.text import TextCache
from game.desktop.theme import Palette, Sizes


@dataclass
class Notice:
    """A short message at the foot of the window that goes away by itself."""

    text: str
    until: float


def draw_notice(
    canvas: Canvas, text: str, screen: Screen, sizes: Sizes, palette: Palette, cache: TextCache
) -> None:
    """The notice, at the foot of the window or, where it would cover a button, at its top."""
    width = min(canvas.rect.width - 2 * sizes.margin, sizes.column)
    block = cache.layout(text, sizes.body, width - 2 * sizes.gap)
    rect = pygame.Rect(0, 0, width, block.height + 2 * sizes.gap)
    rect = notice_place(rect, screen, canvas.rect, sizes.gap)
    canvas.panel(rect, palette.header, palette.focus)
    canvas.block(
        block,
        (rect.left + sizes.gap, rect.top + sizes.gap),
        sizes.body,
        colour=palette.header_text,
        role="notice",
    )


def notice_place(rect: pygame.Rect, screen: Screen, window: pygame.Rect, gap: int) -> pygame.Rect:
    """Where a notice covers the fewest buttons: the window's foot, else under the header
    (or, on a screen with a heading of its own, `notice_top`: under that heading)."""
    top = screen.header.height if screen.header is not None else 0
    top = max(top, getattr(screen, "notice_top", 0))
    below = rect.copy()
    below.midbottom = (window.centerx, window.bottom - gap)
    above = rect.copy()
    above.midtop = (window.centerx, top + gap)
    shown = [
        screen.on_screen(item)
        for item in screen.items
        if item.extra.get("kind") != "tool"
        and (item.fixed or screen.viewport.colliderect(screen.on_screen(item)))
    ]
    covered = [sum(1 for item in shown if item.colliderect(place)) for place in (below, above)]
    return below if covered[0] <= covered[1] else above
