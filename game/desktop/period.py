"""Period drawing shared by the title, the place cards and the dossier: folders and stamps.

Everything here is drawn by the game (no pictures are shipped): a manila
folder with its tab, and a rubber stamp — a word in the period face inside a
double frame, turned a few degrees, in stamp red. A stamp is decoration over
text a player can read elsewhere, but it is still recorded in the text model
(role "stamp") so tests and self-voicing know it is there.
"""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas, Label


def draw_folder(canvas: Canvas, rect: pygame.Rect, tab_text: str = "") -> pygame.Rect:
    """A manila folder filling `rect`, with a tab on its top edge; returns the inner area."""
    palette, sizes = canvas.palette, canvas.sizes
    tab_h = canvas.cache.line_height(sizes.small, "typewriter") + sizes.gap // 2
    tab_w = max(rect.width // 3, canvas.cache.width(tab_text, sizes.small, "typewriter")
                + sizes.gap * 4) if tab_text else rect.width // 3
    tab = pygame.Rect(rect.left + sizes.gap * 2, rect.top, tab_w, tab_h + 6)
    body = pygame.Rect(rect.left, rect.top + tab_h, rect.width, rect.height - tab_h)
    pygame.draw.rect(canvas.surface, palette.folder, tab, border_top_left_radius=8,
                     border_top_right_radius=8)
    pygame.draw.rect(canvas.surface, palette.folder_edge, tab, 2, border_top_left_radius=8,
                     border_top_right_radius=8)
    canvas.surface.fill(palette.folder, body)
    pygame.draw.rect(canvas.surface, palette.folder_edge, body, 2, border_radius=4)
    canvas.surface.fill(palette.folder, (tab.left + 2, body.top - 1, tab.width - 4, 4))
    if tab_text:
        canvas.text(tab_text, (tab.left + sizes.gap * 2, tab.top + sizes.gap // 4 + 2),
                    sizes.small, palette.ink, "typewriter", "folder-tab")
    return body.inflate(-sizes.gap * 4, -sizes.gap * 3)


def draw_stamp(
    canvas: Canvas, text: str, centre: tuple[int, int], size: int, angle: float = -8.0
) -> pygame.Rect:
    """A rubber stamp: `text` in a double frame, turned `angle` degrees, in stamp red."""
    palette, cache = canvas.palette, canvas.cache
    colour = palette.stamp
    words = cache.render(text, size, colour, "period")
    pad = max(4, size // 4)
    face = pygame.Surface((words.get_width() + pad * 4, words.get_height() + pad * 2),
                          pygame.SRCALPHA)
    face.blit(words, (pad * 2, pad))
    frame = face.get_rect()
    pygame.draw.rect(face, colour, frame, max(2, size // 12), border_radius=size // 6)
    pygame.draw.rect(face, colour, frame.inflate(-pad, -pad), 1, border_radius=size // 8)
    face.set_alpha(215)  # ink on paper, not a sticker
    turned = pygame.transform.rotate(face, angle)
    rect = turned.get_rect(center=centre)
    canvas.surface.blit(turned, rect)
    canvas.labels.append(Label(text, rect, "stamp"))
    return rect
