"""The authoring commands as an author runs them: exit codes and output, through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CLEAN_SCENE, DEMO_SCENES, REPO


def cover_names(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_lint_clean_scenes_exit_0() -> None:
    done = cover_names("lint", DEMO_SCENES, "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors, 0 warnings" in done.stderr


def test_lint_errors_exit_1_with_place_line_and_hint(tmp_path: Path) -> None:
    bad = tmp_path / "lint_demo.yaml"
    bad.write_text(CLEAN_SCENE.replace("goto: meeting", "goto: meetin", 1))
    done = cover_names("lint", bad)
    assert done.returncode == 1
    assert f"{bad}:19:15: error CN301: 'meetin' is not a node of this scene" in done.stdout
    assert "   19 |         goto: meetin\n      |               ^^^^^^" in done.stdout
    assert "hint: did you mean 'meeting'?" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    scene = tmp_path / "lint_demo.yaml"
    scene.write_text(CLEAN_SCENE.replace("  resolve: 0\n", "  resolve: 0\n  trust: 0\n"))
    relaxed = cover_names("lint", scene)
    assert relaxed.returncode == 0 and "warning CN605" in relaxed.stdout
    assert cover_names("lint", scene, "--strict").returncode == 1


def test_lint_of_a_missing_path_is_a_diagnostic() -> None:
    done = cover_names("lint", "no/such/scene.yaml")
    assert done.returncode == 1 and "error CN100" in done.stdout
    assert "Traceback" not in done.stderr


def test_default_lint_covers_the_shipped_scenes() -> None:
    done = cover_names("lint")
    assert done.returncode == 0, done.stdout
    assert "0 errors" in done.stderr


def test_test_command_reports_coverage_and_is_deterministic() -> None:
    first = cover_names("test", DEMO_SCENES, "--runs", "500", "--seed", "4")
    again = cover_names("test", DEMO_SCENES, "--runs", "500", "--seed", "4")
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout == again.stdout
    assert "demo_call: 500 random playthroughs (seed 4)" in first.stdout
    assert "nodes    5/5 (100%)" in first.stdout and "options  6/6 (100%)" in first.stdout


def test_test_command_exhaustive_and_walkthroughs() -> None:
    demo_walkthrough = REPO / "tests" / "walkthroughs" / "demo_call.yaml"
    done = cover_names("test", DEMO_SCENES, demo_walkthrough, "--exhaustive")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "states   9" in done.stdout
    assert "passed (and again with a save and reload)" in done.stdout
    # --walkthroughs adds tests/walkthroughs/, whose other files play the shipped scenes:
    # their own tests (tests/test_walkthroughs.py) judge those, so only the demo's line here.
    every = cover_names("test", DEMO_SCENES, "--runs", "0", "--walkthroughs")
    assert ("walkthrough Demo: the historical path [tests/walkthroughs/demo_call.yaml]: passed"
            in every.stdout), every.stdout + every.stderr


def test_a_failing_walkthrough_fails_the_test_command(tmp_path: Path) -> None:
    file = tmp_path / "bad.walkthrough.yaml"
    file.write_text(f"scene: {DEMO_SCENES / 'demo_call.yaml'}\nsteps:\n"
                    "  - {choose: 1, expect: {node: passports}}\n")
    done = cover_names("test", DEMO_SCENES, file, "--runs", "0")
    assert done.returncode == 1
    assert "FAILED" in done.stdout and "error CN623" in done.stdout


def test_graph_by_id_and_by_path(tmp_path: Path) -> None:
    by_path = cover_names("graph", DEMO_SCENES / "demo_call.yaml", "--format", "dot",
                          "-o", tmp_path / "demo.dot")
    assert by_path.returncode == 0, by_path.stderr
    assert (tmp_path / "demo.dot").read_text().startswith('digraph "demo_call"')
    by_id = cover_names("graph", "exit_visa")
    assert by_id.returncode == 0 and "stateDiagram-v2" in by_id.stdout
    unknown = cover_names("graph", "exit_vias")
    assert unknown.returncode == 1 and "error CN650" in unknown.stderr
    assert "did you mean 'exit_visa'?" in unknown.stderr


def test_schema_prints_json() -> None:
    done = cover_names("schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")
    assert "nodes" in schema["required"]


@pytest.mark.parametrize("command", ["lint", "graph", "test", "schema"])
def test_command_modules_import_nothing_heavy(command: str) -> None:
    code = (f"import sys; import game.cli as c; c.build_parser({command!r}); "
            "print([m for m in ('transitions', 'pygame', 'yaml', 'game.engine', 'game.loading') "
            "if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_plans_are_linted_with_the_classroom_linter(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (REPO / "tests" / "fixtures" / "format1" / "plans" / "exit_visa.yaml").read_text(
        encoding="utf-8")
    (plans / "bad.yaml").write_text(text.replace("scene: exit_visa", "scene: exit_vsa"))
    done = cover_names("lint", plans)
    assert done.returncode == 1
    assert "bad.yaml:14:12: error CN702: 'exit_vsa' is not a scene of this game" in done.stdout


def test_progress_bar_draws_only_on_a_terminal() -> None:
    import io

    from game.authoring.test_command import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped, terminal = io.StringIO(), Terminal()
    ProgressBar(piped)("exit_visa", 5_000, 10_000)
    ProgressBar(terminal)("exit_visa", 5_000, 10_000)
    assert piped.getvalue() == ""
    assert "[###############---------------]   5,000/10,000" in terminal.getvalue()
