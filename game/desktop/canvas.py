"""Drawing onto the window while writing down what was drawn.

Every piece of text a screen draws goes through `Canvas`, which blits it and
records a `Label` (its text, rectangle and role). The pilot and the tests read
those labels back: they are the text model of what is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.desktop.text import Block, TextCache
from game.desktop.theme import Colour, Palette, Sizes
from game.model import Verdict


@dataclass(frozen=True)
class Label:
    """One piece of visible text: what it says, where, and what it is."""

    text: str
    rect: pygame.Rect
    role: str  # e.g. "title", "button", "passage", "option", "verdict", "toast"
    key: str = ""  # the item id for focusable things, the tag for runs


class Canvas:
    """The window surface, the text cache and the palette, plus the labels drawn this frame."""

    def __init__(self, surface: pygame.Surface, cache: TextCache, palette: Palette, sizes: Sizes):
        self.surface = surface
        self.cache = cache
        self.palette = palette
        self.sizes = sizes
        self.labels: list[Label] = []

    @property
    def rect(self) -> pygame.Rect:
        return self.surface.get_rect()

    def fill(self, colour: Colour, rect: pygame.Rect | None = None) -> None:
        self.surface.fill(colour, rect)

    def text(
        self,
        text: str,
        pos: tuple[int, int],
        size: int | None = None,
        colour: Colour | None = None,
        style: str = "regular",
        role: str = "text",
        key: str = "",
        align: str = "left",
    ) -> pygame.Rect:
        """Draw one line; `align` is left, centre or right of `pos`."""
        size = size or self.sizes.body
        surface = self.cache.render(text, size, colour or self.palette.text, style)
        rect = surface.get_rect(topleft=pos)
        if align == "centre":
            rect.centerx = pos[0]
        elif align == "right":
            rect.right = pos[0]
        self.surface.blit(surface, rect)
        if rect.colliderect(self.rect):
            self.labels.append(Label(text, rect, role, key))
        return rect

    def block(
        self,
        block: Block,
        origin: tuple[int, int],
        size: int,
        style: str = "regular",
        colour: Colour | None = None,
        role: str = "text",
        clip: pygame.Rect | None = None,
        key: str = "",
    ) -> None:
        """Draw a wrapped block; runs outside `clip` are skipped, and so not labelled."""
        palette = self.palette
        colour = colour or palette.text
        clip = clip or self.rect
        ox, oy = origin
        for run in block.runs:
            y = oy + run.y
            if y + block.line_height < clip.top or y > clip.bottom:
                continue
            run_colour = colour
            if run.tag.startswith("link:"):
                run_colour = palette.link
            elif run.tag == "highlight":
                run_colour = palette.highlight_text
                back = pygame.Rect(ox + run.x - 3, y - 1, run.width + 6, block.line_height)
                self.surface.fill(palette.highlight, back)
            surface = self.cache.render(run.text, size, run_colour, style)
            rect = self.surface.blit(surface, (ox + run.x, y))
            if run.tag.startswith("link:"):
                underline = rect.bottom - max(2, size // 10)
                pygame.draw.line(
                    self.surface,
                    run_colour,
                    (rect.left, underline),
                    (rect.right, underline),
                    max(1, size // 14),
                )
            self.labels.append(Label(run.text, rect, role, key or run.tag))

    def panel(
        self, rect: pygame.Rect, colour: Colour | None = None, border: Colour | None = None
    ) -> None:
        self.surface.fill(colour or self.palette.panel, rect)
        pygame.draw.rect(self.surface, border or self.palette.panel_border, rect, 1)

    def focus_ring(self, rect: pygame.Rect) -> None:
        """Two rings, dark and light, so focus shows on any background."""
        width = max(3, self.sizes.body // 7)
        outer = rect.inflate(width * 2 + 2, width * 2 + 2)
        pygame.draw.rect(self.surface, self.palette.focus, outer, width, border_radius=6)
        pygame.draw.rect(
            self.surface,
            self.palette.focus_inner,
            outer.inflate(-2 * width, -2 * width),
            1,
            border_radius=4,
        )

    def verdict_badge(self, verdict: Verdict, pos: tuple[int, int], size: int) -> pygame.Rect:
        """Icon, then the verdict's word, in its colour: never colour alone."""
        colour = self.palette.verdicts[verdict]
        icon = pygame.Rect(pos[0], pos[1], round(size * 1.25), round(size * 1.25))
        draw_verdict_icon(self.surface, verdict, icon, colour, self.palette.panel)
        word = self.text(
            verdict.label,
            (icon.right + size // 2, pos[1]),
            size,
            colour,
            "bold",
            "verdict",
            verdict.value,
        )
        word.centery = icon.centery
        return icon.union(word)


def draw_verdict_icon(
    surface: pygame.Surface, verdict: Verdict, rect: pygame.Rect, colour: Colour, paper: Colour
) -> None:
    """One shape per verdict: tick in a disc, bent arrow in a diamond, ? in a ring, arrows."""
    cx, cy = rect.center
    r = rect.width // 2
    line = max(2, rect.width // 9)
    if verdict is Verdict.HISTORICAL:
        pygame.draw.circle(surface, colour, (cx, cy), r)
        points = [(cx - r * 0.5, cy), (cx - r * 0.12, cy + r * 0.42), (cx + r * 0.55, cy - r * 0.4)]
        pygame.draw.lines(surface, paper, False, points, line + 1)
    elif verdict is Verdict.DIVERGED:
        pygame.draw.polygon(
            surface, colour, [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
        )
        stem = [
            (cx - r * 0.1, cy + r * 0.45),
            (cx - r * 0.1, cy - r * 0.05),
            (cx + r * 0.4, cy - r * 0.05),
        ]
        pygame.draw.lines(surface, paper, False, stem, line)
        head = [
            (cx + r * 0.2, cy - r * 0.28),
            (cx + r * 0.45, cy - r * 0.05),
            (cx + r * 0.2, cy + r * 0.18),
        ]
        pygame.draw.lines(surface, paper, False, head, line)
    elif verdict is Verdict.UNRECORDED:
        pygame.draw.circle(surface, colour, (cx, cy), r, line)
        pygame.draw.arc(
            surface,
            colour,
            pygame.Rect(cx - r * 0.35, cy - r * 0.6, r * 0.7, r * 0.6),
            -1.2,
            3.3,
            line,
        )
        pygame.draw.line(surface, colour, (cx, cy - r * 0.02), (cx, cy + r * 0.22), line)
        pygame.draw.circle(surface, colour, (cx, cy + r * 0.48), line)
    else:
        square = rect.inflate(-2, -2)
        pygame.draw.rect(surface, colour, square, border_radius=max(2, r // 4))
        for sign in (-1, 1):
            y = cy + sign * r * 0.28
            tip, tail = (cx + sign * r * 0.55, y), (cx - sign * r * 0.55, y)
            pygame.draw.line(surface, paper, tail, tip, line)
            pygame.draw.line(surface, paper, tip, (tip[0] - sign * r * 0.25, y - r * 0.22), line)
