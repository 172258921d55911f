"""F5 in the window: a broken scene shows its diagnostics, a fixed one reloads in place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.desktop.pilot import Pilot
from game.engine import load_story
from tests.desktop.conftest import FIXTURES, start_scene


def test_f5_shows_problems_in_the_window_then_reloads_in_place(tmp_path: Path) -> None:
    scenes = tmp_path / "scenes"
    shutil.copytree(FIXTURES, scenes)
    scene_file = scenes / "desktop_demo.yaml"
    good = scene_file.read_text(encoding="utf-8")
    pilot = Pilot.start(load_story(scenes), (1366, 768))
    start_scene(pilot)
    pilot.press("1", "enter")
    assert pilot.has("Noel and Herta Field are")

    scene_file.write_text(good.replace("goto: passports", "goto: nowhere_at_all"), encoding="utf-8")
    pilot.press("f5")
    assert pilot.screen == "message"
    assert pilot.has("nowhere_at_all", role="message")  # the author's error, in the window
    pilot.press("esc")
    assert pilot.screen == "play" and pilot.has("Noel and Herta Field are")

    scene_file.write_text(
        good.replace("They are in the room.", "They are in the room, waiting."), encoding="utf-8"
    )
    pilot.press("f5")
    assert pilot.screen == "play"
    assert pilot.has("waiting.")  # the new text, at the same place
    assert len(pilot.app.top.player.history) == 1  # type: ignore[attr-defined]
    pilot.close()


def test_a_scene_that_fails_to_load_shows_as_a_card_and_f5_refreshes_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenes = tmp_path / "scenes"
    shutil.copytree(FIXTURES, scenes)
    good = (scenes / "desktop_demo.yaml").read_text(encoding="utf-8")
    second = good.replace("id: desktop_demo", "id: second_demo").replace(
        "goto: passports", "goto: nowhere_at_all", 1)
    broken = scenes / "second_demo.yaml"
    broken.write_text(second, encoding="utf-8")
    pilot = Pilot.start(load_story(scenes), (1366, 768))
    try:
        pilot.press("1")
        assert pilot.screen == "scenes"
        assert pilot.has("1 scene, in historical order · 1 could not be loaded")
        assert pilot.has("second_demo.yaml could not be loaded")
        line = next(n for n, text in enumerate(second.splitlines(), 1) if "nowhere_at_all" in text)
        assert pilot.has(f"second_demo.yaml:{line}:") and pilot.has("error CN301")
        assert pilot.has("press F5 after fixing")
        pilot.press("2")  # the broken card's place: nothing opens
        assert pilot.screen == "scenes"

        broken.write_text(second.replace("goto: nowhere_at_all", "goto: passports"),
                          encoding="utf-8")
        pilot.press("f5")
        assert pilot.screen == "scenes"
        assert pilot.has("2 scenes, in historical order")
        assert not pilot.has("could not be loaded")

        broken.write_text(second, encoding="utf-8")  # broken again: the card comes back
        pilot.press("f5")
        assert pilot.has("1 scene, in historical order · 1 could not be loaded")
        assert "second_demo.yaml" in capsys.readouterr().err  # and stderr says so
    finally:
        pilot.close()
