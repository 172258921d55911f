"""Playing by keyboard alone: a scene to its end, the record panel, locked options, the debrief."""

from __future__ import annotations

import pytest

from game.desktop.pilot import Pilot
from game.engine import Story
from tests.desktop.conftest import start_scene


def play_historical_path(pilot: Pilot, *, reload_midway: Story | None = None) -> Pilot:
    """Title → scene → every choice by number and Enter → the ending → the debrief."""
    start_scene(pilot)
    assert pilot.has("Months have passed")
    pilot.press("1")  # steel yourself: an unrecorded choice
    assert pilot.has("Unrecorded", role="verdict")
    pilot.press("enter")  # leave the record panel
    assert pilot.has("Noel and Herta Field are")
    if reload_midway is not None:  # every playthrough test runs once more across a save and reload
        pilot.close()
        pilot = Pilot.start(reload_midway, (1366, 768))
        assert pilot.has("Continue: The Telephone Call")
        pilot.press("c")
        assert pilot.screen == "play" and pilot.has("Noel and Herta Field are")
    pilot.press("1")  # Continue
    assert pilot.has("I have been asking you for our exit visas")
    pilot.press("1")  # name the witnesses: unlocked by resolve
    assert pilot.has("Historical", role="verdict")
    pilot.press("enter")
    assert pilot.has("The end: this is how it happened")
    pilot.press("enter")  # the focused button: the debrief
    assert pilot.screen == "debrief"
    return pilot


@pytest.mark.parametrize("reload_midway", [False, True], ids=["straight", "save-and-reload"])
def test_a_scene_plays_to_its_end_by_keyboard_alone(
    pilot: Pilot, story: Story, reload_midway: bool
) -> None:
    pilot = play_historical_path(pilot, reload_midway=story if reload_midway else None)
    text = pilot.text()
    assert "Your ending: this is how it happened" in text
    assert "Unrecorded" in pilot.texts("verdict") and "Historical" in pilot.texts("verdict")
    pilot.press("end")
    assert "What the sources say happened next" in pilot.text()
    pilot.close()


def test_the_record_panel_shows_verdict_word_note_and_citations(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("2")  # hesitate: diverged
    assert pilot.texts("verdict") == ["Diverged"]
    assert pilot.has("These sources say otherwise", role="explanation")
    assert pilot.has("used the Fields' visit to demand the visas", role="note")
    assert pilot.has("Boris Bazarov", role="citation")
    assert pilot.has("You chose: Hesitate", role="you-chose")
    assert pilot.app.top.focused is not None and pilot.app.top.focused.id == "continue"


def test_a_locked_option_is_greyed_and_says_why_on_focus(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("2", "enter", "1")  # hesitate, continue past the record, continue
    assert pilot.has("I have been asking you")
    locked = pilot.find("Locked", role="locked")
    assert "resolve" not in locked.text  # the reason shows on focus or hover
    pilot.move_to(pilot.find("Tell him the Fields", role="option").rect.center)
    assert pilot.has("Locked: You have not found the resolve to threaten him.", role="locked")
    pilot.press("1")  # a locked option is not taken; its reason is said instead
    assert pilot.has("I have been asking you") and pilot.has("resolve", role="notice")
    assert len(pilot.app.top.player.history) == 2  # type: ignore[attr-defined]


def test_a_dramatised_passage_is_labelled_and_a_counterfactual_ending_says_so(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("2", "enter", "1", "2", "enter")  # hesitate, continue, plead quietly
    assert pilot.has("this did not happen", role="ending")
    assert pilot.has("Dramatisation", role="dramatised")


def test_reveal_at_the_end_keeps_records_for_the_debrief(pilot: Pilot) -> None:
    from dataclasses import replace

    pilot.app.apply_settings(replace(pilot.app.settings, reveal="end"))
    start_scene(pilot)
    pilot.press("1")
    assert pilot.labels("verdict") == [] and pilot.has("Herta Field")
    pilot.press("1", "1")
    assert pilot.has("The end")
    pilot.press("enter")
    assert pilot.screen == "debrief" and pilot.texts("verdict") == ["Unrecorded", "Historical"]


def test_the_debrief_exports_the_record_to_hand_in(pilot: Pilot, home) -> None:  # type: ignore[no-untyped-def]
    pilot = play_historical_path(pilot)
    pilot.press("e")
    assert pilot.screen == "name-entry"
    pilot.type("Ada L.")
    pilot.press("enter")
    records = list((home / "records").glob("*.json"))
    assert len(records) == 1 and "ada-l" in records[0].name
    assert pilot.screen == "debrief" and pilot.has("Record exported", role="notice")
