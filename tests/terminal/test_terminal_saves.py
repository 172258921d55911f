"""The terminal player's input and saves, as a student meets them: no traceback, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

from tests.terminal.test_terminal_player import play

AUTOSAVE = "autosave-demo_call.json"


def test_unusual_save_names_are_made_valid_or_refused_and_play_goes_on(tmp_path: Path) -> None:
    result = play("s Mine\ns My Save!\ns ../../etc\ns !!!\ns autosave-other\n1\n",
                  "demo_call", home=tmp_path)
    out = result.stdout
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "Saved as 'mine'" in out and "Saved as 'my-save'" in out
    assert "Saves are always kept in the saves folder" in out
    assert "Not saved: '!!!' cannot be a save name: save names use only lower-case" in out
    assert "kept for the game's own autosaves" in out
    saves = tmp_path / "saves"
    assert {p.name for p in saves.glob("*.json")} >= {"mine.json", "my-save.json", "etc.json"}
    assert not (tmp_path / "etc.json").exists() and not (tmp_path.parent / "etc.json").exists()
    assert "THE RECORD" in out  # the choice after them was still played


def test_non_ascii_digits_re_prompt_instead_of_crashing(tmp_path: Path) -> None:
    result = play("²\nr ²\n١\n1\n", "demo_call", home=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "'²' is not an option here" in result.stdout
    assert "Rewind to which step?" in result.stdout
    assert "THE RECORD" in result.stdout


def test_a_huge_number_is_just_not_an_option(tmp_path: Path) -> None:
    result = play("9" * 5000 + "\n", "demo_call", home=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_quitting_then_starting_again_offers_to_continue(tmp_path: Path) -> None:
    first = play("1\nq\n", "demo_call", home=tmp_path)
    assert "Your place is saved (1 choice in)" in first.stdout
    second = play("\nh\n", "demo_call", home=tmp_path)  # Enter: the default is to continue
    assert "You have an autosave of this scene, 1 choice in. Continue it? [Y/n]" in second.stdout
    assert "step 0: Steel yourself and decide to act." in second.stdout


def test_starting_again_keeps_the_earlier_run_and_it_can_be_loaded(tmp_path: Path) -> None:
    play("1\nq\n", "demo_call", home=tmp_path)
    earlier = json.loads((tmp_path / "saves" / AUTOSAVE).read_text())
    second = play("n\n2\nq\n", "demo_call", home=tmp_path)
    assert "The earlier run is kept as 'autosave-demo_call.previous'" in second.stdout
    kept = json.loads((tmp_path / "saves" / "autosave-demo_call.previous.json").read_text())
    assert kept["playthrough"] == earlier["playthrough"]
    third = play("y\nl autosave-demo_call.previous\nh\n", "demo_call", home=tmp_path)
    assert "step 0: Steel yourself and decide to act." in third.stdout


def test_a_rewind_before_quitting_is_what_is_saved(tmp_path: Path) -> None:
    play("1\n1\nr 1\nq\n", "demo_call", home=tmp_path)
    saved = json.loads((tmp_path / "saves" / AUTOSAVE).read_text())
    assert len(saved["playthrough"]["history"]) == 1


def test_a_damaged_autosave_is_reported_kept_aside_and_play_starts(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    (saves / AUTOSAVE).write_bytes(b'{"format": "cover-names/sa')
    result = play("1\nq\n", "demo_call", home=tmp_path)
    assert "Your autosave of this scene cannot be used: autosave-demo_call.json:1 cannot be " \
        "used: it is damaged (not valid JSON). It was moved aside to " \
        "autosave-demo_call.json.damaged" in result.stdout
    assert (saves / "autosave-demo_call.json.damaged").read_bytes() == \
        b'{"format": "cover-names/sa'


def test_an_unwritable_saves_folder_is_said_once_and_play_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = play("1\ns mine\nl\n1\n1\n", "demo_call", home=blocker / "home")
    out = result.stdout
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert out.count("could not save") == 2  # the autosave once, the 's' once
    assert "Play goes on, but your place is not saved" in out
    assert "There are no saves yet" in out  # nothing to list, and no traceback for it
    assert "THE HISTORICAL ENDING" in out


def test_an_autosave_path_that_is_a_folder_does_not_stop_play(tmp_path: Path) -> None:
    (tmp_path / "saves" / AUTOSAVE).mkdir(parents=True)
    result = play("1\n1\n1\n", "demo_call", home=tmp_path)
    assert "Traceback" not in result.stderr
    assert f"could not save to {tmp_path / 'saves' / AUTOSAVE}: Is a directory" in result.stdout
    assert "THE HISTORICAL ENDING" in result.stdout


def test_load_finds_a_save_by_its_file_name_not_the_slot_field_inside(tmp_path: Path) -> None:
    play("1\ns mine\nq\n", "demo_call", home=tmp_path)
    saves = tmp_path / "saves"
    document = json.loads((saves / "mine.json").read_text())
    document["slot"] = "something-else"
    (saves / "renamed.json").write_text(json.dumps(document))
    result = play("n\nl\nl renamed\nh\nl something-else\n", "demo_call", home=tmp_path)
    assert "  renamed: The Telephone Call (demo)" in result.stdout
    assert "step 0: Steel yourself and decide to act." in result.stdout
    assert "There is no save 'something-else'." in result.stdout


def test_a_save_that_does_not_fit_the_scene_is_refused_not_loaded(tmp_path: Path) -> None:
    play("1\ns mine\nq\n", "demo_call", home=tmp_path)
    path = tmp_path / "saves" / "mine.json"
    document = json.loads(path.read_text())
    document["playthrough"]["history"][0]["choice"] = "no_such_choice"
    path.write_text(json.dumps(document))
    before = path.read_bytes()
    result = play("n\nl mine\nh\n", "demo_call", home=tmp_path)
    assert "Traceback" not in result.stderr
    assert ("Cannot load: mine.json is damaged: step 1 chose 'no_such_choice', which is not an "
            "option at 'waiting'") in result.stdout
    assert "No choices yet." in result.stdout
    assert path.read_bytes() == before


def test_a_finished_scene_starts_afresh_and_the_finished_run_is_kept(tmp_path: Path) -> None:
    first = play("1\n1\n1\n", "demo_call", home=tmp_path)  # to the historical ending
    assert "Traceback" not in first.stderr
    finished = json.loads((tmp_path / "saves" / AUTOSAVE).read_text())
    second = play("h\nq\n", "demo_call", home=tmp_path)
    out = second.stdout
    assert "You finished this scene last time (3 choices); starting it again." in out
    assert "Continue it?" not in out  # nothing to continue: no question asked
    assert "The earlier run is kept as 'autosave-demo_call.previous'" in out
    kept = json.loads((tmp_path / "saves" / "autosave-demo_call.previous.json").read_text())
    assert kept["playthrough"] == finished["playthrough"]
