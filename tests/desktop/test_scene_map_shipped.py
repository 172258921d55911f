"""The scene map of each shipped scene, read as a student reads it after an ending.

A way taken is drawn thick; if its line ran under a box it never passed, the
path would seem to go through a passage the player has not found. Every box a
player has found shows words, even a passage whose every part depends on what
the player did. The strip at the foot describes the box the arrows moved to,
even while the pointer rests on another.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest

from game.desktop.pilot import Pilot
from game.desktop.screens.scene_map import SceneMapScreen
from game.engine import Player, Story, load_story
from game.historical_path import historical_path
from game.scenemap import lay_out


@pytest.fixture(scope="module")
def shipped() -> Story:
    return load_story()


def _played(story: Story, scene_id: str) -> Player:
    """A player at the scene's historical ending."""
    player = story.new_player(scene_id)
    for choice in historical_path(story, scene_id).choices:
        player.choose(choice)
    return player


@pytest.fixture(params=[(1366, 768), (1920, 1080)], ids=["laptop", "projector"])
def pilot(shipped: Story, request: pytest.FixtureRequest) -> Iterator[Pilot]:
    driver = Pilot.start(shipped, request.param)
    yield driver
    driver.close()


@pytest.mark.parametrize("scene_id", ["recruiting_duggan", "moscow_interrogation", "exit_visa"])
def test_no_line_runs_under_a_box_it_does_not_join(
    shipped: Story, pilot: Pilot, scene_id: str
) -> None:
    player = _played(shipped, scene_id)
    screen = SceneMapScreen(pilot.app, player)
    pilot.app.push(screen)
    pilot.app.render()
    boxes = screen._boxes
    crossings = []
    for edge, points in zip(screen.map.edges, screen.routes(), strict=True):
        for start, end in pairwise(points):
            for node_id, box in boxes.items():
                if node_id in (edge.source, edge.target):
                    continue
                if box.inflate(-2, -2).clipline(start, end):
                    crossings.append(f"{edge.source} -> {edge.target} under {node_id}")
    assert not crossings, crossings


def test_every_box_shows_words_even_when_every_part_has_a_condition(shipped: Story) -> None:
    for scene in shipped.ordered:
        scene_map = lay_out(scene)
        assert all(node.label for node in scene_map.nodes), [
            node.id for node in scene_map.nodes if not node.label]
    # The telephone call is written only in parts that depend on who is in the room.
    assert lay_out(shipped.scenes["exit_visa"]).node("the_call").label.startswith("Boris")


def test_the_strip_follows_the_arrows_while_the_pointer_rests_on_a_box(
    shipped: Story, pilot: Pilot
) -> None:
    screen = SceneMapScreen(pilot.app, _played(shipped, "exit_visa"))
    pilot.app.push(screen)
    pilot.app.render()
    resting = screen.items[screen.focus]  # the ending, where the player is
    pilot.move_to(screen.on_screen(resting).center)
    assert pilot.text("map-detail") == screen.detail(screen.map.node(resting.id[5:]))
    pilot.press("up")
    moved = screen.items[screen.focus]
    assert moved.id != resting.id
    assert pilot.text("map-detail") == screen.detail(screen.map.node(moved.id[5:]))
