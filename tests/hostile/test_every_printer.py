"""Arbitrary text through every terminal printer: no control byte ever reaches the terminal.

A lint-clean scene could send raw escape sequences to the terminal player
(`ESC ]52;` writes the clipboard, `ESC [2J` clears the screen), and `lint`
and `debrief` printed control bytes from files unchanged.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.diagnostics import Diagnostic, Location
from game.printable import PrintableStream, printable
from tests.hostile.conftest import DEMO_SCENES, REPO

#: What must never be printed: C0 (but tab and newline), DEL, C1, bidi controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\r\u202eevil\x9b31m"
QUICK = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


@QUICK
@given(st.text())
def test_printable_leaves_no_control_character_and_keeps_the_rest(text: str) -> None:
    shown = printable(text)
    assert not CONTROL.search(shown)
    assert all(char in shown for char in text if not CONTROL.match(char))  # nothing else lost


@QUICK
@given(st.text(), st.text())
def test_a_diagnostic_prints_no_control_character(message: str, line: str) -> None:
    diagnostic = Diagnostic("CN100", Location("f.yaml", 1, 3, 4), message, hint=message)
    assert not CONTROL.search(diagnostic.render(line + "\nsecond"))
    assert not CONTROL.search(str(diagnostic))


@QUICK
@given(st.text())
def test_the_stream_every_command_prints_through(text: str) -> None:
    for encoding in ("utf-8", "ascii", "latin-1"):
        raw = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
        stream = PrintableStream(raw)  # type: ignore[arg-type]
        stream.write(text)
        stream.flush()
        written = raw.buffer.getvalue().decode(encoding)  # type: ignore[attr-defined]
        assert not CONTROL.search(written)


def _scene_saying(folder: Path, text: str) -> Path:
    source = (DEMO_SCENES / "demo_call.yaml").read_text(encoding="utf-8")
    old = "      Months have passed. Hede and Paul Massing still have no exit visas.\n"
    assert old in source
    changed = source.replace("    text: |\n" + old, f"    text: {json.dumps(text)}\n", 1)
    changed = changed.replace("title: The Telephone Call (demo)",
                              f"title: {json.dumps('Call ' + text)}", 1)
    folder.mkdir(exist_ok=True)
    path = folder / "demo_call.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


@QUICK
@given(text=st.text(min_size=1).filter(lambda t: t.strip()))
def test_the_terminal_player_prints_a_scene_s_text_safely(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _scene_saying(tmp_path / "scenes", text + HOSTILE)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\nh\nq\n"))
    main(["play", "--terminal", "--scenes", str(folder), "demo_call"])
    captured = capsys.readouterr()
    assert not CONTROL.search(captured.out + captured.err)


def test_the_hostile_passage_is_shown_as_visible_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _scene_saying(tmp_path / "scenes", "Listen." + HOSTILE)
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    main(["play", "--terminal", "--scenes", str(folder), "demo_call"])
    out = capsys.readouterr().out
    assert "Listen.\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J\\x0d\\u202eevil\\x9b31m" in out


def test_lint_and_debrief_print_no_control_bytes_from_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scene = tmp_path / "scene.yaml"
    scene.write_text(f"id: x\ntitle: {json.dumps(HOSTILE)}\nnodes: {HOSTILE!r}\n",
                     encoding="utf-8")
    main(["lint", str(scene)])
    hand_in = tmp_path / f"record{HOSTILE.replace('/', '')}.json"
    hand_in.write_text(json.dumps({"format": HOSTILE}), encoding="utf-8")
    main(["debrief", str(hand_in), "-o", str(tmp_path / "r.html")])
    captured = capsys.readouterr()
    assert "\\x1b" in captured.out + captured.err
    assert not CONTROL.search(captured.out + captured.err)


def test_test_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    command = (f"{sys.executable} -m game test scenes --runs 3000 --jobs 1 | head -c 10")
    done = subprocess.run(command, shell=True, cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert "CN614" not in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_play_with_stdin_closed_and_an_ascii_terminal(tmp_path: Path) -> None:
    env = {"COVER_NAMES_HOME": str(tmp_path), "PYTHONIOENCODING": "ascii", "PATH": "/usr/bin"}
    done = subprocess.run(f"{sys.executable} -m game play --terminal --scenes {DEMO_SCENES} "
                          "demo_call <&-", shell=True, cwd=REPO, capture_output=True,
                          timeout=60, env=env)
    assert b"Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0
    assert b"Months have passed" in done.stdout
