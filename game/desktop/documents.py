"""Type that tells the document: a passage's quoted stretches set as what they are.

A passage quotes the works the sources quote: Massing's memoir, her
memorandum, Bazarov's reports to Moscow, later books. Where a passage's
text quotes one of its citations, that stretch is set as its document: a
memoir as a book's page (EB Garamond, a running head naming the book), a
report, memorandum, instruction or letter as a typed sheet (Courier Prime,
a header with the kind, who wrote to whom and the date the source gives,
and a stamp). The kind comes from the citation's voice (seeds/voices.yaml):
nothing is styled by hand. Narration, and the articles' own words, stay in
the game's own face.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.desktop.canvas import Canvas
from game.desktop.period import draw_stamp
from game.desktop.text import Block, TextCache
from game.model import Citation
from game.model.voice import Voice, VoiceKind
from game.sources.library import locate

_TYPED = (VoiceKind.MEMORANDUM, VoiceKind.REPORT, VoiceKind.INSTRUCTION, VoiceKind.LETTER)
_BOOKS = (VoiceKind.MEMOIR, VoiceKind.LATER_BOOK)


@dataclass(frozen=True)
class Segment:
    """A stretch of a passage: the game's own words (voice None), or a document it quotes."""

    text: str
    start: int  # offset in the passage's text
    voice: Voice | None = None

    @property
    def style(self) -> str:
        """How the stretch is set: "" (the game's face), "book" or "typed"."""
        if self.voice is None:
            return ""
        if self.voice.kind in _BOOKS:
            return "book"
        return "typed" if self.voice.kind in _TYPED else ""


def segments(text: str, citations: tuple[Citation, ...]) -> list[Segment]:
    """`text` cut at the stretches that quote a citation set as a document."""
    found: list[tuple[int, int, Voice]] = []
    for citation in citations:
        voice = citation.voice
        if voice is None or Segment("", 0, voice).style == "":
            continue
        span = locate(text, citation.quote)
        if span is None:
            continue
        start, end = _with_quote_marks(text, *span)
        if any(start < other_end and other_start < end for other_start, other_end, _ in found):
            continue
        found.append((start, end, voice))
    found.sort()
    pieces: list[Segment] = []
    at = 0
    for start, end, voice in found:
        if text[at:start].strip():
            pieces.append(Segment(text[at:start].strip(), at))
        pieces.append(Segment(text[start:end].strip(" \n\"“”'‘’"), start, voice))
        at = end
    if text[at:].strip() or not pieces:
        pieces.append(Segment(text[at:].strip(), at))
    return pieces


def _with_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a quote's span over the quotation marks and closing stop around it."""
    while start > 0 and text[start - 1] in "\"“'‘":
        start -= 1
    while end < len(text) and text[end] in "\"”'’.,":
        end += 1
    return start, end


def heading(voice: Voice) -> str:
    """The document's own heading: a book's running head, or a typed sheet's header."""
    if voice.kind in _BOOKS:
        title = f"{voice.title} ({voice.date})" if voice.date else voice.title
        return " · ".join(part for part in (voice.author, title) if part)
    kind = voice.kind.value.upper()
    who = voice.author + (f" to {voice.to}" if voice.to else "")
    return " — ".join(part for part in (kind, who, voice.date) if part)


@dataclass
class Document:
    """A quoted stretch laid out as its document, at a width: heading, body, height."""

    segment: Segment
    heading: Block
    body: Block
    size: int
    pad: int
    height: int

    @staticmethod
    def lay_out(cache: TextCache, segment: Segment, width: int, size: int,
                small: int) -> Document:
        assert segment.voice is not None
        book = segment.style == "book"
        pad = max(8, size // 2) * (3 if book else 2)
        face = "book" if book else "typewriter"
        # A book's face is small on the eye for its size: a touch larger reads the same.
        body_size = round(size * 1.12) if book else size
        head = cache.layout(heading(segment.voice), small, width - 2 * pad,
                            "book-italic" if book else "typewriter-bold")
        body = cache.layout(segment.text, body_size, width - 2 * pad, face)
        height = pad + head.height + small + body.height + pad
        return Document(segment, head, body, body_size, pad, height)

    def draw(self, canvas: Canvas, rect: pygame.Rect, small: int) -> None:
        palette = canvas.palette
        book = self.segment.style == "book"
        paper = palette.page if book else palette.typed_page
        canvas.surface.fill(paper, rect)
        pygame.draw.rect(canvas.surface, palette.folder_edge, rect, 1)
        x, y = rect.left + self.pad, rect.top + self.pad
        if book:  # a running head, centred over a rule, as on a printed page
            width = max((run.x + run.width for run in self.heading.runs), default=0)
            canvas.block(self.heading, (rect.centerx - width // 2, y), small, "book-italic",
                         palette.muted, "document-heading")
            rule_y = y + self.heading.height + small // 3
            pygame.draw.line(canvas.surface, palette.folder_edge,
                             (rect.left + self.pad, rule_y), (rect.right - self.pad, rule_y))
        else:
            canvas.block(self.heading, (x, y), small, "typewriter-bold", palette.ink,
                         "document-heading")
            stamp = self.segment.voice.kind.value.upper() if self.segment.voice else ""
            if stamp and rect.width > small * 24:
                draw_stamp(canvas, stamp, (rect.right - self.pad - small * 3,
                                           rect.top + self.pad + small), max(13, small))
        y += self.heading.height + small
        canvas.block(self.body, (x, y), self.size, "book" if book else "typewriter",
                     palette.ink, "document")
