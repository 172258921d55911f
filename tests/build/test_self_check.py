"""`--self-check` from source: it passes on the shipped game and fails loudly on a broken one.

These run the same checks the frozen bundle runs in CI, without building it,
so they stay fast. Each failure test damages a copy of the shipped data
(COVER_NAMES_ROOT points the game at it) and expects a non-zero exit and a
FAIL line that names what broke.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game import self_check
from game.engine import load_story
from game.historical_path import HistoricalPathError, historical_path
from game.self_check_results import Result, ok

REPO = Path(__file__).resolve().parents[2]

HISTORICAL_HEAD = """\
id: path_test
title: A path test
place: Moscow
date: 1938
role: Hede Massing
summary: Two ways on; the record backs one.
start: first
vars: {tries: 0}
nodes:
"""


def _scene(nodes: str) -> str:
    return HISTORICAL_HEAD + nodes


def _run(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = self_check.run()
    return code, capsys.readouterr().out.splitlines()


def _failures(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("FAIL")]


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data folders, which the game is pointed at."""
    root = tmp_path / "root"
    for folder in self_check.DATA_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
        else:
            (root / folder).mkdir(parents=True)
    monkeypatch.setenv("COVER_NAMES_ROOT", str(root))
    return root


@pytest.fixture(scope="module")
def shipped_lines() -> list[str]:
    """The self-check's lines on the shipped game, run once for the tests that read them."""
    lines: list[str] = []
    self_check.run_checks(lines.append)
    return lines


def test_the_shipped_game_passes_its_self_check(shipped_lines: list[str]) -> None:
    assert _failures(shipped_lines) == []
    assert shipped_lines


def test_every_shipped_scene_is_played_linted_saved_and_drawn(shipped_lines: list[str]) -> None:
    for scene_file in sorted((REPO / "scenes").glob("*.yaml")):
        scene_id = scene_file.stem
        for check in ("historical path", "save and restore", "lint scene", "graph"):
            assert any(line.startswith(f"ok   {check} {scene_id}") for line in shipped_lines), (
                check,
                scene_id,
                shipped_lines,
            )


def test_every_shipped_plan_is_facilitated_and_its_session_log_counted(
    shipped_lines: list[str],
) -> None:
    for plan_file in sorted((REPO / "plans").glob("*.yaml")):
        line = next((line for line in shipped_lines
                     if line.startswith(f"ok   facilitate {plan_file.stem}:")), None)
        assert line is not None, (plan_file.name, shipped_lines)
        assert "logged and counted by the debrief" in line


def test_the_facilitator_screens_are_drawn(shipped_lines: list[str]) -> None:
    line = next(line for line in shipped_lines if "facilitator screens" in line)
    assert line.startswith("ok   facilitator screens:"), line
    for screen in ("plan chooser", "plan opening", "voting", "chosen", "scene ended",
                   "plan close", "name entry", "message"):
        assert screen in line, (screen, line)


def test_a_debrief_that_loses_the_class_decisions_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import game.classroom.debrief as debrief

    monkeypatch.setattr(debrief, "iter_decisions", lambda log: iter(()))
    lines: list[str] = []
    self_check.run_checks(lines.append)
    failures = [line for line in _failures(lines) if line.startswith("FAIL facilitate")]
    assert failures and all("the debrief counted 0" in line for line in failures), lines


def test_a_projector_header_that_overlaps_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import game.desktop.projector.facilitator_screen as projector
    from game.desktop.projector.header import HeaderRow

    def one_crowded_row(title: str, place: str, timer: str, *rest: object) -> list[HeaderRow]:
        # Wide enough to run into the timer on every page (it once relied on a "chosen"
        # page naming the next passage's longer date, which the projector no longer does).
        return [HeaderRow(title + " " + place + " " * 70, timer, "header", "timer")]

    monkeypatch.setattr(projector, "header_rows", one_crowded_row)
    lines: list[str] = []
    self_check.run_checks(lines.append)
    (line,) = [line for line in lines if "facilitator screens" in line]
    assert line.startswith("FAIL facilitator screens") and "the header overlaps" in line, line


def test_the_command_says_passed_and_exits_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(self_check, "run_checks", lambda: [ok("stub")])
    code, lines = _run(capsys)
    assert code == 0
    assert lines[-1].startswith("self-check passed: 1 checks")


