"""Fixtures for engine tests: the demo scene, and a driver that can save and reload mid-way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.engine import Outcome, Player, Story, load_story
from game.saves import read_save, write_save

REPO = Path(__file__).resolve().parents[2]
DEMO_SCENES = REPO / "tests" / "fixtures" / "scenes"


@pytest.fixture(scope="session")
def demo_story() -> Story:
    story = load_story(DEMO_SCENES, REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


class Driver:
    """Plays through a Player; in 'reload' mode it saves and reloads after every choice.

    Every engine playthrough test runs once as normal and once through a save
    and reload, so a state that does not survive saving fails a test.
    """

    def __init__(self, story: Story, scene_id: str, reload: bool, directory: Path) -> None:
        self.story = story
        self.reload = reload
        self.directory = directory
        self.player: Player = story.new_player(scene_id)

    def choose(self, option_id: str) -> Outcome:
        outcome = self.player.choose(option_id)
        if self.reload:
            self.reload_now()
        return outcome

    def reload_now(self) -> None:
        path = write_save(self.player, "test-slot", self.directory)
        loaded = read_save(path, self.story)
        assert loaded.playthrough is not None, loaded.problem
        assert loaded.problem == ""
        self.player.close()
        self.player = self.story.resume(loaded.playthrough)


@pytest.fixture(params=["straight", "save-and-reload"])
def drive(request: pytest.FixtureRequest, demo_story: Story, tmp_path: Path) -> Iterator[Driver]:
    driver = Driver(demo_story, "demo_call", request.param == "save-and-reload", tmp_path)
    yield driver
    driver.player.close()
