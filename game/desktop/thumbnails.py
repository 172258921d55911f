"""A save's thumbnail: a small picture of the screen when it was saved, stored beside it.

`slot-1.json` gets `slot-1.png`. The picture is a courtesy, never part of the
save: writing it may fail (the save still stands), and reading it goes
through the guarded reader with a size limit and checks the PNG's own header
before decoding, so a missing, damaged, huge or stale picture (older than its
save, which the terminal may have rewritten) is simply not shown.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
from pathlib import Path

import pygame

from game.desktop.canvas import Canvas, Label
from game.desktop.theme import Sizes
from game.guarded import Unreadable, read_bytes

#: The stored picture's width; its height follows the window's shape.
WIDTH = 320
#: A thumbnail bigger than this, on disk or in pixels, is not one the game wrote.
MAX_BYTES = 1_000_000
MAX_SIDE = 1024
_PNG = b"\x89PNG\r\n\x1a\n"


def thumbnail_path(save: Path) -> Path:
    return save.with_suffix(".png")


def write_thumbnail(screen: pygame.Surface, save: Path) -> bool:
    """Store a small copy of `screen` beside the save at `save`; False when it could not be."""
    width, height = screen.get_size()
    if width <= 0 or height <= 0:
        return False
    small = pygame.transform.smoothscale(screen, (WIDTH, max(1, WIDTH * height // width)))
    target = thumbnail_path(save)
    temporary = target.with_name(f".{target.stem}.partial.png")  # pygame picks PNG by name
    try:
        pygame.image.save(small, str(temporary))
        os.replace(temporary, target)
    except (OSError, pygame.error):
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def read_thumbnail(save: Path) -> pygame.Surface | None:
    """The picture stored beside the save at `save`, or None when there is none to trust."""
    target = thumbnail_path(save)
    try:
        if target.stat().st_mtime + 2 < save.stat().st_mtime:
            return None  # the save was written again since, without a new picture
        data = read_bytes(target, MAX_BYTES)
    except (OSError, Unreadable):
        return None
    if len(data) < 24 or not data.startswith(_PNG) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return None
    try:
        return pygame.image.load(io.BytesIO(data), "thumbnail.png")
    except (pygame.error, ValueError, OSError):
        return None


def remove_thumbnail(save: Path) -> None:
    with contextlib.suppress(OSError):
        thumbnail_path(save).unlink()


class Thumbnail:
    """A save's picture in the saves list, scaled once; or a frame saying there is none."""

    def __init__(self, picture: pygame.Surface | None, width: int, height: int,
                 words: int) -> None:
        self.picture = picture
        self.width = width
        self.height = height
        self.words = words  # the size of the "No picture" words

    @classmethod
    def of(cls, picture: pygame.Surface | None, width: int, sizes: Sizes) -> Thumbnail:
        if picture is None:
            return cls(None, width, width * 9 // 16, sizes.small)
        height = min(width * 3 // 4, max(1, width * picture.get_height() // picture.get_width()))
        return cls(pygame.transform.smoothscale(picture, (width, height)), width, height,
                   sizes.small)

    def draw(self, canvas: Canvas, rect: pygame.Rect) -> None:
        palette = canvas.palette
        box = pygame.Rect(rect.left, rect.top, self.width, self.height)
        if self.picture is not None:
            canvas.surface.blit(self.picture, box)
            canvas.labels.append(Label("", box, "thumbnail"))
        else:
            canvas.panel(box)
            middle = (box.centerx, box.centery - canvas.cache.line_height(self.words) // 2)
            canvas.text("No picture", middle, self.words, palette.muted, "italic",
                        "thumbnail-missing", align="centre")
        pygame.draw.rect(canvas.surface, palette.panel_border, box, 1)
