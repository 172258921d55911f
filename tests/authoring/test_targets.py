"""What lint and test are asked to read: ids, walkthroughs anywhere, empty folders, pipes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DEMO_SCENES, REPO
from .test_cli import cover_names

WALKTHROUGH = REPO / "tests" / "walkthroughs" / "demo_call.yaml"


def test_test_accepts_a_scene_id_as_graph_does() -> None:
    done = cover_names("test", "exit_visa", "--runs", "5")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'exit_visa' is read as the scene file" in done.stderr
    assert done.stdout.startswith("exit_visa: 5 random playthroughs")


def test_an_unknown_scene_id_says_what_was_meant() -> None:
    done = cover_names("test", "exit_vsa", "--runs", "5")
    assert done.returncode == 2
    assert "error CN650: there is no scene 'exit_vsa'" in done.stdout
    assert "hint: did you mean 'exit_visa'?" in done.stdout


def test_a_misspelt_scene_file_gets_a_did_you_mean() -> None:
    done = cover_names("lint", "scenes/exit_vis.yaml")
    assert "cannot read the file: no such file or directory" in done.stdout
    assert "hint: did you mean 'scenes/exit_visa.yaml'?" in done.stdout


def test_a_walkthrough_outside_a_walkthroughs_folder_is_known_by_its_content(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "my_path.yaml"  # neither *.walkthrough.yaml nor in walkthroughs/
    mine.write_text(WALKTHROUGH.read_text(encoding="utf-8").replace(
        "scene: ../fixtures/scenes/demo_call.yaml", "scene: demo_call"), encoding="utf-8")
    tested = cover_names("test", DEMO_SCENES / "demo_call.yaml", mine, "--runs", "0")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert f"{mine} is read as a walkthrough" in tested.stderr
    assert "passed (and again with a save and reload)" in tested.stdout
    linted = cover_names("lint", mine)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "error" not in linted.stdout and "1 file checked" in linted.stderr


@pytest.mark.parametrize("given", ["", "empty"])
@pytest.mark.parametrize(("command", "said"), [("lint", "nothing to check"),
                                               ("test", "nothing to test")])
def test_lint_or_test_of_nothing_says_so_and_fails(
    tmp_path: Path, given: str, command: str, said: str
) -> None:
    (tmp_path / "empty").mkdir()
    done = cover_names(command, str(tmp_path / given) if given else "")
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr
    assert "0 files checked" not in done.stderr and "0 scenes" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_lint_never_waits_on_a_named_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    shutil.copy(DEMO_SCENES / "demo_call.yaml", folder)
    in_folder = cover_names("lint", folder)  # the timeout of cover_names would fail a hang
    assert in_folder.returncode == 0 and "1 file checked" in in_folder.stderr
    named = cover_names("lint", folder / "pipe.yaml")
    assert named.returncode == 1 and "it is not a regular file" in named.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("name", ["plans/pipe.yaml", "pipe.walkthrough.yaml"])
def test_a_plan_or_walkthrough_that_is_a_named_pipe_is_refused_at_once(
    tmp_path: Path, name: str
) -> None:
    pipe = tmp_path / name
    pipe.parent.mkdir(exist_ok=True)
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "game", "lint", str(pipe)], cwd=REPO,
                          capture_output=True, text=True, timeout=30)  # a hang fails here
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error CN100: cannot read the file: it is not a regular file" in done.stdout


def test_the_same_file_given_twice_is_checked_once() -> None:
    done = cover_names("lint", "scenes/exit_visa.yaml", "scenes/exit_visa.yaml",
                       "./scenes/exit_visa.yaml")
    assert done.returncode == 0, done.stdout
    assert "CN304" not in done.stdout and "lint: 1 file checked" in done.stderr


def test_a_file_not_named_after_its_scene_is_warned(tmp_path: Path) -> None:
    renamed = tmp_path / "visa.yaml"
    shutil.copy(DEMO_SCENES / "demo_call.yaml", renamed)
    done = cover_names("lint", renamed, "--strict")
    assert done.returncode == 1
    assert ("warning CN615: the file is named 'visa.yaml' but the scene's id is 'demo_call'"
            in done.stdout)
    assert "rename the file to demo_call.yaml" in done.stdout
