"""Where commands write, and odd paths they are given: nothing named as input is overwritten,
no cell becomes a formula, no symlink loop or named pipe stops a command."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.classroom.debrief import gather
from game.classroom.records import build_record
from game.classroom.report import render_csv
from game.cli import main
from game.engine import Story
from tests.hostile.conftest import DEMO_SCENES, REPO


@pytest.fixture
def record(demo_story: Story, tmp_path: Path) -> Path:
    player = demo_story.new_player("demo_call")
    player.choose("steel_yourself")
    path = tmp_path / "r.json"
    path.write_text(json.dumps(build_record(player, ";=HYPERLINK(\"x\")")), encoding="utf-8")
    return path


def test_debrief_never_writes_its_report_over_a_record_it_reads(
    record: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = record.read_bytes()
    assert main(["debrief", str(record), "-o", str(record), "--scenes", str(DEMO_SCENES)]) == 2
    assert record.read_bytes() == before
    assert "is one of the files to read" in capsys.readouterr().err
    folder_copy = record.parent / "out.json"
    assert main(["debrief", str(record.parent), "--csv", str(record), "-o",
                 str(folder_copy.with_suffix(".html")), "--scenes", str(DEMO_SCENES)]) == 2
    assert record.read_bytes() == before


def test_debrief_never_writes_the_csv_over_its_report(
    record: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = record.parent / "x.html"
    assert main(["debrief", str(record), "-o", str(report), "--csv", str(report),
                 "--scenes", str(DEMO_SCENES)]) == 2
    assert not report.exists()
    assert "--csv another name" in capsys.readouterr().err


def test_a_cell_starting_with_a_separator_and_a_formula_is_quoted(
    record: Path, demo_story: Story
) -> None:
    text = render_csv(gather([record], demo_story))
    assert '";\'=HYPERLINK(""x"")"' in text  # quoted, and no formula after the ';'
    for line in text.splitlines():  # split as the crudest spreadsheet would
        for separator in (",", ";"):
            for cell in line.split(separator):
                assert not cell.strip().lstrip('"').startswith(("=", "+", "@")), line
    assert next(csv.reader(io.StringIO(text)))[0] == "section"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
@pytest.mark.parametrize("command", ["lint", "test", "graph"])
def test_a_symlink_loop_is_a_located_cannot_read(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.yaml"
    os.symlink(loop, loop)
    assert main([command, str(loop)]) == 1
    captured = capsys.readouterr()
    assert "CN614" not in captured.out + captured.err
    assert f"{loop}: error CN100: cannot read the file: too many levels of symbolic links" \
        in captured.out + captured.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_graph_path_on_a_named_pipe_does_not_wait(tmp_path: Path) -> None:
    pipe = tmp_path / "path.json"
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "game", "graph",
                           str(DEMO_SCENES / "demo_call.yaml"), "--path", str(pipe)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert "not a regular file" in done.stderr and done.returncode == 1


def test_a_refused_huge_scene_is_never_read_into_memory(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:  # sparse: 2 GB that takes no disk
        stream.truncate(2 * 1024**3)
    # VmHWM, the peak of this process's own memory: ru_maxrss carries over the peak of
    # the parent it was forked from (a grown pytest) on Linux, and would measure that.
    code = ("import sys; from game.cli import main; code = main(['lint', sys.argv[1]]);"
            "print(next(line.split()[1] for line in open('/proc/self/status')"
            " if line.startswith('VmHWM:')))")
    done = subprocess.run([sys.executable, "-c", code, str(huge)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert "CN102" in done.stdout
    assert int(done.stdout.strip().splitlines()[-1]) < 400_000  # kilobytes: not 2 GB
