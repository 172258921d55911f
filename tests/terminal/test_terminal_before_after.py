"""Format 2 in the terminal: the question before the options, the record then the discussion
after a choice, 'w' for the other options' records, and passages that vary with the path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FORMAT2 = REPO / "tests" / "fixtures" / "format2"
ASK = "What could Hede do while the papers do not come?"
DISCUSS = "To discuss: Why might waiting have felt safer than asking?"


def play(stdin: str, home: Path) -> str:
    env = {**os.environ, "COVER_NAMES_HOME": str(home), "COLUMNS": "100"}
    env.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", "--terminal", "--scenes", str(FORMAT2),
         "telephone"],
        input=stdin, capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_ask_before_the_options_and_discuss_after_the_record(tmp_path: Path) -> None:
    out = play("1\n", tmp_path)
    assert out.index(ASK) < out.index("1. Steel yourself") < out.index("THE RECORD")
    assert out.index("THE RECORD [? UNRECORDED]") < out.index(DISCUSS)
    assert out.count(DISCUSS) == 1 and DISCUSS not in out[: out.index("THE RECORD")]
    # The passage the choice led to shows the part for what the player did.
    after = out[out.index(DISCUSS):]
    assert "You have made up your mind." in after and "A week of waiting" not in after


def test_w_shows_the_other_records_and_leaves_the_path_alone(tmp_path: Path) -> None:
    out = play("2\nw\n1\nh\n", tmp_path)
    shown = out[out.index("If you had chosen: Steel yourself"):]
    assert "THE RECORD [? UNRECORDED]" in shown
    assert "If you had chosen: Hesitate" not in out  # the option taken is not a "what if"
    assert "step 0: Hesitate, and keep waiting for the papers. [x DIVERGED]" in out
    assert "step 1: Continue" in out  # the path went on from where it was
    assert "A week of waiting has taught you that nobody will come." in out