def test_a_damaged_scene_fails_the_self_check_and_is_named(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = sorted((shipped_copy / "scenes").glob("*.yaml"))[0]
    text = victim.read_text(encoding="utf-8")
    start = next(line for line in text.splitlines() if line.startswith("start:"))
    victim.write_text(text.replace(start, "start: no_such_node", 1), encoding="utf-8")

    code, lines = _run(capsys)

    assert code != 0
    scene_failures = [line for line in _failures(lines) if line.startswith("FAIL scenes load")]
    assert scene_failures and victim.name in scene_failures[0], lines
    assert "self-check FAILED" in lines[-1]
    # The other scenes are still checked: one broken file does not hide the rest.
    assert any(line.startswith("ok   historical path") for line in lines), lines


def test_a_scene_file_that_is_not_yaml_fails_through_the_command_line(
    shipped_copy: Path, tmp_path: Path
) -> None:
    """The real entry point, as the frozen program runs it: exit status and output."""
    victim = sorted((shipped_copy / "scenes").glob("*.yaml"))[0]
    victim.write_text("id: [unclosed\n  title: {{{\n", encoding="utf-8")
    env = dict(os.environ, COVER_NAMES_ROOT=str(shipped_copy), COVER_NAMES_HOME=str(tmp_path))
    finished = subprocess.run(
        [sys.executable, "-m", "game", "--self-check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode != 0, finished.stdout
    failures = _failures(finished.stdout.splitlines())
    assert any(victim.name in line for line in failures), finished.stdout + finished.stderr


def test_an_unproven_quote_in_the_reference_data_fails(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = shipped_copy / "reference" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    quoted = next(line for line in text.splitlines() if "quote:" in line)
    people.write_text(text.replace(quoted, quoted.replace("quote:", "quote: Nobody ever wrote"), 1))

    code, lines = _run(capsys)

    assert code != 0
    assert any(line.startswith("FAIL reference data") for line in lines), lines


def test_a_missing_part_is_a_failure_not_a_skip(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(shipped_copy / "plans")
    (shipped_copy / "plans").mkdir()

    code, lines = _run(capsys)

    assert code != 0
    assert any(line.startswith("FAIL plans lint: no plan files") for line in lines), lines
    assert any(line.startswith("FAIL data plans/: empty") for line in lines), lines


def test_the_self_check_never_writes_to_the_players_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "students-home"
    home.mkdir()
    monkeypatch.setenv("COVER_NAMES_HOME", str(home))

    _run(capsys)

    assert list(home.rglob("*")) == []
    assert os.environ["COVER_NAMES_HOME"] == str(home)


def test_the_self_check_turns_on_the_dummy_drivers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "x11")
    monkeypatch.setenv("SDL_AUDIODRIVER", "pulseaudio")
    self_check.headless()
    assert os.environ["SDL_VIDEODRIVER"] == "dummy"
    assert os.environ["SDL_AUDIODRIVER"] == "dummy"


def test_a_check_that_crashes_is_reported_and_the_rest_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(context: object) -> list[Result]:
        raise ValueError("boom")

    checks = (("broken", broken), *self_check.CHECKS[:2])
    monkeypatch.setattr(self_check, "CHECKS", checks)
    lines: list[str] = []

    results = self_check.run_checks(lines.append)

    assert lines[0].startswith("FAIL broken: ValueError: boom")
    assert any(result.name == "scenes load" and result.ok for result in results)


# -- finding the historical path -------------------------------------------------------------


def _story_from(tmp_path: Path, scene_text: str):  # type: ignore[no-untyped-def]
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "path_test.yaml").write_text(scene_text, encoding="utf-8")
    story = load_story(scenes, REPO / "seeds")
    assert "path_test" in story.scenes, [str(d) for d in story.diagnostics]
    return story


QUOTE = "He said that he did not have the authority to do that."
CITE = f'[{{source: bazarov, quote: "{QUOTE}"}}]'
# A disputed record gives each side, labelled.
TWO_ACCOUNTS = (
    f'[{{source: bazarov, account: "One", quote: "{QUOTE}"}}, '
    f'{{source: bazarov, account: "Other", quote: "{QUOTE}"}}]'
)


def _choice(choice_id: str, goto: str, verdict: str) -> str:
    cite = TWO_ACCOUNTS if verdict == "disputed" else CITE
    return f"""\
      - id: {choice_id}
        text: Take {choice_id}.
        goto: {goto}
        record: {{verdict: {verdict}, note: "A note.", cite: {cite}}}
"""


def _ending(node_id: str, kind: str) -> str:
    return f"""\
  {node_id}:
    text: The end.
    ending: {kind}
    epilogue: {{text: "After.", cite: {CITE}}}
"""


def test_the_path_prefers_historical_then_disputed_and_never_diverged(tmp_path: Path) -> None:
    nodes = (
        """\
  first:
    text: A decision.
    discuss: Why?
    choices:
"""
        + _choice("wrong", "bad_end", "diverged")
        + _choice("argued", "second", "disputed")
        + """\
  second:
    text: Another.
    discuss: Why?
    choices:
"""
        + _choice("invented", "bad_end", "unrecorded")
        + _choice("right", "good_end", "historical")
        + _ending("good_end", "historical")
        + _ending("bad_end", "counterfactual")
    )
    story = _story_from(tmp_path, _scene(nodes))

    path = historical_path(story, "path_test")

    assert path.choices == ("argued", "right")
    assert path.verdicts == ("disputed", "historical")
    assert path.ending == "good_end"


def test_the_path_backs_up_when_a_supported_choice_ends_counterfactually(tmp_path: Path) -> None:
    nodes = (
        """\
  first:
    text: A decision.
    discuss: Why?
    choices:
"""
        + _choice("looks_right", "bad_end", "historical")
        + _choice("quiet", "good_end", "unrecorded")
        + _ending("good_end", "historical")
        + _ending("bad_end", "counterfactual")
    )
    story = _story_from(tmp_path, _scene(nodes))

    assert historical_path(story, "path_test").choices == ("quiet",)


def test_no_historical_ending_is_an_error_naming_where_the_path_stopped(tmp_path: Path) -> None:
    nodes = (
        """\
  first:
    text: A decision.
    discuss: Why?
    choices:
"""
        + _choice("one_way", "bad_end", "diverged")
        + _choice("other_way", "bad_end", "diverged")
        + _ending("bad_end", "counterfactual")
        + _ending("good_end", "historical")
    )
    story = _story_from(tmp_path, _scene(nodes))

    with pytest.raises(HistoricalPathError, match="node 'first'"):
        historical_path(story, "path_test")
