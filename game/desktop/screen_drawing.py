"""What every screen draws alike: a framed button, the scrollbar, and the "More below" cue.

`Screen.draw_button` and `Screen.draw_scroll_cue` call these, so each screen
looks the same wherever it scrolls; the projector draws its own cue with
`draw_more_below` too, at its own type size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.theme import Sizes

if TYPE_CHECKING:
    from game.desktop.screen import Item, Screen


def draw_button(
    canvas: Canvas,
    screen: Screen,
    item: Item,
    lines: list[tuple[str, int, str]] | None = None,
    role: str = "button",
    framed: bool = True,
) -> pygame.Rect:
    """A framed button with hover and focus states; `lines` are (text, size, style)."""
    palette = canvas.palette
    rect = screen.on_screen(item)
    index = screen.items.index(item)
    if framed:
        canvas.panel(rect, palette.hover if index == screen.hover else palette.panel)
    elif index == screen.hover:
        canvas.fill(palette.hover, rect)
    colour = palette.text if item.enabled else palette.locked
    pad = canvas.sizes.gap
    y = rect.top + pad
    for text, size, style in (
        lines if lines is not None else [(item.text, canvas.sizes.body, "regular")]
    ):
        drawn = canvas.text(text, (rect.left + pad * 2, y), size, colour, style, role, item.id)
        y = drawn.bottom
    if index == screen.focus:
        canvas.focus_ring(rect)
    return rect


def draw_scroll_cue(canvas: Canvas, screen: Screen) -> pygame.Rect | None:
    """A scrollbar while the page is longer than the window, and a "More below" cue.

    The cue stands at the foot of the viewport while anything is hidden below
    it, so a student never mistakes the window's edge for the page's end.
    `scroll_marks` are shown on the track. Returns the cue's rectangle (a
    click on it scrolls a page), or None when there is none.
    """
    furthest = screen.max_scroll()
    if furthest <= 0:
        return None
    palette, view = canvas.palette, screen.viewport
    total = screen.content_bottom - view.top
    track = pygame.Rect(view.right - 12, view.top + 4, 6, view.height - 8)
    pygame.draw.rect(canvas.surface, palette.panel_border, track, border_radius=3)
    thumb_h = max(24, track.height * view.height // max(1, total))
    thumb_y = track.top + (track.height - thumb_h) * screen.scroll // furthest
    thumb = pygame.Rect(track.left, thumb_y, track.width, thumb_h)
    pygame.draw.rect(canvas.surface, palette.accent, thumb, border_radius=3)
    for mark in screen.scroll_marks():
        mark_y = track.top + track.height * (mark - view.top) // max(1, total)
        pygame.draw.rect(canvas.surface, palette.highlight, (track.left - 4, mark_y, 14, 4))
    if screen.scroll >= furthest:
        return None
    if screen.scroll_cue:  # the strip under the viewport is the cue's own (`cue_room`):
        # whatever a screen drew past its viewport must not show around the cue, as if
        # the cue were covering it (the plan chooser's last plan, drawn unclipped).
        canvas.fill(palette.background, pygame.Rect(view.left, view.bottom, view.width,
                                                    cue_room(canvas, canvas.sizes)))
    return draw_more_below(canvas, screen.more_below(), canvas.sizes, view)


def cue_room(canvas: Canvas, sizes: Sizes) -> int:
    """The strip under a viewport that the cue stands in, so it covers no text."""
    return canvas.cache.line_height(sizes.small, "bold") + sizes.gap * 2


def draw_more_below(canvas: Canvas, text: str, sizes: Sizes, above: pygame.Rect) -> pygame.Rect:
    """The "More below" pill with its arrow, centred in the strip just under `above`."""
    palette, cache = canvas.palette, canvas.cache
    small, gap = sizes.small, sizes.gap
    arrow = small // 2
    line = cache.line_height(small, "bold")
    rect = pygame.Rect(0, 0, cache.width(text, small, "bold") + arrow * 2 + gap * 4, line + gap)
    rect.midtop = (above.centerx, above.bottom + gap // 2)
    pygame.draw.rect(canvas.surface, palette.header, rect, border_radius=rect.height // 2)
    pygame.draw.rect(canvas.surface, palette.focus, rect, 2, border_radius=rect.height // 2)
    label = canvas.text(text, (rect.left + gap * 2, rect.top + (rect.height - line) // 2), small,
                        palette.header_text, "bold", "more")
    cx, cy = label.right + gap // 2 + arrow, rect.centery
    pygame.draw.polygon(canvas.surface, palette.header_text, [
        (cx - arrow, cy - arrow // 2), (cx + arrow, cy - arrow // 2), (cx, cy + arrow // 2 + 2)])
    return rect
