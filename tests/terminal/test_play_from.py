"""`cover-names play SCENE --from NODE --set VAR=VALUE`: start mid-scene, in the terminal and the
desktop; and the terminal's Enter on a lone Continue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.play_from import StartError, start_player
from game.engine import Story, load_story

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "tests" / "fixtures" / "scenes"


@pytest.fixture(scope="module")
def demo() -> Story:
    return load_story(DEMO, REPO / "seeds")


def play(*args: str, given: str = "q\n", home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COVER_NAMES_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "game", "play", *args, "--terminal",
                           "--scenes", str(DEMO)], input=given, capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=60)


def test_the_terminal_starts_at_the_node_with_the_variables_set(tmp_path: Path) -> None:
    done = play("demo_call", "--from", "the_call", "--set", "resolve=2", given="1\nq\n",
                home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Boris, I have been asking you for our exit visas" in done.stdout
    # resolve=2 unlocks naming the witnesses: chosen at once, it ends with the passports.
    assert "(locked) Tell him the Fields" not in done.stdout
    assert "THE RECORD [✓ HISTORICAL]" in done.stdout or "HISTORICAL" in done.stdout


def test_without_set_the_option_stays_locked(tmp_path: Path) -> None:
    done = play("demo_call", "--from", "the_call", home=tmp_path)
    assert "(locked) Tell him the Fields" in done.stdout


@pytest.mark.parametrize(("args", "said"), [
    (("--from", "the_cal"), "did you mean 'the_call'?"),
    (("--set", "resolv=2"), "did you mean 'resolve'?"),
    (("--set", "resolve=high"), "'resolve' is a whole number"),
    (("--set", "fields_present=maybe"), "'fields_present' is true or false"),
    (("--set", "resolve"), "write it as NAME=VALUE"),
])
def test_a_mistake_says_what_to_type_and_exits_2(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    done = play("demo_call", *args, home=tmp_path)
    assert done.returncode == 2 and said in done.stderr
    assert "Traceback" not in done.stderr


def test_from_needs_a_scene(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "game", "play", "--terminal", "--from", "x"],
                          capture_output=True, text=True, cwd=REPO, timeout=60,
                          env={**os.environ, "COVER_NAMES_HOME": str(tmp_path)})
    assert done.returncode == 2 and "--from and --set need a SCENE" in done.stderr


def test_values_take_the_declared_type(demo: Story) -> None:
    player = start_player(demo, "demo_call", "the_call",
                          ["resolve=3", "fields_present=true", 'mood="tense"'])
    assert player.node.id == "the_call" and player.history == ()
    assert dict(player.variables) == {"resolve": 3, "fields_present": True, "mood": "tense"}
    with pytest.raises(StartError, match="no scene 'demo_cal'"):
        start_player(demo, "demo_cal", None)


def test_the_desktop_opens_play_at_the_node(demo: Story, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COVER_NAMES_HOME", str(tmp_path))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    from game.desktop.pilot import Pilot
    from game.desktop.start import build_app

    player = start_player(demo, "demo_call", "the_call", ["resolve=2"])
    pilot = Pilot(build_app(demo, (1366, 768), player=player))
    try:
        pilot.app.pump()
        assert pilot.screen == "play"
        assert pilot.has("I have been asking you for our exit visas")
        assert pilot.has("Tell him the Fields are listening")
        pilot.press("1")
        assert pilot.has("HISTORICAL") or pilot.has("Historical")
    finally:
        pilot.close()


def test_enter_takes_a_lone_continue_in_the_terminal(tmp_path: Path) -> None:
    done = play("demo_call", given="1\n\nq\n", home=tmp_path)
    assert "1. Continue (Enter)" in done.stdout
    assert "Boris, I have been asking you" in done.stdout  # Enter went on to the call
    assert "Type the number of an option" not in done.stdout


def test_a_broken_scene_is_printed_as_an_error_not_a_warning(tmp_path: Path) -> None:
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    text = (DEMO / "demo_call.yaml").read_text(encoding="utf-8")
    (scenes / "demo_call.yaml").write_text(text.replace("goto: passports", "goto: nowhere", 1))
    done = subprocess.run([sys.executable, "-m", "game", "play", "--terminal", "--scenes",
                           str(scenes)], input="q\n", capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "COVER_NAMES_HOME": str(tmp_path / "home")},
                          timeout=60)
    assert "error CN301" in done.stderr and "warning: " not in done.stderr
