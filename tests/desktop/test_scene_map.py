"""The scene's map after an ending: the path taken, branches found on earlier runs, the rest
locked; keyboard and mouse move through it; it fits a laptop and a projector."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from game.desktop.pilot import Pilot
from game.desktop.screens.scene_map import SceneMapScreen
from game.engine import Story
from game.saves.discovered import discovered_path, read_discovered


def play_to_the_end(pilot: Pilot, first: str, last: str) -> None:
    """From the title: Scenes, the scene, then options by number, Enter to read on."""
    pilot.press("1")
    assert pilot.screen == "scenes"
    pilot.press("1")
    assert pilot.screen == "play"
    for key in (first, "enter", "enter", last, "enter"):
        pilot.press(key)
        if pilot.screen == "debrief":
            break
    for _ in range(6):
        if pilot.screen == "debrief":
            break
        pilot.press("enter")
    assert pilot.screen == "debrief", pilot.text()


def map_screen(pilot: Pilot) -> SceneMapScreen:
    screen = pilot.app.top
    assert isinstance(screen, SceneMapScreen)
    return screen


def test_the_map_after_an_ending_shows_the_path_and_keeps_branches_found_before(
    story: Story, home: Path
) -> None:
    pilot = Pilot.start(story, (1366, 768))
    try:
        play_to_the_end(pilot, "2", "2")  # hesitate, then plead: the counterfactual ending
        pilot.press("p")
        assert pilot.screen == "scene-map"
        first = map_screen(pilot)
        assert {"waiting", "the_fields", "the_call", "no_papers"} <= first.found.nodes
        assert "passports" not in first.found.nodes
        assert pilot.has("Found 4 of 5 passages")
        assert pilot.texts("map-locked") == ["?"]  # passports: a locked shape
        assert pilot.has("You are here", role="map-here")
        assert pilot.has("An ending: what did not happen", role="map-detail")
    finally:
        pilot.close()
    saved = read_discovered()
    assert ("the_call", "plead") in saved.of("desktop_demo").choices

    # A second run, the historical way: the first run's branch is still on the map.
    (home / "saves").mkdir(exist_ok=True)
    for save in (home / "saves").glob("*.json"):
        save.unlink()
    pilot = Pilot.start(story, (1366, 768))
    try:
        play_to_the_end(pilot, "1", "1")
        pilot.press("p")
        second = map_screen(pilot)
        assert {"no_papers", "passports"} <= second.found.nodes  # both endings now found
        assert ("waiting", "hesitate") in second.found.choices  # from the earlier run
        assert ("waiting", "hesitate") not in second.path_choices  # not this run's path
        assert pilot.has("Found 5 of 5 passages")
        assert not pilot.labels("map-locked")
    finally:
        pilot.close()


def test_arrows_move_between_boxes_and_the_mouse_hovers_them(story: Story) -> None:
    pilot = Pilot.start(story, (1366, 768))
    try:
        play_to_the_end(pilot, "1", "1")
        pilot.press("p")
        screen = map_screen(pilot)
        assert screen.items[screen.focus].id == "node:passports"  # where the player is
        pilot.press("up")
        assert screen.items[screen.focus].id == "node:the_call"
        pilot.press("up", "up")
        assert screen.items[screen.focus].id == "node:waiting"
        assert pilot.has("The opening", role="map-detail")
        box = next(item for item in screen.items if item.id == "node:no_papers")
        pilot.move_to(screen.on_screen(box).center)
        assert pilot.has("A passage you have not reached yet", role="map-detail")
        pilot.press("esc")
        assert pilot.screen == "debrief"
    finally:
        pilot.close()


@pytest.mark.parametrize(("size", "text_size"), [((1366, 768), "normal"),
                                                 ((1920, 1080), "projector")])
def test_the_map_fits_a_laptop_and_a_projector(
    story: Story, size: tuple[int, int], text_size: str
) -> None:
    pilot = Pilot.start(story, size)
    try:
        pilot.app.apply_settings(replace(pilot.app.settings, text_size=text_size))
        play_to_the_end(pilot, "1", "1")
        pilot.press("p")
        screen = map_screen(pilot)
        width = pilot.app.surface.get_width()
        for item in screen.items:
            if item.id.startswith("node:"):
                assert item.rect.left >= 0 and item.rect.right <= width, item.id
        for label in pilot.labels("map-node"):
            assert label.rect.right <= width
    finally:
        pilot.close()


def test_a_damaged_record_of_branches_is_set_aside_never_fatal(story: Story, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    discovered_path(home).write_text('{"format": "cover-names/discovered", "ver')
    pilot = Pilot.start(story, (1366, 768))
    try:
        play_to_the_end(pilot, "1", "1")
        pilot.press("p")
        assert pilot.screen == "scene-map"
    finally:
        pilot.close()
    assert (home / "discovered.json.damaged").exists()
    kept = json.loads(discovered_path(home).read_text())
    assert "desktop_demo" in kept["scenes"]
