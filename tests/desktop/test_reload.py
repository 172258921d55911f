"""F5 in the window: a broken scene shows its diagnostics, a fixed one reloads in place."""

from __future__ import annotations

import shutil
from pathlib import Path

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
