"""A session log line or a record nested 200 KB deep, or holding a 5,000-digit number.

Each once aborted the whole class debrief with a traceback. Now the line or
the file is skipped and listed, and everything else is counted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.classroom.debrief import gather
from game.classroom.facilitator import FacilitatorSession
from game.classroom.plans import Plan
from game.classroom.records import build_record, read_record
from game.classroom.session_log import SessionLog, read_log
from game.cli import main
from game.engine import Story, load_story
from tests.hostile.conftest import CLASSROOM_SCENES, DEEP, HUGE_INT, REPO


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story(CLASSROOM_SCENES, REPO / "seeds")


def a_lesson(story: Story, path: Path) -> Path:
    """A projected lesson with one decision: the class picks `wait` by 12 hands."""
    plan = Plan.of_story(story, "Period 3")
    log = SessionLog(path, FacilitatorSession.log_header(plan, story))
    session = FacilitatorSession(plan, story, log)
    session.advance()
    session.advance()
    session.set_votes("wait", 12)
    session.advance()
    log.close()
    return path


def a_record(story: Story, folder: Path, name: str) -> dict[str, object]:
    player = story.new_player("classroom_demo")
    player.choose(player.options[0].id)
    record = build_record(player, name)
    (folder / f"{name}.json").write_text(json.dumps(record))
    return record


@pytest.mark.parametrize("bad", [DEEP, '{"event": "decided", "n": ' + HUGE_INT + "}", "{oops",
                                 '{"event": "x", "t": NaN}', "[]"])
def test_a_bad_line_in_a_log_is_skipped_and_listed_and_the_rest_counts(
    bad: str, story: Story, tmp_path: Path
) -> None:
    path = a_lesson(story, tmp_path / "lesson.jsonl")
    lines = path.read_text().splitlines()
    lines.insert(2, bad)
    path.write_text("\n".join(lines) + "\n")
    log, problem = read_log(path)
    assert log is not None, problem
    assert [number for number, _why in log.bad_lines] == [3]
    debrief = gather([path], story)
    assert [session.decisions for session in debrief.sessions] == [1]
    assert [(item.file, item.reason[:18]) for item in debrief.skipped] == \
        [(f"{path}:3", "line 3 was skipped")]


@pytest.mark.parametrize("value", [DEEP, HUGE_INT, "NaN", "-1e999"])
def test_a_record_holding_a_hostile_value_is_skipped_and_the_class_counted(
    value: str, story: Story, tmp_path: Path
) -> None:
    for name in ("ada", "ben"):
        a_record(story, tmp_path, name)
    text = (tmp_path / "ben.json").read_text()
    (tmp_path / "ben.json").write_text(text.replace('"ben"', value, 1))
    record, problem = read_record(tmp_path / "ben.json")
    assert record is None and problem.startswith("is damaged")
    out = tmp_path / "report.html"
    assert main(["debrief", str(tmp_path), "-o", str(out), "--scenes",
                 str(CLASSROOM_SCENES)]) == 0
    report = out.read_text()
    assert "<code>ben.json</code> is damaged" in report and "<td>ada</td>" in report


def test_two_classes_starting_the_same_plan_in_the_same_second_are_both_counted(
    story: Story, tmp_path: Path
) -> None:
    first = a_lesson(story, tmp_path / "room-12.jsonl")
    second = a_lesson(story, tmp_path / "room-14.jsonl")
    for path in (first, second):  # the same start, to the second, as two laptops would write
        lines = [json.loads(line) for line in path.read_text().splitlines()]
        for line in lines:
            line["at"] = line["started_at"] = "2026-12-03T09:05:00+00:00"
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    debrief = gather([first, second], story)
    assert len(debrief.sessions) == 2 and debrief.duplicates == []
    assert sum(option.votes for decision in debrief.decisions for option in decision.options) \
        == 24
