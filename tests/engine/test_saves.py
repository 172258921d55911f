"""Saves: round trip, and every kind of bad file reported without touching others."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from game.engine import Story, load_story
from game.saves import list_saves, read_save, write_save
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
