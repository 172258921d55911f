"""Keys that must not leak: the name box takes its letters; ? and F1 always find the help."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from game.desktop.pilot import Pilot
from tests.desktop.test_play import play_historical_path


def name_field(pilot: Pilot) -> str:
    return pilot.find(role="field").text.rstrip("|")


def test_e_opens_the_name_box_without_typing_an_e_into_it(pilot: Pilot) -> None:
    pilot = play_historical_path(pilot)
    pilot.press("e")
    assert pilot.screen == "name-entry" and name_field(pilot) == ""


def test_v_and_question_mark_in_a_name_are_letters_not_shortcuts(pilot: Pilot) -> None:
    pilot = play_historical_path(pilot)
    pilot.press("e", "v", "e", "r", "a", "?")
    assert pilot.screen == "name-entry"  # no help over the dialog
    assert name_field(pilot) == "vera?"
    assert not pilot.labels("notice")  # and nothing was read aloud


def test_question_mark_opens_help_after_the_name_box_closes(pilot: Pilot) -> None:
    pilot = play_historical_path(pilot)
    pilot.press("e", "esc")
    assert pilot.screen == "debrief"
    pilot.press("?")
    assert pilot.screen == "help"
    pilot.press("esc")
    pilot.press("?", text_input=False)  # Shift and /, with no character in the key press
    assert pilot.screen == "help"


def test_an_empty_name_is_confirmed_before_it_is_exported(pilot: Pilot, home: Path) -> None:
    pilot = play_historical_path(pilot)
    pilot.press("e", "enter")
    assert pilot.screen == "confirm" and pilot.has("Export without a name?")
    pilot.press("enter")  # the safe answer is focused: back to typing
    assert pilot.screen == "name-entry"
    assert not list((home / "records").glob("*.json"))
    pilot.press("enter", "y")
    assert pilot.screen == "debrief" and len(list((home / "records").glob("*.json"))) == 1


def test_after_export_the_folder_is_shown_and_opens(
    pilot: Pilot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.desktop import folders

    opened: list[Path] = []
    monkeypatch.setattr(folders, "open_folder", lambda folder: opened.append(folder) or "")
    pilot = play_historical_path(pilot)
    pilot.press("e")
    pilot.type("Ada")
    pilot.press("enter")
    assert pilot.has(str(home / "records"), role="exported")
    pilot.click("Open the folder")
    assert opened == [home / "records"]

    monkeypatch.setattr(folders, "open_folder", lambda folder: f"Could not open {folder}.")
    pilot.press("enter")  # the button kept the focus
    assert pilot.has("Could not open", role="notice")


def test_a_failing_file_manager_is_a_sentence_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.desktop import folders

    monkeypatch.setattr(folders, "folder_opener", lambda: ["/nonexistent/file-manager"])
    problem = folders.open_folder(tmp_path)
    assert "Could not open the folder" in problem and str(tmp_path) in problem


def test_an_opener_that_fails_is_reported_with_the_folders_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.desktop import folders

    monkeypatch.setattr(folders, "folder_opener", lambda: ["false"])  # exits with 1
    problem = folders.open_folder(tmp_path)
    assert "Could not open the folder (false failed)" in problem and str(tmp_path) in problem
    monkeypatch.setattr(folders, "folder_opener", lambda: ["true"])
    assert folders.open_folder(tmp_path) == ""


def test_exporting_from_a_scrolled_debrief_shows_where_the_file_went(pilot: Pilot) -> None:
    pilot = play_historical_path(pilot)
    pilot.resize(800, 600)
    debrief = pilot.app.top
    pilot.press("end")
    assert debrief.scroll > 0
    pilot.press("e")
    pilot.type("Ada")
    pilot.press("enter")
    assert debrief.focused is not None and debrief.focused.id == "open-folder"
    assert pilot.text("exported").startswith("Saved as")  # whole, not under the header
    header = debrief.header
    assert header is not None
    line = pilot.app.cache.line_height(pilot.app.sizes.small)
    assert all(label.rect.top >= header.height and label.rect.height >= line * 0.8
               for label in pilot.labels("exported"))


def test_repeated_exports_show_one_notice(pilot: Pilot) -> None:
    pilot = play_historical_path(pilot)
    for _ in range(3):
        pilot.press("e")
        pilot.type("Ada")
        pilot.press("enter")
    assert len({label.rect.top for label in pilot.labels("notice")}) == 1
    assert len(pilot.app.notices) == 1


def test_no_speech_engine_is_explained_for_a_student(
    pilot: Pilot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import sys

    from game.desktop.speech import Voice

    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # import fails, as with no engine
    pilot.app.voice = Voice()
    with caplog.at_level(logging.WARNING):
        pilot.press("v")
    notice = pilot.text("notice")
    assert "ask your teacher" in notice.lower() and "pip" not in notice
    assert "pip install" in caplog.text  # the fix, for whoever sets the machine up


def test_the_last_students_name_is_offered_selected_so_typing_replaces_it(
    pilot: Pilot,
) -> None:
    from dataclasses import replace

    pilot.app.apply_settings(replace(pilot.app.settings, student_name="Eve"))
    pilot = play_historical_path(pilot)
    pilot.press("e")
    assert name_field(pilot) == "Eve"
    assert pilot.has("Last name used on this computer: Eve", role="remembered")
    pilot.press("a", "n", "n")  # the next student types their own name over it
    assert name_field(pilot) == "ann"
    pilot.press("esc", "e", "backspace")  # Backspace clears the whole remembered name
    assert name_field(pilot) == ""
    pilot.press("esc", "e", "right", "s")  # → keeps it, to edit it
    assert name_field(pilot) == "Eves"


def test_with_no_sound_player_read_aloud_says_so_instead_of_reading(
    pilot: Pilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    from game.desktop import speech

    engine = types.SimpleNamespace(driver_name="espeak", say=lambda text: None,
                                   runAndWait=lambda: None, stop=lambda: None)
    monkeypatch.setitem(sys.modules, "pyttsx3", types.SimpleNamespace(init=lambda: engine))
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)  # no aplay
    monkeypatch.setattr(speech.sys, "platform", "linux")
    pilot.app.voice = speech.Voice()
    pilot.press("v")
    notice = pilot.text("notice")
    assert "no way to play its sound" in notice and "Reading aloud." not in notice


def test_v_again_stops_reading(pilot: Pilot, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import threading
    import types

    from game.desktop import speech

    stopped = threading.Event()
    engine = types.SimpleNamespace(driver_name="sapi5", say=lambda text: None,
                                   runAndWait=lambda: stopped.wait(5), stop=stopped.set)
    monkeypatch.setitem(sys.modules, "pyttsx3", types.SimpleNamespace(init=lambda: engine))
    pilot.app.voice = speech.Voice()
    pilot.press("v")
    assert pilot.has("Reading aloud. Press V again to stop.", role="notice")
    pilot.press("v")
    assert stopped.is_set() and pilot.has("Stopped reading aloud", role="notice")
    pilot.press("?")
    assert pilot.has("V again stops")


def test_a_question_over_the_name_box_dims_the_window_once_with_no_bands(pilot: Pilot) -> None:
    pilot = play_historical_path(pilot)
    pilot.press("e", "enter")
    assert pilot.screen == "confirm"
    name_box = pilot.app.stack[-2].box  # type: ignore[attr-defined]
    question = pilot.app.top.box  # type: ignore[attr-defined]
    spot = next((x, y) for y in range(name_box.top + 2, name_box.bottom - 2, 4)
                for x in range(name_box.left + 2, name_box.right - 2, 4)
                if not question.inflate(8, 8).collidepoint(x, y))
    pilot.app.render()
    over_the_box = tuple(pilot.app.surface.get_at(spot))
    confirm = pilot.app.stack.pop(-1)
    pilot.app.stack[-1] = confirm  # the same question straight over the debrief
    pilot.app.render()
    assert tuple(pilot.app.surface.get_at(spot)) == over_the_box  # the name box left no band
