"""Fixtures for the desktop tests: a headless window (SDL's dummy driver) and a private user folder.

Every test gets its own COVER_NAMES_HOME, so saves and settings never touch a
real player's data, and a Pilot on the real App.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.desktop.pilot import Pilot
from game.engine import Story, load_story

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder for each test."""
    monkeypatch.setenv("COVER_NAMES_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    return tmp_path / "home"


@pytest.fixture(scope="session")
def story() -> Story:
    """The desktop's own test scene (tests/desktop/fixtures), with the real sources."""
    loaded = load_story(FIXTURES)
    assert not loaded.diagnostics, [str(d) for d in loaded.diagnostics]
    return loaded


@pytest.fixture
def pilot(story: Story) -> Iterator[Pilot]:
    """The real window at laptop size, on the title screen, reduce motion off (as shipped)."""
    driver = Pilot.start(story, (1366, 768))
    yield driver
    driver.close()


def start_scene(pilot: Pilot) -> None:
    """From the title (no saves yet): Scenes, then the first scene's card."""
    assert pilot.screen == "title"
    pilot.press("1")  # Scenes is the first entry while there is nothing to continue
    assert pilot.screen == "scenes"
    pilot.press("1")
    assert pilot.screen == "play"
