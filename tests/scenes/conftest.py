"""Fixtures for the shipped scenes: the real story, and a driver that can save and reload."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.engine import Outcome, Player, Story, load_story
from game.saves import read_save, write_save

REPO = Path(__file__).resolve().parents[2]
SCENES = REPO / "scenes"

#: The three historical scenes this folder's tests hold to issue 3's numbers.
HISTORICAL_SCENES = ("recruiting_duggan", "moscow_interrogation", "exit_visa")


@pytest.fixture(scope="session")
def story() -> Story:
    """Every scene in scenes/, loaded and proven against seeds/; none may have a problem."""
    loaded = load_story(SCENES, REPO / "seeds")
    assert not loaded.diagnostics, "\n".join(str(d) for d in loaded.diagnostics)
    return loaded


class Driver:
    """Plays one scene through the engine's Player; in reload mode, saves and reloads each step."""

    def __init__(self, story: Story, scene_id: str, reload: bool, directory: Path) -> None:
        self.story = story
        self.reload = reload
        self.directory = directory
        self.player: Player = story.new_player(scene_id)

    def choose(self, option_id: str) -> Outcome:
        outcome = self.player.choose(option_id)
        if self.reload:
            path = write_save(self.player, "scene-test", self.directory)
            loaded = read_save(path, self.story)
            assert loaded.playthrough is not None, loaded.problem
            self.player.close()
            self.player = self.story.resume(loaded.playthrough)
        return outcome


@pytest.fixture(params=["straight", "save-and-reload"])
def reload(request: pytest.FixtureRequest) -> bool:
    """Every walkthrough runs twice: straight through, and saving and reloading at each step."""
    return bool(request.param == "save-and-reload")


@pytest.fixture
def drive(story: Story, reload: bool, tmp_path: Path) -> Iterator[Callable[[str], Driver]]:
    """A factory: drive(scene_id) gives a Driver; players are closed afterwards."""
    drivers: list[Driver] = []

    def make(scene_id: str) -> Driver:
        driver = Driver(story, scene_id, reload, tmp_path)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.player.close()
