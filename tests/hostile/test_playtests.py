"""`cover-names test` on scenes at the edges: a long valid chain, no reachable ending, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from tests.hostile.conftest import REPO

HEAD = """\
format: 1
id: {id}
title: A long chain
order: 1
place: Moscow
date: early 1938
role: Hede Massing
summary: A chain of passages.
length_minutes: 5
content_notes: []
start: n0
nodes:
"""


def chain(path: Path, passages: int, ending: bool = True) -> Path:
    lines = [HEAD.format(id=path.stem)]
    for number in range(passages - 1):
        lines.append(f"  n{number}:\n    text: Step {number}.\n    next: n{number + 1}\n")
    last = passages - 1
    lines.append(f"  n{last}:\n    text: The end.\n    ending: historical\n" if ending
                 else f"  n{last}:\n    text: Round again.\n    next: n0\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_valid_5000_passage_chain_passes_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scene = chain(tmp_path / "long_chain.yaml", 5_000)
    assert main(["test", str(scene), "--runs", "2", "--jobs", "1"]) == 0, capsys.readouterr()
    assert "no ending after" not in capsys.readouterr().out


def test_exhaustive_fails_a_scene_with_no_reachable_ending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scene = chain(tmp_path / "round_for_ever.yaml", 3, ending=False)
    assert main(["test", str(scene), "--exhaustive"]) == 1
    assert "CN603" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or sys.platform == "win32",
                    reason="POSIX signals")
def test_ctrl_c_stops_test_with_four_jobs_at_once(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "test", "scenes", "--runs", "400000", "--jobs", "4"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    try:
        time.sleep(6)  # loading done, the workers busy
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)  # it took 163 s; a hang fails here
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130 and "interrupted" in err
    assert "Traceback" not in err
    leftover = subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""  # no worker left running
