"""The terminal player driven as a user would: a subprocess with choices on standard input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "tests" / "fixtures" / "scenes"


def play(stdin: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COVER_NAMES_HOME": str(home), "COLUMNS": "100"}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "game", "play", "--terminal", "--scenes", str(DEMO), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


def test_scene_played_to_its_historical_ending(tmp_path: Path) -> None:
    result = play("1\n1\n1\n", "demo_call", home=tmp_path)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "The Telephone Call (demo)" in out and "Content notes: state violence" in out
    assert "Moscow · 1938" in out
    assert "THE RECORD [? UNRECORDED]" in out
    assert "THE RECORD [= HISTORICAL]" in out
    # Massing's words are credited to her memoir, never to the article named after Bazarov.
    read = " ".join(out.split())
    assert "“We have guests, Herta and Noel Field." in read
    assert ("— Hede Massing, This Deception (1951), memoir — quoted in the article "
            "“Boris Bazarov”") in read
    assert "— Boris Bazarov" not in read
    assert "THE HISTORICAL ENDING" in out and "What the sources say happened next:" in out
    assert "You followed the record at 1 of 2 choices." in out
    assert (tmp_path / "saves" / "autosave-demo_call.json").exists()


def test_bad_input_re_prompts_and_locked_options_explain_themselves(tmp_path: Path) -> None:
    result = play("banana\n9\n2\n1\n1\n3\n", "demo_call", home=tmp_path)
    out = result.stdout
    assert "'banana' is not an option here" in out
    assert "There is no option 9" in out
    assert "(locked) Tell him the Fields are listening" in out
    assert "Option 1 is locked: You have not found the resolve to threaten him." in out
    assert "A COUNTERFACTUAL ENDING" in out or "THE HISTORICAL ENDING" in out


def test_rewind_then_take_the_other_path(tmp_path: Path) -> None:
    result = play("2\nh\nr 0\n1\n1\n1\n", "demo_call", home=tmp_path)
    out = result.stdout
    assert "step 0: Hesitate, and keep waiting for the papers. [x DIVERGED]" in out
    assert "Rewound to step 0." in out
    assert "THE HISTORICAL ENDING" in out


def test_save_and_resume_in_a_new_process(tmp_path: Path) -> None:
    first = play("1\ns mine\nq\n", "demo_call", home=tmp_path)
    assert "Saved to" in first.stdout
    # The autosave is offered first; 'n' starts afresh, then the slot is loaded.
    second = play("n\nl\nl mine\n1\n1\n", "demo_call", home=tmp_path)
    assert "mine: The Telephone Call (demo)" in second.stdout
    assert "THE HISTORICAL ENDING" in second.stdout


def test_reveal_at_the_end_holds_records_back(tmp_path: Path) -> None:
    out = play("1\n1\n1\n", "demo_call", "--reveal", "end", home=tmp_path).stdout
    assert out.count("will be shown at the end") == 2
    assert out.index("The record, choice by choice") < out.index("THE HISTORICAL ENDING")


def test_end_of_input_quits_cleanly_and_says_truly_what_was_saved(tmp_path: Path) -> None:
    result = play("", "demo_call", home=tmp_path)
    assert result.returncode == 0
    assert "You had made no choices in this run, so nothing new was saved." in result.stdout
    assert not (tmp_path / "saves" / "autosave-demo_call.json").exists()


def test_unknown_scene_is_named(tmp_path: Path) -> None:
    result = play("", "no_such_scene", home=tmp_path)
    assert result.returncode == 2
    assert "There is no scene 'no_such_scene'. Scenes: demo_call." in result.stdout


def test_plain_command_without_a_display_falls_back_to_the_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "COVER_NAMES_HOME": str(tmp_path)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "game"],
        input="q\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No display found: playing in the terminal.")
    assert "Choose a scene" in result.stdout


def _play_shipped(stdin: str, scene_id: str, home: Path) -> str:
    env = {**os.environ, "COVER_NAMES_HOME": str(home), "COLUMNS": "100"}
    env.pop("DISPLAY", None)
    done = subprocess.run([sys.executable, "-m", "game", "play", "--terminal", scene_id],
                          input=stdin, capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def _keys_of_the_record(scene_id: str) -> str:
    """The number keys a student presses to play a shipped scene as the record tells it.

    Found from the scene rather than written out: the historical option stands at a
    different place at each decision (CN652), so pressing 1 throughout leaves the record.
    """
    from game.engine import load_story
    from game.historical_path import historical_path

    story = load_story()
    player = story.new_player(scene_id)
    keys = []
    for option_id in historical_path(story, scene_id).choices:
        keys.append(str(next(o.number for o in player.options if o.id == option_id)))
        player.choose(option_id)
    return "".join(f"{key}\n" for key in keys) + "\n" * 20


def test_the_story_s_frame_opens_the_first_scene_and_closes_the_last(tmp_path: Path) -> None:
    first = _play_shipped("1\n" * 120, "recruiting_duggan", tmp_path / "a")
    assert first.index("── Looking back") < first.index("── Recruiting Duggan")
    bridge = first[first.index("── Between New York and Moscow"):]
    assert "Next: The Moscow Interrogation" in bridge
    assert "(dramatisation: Massing looking back" in first
    assert "— the article “Hede Massing” (Conservapedia), its own claim" in first
    later = _play_shipped("q\n", "moscow_interrogation", tmp_path / "b")
    assert "Looking back" not in later  # only the first scene opens the story
    last = _play_shipped(_keys_of_the_record("exit_visa"), "exit_visa", tmp_path / "c")
    closing = last[last.index("── What became of them"):]
    assert "What she later said, as the article reports it:" in closing
    assert "What the article says instead:" in closing  # both accounts of when she left
    assert "Alger Hiss:" in closing and "Mikhail Shpiegelglass:" in closing
