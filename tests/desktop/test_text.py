"""Wrapped text: a link or a highlight starts where the text before it is really drawn to."""

from __future__ import annotations

from itertools import pairwise

import pygame
import pytest

from game.desktop.text import Mark, TextCache

PASSAGE = (
    'Moscow wanted Ernst, and "Alger Hiss" had asked him first. Hede Massing at a '
    "Communist cell meeting in Field's home argued with Alger Hiss over whether "
    "Noel Field, a State Department communist, should work with her group or with "
    "The GRU. In London: the same questions, again and again, for weeks."
)


@pytest.fixture(scope="module")
def cache() -> TextCache:
    pygame.font.init()
    return TextCache()


def marks_for(*names: str) -> tuple[Mark, ...]:
    found = []
    for name in names:
        start = PASSAGE.index(name)
        found.append(Mark(start, start + len(name), "link:x" if name[0].isupper() else "highlight"))
    return tuple(sorted(found, key=lambda mark: mark.start))


@pytest.mark.parametrize("size", [18, 24, 31, 44])
def test_runs_neither_overlap_nor_drift_apart(cache: TextCache, size: int) -> None:
    marks = marks_for("Ernst", "Alger Hiss", "Noel Field", "State Department", "London")
    block = cache.layout(PASSAGE, size, 900, marks=marks)
    space = cache.width(" ", size)
    lines: dict[int, list] = {}
    for run in block.runs:
        lines.setdefault(run.y, []).append(run)
    assert any(len(runs) > 2 for runs in lines.values())  # links split lines into runs
    for runs in lines.values():
        for before, after in pairwise(runs):
            drawn_to = before.x + cache.width(before.text, size)
            assert before.width == cache.width(before.text, size)
            # Joined inside a word ('"' then 'Alger'), or one space apart: never
            # drawn over the text before, never a gap where the text has none.
            gap = after.x - drawn_to
            joined_in_text = PASSAGE[after.start - 1] != " "
            assert gap == (0 if joined_in_text else space), (before.text, after.text)
