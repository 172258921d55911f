"""What a student meets in passing: a question before losing a save or a place, a panel closed
by the key that opened it, the dossier in reading order, and the text size's last step."""

from __future__ import annotations

from game.desktop.pilot import Pilot
from tests.desktop.conftest import start_scene


def test_saving_over_a_full_slot_asks_first(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("s")
    pilot.click("Save to slot 1")
    pilot.press("enter")  # the name offered
    assert pilot.has("Saved to slot 1", role="notice")
    pilot.click("Save to slot 1")
    assert pilot.screen == "confirm" and pilot.has("Save over slot 1?")
    pilot.press("esc")  # keep it
    assert pilot.screen == "saves"
    pilot.click("Save to slot 1")
    pilot.click("Save over slot 1 (Y)")
    pilot.press("enter")  # the name offered
    assert pilot.screen == "saves" and pilot.has("Saved to slot 1", role="notice")


def test_starting_a_scene_again_asks_first(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "esc", "1")  # one choice in, then back to the scene list
    assert pilot.screen == "scenes"
    pilot.click("again")
    assert pilot.screen == "confirm"
    pilot.press("n")
    assert pilot.screen == "scenes"
    pilot.click("again")
    assert pilot.has("Your autosaved place is kept as this scene's earlier run")
    pilot.press("y")
    assert pilot.screen == "play" and not pilot.app.top.player.history  # type: ignore[attr-defined]
    # The dialog's word is kept: the old place is listed, and loads.
    pilot.press("esc")
    pilot.click("Load a saved game")
    pilot.click("Load the earlier run")
    assert pilot.screen == "play" and len(pilot.app.top.player.history) == 1  # type: ignore[attr-defined]


def test_the_letter_that_opened_a_panel_closes_it(pilot: Pilot) -> None:
    start_scene(pilot)
    for letter, screen in (("h", "history"), ("d", "dossier"), ("t", "timeline"), ("s", "saves")):
        pilot.press(letter)
        assert pilot.screen == screen
        pilot.press(letter)
        assert pilot.screen == "play", letter
    pilot.press("h", "backspace")  # harmless in the history
    assert pilot.screen == "history"


def test_the_dossier_lists_the_passage_names_in_the_order_they_are_read(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")  # "Noel and Herta Field are visiting Moscow."
    pilot.press("d")
    here = [item.text for item in pilot.app.top.items if item.id.startswith("entry:here:")]
    assert [text.split("(")[0].strip("+ ") for text in here][:2] == ["Noel Field", "Herta Field"]


def test_text_size_stops_at_projector_and_the_rows_show_their_numbers(pilot: Pilot) -> None:
    pilot.click("Settings")
    assert pilot.texts("number")[:4] == ["1", "2", "3", "4"]
    pilot.press(*["right"] * 5)
    assert pilot.has("Text size: Projector")
    pilot.press(*["left"] * 5)
    assert pilot.has("Text size: Small")
    pilot.press("enter")  # Enter still goes round
    assert pilot.has("Text size: Standard")
