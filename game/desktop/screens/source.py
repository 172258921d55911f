"""The source viewer: a source's whole text, its title and kind, scrolled to the quote, highlighted.

It is pushed over the screen it was opened from, which is left untouched, so
Esc or Backspace returns exactly where the player was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.text import Block, Mark
from game.desktop.widgets import column, draw_header, header_height
from game.model import Citation

if TYPE_CHECKING:
    from game.desktop.app import App


class SourceScreen(Screen):
    name = "source"

    def __init__(self, app: App, citation: Citation) -> None:
        super().__init__(app)
        self.citation = citation
        self.source = app.story.library[citation.source]
        self._block: Block | None = None
        self._text_top = 0
        self._scrolled_to_quote = False

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        top = header_height(cache, sizes)
        col = column(canvas)
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        y = top + sizes.gap * 2
        self._kind_y = y
        y += cache.line_height(sizes.small, "italic") + sizes.gap
        if self.citation.account:
            self._account_y = y
            y += cache.line_height(sizes.small, "bold") + sizes.gap
        self._text_top = y + sizes.gap
        mark = Mark(self.citation.start, self.citation.end, "highlight")
        self._block = cache.layout(self.source.text, sizes.body, col.width, marks=(mark,))
        self._left = col.left
        self.content_bottom = self._text_top + self._block.height + sizes.margin
        back = pygame.Rect(col.left, 0, 1, 1)
        self.items = [Item("back", back, self.back, "Back", fixed=True)]
        # Keep the quote in view across reflows: a third of the way down the window.
        if self._block.highlight_y >= 0:
            quote_y = self._text_top + self._block.highlight_y
            self.scroll = quote_y - self.viewport.top - self.viewport.height // 3
        self._scrolled_to_quote = True

    def on_key(self, event: pygame.event.Event) -> bool:
        step = self.app.sizes.body * 2
        if event.key == pygame.K_BACKSPACE:
            self.back()
        elif event.key == pygame.K_DOWN:
            self.scroll += step
        elif event.key == pygame.K_UP:
            self.scroll -= step
        elif event.key in (pygame.K_q, pygame.K_RETURN, pygame.K_KP_ENTER):
            self._layout_key = None  # back to the quote
        else:
            return False
        self.clamp_scroll()
        return True

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        assert self._block is not None
        dy = -self.scroll
        canvas.text(
            self.source.kind,
            (self._left, self._kind_y + dy),
            sizes.small,
            palette.muted,
            "italic",
            "kind",
        )
        if self.citation.account:
            canvas.text(
                f"Quoted for: {self.citation.account}",
                (self._left, self._account_y + dy),
                sizes.small,
                palette.text,
                "bold",
                "account",
            )
        canvas.surface.set_clip(self.viewport)
        canvas.block(
            self._block,
            (self._left, self._text_top + dy),
            sizes.body,
            role="source",
            clip=self.viewport,
        )
        canvas.surface.set_clip(None)
        self._scrollbar(canvas)
        line = self.source.line_of(self.citation.start)
        draw_header(
            canvas,
            self.source.title,
            f"{self.source.kind} · the quote is highlighted (line {line})",
            "Esc back · Enter to the quote · arrows, Page Up/Down scroll",
        )

    def _scrollbar(self, canvas: Canvas) -> None:
        total = self.content_bottom - self.viewport.top
        if total <= self.viewport.height:
            return
        palette = canvas.palette
        track = pygame.Rect(
            canvas.rect.right - 10, self.viewport.top + 4, 6, self.viewport.height - 8
        )
        pygame.draw.rect(canvas.surface, palette.panel_border, track, border_radius=3)
        thumb_h = max(24, track.height * self.viewport.height // total)
        thumb_y = track.top + (track.height - thumb_h) * self.scroll // max(1, self.max_scroll())
        pygame.draw.rect(
            canvas.surface, palette.accent, (track.left, thumb_y, 6, thumb_h), border_radius=3
        )
        if self._block is not None and self._block.highlight_y >= 0:
            mark_y = (
                track.top
                + track.height
                * (self._text_top + self._block.highlight_y - self.viewport.top)
                // total
            )
            pygame.draw.rect(canvas.surface, palette.highlight, (track.left - 4, mark_y, 14, 4))

    def speech_text(self) -> str:
        return f"{self.source.title}. The quoted passage: {self.citation.quote}"
