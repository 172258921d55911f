"""The source viewer: a source's whole text, who speaks where in it, and the quote highlighted.

It is pushed over the screen it was opened from, which is left untouched, so
Esc or Backspace returns exactly where the player was. Above the text stand
what the article is and who published it, whose voice the highlighted quote
is (and what that kind of source can tell), every voice the article quotes,
and the slips `seeds/sources.yaml` lists: the seed texts are never
corrected, so a student reading "KBG" is told that it is the original's
misprint, left as written. In the text, each stretch in another voice than
the article's own is set on a panel with its kind in the margin ("memoir",
"report", "later book", "claim"), as seeds/voices.yaml marks it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow, Op
from game.desktop.header import Tool
from game.desktop.screen import Screen
from game.desktop.text import Block, Mark
from game.desktop.widgets import column
from game.model import Citation, Voice, credit_line
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
        flow.para(what_it_is(source), sizes.small, "italic", "muted", "kind")
        if source.provenance:
            flow.para(
                "Where it comes from: " + source.provenance,
                sizes.small,
                colour="muted",
                role="provenance",
            )
        flow.space(sizes.gap // 2)
        flow.para("The highlighted quote: " + credit_line(self.citation), sizes.small, "bold",
                  role="quote-voice")
        voice = self.citation.voice
        if voice is not None:
            flow.para(voice.kind.tells, sizes.small, "italic", "muted", "voice-tells")
            if voice.note:
                flow.para(voice.note, sizes.small, colour="muted", role="voice-note")
        if self.citation.account:
            flow.space(sizes.gap // 2)
            flow.text(f"Quoted for: {self.citation.account}", sizes.small, "bold", role="account")
        self._voices_legend(flow)
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
        # The quote's mark comes first: where it and a voice's stretch overlap, it wins.
        marks = (Mark(self.citation.start, self.citation.end, "highlight"),
                 *(Mark(span.start, span.end, f"voice:{number}")
                   for number, span in enumerate(source.voices)))
        # The margin labels sit left of the text: in the page's margin when it is wide enough.
        gutter = max(0, margin_width(canvas) - col.left) if source.voices else 0
        flow.indent += gutter
        first_op = len(flow.ops)
        text_top = flow.y
        flow.para(source.text, sizes.body, role="source", marks=marks)
        block = flow.cache.layout(source.text, sizes.body, flow.inner, marks=marks)
        self._mark_voices(flow, block, text_top, first_op)
        flow.indent -= gutter
        self._flow = flow
        self.items = self.with_header_items([])
        self.content_bottom = flow.y + sizes.margin
        # Keep the quote in view across reflows: a third of the way down the window.
        self._quote_y = text_top + block.highlight_y if block.highlight_y >= 0 else -1
        if self._quote_y >= 0:
            self.scroll = self._quote_y - self.viewport.top - self.viewport.height // 3

    def _voices_legend(self, flow: Flow) -> None:
        """Every voice in this text, by the label the margin gives it; then the unmarked text."""
        source, sizes = self.source, flow.sizes
        if not source.voices:
            return
        flow.space()
        flow.panel_begin()
        flow.text("Who speaks in this text (marked in the margin)", sizes.small, "bold",
                  role="voices-heading")
        flow.para(f"Unmarked: {source.own_voice.speaker}", sizes.small, colour="muted",
                  role="voice")
        seen: list[Voice] = []
        for span in source.voices:
            if span.voice not in seen:
                seen.append(span.voice)
                flow.para(f"{margin_label(span.voice)}: {span.voice.speaker}", sizes.small,
                          role="voice")
        flow.panel_end()

    def _mark_voices(self, flow: Flow, block: Block, top: int, at: int) -> None:
        """Each voice's words tinted, a bar beside its lines and its kind in the margin.

        The fills go in before the text's own draw operation, so the text is drawn over
        them; the quote's highlight is drawn by the text itself.
        """
        sizes = flow.sizes
        ops: list[Op] = []
        for number, span in enumerate(self.source.voices):
            tag = f"voice:{number}"
            runs = [run for run in block.runs if run.tag == tag
                    or (run.tag == "highlight" and span.start <= run.start < span.end)]
            if not runs:
                continue
            tint = "panel" if span.voice.is_article else "hover"
            for run in runs:
                if run.tag == tag:
                    rect = pygame.Rect(flow.x + run.x - 2, top + run.y, run.width + 4,
                                       block.line_height)
                    ops.append(Op("fill", rect.x, rect.y, {"rect": rect, "colour": tint}))
            first, last = min(run.y for run in runs), max(run.y for run in runs)
            # A little short at each end, so two voices on neighbouring lines show two bars.
            bar = pygame.Rect(flow.x - sizes.gap, top + first + 3, max(3, sizes.gap // 3),
                              last - first + block.line_height - 6)
            stripe = "muted" if span.voice.is_article else "link"
            ops.append(Op("fill", bar.x, bar.y, {"rect": bar, "colour": stripe}))
            label = margin_label(span.voice)
            width = flow.cache.width(label, sizes.small, "italic")
            for y in _label_lines(sorted({run.y for run in runs}), block.line_height):
                ops.append(Op("text", bar.left - sizes.gap - width, top + y,
                              {"text": label, "size": sizes.small, "style": "italic",
                               "colour": "muted", "role": "voice-label"}))
        flow.ops[at:at] = ops

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
        return (f"{self.source.title}. The quoted passage: {self.citation.quote}. "
                f"{credit_line(self.citation)}.")


def _label_lines(lines: list[int], line_height: int, every: int = 10) -> list[int]:
    """Where a long stretch repeats its margin label: its first line, the first line of
    each later paragraph in it, and every `every` lines, so a reader scrolled into the
    middle of a long memoir passage still sees whose it is."""
    chosen: list[int] = []
    previous = None
    for y in lines:
        new_paragraph = previous is not None and y - previous > line_height
        if not chosen or new_paragraph or y - chosen[-1] >= every * line_height:
            chosen.append(y)
        previous = y
    return chosen


def what_it_is(source: Source) -> str:
    """'What it is: a reference-wiki article, published by Conservapedia.'"""
    if source.publisher:
        return f"What it is: {source.kind}, published by {source.publisher}."
    return f"What it is: {source.kind}; the text does not say who published it."


def margin_label(voice: Voice) -> str:
    """The short name of a voice's kind, as the margin and the legend show it."""
    return "article's claim" if voice.kind.value == "claim" else (
        "article" if voice.is_article else voice.kind.value)


def margin_width(canvas: Canvas) -> int:
    """Room left of the text for the widest margin label."""
    sizes = canvas.sizes
    return canvas.cache.width("later writing", sizes.small, "italic") + 3 * sizes.gap
