"""The source viewer: a source's whole text, its origin and slips, and the quote highlighted.

It is pushed over the screen it was opened from, which is left untouched, so
Esc or Backspace returns exactly where the player was. Above the text stand
the source's kind and provenance and the slips `seeds/sources.yaml` lists:
the seed texts are never corrected, so a student reading "KBG" is told that
it is the original's misprint, left as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.header import Tool
from game.desktop.screen import Screen
from game.desktop.text import Mark
from game.desktop.widgets import column
from game.model import Citation
from game.sources.library import Source

if TYPE_CHECKING:
    from game.desktop.app import App

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def passage_of(source: Source, offset: int) -> tuple[int, int]:
    """(N, M): the quote is in passage N of the M blank-line-separated passages of the text.

    Students cannot see the file's line numbers, but they can count passages.
    """
    breaks = [match.start() for match in _PARAGRAPH.finditer(source.text.strip())]
    lead = len(source.text) - len(source.text.lstrip())
    number = 1 + sum(1 for at in breaks if at + lead < offset)
    return number, len(breaks) + 1


class SourceScreen(Screen):
    name = "source"
    scroll_cue = True

    def __init__(self, app: App, citation: Citation) -> None:
        super().__init__(app)
        self.citation = citation
        self.source = app.story.library[citation.source]
        self._flow: Flow | None = None
        self._quote_y = -1
        self.pending_focus = "tool:quote"  # Enter goes back to the quote

    def tools(self) -> list[Tool]:
        return [
            Tool("back", "Back", "Esc", self.back),
            Tool("quote", "To the quote", "Q", self.to_quote),
            Tool("help", "Help", "?", self.app.toggle_help),
        ]

    def to_quote(self) -> None:
        self.invalidate()  # the layout puts the quote a third of the way down

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        source = self.source
        number, total = passage_of(source, self.citation.start)
        top = self.make_header(
            canvas,
            source.title,
            f"The quote is highlighted, in passage {number} of {total}",
        )
        col = column(canvas)
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 2)
        flow.text(source.kind, sizes.small, "italic", "muted", "kind")
        if source.provenance:
            flow.para(
                "Where it comes from: " + source.provenance,
                sizes.small,
                colour="muted",
                role="provenance",
            )
        if self.citation.account:
            flow.space(sizes.gap // 2)
            flow.text(f"Quoted for: {self.citation.account}", sizes.small, "bold", role="account")
        if source.known_slips:
            flow.space()
            flow.panel_begin("highlight")
            flow.text(
                "Known slips in this text (left as written)",
                sizes.small,
                "bold",
                role="slips-heading",
            )
            for text, note in source.known_slips:
                flow.para(f"\u201c{text}\u201d: {note}", sizes.small, role="slip")
            flow.panel_end()
        flow.space(sizes.gap)
        mark = Mark(self.citation.start, self.citation.end, "highlight")
        text_top = flow.y
        flow.para(source.text, sizes.body, role="source", marks=(mark,))
        block = flow.cache.layout(source.text, sizes.body, flow.inner, marks=(mark,))
        self._flow = flow
        self.items = self.with_header_items([])
        self.content_bottom = flow.y + sizes.margin
        # Keep the quote in view across reflows: a third of the way down the window.
        self._quote_y = text_top + block.highlight_y if block.highlight_y >= 0 else -1
        if self._quote_y >= 0:
            self.scroll = self._quote_y - self.viewport.top - self.viewport.height // 3

    def scroll_marks(self) -> tuple[int, ...]:
        return (self._quote_y,) if self._quote_y >= 0 else ()

    def on_key(self, event: pygame.event.Event) -> bool:
        step = self.app.sizes.body * 2
        if event.key == pygame.K_BACKSPACE:
            self.back()
        elif event.key == pygame.K_DOWN:
            self.scroll += step
        elif event.key == pygame.K_UP:
            self.scroll -= step
        elif event.key == pygame.K_q:
            self.to_quote()
        else:
            return False
        self.clamp_scroll()
        return True

    def draw(self, canvas: Canvas) -> None:
        assert self._flow is not None
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def speech_text(self) -> str:
        return f"{self.source.title}. The quoted passage: {self.citation.quote}"
