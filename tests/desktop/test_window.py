"""The window: saves and loads, settings that persist, reflow on resize, every screen renders."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pygame
import pytest

from game.desktop.pilot import Pilot
from game.engine import Story
from tests.desktop.conftest import start_scene


def test_save_to_a_slot_and_load_it_in_a_new_window(pilot: Pilot, story: Story) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")
    node = pilot.app.top.player.playthrough.node  # type: ignore[attr-defined]
    pilot.press("s")
    assert pilot.screen == "saves"
    pilot.click("Save to slot 2")
    pilot.press("enter")  # the name offered
    assert pilot.has("Saved to slot 2", role="notice")
    assert pilot.has("The Telephone Call (desktop test)", role="slot")
    pilot.close()

    fresh = Pilot.start(story, (1366, 768))
    fresh.click("Load a saved game")
    fresh.click("Load slot 2")
    assert fresh.screen == "play" and fresh.app.top.player.playthrough.node == node  # type: ignore[attr-defined]
    assert fresh.has("Noel and Herta Field are")
    fresh.close()


def test_autosave_at_every_choice_lets_the_title_continue(pilot: Pilot, story: Story) -> None:
    start_scene(pilot)
    pilot.press("1")
    pilot.press("esc")
    assert pilot.screen == "title" and pilot.has("Continue: The Telephone Call")
    pilot.press("c")
    assert pilot.screen == "play"
    # The record the student had not yet read is shown again, then play goes on.
    assert pilot.has("You chose: Steel yourself", role="you-chose")
    pilot.press("enter")
    assert pilot.has("Noel and Herta Field are") and not pilot.labels("verdict")


def test_an_open_record_comes_back_after_quitting_but_not_once_read(
    pilot: Pilot, story: Story
) -> None:
    start_scene(pilot)
    pilot.press("2")  # a record panel, left open when the window closes
    pilot.close()
    fresh = Pilot.start(story, (1366, 768))
    fresh.press("c")
    assert fresh.has("You chose: Hesitate", role="you-chose") and fresh.texts("verdict")
    fresh.press("enter", "esc", "c")  # read it, then leave and come back
    assert fresh.screen == "play" and not fresh.labels("verdict")
    fresh.close()


def test_settings_persist_between_runs(pilot: Pilot, story: Story, home: Path) -> None:
    pilot.click("Settings")
    assert pilot.screen == "settings"
    pilot.press("enter")  # text size: standard → large
    pilot.press("down", "enter")  # high contrast on
    assert pilot.has("Text size: Large") and pilot.has("High contrast: on")
    pilot.close()
    saved = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert saved["format"] == "cover-names/settings" and saved["version"] == 1

    fresh = Pilot.start(story, (1366, 768))
    assert fresh.app.settings.text_size == "large" and fresh.app.settings.high_contrast
    assert fresh.app.palette.name == "high-contrast"
    fresh.close()


def test_a_damaged_settings_file_is_reported_and_replaced(story: Story, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text("{not json", encoding="utf-8")
    pilot = Pilot.start(story, (1366, 768))
    assert pilot.has("damaged", role="notice") and pilot.screen == "title"
    assert (
        json.loads((home / "settings.json").read_text(encoding="utf-8"))["settings"]["text_size"]
        == "standard"
    )
    pilot.close()


def test_settings_that_cannot_be_written_are_said_and_the_game_goes_on(
    story: Story, home: Path
) -> None:
    # A read-only profile, as on a school machine (a folder where the file goes stops root too).
    (home / "settings.json").mkdir(parents=True)
    pilot = Pilot.start(story, (1366, 768))
    assert pilot.screen == "title" and pilot.has("could not be saved", role="notice")
    pilot.press("f11")
    assert pilot.app.fullscreen and pilot.has("F11 goes back", role="notice")
    assert pilot.has("could not be saved", role="notice")
    pilot.press("f11")
    pilot.click("Settings")
    pilot.press("enter")  # text size: standard → large
    assert pilot.app.settings.text_size == "large" and pilot.has("could not be saved")
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert pilot.app.run() == 0  # the window's size, remembered as it closes: no traceback
    pilot.close()


def assert_no_overlap(pilot: Pilot) -> None:
    width, height = pilot.app.surface.get_size()
    # The notice and the "More below" cue stand over the content on purpose.
    labels = [label for label in pilot.labels() if label.role not in ("notice", "more")]
    for label in labels:
        assert label.rect.left >= 0 and label.rect.right <= width, (label.text, label.rect, width)
    for a, b in combinations(labels, 2):
        if a.rect.inflate(-2, -2).colliderect(b.rect.inflate(-2, -2)):
            raise AssertionError(
                f"{a.text!r} {a.rect} overlaps {b.text!r} {b.rect} at {width}x{height}"
            )


@pytest.mark.parametrize("size", [(800, 600), (1366, 768), (1920, 1080), (1024, 1366)])
def test_resizing_reflows_without_overlap(pilot: Pilot, size: tuple[int, int]) -> None:
    start_scene(pilot)
    pilot.press("2")  # the record panel: the busiest view
    passage_width = max(label.rect.right for label in pilot.labels("note"))
    pilot.resize(*size)
    assert pilot.app.surface.get_size() == size
    assert pilot.screen == "play" and pilot.labels("verdict")
    assert_no_overlap(pilot)
    if size[0] < 1000:
        assert max(label.rect.right for label in pilot.labels("note")) < passage_width
    pilot.press("enter", "1")
    assert_no_overlap(pilot)


def test_every_screen_renders_on_the_shipped_story(home: Path) -> None:
    from game.desktop.start import render_every_screen

    names = render_every_screen((1366, 768))
    assert not list(home.glob("**/*.json"))  # it played in a folder of its own
    assert {
        "title",
        "scenes",
        "play",
        "record",
        "source",
        "dossier",
        "timeline",
        "history",
        "saves",
        "settings",
        "help",
        "ending",
        "debrief",
    } <= set(names)


def test_the_tour_plays_the_first_shipped_scene_the_record_s_way(home: Path) -> None:
    """The tour (self-check, screenshots) shows a historical record and ending, though the
    historical option is not the first at every decision of the shipped scenes."""
    from game.desktop.start import build_app
    from game.desktop.tour import tour
    from game.engine import load_story
    from game.model import EndingKind, Verdict

    shipped = load_story()
    first = shipped.ordered[0]
    assert any(node.choices[0].record is not None
               and node.choices[0].record.verdict is not Verdict.HISTORICAL
               for node in first.decision_points)  # option 1 alone does not play the record
    app = build_app(shipped, (1366, 768))
    for name, _ in tour(app):
        play = app.top if name in ("record", "ending") else None
        if name == "record":
            assert play.pending is not None and play.pending.record is not None  # type: ignore[union-attr]
            assert play.pending.record.verdict is Verdict.HISTORICAL  # type: ignore[union-attr]
        if name == "ending":
            ending = play.player.node.ending  # type: ignore[union-attr]
            assert ending is not None and ending.kind is EndingKind.HISTORICAL
    Pilot(app).close()


def test_every_screen_reflows_at_projector_size_without_overlap(story: Story) -> None:
    from game.desktop.start import build_app
    from game.desktop.tour import tour

    app = build_app(story, (1920, 1080))
    pilot = Pilot(app)
    for name, _ in tour(app):
        assert pilot.labels(), name
        assert_no_overlap(pilot)
    pilot.close()
