"""Fixtures for the classroom server: the real Starlette app over a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from game.classroom.classes import Classes
from game.classroom.live_class import LiveClass
from game.classroom.plans import Plan
from game.classroom.sqlite_store import SqliteStore
from game.engine import Story, load_story
from game.web.app import create_app

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "tests" / "classroom" / "fixtures" / "scenes"


@pytest.fixture(scope="session")
def demo_story() -> Story:
    story = load_story(DEMO, REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


@pytest.fixture(autouse=True)
def _user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COVER_NAMES_HOME", str(home))
    return home


@dataclass
class Room:
    """A class on the real server: the client, the class, and the teacher's secret."""

    client: TestClient
    classes: Classes
    live: LiveClass

    @property
    def code(self) -> str:
        return self.live.code

    def join(self, name: str = "", code: str = "") -> str:
        answer = self.client.post("/api/join", json={"code": code or self.code, "name": name})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["device"])

    def teacher(self, action: str, argument: str = "", secret: str | None = None) -> Any:
        answer = self.client.post(
            f"/api/teacher/{self.code}", json={"action": action, "argument": argument},
            headers={"x-teacher-secret": self.live.row.secret if secret is None else secret})
        return answer

    def to_vote(self) -> dict[str, Any]:
        """Teacher presses on until the class is voting; the feed then."""
        for _ in range(10):
            feed = self.teacher("advance").json()["feed"]
            if feed["phase"] == "voting":
                return dict(feed)
        raise AssertionError("never reached a vote")


def make_room(story: Story, folder: Path, anonymous: bool = False) -> tuple[Classes, LiveClass]:
    classes = Classes(story, SqliteStore(folder / "class.sqlite3"), log_dir=folder / "sessions")
    live = classes.start(Plan.of_story(story), anonymous=anonymous)
    return classes, live


@pytest.fixture
def room(demo_story: Story, tmp_path: Path) -> Iterator[Room]:
    classes, live = make_room(demo_story, tmp_path)
    with TestClient(create_app(classes, "http://127.0.0.1:8765")) as client:
        yield Room(client, classes, live)
