"""Fixtures for the classroom tests: the demo scene, plans for it, a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Story, load_story

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
#: The three scenes and their plans as shipped in format 1, frozen: long, real content for
#: behaviour tests, which must not move when scenes/ is re-cut (tests/fixtures/format1/README.md).
FORMAT1 = REPO / "tests" / "fixtures" / "format1"


class FakeClock:
    """A clock the test moves by hand: `clock.tick(30)` is thirty seconds later."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def demo_story() -> Story:
    story = load_story(FIXTURES / "scenes", REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


@pytest.fixture(scope="session")
def shipped_story() -> Story:
    """Whatever scenes/ holds now: for tests that hold for any set of valid scenes."""
    story = load_story(REPO / "scenes", REPO / "seeds")
    return story


@pytest.fixture(scope="session")
def long_story() -> Story:
    """The frozen format-1 copies of the three scenes: long titles, places and passages."""
    story = load_story(FORMAT1 / "scenes", REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def _user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("COVER_NAMES_HOME", str(home))
    return home


def write_plan(directory: Path, text: str, name: str = "plan.yaml") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path
