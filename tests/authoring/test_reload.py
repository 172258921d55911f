"""Live reload (F5): the player keeps their place, or is told why not; errors never raise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.reload import reload_story
from game.engine import Player, Story, load_story

from .conftest import DEMO_SCENES


@pytest.fixture
def scene_file(tmp_path: Path) -> Path:
    folder = tmp_path / "scenes"
    folder.mkdir()
    return Path(shutil.copy(DEMO_SCENES / "demo_call.yaml", folder))


def at_the_call(story: Story) -> Player:
    player = story.new_player("demo_call")
    player.choose("steel_yourself")
    player.choose("continue")
    return player


def test_an_edit_keeps_the_place_variables_and_history(scene_file: Path) -> None:
    story = load_story(scene_file.parent)
    player = at_the_call(story)
    text = scene_file.read_text().replace("Tell him the Fields", "Tell Boris the Fields")
    scene_file.write_text(text)
    result = reload_story(story, player)
    assert result.reloaded and result.diagnostics == ()
    assert result.story is not story and result.player is not None
    assert result.player.passage.node_id == "the_call"
    assert result.player.variables["resolve"] == 2
    assert result.player.options[0].text.startswith("Tell Boris the Fields")
    assert len(result.player.history) == 2
    result.player.rewind(0)  # the carried history still rewinds
    assert result.player.passage.node_id == "waiting"


def test_errors_on_disk_keep_the_old_story_running(scene_file: Path) -> None:
    story = load_story(scene_file.parent)
    player = at_the_call(story)
    scene_file.write_text(scene_file.read_text().replace("goto: passports", "goto: pasports", 1))
    result = reload_story(story, player)
    assert not result.reloaded
    assert result.story is story and result.player is player
    assert [d.code for d in result.diagnostics] == ["CN301", "CN642"]
    assert player.passage.node_id == "the_call"  # still playable


def test_a_renamed_node_restarts_the_scene_and_says_so(scene_file: Path) -> None:
    story = load_story(scene_file.parent)
    player = at_the_call(story)
    scene_file.write_text(scene_file.read_text().replace("the_call", "the_phone"))
    result = reload_story(story, player)
    assert result.player is not None and result.player.passage.node_id == "waiting"
    assert [d.code for d in result.diagnostics] == ["CN640"]
    assert "'the_call' is no longer in 'demo_call'" in result.diagnostics[0].message


def test_a_removed_scene_ends_the_playthrough(scene_file: Path, tmp_path: Path) -> None:
    story = load_story(scene_file.parent)
    player = at_the_call(story)
    other = tmp_path / "elsewhere"
    other.mkdir()
    scene_file.rename(other / "renamed.yaml")
    (other / "renamed.yaml").rename(scene_file.parent / "x.yaml")
    (scene_file.parent / "x.yaml").write_text(
        (scene_file.parent / "x.yaml").read_text().replace("id: demo_call", "id: demo_two"))
    result = reload_story(story, player, [scene_file.parent])
    assert result.player is None and "demo_two" in result.story.scenes
    assert [d.code for d in result.diagnostics] == ["CN641"]


def test_a_new_variable_is_added_at_its_start_value(scene_file: Path) -> None:
    story = load_story(scene_file.parent)
    player = at_the_call(story)
    scene_file.write_text(scene_file.read_text().replace("  mood: calm\n",
                                                         "  mood: calm\n  trust: 3\n"))
    result = reload_story(story, player)
    assert result.player is not None
    assert dict(result.player.variables) == {"resolve": 2, "fields_present": False,
                                             "mood": "determined", "trust": 3}
