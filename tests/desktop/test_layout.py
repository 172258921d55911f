"""What fits where: hidden choices announced, help whole or scrolling, the title, notices, sizes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from game.desktop.app import first_window_size
from game.desktop.pilot import Pilot
from game.desktop.settings import Settings
from game.engine import Story
from tests.desktop.conftest import start_scene
from tests.desktop.test_window import assert_no_overlap


def small_projector(story: Story, size: tuple[int, int] = (640, 480)) -> Pilot:
    pilot = Pilot.start(story, size)
    pilot.app.apply_settings(replace(pilot.app.settings, text_size="projector"))
    return pilot


def test_choices_below_the_fold_are_announced_and_enter_shows_them(story: Story) -> None:
    pilot = small_projector(story)
    start_scene(pilot)
    options = pilot.app.top.viewport
    assert not any(options.contains(label.rect) for label in pilot.labels("option"))
    assert pilot.has("Your choices are below", role="more")
    pilot.press("enter")  # the first Enter brings the focused choice into view
    assert pilot.screen == "play" and not pilot.app.top.player.history  # type: ignore[attr-defined]
    assert any(options.contains(label.rect) for label in pilot.labels("option"))
    pilot.press("end")
    assert not pilot.labels("more")  # at the end nothing is hidden any more
    pilot.close()


def test_clicking_the_more_below_cue_scrolls(story: Story) -> None:
    pilot = small_projector(story)
    start_scene(pilot)
    play = pilot.app.top
    pilot.click(role="more")
    assert play.scroll > 0 and pilot.screen == "play"
    pilot.close()


@pytest.mark.parametrize(
    "size, text_size",
    [((1920, 1080), "projector"), ((1024, 600), "standard"), ((1366, 768), "standard")],
)
def test_help_shows_every_key_and_where_it_works(
    story: Story, size: tuple[int, int], text_size: str
) -> None:
    pilot = Pilot.start(story, size)
    pilot.app.apply_settings(replace(pilot.app.settings, text_size=text_size))
    pilot.press("?")
    seen = set(pilot.texts("key")) | set(pilot.texts("help-group"))
    while pilot.labels("more"):  # it fits, or it says there is more and scrolls to it
        pilot.press("pagedown")
        seen |= set(pilot.texts("key")) | set(pilot.texts("help-group"))
    for key in ("E", "Left  Right", "Home  End", "Q  Enter", "F11", "H", "Esc", "C"):
        assert key in seen, (key, size)
    for where in ("Everywhere", "While playing", "In the source viewer", "In the debrief"):
        assert where in seen
    if size == (1920, 1080):
        assert not pilot.app.top.max_scroll()  # the projector's list fits whole
    pilot.close()


@pytest.mark.parametrize("size", [(800, 600), (1024, 600), (640, 480)])
def test_the_title_hint_never_sits_on_the_menu(story: Story, size: tuple[int, int]) -> None:
    pilot = small_projector(story, size)
    assert pilot.screen == "title"
    assert_no_overlap(pilot)
    pilot.close()


def test_title_numbers_stay_put_when_continue_appears(pilot: Pilot) -> None:
    assert pilot.has("4  Settings") and pilot.has("1  Scenes")
    start_scene(pilot)
    pilot.press("1", "esc")
    assert pilot.has("C  Continue: The Telephone Call") and pilot.has("4  Settings")
    pilot.press("4")
    assert pilot.screen == "settings"


def test_a_notice_never_covers_the_choices(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("2", "enter", "1")  # the call: three choices, the first locked
    for _ in range(3):
        pilot.press("1")  # the locked one: its reason, as a notice, three times over
    notices = pilot.labels("notice")
    assert notices and len(pilot.app.notices) == 1
    for option in pilot.labels("option") + pilot.labels("number"):
        assert not any(option.rect.colliderect(notice.rect) for notice in notices)


def test_f11_fills_the_screen_and_is_remembered(pilot: Pilot, story: Story, home: Path) -> None:
    pilot.press("f11")
    assert pilot.app.fullscreen and pilot.has("F11", role="notice")
    saved = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert saved["settings"]["fullscreen"] is True
    pilot.press("f11")
    assert not pilot.app.fullscreen and pilot.app.surface.get_size() == (1366, 768)


def test_the_window_never_shrinks_below_640_by_480(pilot: Pilot) -> None:
    pilot.resize(300, 200)
    assert pilot.app.surface.get_size() == (640, 480)


def test_the_first_window_fits_the_desktop_and_a_remembered_size_wins() -> None:
    assert first_window_size(Settings(), [(1920, 1080)]) == (1366, 768)
    width, height = first_window_size(Settings(), [(1280, 720)])
    assert width <= 1152 and height <= 648
    remembered = Settings(window_width=1000, window_height=700)
    assert first_window_size(remembered, [(1920, 1080)]) == (1000, 700)
    assert first_window_size(Settings(), []) == (1366, 768)


@pytest.mark.parametrize("size", [(1024, 600), (800, 600), (640, 480)])
def test_the_first_enter_shows_every_choice_not_just_the_first(
    story: Story, size: tuple[int, int]
) -> None:
    pilot = small_projector(story, size)
    start_scene(pilot)
    play = pilot.app.top
    options = [item for item in play.items if item.extra.get("kind") == "option"]
    assert len(options) > 1
    if all(play.viewport.contains(play.on_screen(item)) for item in options):
        pytest.skip("every choice is in sight already at this size")
    pilot.press("enter")
    assert not play.player.history  # type: ignore[attr-defined]
    shown = [play.viewport.contains(play.on_screen(item)) for item in options]
    list_height = options[-1].rect.bottom - play.options_top  # type: ignore[attr-defined]
    if list_height <= play.viewport.height - 4 * pilot.app.sizes.gap:
        assert all(shown)  # the whole list fits, so the whole list shows
    else:  # taller than the window: it shows from its top, the prompt first
        assert play.options_top - play.scroll >= play.viewport.top  # type: ignore[attr-defined]
        assert shown[0]
    pilot.press("enter")  # now that they have been seen, Enter chooses
    assert play.player.history  # type: ignore[attr-defined]
    pilot.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_with_continue_and_projector_text_the_whole_title_menu_shows(
    story: Story, size: tuple[int, int]
) -> None:
    pilot = small_projector(story, size)
    start_scene(pilot)
    pilot.press("1", "esc")  # an autosave: the menu has Continue too
    assert pilot.has("Continue:") and pilot.has("Quit")
    title = pilot.app.top
    assert not title.max_scroll() and not pilot.labels("more")
    assert all(title.viewport.contains(title.on_screen(item)) for item in title.items
               if item.extra.get("kind") != "tool")
    assert "? or F1: every key" in pilot.text("hint")  # the keys hint, whole
    assert all(pilot.app.surface.get_rect().contains(label.rect) for label in pilot.labels())
    assert_no_overlap(pilot)
    pilot.app.notify("Session log saved: session-2026-12-01-1020.jsonl", 8)
    pilot.app.pump()
    (heading,) = pilot.labels("title")
    assert not any(heading.rect.colliderect(n.rect) for n in pilot.labels("notice"))
    for button in pilot.labels("button"):
        assert not any(button.rect.colliderect(n.rect) for n in pilot.labels("notice"))
    pilot.close()
