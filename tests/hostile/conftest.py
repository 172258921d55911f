"""Fixtures for the hostile-file tests: the files an attacker or a broken disk leaves behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Story, load_story

REPO = Path(__file__).resolve().parents[2]
DEMO_SCENES = REPO / "tests" / "fixtures" / "scenes"
CLASSROOM_SCENES = REPO / "tests" / "classroom" / "fixtures" / "scenes"

#: About 200 KB of nesting: Python's JSON reader gives up with a RecursionError.
DEEP = "[" * 200_000 + "]" * 200_000
#: Over the 4,300 digits Python converts: json.loads raises ValueError.
HUGE_INT = "1" * 5_000


def save_holding(value_text: str) -> str:
    """A save document of the right format and version with `value_text` inside it."""
    return ('{"format": "cover-names/save", "version": 1, "playthrough": {"scene": "demo_call", '
            f'"variables": {{"x": {value_text}}}}}}}')


HOSTILE_SAVES = {
    "deep": DEEP,
    "deep-inside": save_holding(DEEP),
    "huge-int": save_holding(HUGE_INT),
    "nan": save_holding("NaN"),
    "infinite": save_holding("1e999"),
}


@pytest.fixture(autouse=True)
def _user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("COVER_NAMES_HOME", str(home))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    return home


@pytest.fixture(scope="session")
def demo_story() -> Story:
    story = load_story(DEMO_SCENES, REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


def settings_holding(value_text: str) -> str:
    return ('{"format": "cover-names/settings", "version": 1, "settings": '
            f'{{"window_width": {value_text}}}}}')


def dump(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
