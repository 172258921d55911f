"""Save slots as a player meets them: each shows its name, scene, step and a picture of the
screen when it was saved; a slot can be deleted after a question; empty slots take one line;
and loading a slot never silently writes over the scene's autosave of a run that got further."""

from __future__ import annotations

import json
from itertools import pairwise

from game import paths
from game.desktop.pilot import Pilot
from game.desktop.thumbnails import thumbnail_path
from tests.desktop.conftest import start_scene


def test_loading_a_slot_asks_before_the_autosave_of_a_further_run_is_replaced(
    pilot: Pilot,
) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")  # one choice in
    pilot.press("s")
    pilot.click("Save to slot 1")
    pilot.press("enter")  # the name offered
    pilot.press("esc", "1", "enter")  # two choices: the autosave is further on than slot 1
    further = pilot.app.top.player.playthrough.node  # type: ignore[attr-defined]
    autosave = paths.saves_dir() / "autosave-desktop_demo.json"
    kept = json.loads(autosave.read_text(encoding="utf-8"))
    steps = len(kept["playthrough"]["history"])
    assert steps >= 2
    pilot.press("s")
    pilot.click("Load slot 1")
    assert pilot.screen == "confirm" and pilot.has("Load slot 1 over your autosave?")
    assert pilot.has(f"after {steps} choices", role="message")
    pilot.press("esc")  # the safe answer: nothing loaded, nothing moved
    assert pilot.screen == "saves" and autosave.is_file()
    pilot.click("Load slot 1")
    pilot.click("Load, keep the autosave (Y)")
    assert pilot.screen == "play"
    assert len(pilot.app.top.player.history) == 1  # type: ignore[attr-defined]
    pilot.press("1")  # playing on from slot 1 writes the autosave again…
    earlier = paths.saves_dir() / "autosave-desktop_demo.previous.json"
    assert json.loads(earlier.read_text(encoding="utf-8")) == kept  # …and the run is kept
    pilot.app.replace()
    pilot.app.pump()
    pilot.click("Load a saved game")
    pilot.click("Load the earlier run")
    assert pilot.app.top.player.playthrough.node == further  # type: ignore[attr-defined]


def test_loading_a_slot_of_the_autosaves_own_point_does_not_ask(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter", "s")
    pilot.click("Save to slot 2")  # the same run at the same step as its autosave
    pilot.press("enter")  # the name offered
    pilot.click("Load slot 2")
    assert pilot.screen == "play" and pilot.has("Loaded slot 2", role="notice")


def test_a_slot_shows_its_name_scene_step_and_a_picture_of_the_screen(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter", "s")
    pilot.click("Save to slot 3")
    pilot.press("enter")  # the name offered
    assert pilot.has("Slot 3: “Moscow, early 1938”", role="slot")  # the name offered
    assert pilot.has("The Telephone Call (desktop test)", role="slot")
    assert pilot.has("after 1 choice ·", role="slot")
    assert pilot.labels("thumbnail")  # the picture, not the "No picture" frame
    save = paths.saves_dir() / "slot-3.json"
    picture = thumbnail_path(save)
    assert picture.is_file() and picture.read_bytes().startswith(b"\x89PNG")
    # A damaged picture is not shown, and nothing else breaks.
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    pilot.press("esc", "s")
    assert pilot.has("Slot 3: “Moscow, early 1938”", role="slot")
    assert pilot.has("No picture", role="thumbnail-missing") and not pilot.labels("thumbnail")
    picture.unlink()  # and a missing one likewise
    pilot.press("esc", "s")
    assert pilot.has("No picture", role="thumbnail-missing")


def test_a_slot_is_deleted_only_after_a_question(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter", "s")
    pilot.click("Save to slot 1")
    pilot.press("enter")  # the name offered
    save = paths.saves_dir() / "slot-1.json"
    assert save.is_file() and thumbnail_path(save).is_file()
    pilot.click("Delete", key="delete:slot-1")
    assert pilot.screen == "confirm" and pilot.has("Delete slot 1?")
    pilot.press("enter")  # the safe answer is focused: Enter keeps it
    assert pilot.screen == "saves" and save.is_file()
    pilot.click("Delete", key="delete:slot-1")
    pilot.click("Delete slot 1 (Y)")
    assert pilot.screen == "saves" and pilot.has("Deleted slot 1.", role="notice")
    assert not save.exists() and not thumbnail_path(save).exists()
    assert pilot.has("Slot 1: empty", role="slot")


def test_empty_slots_take_one_line_each_and_one_line_in_all_from_the_title(
    pilot: Pilot,
) -> None:
    start_scene(pilot)
    pilot.press("s")
    body_line = pilot.app.cache.line_height(pilot.app.sizes.body)
    rows = [pilot.find(f"Slot {n}: empty", role="slot") for n in range(1, 6)]
    for row, number in zip(rows, range(1, 6), strict=True):
        button = pilot.find(f"Save to slot {number}")
        assert abs(button.rect.centery - row.rect.centery) < body_line  # on one line
    gaps = [b.rect.top - a.rect.top for a, b in pairwise(rows)]
    assert max(gaps) < body_line * 2.5
    pilot.click("Save to slot 2")
    pilot.press("enter")  # the name offered
    pilot.app.replace()
    pilot.app.pump()
    pilot.click("Load a saved game")
    assert pilot.has("Slots 1, 3, 4 and 5 are empty.", role="slot")
    assert not pilot.has("Slot 1: empty")


def test_a_save_is_named_in_the_players_own_words(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter", "s")
    pilot.click("Save to slot 4")
    assert pilot.screen == "save-name" and pilot.has("Name this save", role="title")
    pilot.type("before the call")  # the offered name is selected: typing replaces it
    pilot.press("enter")
    assert pilot.has("Saved to slot 4", role="notice")
    assert pilot.has("Slot 4: “before the call”", role="slot")
    save = paths.saves_dir() / "slot-4.json"
    assert json.loads(save.read_text(encoding="utf-8"))["name"] == "before the call"
    # A name that is not text (a damaged or hand-edited file) is left out, not shown.
    document = json.loads(save.read_text(encoding="utf-8"))
    document["name"] = ["\u0007", 3]
    save.write_text(json.dumps(document), encoding="utf-8")
    pilot.press("esc", "s")
    assert pilot.has("Slot 4", role="slot") and not pilot.has("“", role="slot")
