"""The session log survives a `kill -9` mid-session: valid JSON Lines up to the last step.

The real `cover-names facilitate --terminal` runs in a subprocess, reading
commands from a pipe; after each command the test waits for the next prompt
(the step is complete), then kills the process without warning.
"""

from __future__ import annotations

import codecs
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from game.classroom.debrief import gather
from game.classroom.session_log import read_log
from game.engine import Story
from tests.classroom.conftest import FIXTURES, REPO, write_plan

PLAN = """\
title: Crash lesson
scenes:
  - scene: classroom_demo
"""


class Terminal:
    """The facilitator process, with a thread collecting what it prints."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=REPO, env=env,
        )
        self.output = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")()  # a chunk may split a character
        self._chunks: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for chunk in iter(lambda: self.process.stdout.read1(4096), b""):  # type: ignore[union-attr]
            self._chunks.put(chunk)

    def wait_for_prompts(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.output.count("\n> ") < count:
            try:
                chunk = self._chunks.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                ended = self.process.poll() is not None and self.process.stderr is not None
                stderr = self.process.stderr.read().decode() if ended else ""  # type: ignore[union-attr]
                pytest.fail(f"no prompt {count} in time; output so far:\n{self.output}\n{stderr}")
            self.output += self._decoder.decode(chunk)

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_a_killed_session_leaves_a_valid_log_up_to_the_last_step(
    tmp_path: Path, demo_story: Story
) -> None:
    plan = write_plan(tmp_path, PLAN)
    logs = tmp_path / "logs"
    env = {**os.environ, "COVER_NAMES_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    terminal = Terminal(
        [sys.executable, "-m", "game", "facilitate", str(plan), "--terminal",
         "--log-dir", str(logs), "--scenes", str(FIXTURES / "scenes")],
        env,
    )
    terminal.wait_for_prompts(1)  # the first screen is up
    # begin, continue, 3 votes, undo, decide, past the reveal
    steps = ["", "", "1", "1", "2", "u", "", ""]
    for number, command in enumerate(steps, start=2):
        terminal.send(command)
        terminal.wait_for_prompts(number)
    terminal.process.send_signal(signal.SIGKILL)
    terminal.process.wait(timeout=10)
    assert terminal.process.returncode == -signal.SIGKILL

    (path,) = logs.glob("*.jsonl")
    raw = path.read_bytes()
    assert raw.endswith(b"\n")  # every completed step ended its line
    lines = raw.decode("utf-8").splitlines()
    events = [json.loads(line) for line in lines]  # every line is whole JSON
    kinds = [event["event"] for event in events]
    assert kinds == [
        "session_started", "introduction_ended", "scene_started", "passage_shown", "continued",
        "decision_shown",
        "vote_added", "vote_added", "vote_added", "vote_undone", "decided", "revealed",
        "decision_shown",
    ]
    assert "session_ended" not in kinds  # it really was killed
    decided = events[kinds.index("decided")]
    assert decided["tally"] == {"ask_higher": 2, "wait": 0, "shout": 0}
    assert decided["choice"] == "ask_higher"

    # The debrief counts a killed session's decisions, and says it stopped early.
    log, problem = read_log(path)
    assert log is not None, problem
    assert not log.ended
    debrief = gather([logs], demo_story)
    (session,) = debrief.sessions
    assert session.decisions == 1 and not session.ended
    asking = next(d for d in debrief.decisions if d.node_id == "asking")
    assert {o.choice_id: o.votes for o in asking.options} == {"ask_higher": 2, "wait": 0,
                                                              "shout": 0}


def test_a_line_cut_off_by_a_crash_is_dropped_and_the_rest_counts(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    header = {"event": "session_started", "seq": 1, "format": "cover-names/session-log",
              "version": 1, "scenes": []}
    whole = {"event": "decided", "seq": 2, "scene": "x", "node": "n", "choice": "c"}
    path.write_text(json.dumps(header) + "\n" + json.dumps(whole) + "\n" + '{"event": "vo',
                    encoding="utf-8")
    log, problem = read_log(path)
    assert log is not None, problem
    assert log.truncated and [e["event"] for e in log.events] == ["decided"]
    # A bad line in the middle is skipped and listed: the lines around it still count.
    path.write_text(json.dumps(header) + "\n{oops\n" + json.dumps(whole) + "\n", encoding="utf-8")
    log, problem = read_log(path)
    assert log is not None, problem
    assert [e["event"] for e in log.events] == ["decided"]
    assert log.bad_lines == [(2, "it is damaged (not valid JSON)")]
