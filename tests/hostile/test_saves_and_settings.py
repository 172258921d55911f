"""Saves and settings nested 200 KB deep, or holding a 5,000-digit number, NaN or 1e999.

Each once crashed the desktop's title screen at every launch, the terminal's
`l` and, as an autosave, its scene at every start. Now each is a problem in
words; a damaged autosave or settings file is moved aside (never deleted).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.desktop.settings import Settings, load_settings
from game.engine import Story
from game.saves import autosave_slot, list_saves, read_save, write_save
from tests.hostile.conftest import (
    DEEP,
    DEMO_SCENES,
    HOSTILE_SAVES,
    HUGE_INT,
    REPO,
    settings_holding,
)


@pytest.mark.parametrize("kind", sorted(HOSTILE_SAVES))
def test_a_hostile_save_slot_is_listed_with_its_problem_and_left_alone(
    kind: str, tmp_path: Path, demo_story: Story
) -> None:
    path = tmp_path / "mine.json"
    path.write_text(HOSTILE_SAVES[kind], encoding="utf-8")
    [slot] = list_saves(tmp_path)
    assert "mine.json" in slot.problem and "cannot be used" in slot.problem
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is None and loaded.damaged and "mine.json" in loaded.problem
    assert path.read_text(encoding="utf-8") == HOSTILE_SAVES[kind]  # a slot is the player's


@pytest.mark.parametrize("kind", sorted(HOSTILE_SAVES))
def test_a_hostile_autosave_is_moved_aside_with_a_notice(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{autosave_slot('demo_call')}.json"
    path.write_text(HOSTILE_SAVES[kind], encoding="utf-8")
    [slot] = list_saves(tmp_path)
    kept = tmp_path / f"{path.name}.damaged"
    assert f"moved aside to {kept.name}" in slot.problem
    assert not path.exists() and kept.read_text(encoding="utf-8") == HOSTILE_SAVES[kind]
    assert list_saves(tmp_path) == []  # not tripped over again at the next start


def test_a_second_damaged_autosave_never_replaces_the_first(tmp_path: Path) -> None:
    path = tmp_path / f"{autosave_slot('demo_call')}.json"
    for content in (DEEP, HUGE_INT):
        path.write_text(content, encoding="utf-8")
        list_saves(tmp_path)
    assert (tmp_path / f"{path.name}.damaged").read_text() == DEEP
    assert (tmp_path / f"{path.name}.damaged-2").read_text() == HUGE_INT


def test_autosaving_over_a_damaged_autosave_keeps_it_and_the_earlier_run(
    tmp_path: Path, demo_story: Story
) -> None:
    earlier = demo_story.new_player("demo_call")
    earlier.choose("steel_yourself")
    write_save(earlier, autosave_slot("demo_call"), tmp_path)
    previous = tmp_path / f"{autosave_slot('demo_call')}.previous.json"
    path = tmp_path / f"{autosave_slot('demo_call')}.json"
    os.replace(path, previous)
    previous_bytes = previous.read_bytes()
    path.write_text(HOSTILE_SAVES["huge-int"], encoding="utf-8")
    write_save(demo_story.new_player("demo_call"), autosave_slot("demo_call"), tmp_path)
    assert previous.read_bytes() == previous_bytes  # the earlier run is not pushed out
    assert (tmp_path / f"{path.name}.damaged").read_text() == HOSTILE_SAVES["huge-int"]
    assert read_save(path, demo_story).playthrough is not None


@pytest.mark.parametrize("value", [DEEP, HUGE_INT, "NaN", "1e999", '"wide"', "[1]", "{}"])
def test_hostile_settings_give_the_defaults_and_are_kept_aside(value: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    text = settings_holding(value)
    path.write_text(text, encoding="utf-8")
    settings, problem = load_settings(path)
    assert settings == Settings()
    assert "settings.json.damaged" in problem
    assert (tmp_path / "settings.json.damaged").read_text(encoding="utf-8") == text


def test_a_settings_file_nested_deep_at_its_top_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(DEEP, encoding="utf-8")
    settings, problem = load_settings(path)
    assert settings == Settings() and "damaged" in problem
    assert (tmp_path / "settings.json.damaged").exists()


def test_interrupted_saves_leave_no_temporary_files_for_ever(tmp_path: Path) -> None:
    old = tmp_path / ".mine.json.0123456789ab.tmp"
    fresh = tmp_path / ".other.json.ba9876543210.tmp"  # another game may be writing it now
    for temporary in (old, fresh):
        temporary.write_text("{")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    list_saves(tmp_path)
    assert not old.exists() and fresh.exists()


def _terminal(stdin: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COVER_NAMES_HOME": str(home), "COLUMNS": "100"}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "game", "play", "--terminal", "--scenes", str(DEMO_SCENES),
         "demo_call"], input=stdin, capture_output=True, text=True, env=env, cwd=REPO,
        timeout=60)


def test_the_terminal_lists_hostile_saves_and_starts_over_a_hostile_autosave(
    tmp_path: Path
) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    (saves / "deep.json").write_text(DEEP)
    (saves / "huge.json").write_text(HOSTILE_SAVES["huge-int"])
    (saves / "autosave-demo_call.json").write_text(HOSTILE_SAVES["deep-inside"])
    result = _terminal("l\nl deep\n1\nq\n", tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "moved aside to autosave-demo_call.json.damaged" in result.stdout
    assert "deep.json cannot be used" in result.stdout
    assert "huge.json cannot be used" in result.stdout
    assert (saves / "autosave-demo_call.json.damaged").read_text() == \
        HOSTILE_SAVES["deep-inside"]


def test_the_desktop_title_opens_over_hostile_settings_and_saves(tmp_path: Path) -> None:
    from game.desktop.pilot import Pilot
    from game.engine import load_story

    home = Path(os.environ["COVER_NAMES_HOME"])
    (home / "saves").mkdir(parents=True)
    (home / "settings.json").write_text(settings_holding(DEEP))
    (home / "saves" / "autosave-demo_call.json").write_text(HOSTILE_SAVES["huge-int"])
    (home / "saves" / "slot-1.json").write_text(DEEP)
    story = load_story(REPO / "tests" / "desktop" / "fixtures")
    pilot = Pilot.start(story, (1366, 768))
    try:
        assert pilot.screen == "title"
        # Both said at the window's foot: the settings kept aside, and the autosave the
        # title's listing moved aside.
        assert "settings.json.damaged" in pilot.text()
        assert "moved aside to autosave-demo_call.json.damaged" in pilot.text()
        pilot.press("1")  # Scenes: nothing to continue, so the list of scenes
        assert pilot.screen == "scenes"
    finally:
        pilot.close()
    assert (home / "saves" / "autosave-demo_call.json.damaged").exists()
    assert (home / "settings.json.damaged").exists()
    assert (home / "saves" / "slot-1.json").exists()  # a slot is listed, not moved


def test_names_that_become_one_slot_never_replace_another_playthrough(tmp_path: Path) -> None:
    _terminal("1\ns My Save\nq\n", tmp_path)
    saved = tmp_path / "saves" / "my-save.json"
    first = saved.read_bytes()
    result = _terminal("n\ns my save!\nq\n", tmp_path)  # a new run of the scene
    assert "Not saved: 'my save!' is saved as 'my-save', and the save 'my-save' holds " \
        "another playthrough" in result.stdout
    assert saved.read_bytes() == first
    result = _terminal("n\ns my-save\nq\n", tmp_path)  # its exact name: replacing is meant
    assert f"Saved to {saved}" in result.stdout and saved.read_bytes() != first


def test_a_long_save_is_read_once_and_shares_its_repeated_states(
    tmp_path: Path, demo_story: Story
) -> None:
    """What made a 300,000-step save take 53 s to start (the figure: benchmarks/README.md):
    every state copied and checked per step, every step viewed, the file parsed per reader."""
    import json

    import game.saves.slots as slots

    player = demo_story.new_player("demo_call")
    player.choose("steel_yourself")
    path = write_save(player, autosave_slot("demo_call"), tmp_path)
    document = json.loads(path.read_text())
    history = document["playthrough"]["history"]
    document["playthrough"]["history"] = history * 20_000  # the same step, 20,000 times
    document["playthrough"]["node"] = history[0]["node"]
    path.write_text(json.dumps(document))
    [slot] = list_saves(tmp_path)
    assert slot.steps == 20_000 and slots._last_read  # kept for the resume that follows
    loaded = read_save(path, demo_story)
    assert loaded.playthrough is not None, loaded.problem
    steps = loaded.playthrough.history
    assert steps[0].variables_before is steps[-1].variables_before  # one state, shared
    resumed = demo_story.resume(loaded.playthrough)
    assert resumed.step_view(-1).index == 19_999
