"""Fonts, measured words and rendered strings, cached; and wrapping text into runs.

A frame only blits surfaces made once: `TextCache.render` keeps rendered
strings, `layout` keeps wrapped paragraphs per width. Wrapping works on
character offsets, so a span of the original text (a quoted passage, a name
that links to the dossier) keeps its identity through the layout.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pygame

from game import paths

#: Styles by name (assets/fonts/README.md says what each face is for and its licence).
FONT_FILES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
    "italic": "AtkinsonHyperlegible-Italic.ttf",
    "book": "EBGaramond12-Regular.ttf",  # a memoir's page
    "book-italic": "EBGaramond12-Italic.ttf",
    "typewriter": "CourierPrime-Regular.otf",  # cables, reports, memoranda
    "typewriter-bold": "CourierPrime-Bold.otf",
    "period": "OldStandard-Bold.ttf",  # the title, dossier covers, place cards, stamps
}
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_WORD = re.compile(r"\S+")


def fonts_dir() -> Path:
    return paths.assets_dir() / "fonts"


@dataclass(frozen=True)
class Mark:
    """A span of a text to draw differently: a link to a dossier entry, or the quoted passage."""

    start: int
    end: int
    tag: str  # "link:<entry id>" or "highlight"


@dataclass(frozen=True)
class Run:
    """A piece of one line drawn in one style, positioned relative to the block."""

    text: str
    x: int
    y: int
    width: int
    tag: str
    start: int  # character offset of the run in the original text


@dataclass(frozen=True)
class Block:
    """A wrapped text: its runs, its height, and where its first highlighted run is."""

    runs: tuple[Run, ...]
    height: int
    line_height: int
    highlight_y: int = -1


class TextCache:
    """Fonts by size and style, word widths, rendered strings and wrapped blocks."""

    def __init__(self, directory: Path | None = None, limit: int = 3000) -> None:
        self.directory = directory or fonts_dir()
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._widths: dict[tuple[str, int, str], int] = {}
        self._surfaces: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._blocks: OrderedDict[tuple[object, ...], Block] = OrderedDict()
        self._limit = limit

    def font(self, size: int, style: str = "regular") -> pygame.font.Font:
        key = (style, size)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(str(self.directory / FONT_FILES[style]), size)
            self._fonts[key] = font
        return font

    def width(self, text: str, size: int, style: str = "regular") -> int:
        key = (style, size, text)
        width = self._widths.get(key)
        if width is None:
            width = self.font(size, style).size(text)[0]
            if len(self._widths) > 20000:
                self._widths.clear()
            self._widths[key] = width
        return width

    def line_height(self, size: int, style: str = "regular") -> int:
        return round(self.font(size, style).get_linesize() * 1.18)

    def render(
        self, text: str, size: int, colour: tuple[int, int, int], style: str = "regular"
    ) -> pygame.Surface:
        key = (text, size, colour, style)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = self.font(size, style).render(text, True, colour)
        self._surfaces[key] = surface
        if len(self._surfaces) > self._limit:
            self._surfaces.popitem(last=False)
        return surface

    def layout(
        self,
        text: str,
        size: int,
        width: int,
        style: str = "regular",
        marks: Sequence[Mark] = (),
    ) -> Block:
        """Wrap `text` to `width`, blank lines separating paragraphs; cached."""
        key = (text, size, width, style, tuple(marks))
        block = self._blocks.get(key)
        if block is not None:
            self._blocks.move_to_end(key)
            return block
        block = _wrap(self, text, size, max(width, size * 4), style, marks)
        self._blocks[key] = block
        if len(self._blocks) > 400:
            self._blocks.popitem(last=False)
        return block


def _tag_at(marks: Sequence[Mark], offset: int) -> str:
    for mark in marks:
        if mark.start <= offset < mark.end:
            return mark.tag
    return ""


def _pieces(word: str, start: int, marks: Sequence[Mark]) -> list[tuple[str, str, int]]:
    """Split a word where a mark begins or ends inside it: (text, tag, offset) pieces."""
    if not marks:
        return [(word, "", start)]
    pieces: list[tuple[str, str, int]] = []
    begin = 0
    tag = _tag_at(marks, start)
    for index in range(1, len(word)):
        here = _tag_at(marks, start + index)
        if here != tag:
            pieces.append((word[begin:index], tag, start + begin))
            begin, tag = index, here
    pieces.append((word[begin:], tag, start + begin))
    return pieces


def _wrap(
    cache: TextCache, text: str, size: int, width: int, style: str, marks: Sequence[Mark]
) -> Block:
    line_height = cache.line_height(size, style)
    space = cache.width(" ", size, style)
    lines: list[
        tuple[int, list[tuple[str, str, int, int]]]
    ] = []  # y, pieces (text, tag, offset, x)
    y = 0
    paragraph_starts = [0] + [match.end() for match in _PARAGRAPH.finditer(text)]
    paragraph_ends = [match.start() for match in _PARAGRAPH.finditer(text)] + [len(text)]
    for number, (p_start, p_end) in enumerate(zip(paragraph_starts, paragraph_ends, strict=True)):
        if number:
            y += line_height // 2
        line: list[tuple[str, str, int, int]] = []
        x = 0
        for match in _WORD.finditer(text, p_start, p_end):
            pieces = _pieces(match.group(), match.start(), marks)
            word_width = sum(cache.width(piece[0], size, style) for piece in pieces)
            if x and x + space + word_width > width:
                lines.append((y, line))
                line, x, y = [], 0, y + line_height
            if x:
                x += space
            for piece_text, tag, offset in pieces:
                line.append((piece_text, tag, offset, x))
                x += cache.width(piece_text, size, style)
        if line:
            lines.append((y, line))
            y += line_height
    runs: list[Run] = []
    highlight_y = -1
    for line_y, pieces_on_line in lines:
        for run_text, tag, offset, run_x, run_width in _merge(cache, pieces_on_line, size, style):
            runs.append(Run(run_text, run_x, line_y, run_width, tag, offset))
            if tag == "highlight" and highlight_y < 0:
                highlight_y = line_y
    return Block(tuple(runs), y, line_height, highlight_y)


def _merge(
    cache: TextCache, line: list[tuple[str, str, int, int]], size: int, style: str
) -> list[tuple[str, str, int, int, int]]:
    """Join neighbouring pieces of one style into one run (fewer, longer blits), then place
    each run where the one before it really ends.

    A run is drawn as one string, which kerning makes a few pixels wider or
    narrower than the sum of its words; placing runs by the summed widths let
    a link or a highlight drift into the word or quote mark beside it.
    """
    joined: list[tuple[str, str, int, bool]] = []  # text, tag, offset, space before it
    end = 0
    for piece_text, tag, offset, piece_x in line:
        gap = piece_x > end
        if joined and joined[-1][1] == tag:
            text, _, first, spaced = joined[-1]
            joined[-1] = (text + (" " if gap else "") + piece_text, tag, first, spaced)
        else:
            joined.append((piece_text, tag, offset, gap and bool(joined)))
        end = piece_x + cache.width(piece_text, size, style)
    space = cache.width(" ", size, style)
    merged: list[tuple[str, str, int, int, int]] = []
    x = 0
    for text, tag, offset, spaced in joined:
        if spaced:
            x += space
        run_width = cache.width(text, size, style)
        merged.append((text, tag, offset, x, run_width))
        x += run_width
    return merged
