"""Saves: round trip, and every kind of bad file reported without touching others."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from game.engine import Story, load_story
from game.saves import SlotNameError, autosave_slot, list_saves, read_save, slot_name, write_save
from tests.engine.conftest import DEMO_SCENES, REPO


def test_round_trip_restores_node_variables_and_history(demo_story: Story, tmp_path: Path) -> None:
    player = demo_story.new_player("demo_call")
    player.choose("steel_yourself")
    path = write_save(player, "slot-1", tmp_path)
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is not None and not loaded.problem
    restored = demo_story.resume(loaded.playthrough)
    assert restored.passage == player.passage
    assert restored.variables == player.variables
    assert restored.history == player.history


def test_save_is_versioned_json_with_the_scene_hash(demo_story: Story, tmp_path: Path) -> None:
    player = demo_story.new_player("demo_call")
    document = json.loads(write_save(player, "slot-1", tmp_path).read_text())
    assert document["format"] == "cover-names/save" and document["version"] == 1
    assert document["playthrough"]["scene_hash"] == demo_story.scenes["demo_call"].content_hash
    assert not list(tmp_path.glob("*.tmp")), "the temporary file of the atomic write is gone"


def test_damaged_foreign_and_newer_saves_are_reported_and_left_alone(
    demo_story: Story, tmp_path: Path
) -> None:
    good = write_save(demo_story.new_player("demo_call"), "good", tmp_path)
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(b'{"format": "cover-names/save", "vers')
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"name": "some other program"}')
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "cover-names/save", "version": 99, "playthrough": {}}))
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    problems = {slot.slot: slot.problem for slot in list_saves(tmp_path)}
    assert problems["good"] == ""
    assert "damaged" in problems["damaged"]
    assert "not a Cover Names save" in problems["foreign"]
    assert "newer version" in problems["newer"]
    assert "damaged" in problems["binary"]
    for path in (damaged, foreign, newer, binary):
        loaded = read_save(path, demo_story)
        assert loaded.playthrough is None and loaded.problem
    assert read_save(good, demo_story).playthrough is not None
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_save_for_a_changed_scene_is_detected(tmp_path: Path) -> None:
    scenes = tmp_path / "scenes"
    shutil.copytree(DEMO_SCENES, scenes)
    story = load_story(scenes, REPO / "seeds")
    player = story.new_player("demo_call")
    player.choose("steel_yourself")
    path = write_save(player, "slot-1", tmp_path)

    scene_file = scenes / "demo_call.yaml"
    scene_file.write_text(scene_file.read_text().replace("Months have passed.", "Weeks pass."))
    changed = load_story(scenes, REPO / "seeds")
    loaded = read_save(path, changed)
    assert loaded.stale and loaded.playthrough is not None
    assert "changed" in loaded.problem
    assert changed.resume(loaded.playthrough).passage.node_id == "the_fields"

    scene_file.write_text(scene_file.read_text().replace("the_fields", "the_guests"))
    gone = read_save(path, load_story(scenes, REPO / "seeds"))
    assert gone.playthrough is None and "start the scene again" in gone.problem


def test_a_save_for_a_scene_the_game_lacks_says_so(demo_story: Story, tmp_path: Path) -> None:
    path = write_save(demo_story.new_player("demo_call"), "slot-1", tmp_path)
    document = json.loads(path.read_text())
    document["playthrough"]["scene"] = "no_such_scene"
    path.write_text(json.dumps(document))
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is None and "no_such_scene" in loaded.problem


def test_playthrough_id_survives_saving_and_a_restart_makes_a_new_one(
    demo_story: Story, tmp_path: Path
) -> None:
    player = demo_story.new_player("demo_call")
    original = player.playthrough.playthrough_id
    assert len(original) == 36
    loaded = read_save(write_save(player, "slot-1", tmp_path), demo_story)
    assert loaded.playthrough is not None
    assert loaded.playthrough.playthrough_id == original
    player.restart()
    assert player.playthrough.playthrough_id != original


def _edited_save(story: Story, directory: Path, edit: object) -> tuple[Path, bytes]:
    """A save of the demo one choice in, with `edit(playthrough_body)` applied to it."""
    player = story.new_player("demo_call")
    player.choose("steel_yourself")
    path = write_save(player, "slot-1", directory)
    document = json.loads(path.read_text())
    edit(document["playthrough"])  # type: ignore[operator]
    path.write_text(json.dumps(document))
    return path, path.read_bytes()


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda body: body["variables"].update(resolve="lots"),
         "the variable 'resolve' holds text (\"lots\"), but the scene declares a whole number"),
        (lambda body: body["variables"].update(resolve=True),
         "the variable 'resolve' holds true/false (true), but the scene declares a whole number"),
        (lambda body: body["variables"].update(trust=3),
         "it holds a variable 'trust' the scene does not declare"),
        (lambda body: body["variables"].pop("mood"), "it lacks the variable 'mood'"),
        (lambda body: body.update(node="gone"),
         "it is at the passage 'gone', which the scene does not have"),
        (lambda body: body["history"][0].update(choice="no_such_choice"),
         "step 1 chose 'no_such_choice', which is not an option at 'waiting'"),
        (lambda body: body["history"][0].update(node="elsewhere"),
         "step 1 was made at the passage 'elsewhere', which the scene does not have"),
        (lambda body: body["history"][0]["variables_before"].update(mood=1),
         "before step 1, the variable 'mood' holds a whole number (1), but the scene declares "
         "text"),
        (lambda body: body.update(history="x"), "its history is not a list of steps"),
        (lambda body: body.update(scene=None), "it names no scene"),
    ],
)
def test_a_save_that_does_not_fit_its_scene_is_refused_and_left_untouched(
    demo_story: Story, tmp_path: Path, edit: object, said: str
) -> None:
    path, before = _edited_save(demo_story, tmp_path, edit)
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is None
    assert "damaged" in loaded.problem and said in loaded.problem
    assert path.read_bytes() == before


def test_a_stale_save_that_no_longer_fits_says_the_scene_changed(
    demo_story: Story, tmp_path: Path
) -> None:
    def edit(body: dict[str, object]) -> None:
        body["scene_hash"] = "0" * 64
        body["variables"] = {"resolve": "lots", "fields_present": False, "mood": "calm"}

    path, before = _edited_save(demo_story, tmp_path, edit)
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is None
    assert "the scene has changed since it was saved, or the file is damaged" in loaded.problem
    assert path.read_bytes() == before


def test_a_stale_save_drops_variables_the_scene_no_longer_has(
    demo_story: Story, tmp_path: Path
) -> None:
    def edit(body: dict[str, Any]) -> None:
        body["scene_hash"] = "0" * 64
        body["variables"]["old_flag"] = True
        del body["variables"]["mood"]

    path, _before = _edited_save(demo_story, tmp_path, edit)
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is not None and loaded.stale
    assert loaded.playthrough.variables == {"resolve": 2, "fields_present": False, "mood": "calm"}


def test_a_new_run_never_overwrites_an_autosave_that_got_further(
    demo_story: Story, tmp_path: Path
) -> None:
    earlier = demo_story.new_player("demo_call")
    earlier.choose("steel_yourself")
    earlier.choose("continue")
    first = write_save(earlier, autosave_slot("demo_call"), tmp_path)
    kept_bytes = first.read_bytes()

    fresh = demo_story.new_player("demo_call")
    fresh.choose("hesitate")
    write_save(fresh, autosave_slot("demo_call"), tmp_path)
    previous = tmp_path / "autosave-demo_call.previous.json"
    assert previous.read_bytes() == kept_bytes
    fresh.choose("continue")
    write_save(fresh, autosave_slot("demo_call"), tmp_path)  # its own autosave: just rewritten
    assert previous.read_bytes() == kept_bytes
    assert read_save(previous, demo_story).playthrough is not None
    slots = {slot.slot for slot in list_saves(tmp_path)}
    assert slots == {"autosave-demo_call", "autosave-demo_call.previous"}


def test_friendly_save_names_become_slots(tmp_path: Path) -> None:
    assert slot_name("My Save!") == "my-save"
    assert slot_name("Mine") == "mine"
    assert slot_name("../../etc") == "etc"
    for bad in ("", "!!!", "autosave-exit_visa"):
        with pytest.raises(SlotNameError):
            slot_name(bad)
