"""Fixtures for the authoring tools' tests: a small clean scene to break one way at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.loading import load_scene
from game.model import Scene
from game.sources import SourceLibrary

REPO = Path(__file__).resolve().parents[2]
DEMO_SCENES = REPO / "tests" / "fixtures" / "scenes"

QUOTE_A = "He said that he did not have the authority to do that."
QUOTE_B = "A few days later he arranged a meeting with Nikolai Yezhov, the head of the NKVD."
#: From the first line of the article, about 12,000 characters before QUOTE_A.
FAR_QUOTE = "Boris Bazarov was born in Lithuania in 1893."

#: Lints clean: every check has a passing example here.
CLEAN_SCENE = f"""\
id: lint_demo
title: Lint demo
place: Moscow
date: "1938"
role: Hede Massing
summary: A small scene for the linter's tests.
start: ask
vars:
  resolve: 0
nodes:
  ask:
    text: Peter listens, then spreads his hands.
    cite:
      - {{source: bazarov, quote: "{QUOTE_A}"}}
    discuss: Why could Peter not decide?
    choices:
      - id: ask_higher
        text: Ask him to take you higher.
        goto: meeting
        set: {{resolve: +1}}
        record:
          verdict: historical
          note: Zarubin arranged a meeting.
          cite:
            - {{source: bazarov, quote: "{QUOTE_B}"}}
      - id: wait
        text: Wait.
        if: "resolve < 1"
        goto: meeting
        record: {{verdict: unrecorded, note: Invented., cite: []}}
  meeting:
    text: The meeting.
    next: home
  home:
    text: Home.
    ending: historical
    epilogue:
      text: They left.
"""

SceneMaker = Callable[..., Scene]


@pytest.fixture
def make_scene(tmp_path: Path, library: SourceLibrary) -> SceneMaker:
    """Write a scene (CLEAN_SCENE with replacements) to a file and load it; it must load."""

    def make(*edits: tuple[str, str], text: str = CLEAN_SCENE) -> Scene:
        result = load_scene(write_scene(tmp_path, *edits, text=text), library)
        assert result.scene is not None, [str(d) for d in result.diagnostics]
        return result.scene

    return make


def write_scene(folder: Path, *edits: tuple[str, str], text: str = CLEAN_SCENE) -> Path:
    """CLEAN_SCENE (or `text`) with each (old, new) replacement made, as lint_demo.yaml."""
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = folder / "lint_demo.yaml"
    path.write_text(text, encoding="utf-8")
    return path
