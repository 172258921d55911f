"""Sound: a room tone and the passages' sounds, never in a hidden window, mute remembered.

SDL's dummy audio driver mixes for real (it only throws the result away), so
whether anything is playing is read from the real mixer.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.desktop.pilot import Pilot
from game.desktop.sound import EVENT_SOUNDS, make
from game.engine import load_story
from tests.desktop.conftest import FIXTURES, start_scene


def _playing_scene(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.app.turn()  # the place card
    pilot.press("enter")
    pilot.app.turn()  # the passage in sight: its room tone starts


def _window_event(pilot: Pilot, kind: int) -> None:
    pygame.event.post(pygame.event.Event(kind, window=None))
    pilot.app.pump()


def test_a_scene_at_a_desk_has_its_room_tone_and_a_hidden_window_is_silent(
    pilot: Pilot,
) -> None:
    _playing_scene(pilot)
    assert pilot.app.sound.room == "moscow" and pilot.app.sound.playing
    _window_event(pilot, pygame.WINDOWMINIMIZED)
    assert not pilot.app.sound.playing
    assert not pilot.app.sound.play("telephone")  # nor does anything start while hidden
    _window_event(pilot, pygame.WINDOWRESTORED)
    assert pilot.app.sound.playing
    pilot.press("esc")  # to the title: the room falls quiet
    assert pilot.screen == "title" and pilot.app.sound.room == ""


def test_mute_is_m_and_is_remembered(story, home: Path) -> None:  # type: ignore[no-untyped-def]
    pilot = Pilot.start(story)
    _playing_scene(pilot)
    pilot.press("m")
    assert not pilot.app.sound.playing and pilot.has("Sound off", role="notice")
    pilot.close()
    again = Pilot.start(story)
    assert again.app.settings.muted
    _playing_scene(again)
    assert not again.app.sound.playing
    again.press("m")
    assert again.app.sound.playing and not again.app.settings.muted
    again.close()


def test_projector_text_means_no_sound_unless_turned_on(pilot: Pilot) -> None:
    pilot.app.apply_settings(replace(pilot.app.settings, text_size="projector"))
    _playing_scene(pilot)
    assert not pilot.app.sound.playing
    pilot.app.apply_settings(replace(pilot.app.settings, sound="on"))
    assert pilot.app.sound.playing


def test_a_passage_rings_where_its_scene_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    text = (FIXTURES / "desktop_demo.yaml").read_text(encoding="utf-8")
    text = text.replace("format: 1", "format: 2", 1)
    text = text.replace("  waiting:\n    speaker: Narrator\n",
                        "  waiting:\n    sound: telephone\n    speaker: Narrator\n", 1)
    (folder / "desktop_demo.yaml").write_text(text, encoding="utf-8")
    story = load_story(folder)
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    pilot = Pilot.start(story)
    rang: list[str] = []
    real_play = pilot.app.sound.play
    pilot.app.sound.play = lambda name: rang.append(name) or real_play(name)  # type: ignore[method-assign]
    _playing_scene(pilot)
    assert rang == ["telephone"]
    pilot.app.turn()
    assert rang == ["telephone"]  # once, not every frame
    pilot.close()


@pytest.mark.parametrize("name", [*EVENT_SOUNDS, "room-moscow", "room-city", "room-room"])
def test_every_sound_is_made_quiet_enough_and_the_same_each_time(name: str) -> None:
    samples = make(name)
    assert len(samples) > 2000 and max(abs(v) for v in samples) < 32000
    assert make(name) == samples


def test_an_unknown_sound_in_a_scene_is_an_error_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    text = (FIXTURES / "desktop_demo.yaml").read_text(encoding="utf-8")
    text = text.replace("format: 1", "format: 2", 1).replace(
        "  waiting:\n    speaker: Narrator\n",
        "  waiting:\n    sound: trumpet\n    speaker: Narrator\n", 1)
    (folder / "desktop_demo.yaml").write_text(text, encoding="utf-8")
    problems = [str(d) for d in load_story(folder).diagnostics]
    assert any("trumpet" in p and "telephone" in p and "desktop_demo.yaml:" in p for p in problems)
    shutil.rmtree(folder)
