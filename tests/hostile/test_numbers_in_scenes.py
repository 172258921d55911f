"""Whole numbers too large for a save: refused where they are written (CN112, file:line:col).

A 4,000-digit hex variable once passed `lint --strict` and `test`, then
crashed the player at its first autosave; a long decimal number gave a
traceback in `play` and `facilitate` and a CN614 with no place in `lint`,
whose folder run then said "0 files checked", hiding every other file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine import load_story
from tests.hostile.conftest import DEMO_SCENES, REPO

HEX = "0x" + "f" * 4000
DECIMAL = "9" * 5000


def scene_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "scenes"
    folder.mkdir(exist_ok=True)
    text = (DEMO_SCENES / "demo_call.yaml").read_text(encoding="utf-8")
    assert old in text
    path = folder / "demo_call.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), start=1)
                if needle in line)


@pytest.mark.parametrize("number", [HEX, DECIMAL, "-" + DECIMAL, "0o" + "7" * 3000,
                                    "9007199254740993"])
def test_a_variable_too_large_for_a_save_is_a_located_lint_error(
    number: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scene_with(tmp_path, "  resolve: 0", f"  resolve: {number}")
    shutil.copy(REPO / "scenes" / "exit_visa.yaml", path.parent / "exit_visa.yaml")
    assert main(["lint", str(path.parent)]) == 1
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert f"{path}:{line_of(path, 'resolve: ')}:12: error CN112: the number " in out
    assert "2 files checked" in out  # the other file is still checked, not hidden
    assert "CN614" not in out and len(out) < 20_000


def test_the_largest_number_a_save_keeps_is_allowed(tmp_path: Path) -> None:
    path = scene_with(tmp_path, "  resolve: 0", "  resolve: 9007199254740992")
    story = load_story(path.parent, REPO / "seeds")
    assert not [d for d in story.diagnostics if d.is_error]


def test_a_condition_with_a_huge_number_is_located_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DEMO_SCENES / "demo_call.yaml").read_text(encoding="utf-8")
    condition = next(line for line in text.splitlines() if "if:" in line)
    big = "0x" + "f" * 30
    changed = condition.replace("if: ", f"if: resolve > {big} or ", 1) if '"' not in condition \
        else condition.replace('if: "', f'if: "resolve > {big} or ', 1)
    path = scene_with(tmp_path, condition, changed)
    assert main(["lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line_of(path, big)}:" in out and "CN112" in out


@pytest.mark.parametrize("command", [["play", "--terminal"], ["test"], ["graph"]])
def test_no_command_gives_a_traceback_for_a_long_number(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scene_with(tmp_path, "  resolve: 0", f"  resolve: {DECIMAL}")
    args = ([*command, "--scenes", str(path.parent), "demo_call"] if command[0] == "play"
            else [*command, str(path)])
    code = main(args)
    captured = capsys.readouterr()
    assert code != 0 and "Traceback" not in captured.err
    assert "CN112" in captured.out + captured.err


def test_a_plan_with_a_long_number_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    text = (REPO / "plans" / "exit_visa.yaml").read_text(encoding="utf-8")
    plan.write_text(text.replace("minutes: 25", f"minutes: {DECIMAL}", 1), encoding="utf-8")
    assert main(["lint", str(plan)]) == 1
    out = capsys.readouterr().out
    assert f"{plan}:{line_of(plan, 'minutes: 999')}:" in out and "CN112" in out
    assert json.dumps  # the plan module reads numbers through the same YAML tree
