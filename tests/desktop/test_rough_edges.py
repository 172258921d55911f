"""Rough edges a student met on the desktop: each one driven through the real window."""

from __future__ import annotations

import time

from game.desktop.pilot import Pilot


def test_a_notice_goes_away_by_itself_when_its_time_is_up(pilot: Pilot) -> None:
    pilot.app.notify("Rewound to before your last choice.", 0.05)
    pilot.app.turn()
    assert pilot.has("Rewound to before your last choice.", role="notice")
    time.sleep(0.08)
    pilot.app.turn()  # nothing pressed: the loop alone must redraw without it
    assert not pilot.labels("notice")


def test_timeline_dates_wrap_in_their_column_instead_of_being_cut(pilot: Pilot) -> None:
    from tests.desktop.conftest import start_scene

    start_scene(pilot)
    pilot.press("t")
    assert pilot.screen == "timeline"
    pilot.app.apply_settings(pilot.app.settings.__class__(
        **{**vars(pilot.app.settings), "text_size": "projector"}))
    pilot.app.pump()
    shown: list[str] = []
    for _ in range(40):  # page through the whole timeline, reading every date drawn
        events = [label for label in pilot.labels() if label.key.startswith("event:")]
        dates = pilot.labels("date")
        if events:
            column_right = min(label.rect.left for label in events)
            assert all(date.rect.right <= column_right for date in dates)
        shown += [date.text for date in dates]
        pilot.press("pagedown")
    words = " ".join(shown).split()
    timeline = pilot.app.top
    assert len(timeline.events) > 10  # type: ignore[attr-defined]  # what this scene may show
    for event in timeline.events:  # type: ignore[attr-defined]
        assert all(word in words for word in event.date.split()), event.date


def test_title_focus_and_pointer_highlight_are_one_entry(pilot: Pilot) -> None:
    title = pilot.app.top
    settings = pilot.find("Settings", role="button")
    pilot.move_to(settings.rect.center)
    assert title.focused is not None and title.focused.text == "Settings"
    assert title.hover == title.focus  # the highlight and the ring on the same entry
    pilot.press("up")  # the keyboard takes over: one highlight, where the ring is
    assert title.focused.text.startswith("Facilitator")
    assert title.hover == -1
    pilot.press("enter")
    assert pilot.screen != "title"  # Enter does what the ring shows


def _double_click(pilot: Pilot, pos: tuple[int, int]) -> None:
    import pygame

    for _ in range(2):
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        pilot.app.pump()


def test_a_double_click_on_back_does_not_go_on_to_leave_the_scene(pilot: Pilot) -> None:
    from tests.desktop.conftest import start_scene

    start_scene(pilot)
    pilot.press("t")  # the timeline: its Back sits where play's Menu sits
    assert pilot.screen == "timeline"
    back = pilot.find(role="tool", key="tool:back") if pilot.labels("tool") else None
    pos = back.rect.center if back else pilot.app.top.items[0].rect.center
    _double_click(pilot, pos)
    assert pilot.screen == "play"  # one Back; the second click is not Menu
    pilot.click(key="tool:back")  # a deliberate click a moment later still works
    assert pilot.screen != "play"


def test_undo_choice_is_a_button(pilot: Pilot) -> None:
    from tests.desktop.conftest import start_scene

    start_scene(pilot)
    history_before = len(pilot.app.top.player.history)
    options = [item for item in pilot.app.top.items if item.extra.get("kind") == "option"]
    pilot.press(str(options[0].number))
    while pilot.app.top.pending is not None:
        pilot.press("enter")
    assert len(pilot.app.top.player.history) > history_before
    pilot.click(key="tool:rewind")
    assert len(pilot.app.top.player.history) == history_before
