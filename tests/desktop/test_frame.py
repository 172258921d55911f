"""The story's frame in the real window: the opening before the first scene (once, skippable,
always open from the scenes list), Next after a debrief to the bridge and the next scene, and
the closing after the last; a broken frame file is a located notice, never a stop.

These play the shipped scenes (the frame names them), in a private user folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.desktop.pilot import Pilot
from game.desktop.screens.debrief import DebriefScreen
from game.desktop.screens.play import PlayScreen
from game.desktop.settings import load_settings
from game.engine import Story, load_story

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> Story:
    return load_story()


@pytest.fixture
def pilot(shipped: Story) -> Iterator[Pilot]:
    driver = Pilot.start(shipped, (1366, 768))
    yield driver
    driver.close()


def _to_scenes(pilot: Pilot) -> None:
    assert pilot.screen == "title"
    pilot.press("1")
    assert pilot.screen == "scenes"


def _finish(pilot: Pilot, scene_id: str) -> None:
    """Play `scene_id` to an ending (first open option each time), then open its debrief."""
    player = pilot.app.story.new_player(scene_id)
    pilot.app.open_play(player)
    while not player.is_over:
        player.choose(next(o for o in player.options if o.available).id)
    pilot.app.autosave(player)
    pilot.app.push(DebriefScreen(pilot.app, player))
    pilot.app.pump()


def _playing(pilot: Pilot) -> str:
    play = pilot.app.find_screen("play")
    assert pilot.screen == "play" and isinstance(play, PlayScreen)
    return play.player.scene.id


def test_the_opening_comes_before_the_first_scene_and_esc_skips_into_it(pilot: Pilot) -> None:
    _to_scenes(pilot)
    pilot.press("1")  # Recruiting Duggan, the first scene in historical order
    assert pilot.screen == "frame"
    assert pilot.has("Looking back")
    assert pilot.has("Dramatisation", role="dramatised")  # the invented words are labelled
    assert pilot.has("Hede Massing admitted", role="frame-text")
    assert pilot.has("Skip the opening")  # in the header, in sight without scrolling
    pilot.press("esc")
    assert _playing(pilot) == "recruiting_duggan"


def test_the_opening_is_shown_once_and_remembered(pilot: Pilot, shipped: Story) -> None:
    _to_scenes(pilot)
    pilot.press("1")
    assert pilot.screen == "frame"
    pilot.press("end")
    pilot.click("Begin: Recruiting Duggan")
    assert _playing(pilot) == "recruiting_duggan"
    assert load_settings()[0].opening_seen  # kept for the next time the game opens
    pilot.app.replace()
    pilot.app.pump()
    _to_scenes(pilot)
    pilot.click("Start 'Recruiting Duggan' again")
    pilot.press("y")
    assert _playing(pilot) == "recruiting_duggan"  # straight in: the opening was seen


def test_other_scenes_start_without_the_opening_and_the_list_always_offers_it(
    pilot: Pilot,
) -> None:
    _to_scenes(pilot)
    pilot.press("2")
    assert _playing(pilot) == "moscow_interrogation"
    pilot.app.replace()
    pilot.app.pump()
    _to_scenes(pilot)
    pilot.press("end")
    assert not pilot.has("Read the closing")  # the last scene is not finished
    pilot.click("Read the opening")
    assert pilot.screen == "frame" and pilot.has("Looking back")
    pilot.press("esc")  # not before a scene: Esc goes back
    assert pilot.screen == "scenes"


def test_after_a_debrief_next_opens_the_bridge_and_then_the_next_scene(pilot: Pilot) -> None:
    _finish(pilot, "recruiting_duggan")
    pilot.press("end")
    pilot.click("Next: The Moscow Interrogation")
    assert pilot.screen == "frame"
    assert pilot.has("Between New York and Moscow")
    assert pilot.has("This Deception (1951)", role="document-heading")  # her memoir, as a page
    pilot.press("end")
    pilot.click("Next: The Moscow Interrogation")
    assert _playing(pilot) == "moscow_interrogation"


def test_after_the_last_scene_the_closing_says_what_became_of_them(pilot: Pilot) -> None:
    _finish(pilot, "exit_visa")
    pilot.press("n")
    assert pilot.screen == "frame"
    assert pilot.has("What became of them")
    pilot.press("end")
    names = pilot.texts("fate-name")
    assert "Alger Hiss" in names
    pilot.press("home")
    for _ in range(12):  # read down the page: every fate, with its quotes
        names += pilot.texts("fate-name")
        pilot.press("pagedown")
    for person in ("Hede Massing", "Paul Massing", "Mikhail Shpiegelglass"):
        assert person in names
    pilot.press("end")
    pilot.click("Back to the scenes")
    assert pilot.screen == "scenes"
    pilot.press("end")
    assert pilot.has("Read the closing")  # the last scene is finished now


def test_the_closing_shows_both_accounts_of_when_massing_left(pilot: Pilot) -> None:
    _finish(pilot, "exit_visa")
    pilot.press("n")
    seen = ""
    for _ in range(6):
        seen += pilot.text()
        pilot.press("pagedown")
    assert "What she later said" in seen and "What the article says instead" in seen


def _root_with_a_misquoting_opening(tmp_path: Path) -> Path:
    """A game folder whose frame's opening misquotes its source (the rest is shipped)."""
    root = tmp_path / "root"
    root.mkdir()
    for folder in ("scenes", "seeds", "assets", "plans"):
        os.symlink(REPO / folder, root / folder)
    (root / "reference").mkdir()
    for file in (REPO / "reference").glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        if file.name == "frame.yaml":  # the opening misquotes its source
            text = text.replace("She testified at the second trial of Alger Hiss.\"}",
                                "She was the star witness at the Hiss trial.\"}", 1)
        (root / "reference" / file.name).write_text(text, encoding="utf-8")
    return root


def test_a_broken_frame_is_a_located_notice_and_the_scene_still_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _root_with_a_misquoting_opening(tmp_path)
    monkeypatch.setenv("COVER_NAMES_ROOT", str(root))
    pilot = Pilot.start(load_story(root / "scenes"), (1366, 768))
    try:
        _to_scenes(pilot)
        notice = pilot.text("notice")
        assert "frame.yaml:" in notice and "CN502" in notice, notice
        pilot.press("1")
        assert _playing(pilot) == "recruiting_duggan"  # no opening, and no stop
        _finish(pilot, "recruiting_duggan")
        pilot.press("n")  # the rest of the frame still stands
        assert pilot.screen == "frame" and pilot.has("Between New York and Moscow")
    finally:
        pilot.close()


def test_a_reload_reads_the_frame_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.desktop.story_frame import frame_of

    root = _root_with_a_misquoting_opening(tmp_path)
    monkeypatch.setenv("COVER_NAMES_ROOT", str(root))
    pilot = Pilot.start(load_story(root / "scenes"), (1366, 768))
    try:
        assert frame_of(pilot.app).opening is None
        shutil.copy(REPO / "reference" / "frame.yaml", root / "reference" / "frame.yaml")
        assert frame_of(pilot.app).opening is None  # read once per story, not every frame
        pilot.app.story = load_story(root / "scenes")  # what F5 does with the scenes reloaded
        assert frame_of(pilot.app).opening is not None
    finally:
        pilot.close()
