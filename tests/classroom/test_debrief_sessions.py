"""The debrief of a lesson taught on the projector: session logs counted once, votes as figures.

Also what every report now says at each decision (what happened, quoted),
that its verdict colours are the game's, and that the CSV opens right in a
spreadsheet.
"""

from __future__ import annotations

import csv
import os
import shutil
import stat
from pathlib import Path

import pytest

from game.classroom.debrief import gather
from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.plans import Plan
from game.classroom.report import VERDICTS, render_csv, render_html, safe_cell
from game.classroom.sample import write_class
from game.classroom.session_log import SessionLog
from game.cli import main
from game.desktop.theme import PAPER
from game.engine import Story
from game.model import Verdict
from tests.classroom.conftest import FakeClock


def projected_lesson(story: Story, path: Path, day: str = "2026-11-20") -> Path:
    """The demo scene on the projector: a class pick that left the record, a tie the
    facilitator decided, a disputed ending; every count typed in."""
    plan = Plan.of_story(story, "Period 3 on the projector")
    log = SessionLog(path, FacilitatorSession.log_header(plan, story),
                     wall_clock=lambda: f"{day}T09:05:00+00:00")
    session = FacilitatorSession(plan, story, log, clock=FakeClock())
    session.advance()  # the plan's opening
    session.advance()  # the first passage
    session.set_votes("wait", 14)
    session.set_votes("ask_higher", 6)
    assert session.advance()  # the class's pick: wait (diverged)
    session.advance()
    session.advance()  # "Go back to Peter", the only way on
    session.advance()
    session.set_votes("wait", 5)
    session.set_votes("ask_higher", 5)
    assert not session.advance()  # a tie
    session.override("ask_higher")  # the facilitator decides
    session.advance()
    session.set_votes("leave_service", 9)
    session.advance()
    session.advance()
    assert session.phase is Phase.SCENE_ENDED
    session.advance()
    session.end()
    return path


@pytest.fixture
def lesson(tmp_path: Path, demo_story: Story) -> Path:
    folder = tmp_path / "hand-ins"
    folder.mkdir()
    projected_lesson(demo_story, folder / "session-period3.jsonl")
    return folder


# -- counted once ---------------------------------------------------------------------------------


def test_a_session_log_handed_in_twice_is_counted_once_and_the_copies_listed(
    lesson: Path, demo_story: Story
) -> None:
    original = lesson / "session-period3.jsonl"
    shutil.copy(original, lesson / "copy of session.jsonl")
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    (lesson / "taken mid-lesson.jsonl").write_text("".join(lines[:12]), encoding="utf-8")

    debrief = gather([lesson], demo_story)

    assert len(debrief.sessions) == 1
    assert debrief.sessions[0].decisions == 3 and debrief.sessions[0].ended
    asking = next(d for d in debrief.decisions if d.node_id == "asking")
    assert {o.choice_id: o.votes for o in asking.options} == {
        "ask_higher": 11, "wait": 19, "shout": 0}  # not doubled
    duplicates = {item.file: item.reason for item in debrief.duplicates}
    assert set(duplicates) == {"copy of session.jsonl", "taken mid-lesson.jsonl"}
    assert all("is the same session log as" in reason and "(counted once)" in reason
               for reason in duplicates.values())
    assert "taken mid-lesson.jsonl" not in debrief.sessions[0].file  # the fuller one is kept
    page = render_html(debrief)
    assert page.count("Period 3 on the projector</b>") == 1  # listed once
    assert "copy of session.jsonl" in page and "the same session log as" in page


def test_two_sessions_on_the_same_plan_are_both_counted(
    tmp_path: Path, demo_story: Story
) -> None:
    projected_lesson(demo_story, tmp_path / "monday.jsonl", "2026-11-16")
    projected_lesson(demo_story, tmp_path / "tuesday.jsonl", "2026-11-17")
    debrief = gather([tmp_path], demo_story)
    assert len(debrief.sessions) == 2 and not debrief.duplicates
    asking = next(d for d in debrief.decisions if d.node_id == "asking")
    assert asking.class_votes == 60  # two classes, each 30 hands


def test_a_file_named_twice_is_read_once_and_not_called_a_copy_of_itself(
    tmp_path: Path, shipped_story: Story, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "class"
    (record,) = write_class(shipped_story, folder, count=1)
    projected_lesson_log = folder / "session.jsonl"
    shutil.copy(record, tmp_path / "elsewhere.json")  # a real copy elsewhere still is one
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "report.html"
    assert main(["debrief", "class", str(record), f"class/{record.name}", str(folder),
                 "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "same playthrough as itself" not in printed.err
    assert "0 duplicates" in printed.out and "1 records" in printed.out
    assert not projected_lesson_log.exists()
    assert main(["debrief", "class", "elsewhere.json", "-o", str(out)]) == 0
    assert "1 duplicates counted once" in capsys.readouterr().out


# -- a projector-only lesson ----------------------------------------------------------------------


def test_a_lesson_with_only_a_session_log_leads_with_the_class_votes(
    lesson: Path, demo_story: Story
) -> None:
    debrief = gather([lesson], demo_story)
    assert debrief.by_votes and not debrief.students
    page = render_html(debrief)
    assert "votes cast by the class" in page and "<b>39</b>" in page  # 20 + 10 + 9 hands
    assert "3</b><span>class decisions (1 by the facilitator)" in page
    assert "The class on the projector" in page and "Sessions logged" in page
    assert "0 students" not in page and "student records counted" not in page
    assert "30 votes from the class" in page  # the decision's own figure
    assert "<b>19</b> · 63%" in page  # wait: 19 of 30 votes
    # The facilitator's override is the facilitator's decision, not the class's pick.
    asking = next(d for d in debrief.decisions if d.node_id == "asking")
    picks = {o.choice_id: (o.picks, o.overrides) for o in asking.options}
    assert picks == {"ask_higher": (0, 1), "wait": (1, 0), "shout": (0, 0)}
    assert "the facilitator's decision" in page and "the class's pick" in page
    # Next lesson: where the class's votes left the record.
    assert "For the next lesson" in page
    assert "most of the class left the record (19 of 30 votes went to" in page
    rows = list(csv.DictReader(render_csv(debrief).splitlines()))
    session = next(row for row in rows if row["section"] == "session")
    assert (session["class_votes"], session["facilitator_picks"]) == ("39", "1")
    ask = next(row for row in rows if row["choice_id"] == "ask_higher")
    assert (ask["class_picks"], ask["facilitator_picks"]) == ("0", "1")


def test_with_students_too_the_session_panel_and_student_figures_stay(
    lesson: Path, demo_story: Story
) -> None:
    player = demo_story.new_player("classroom_demo")
    for option in ("continue", "ask_higher", "leave_service"):
        player.choose(option)
    from game.classroom.records import write_record

    write_record(player, lesson, "Ada")
    page = render_html(gather([lesson], demo_story))
    assert "1</b><span>student record counted" in page
    assert "1 student reached it" in page and "class vote <b>19</b>" in page
    assert "Sessions logged" in page and "The class on the projector" not in page


def test_each_student_and_each_session_counts_the_decisions_that_followed_the_record(
    lesson: Path, demo_story: Story
) -> None:
    from game.classroom.records import write_record

    player = demo_story.new_player("classroom_demo")
    # wait (diverged); going back to Peter is no decision; ask_higher (historical);
    # leave_service (disputed): one of three followed the record.
    for option in ("continue", "wait", "give_up_waiting", "ask_higher", "leave_service"):
        player.choose(option)
    write_record(player, lesson, "Ada")
    player.close()
    debrief = gather([lesson], demo_story)
    (student,) = debrief.students
    assert (student.decisions, student.historical) == (3, 1)
    # The session: the class's wait, the facilitator's ask_higher, the class's leave_service.
    (session,) = debrief.sessions
    assert (session.decisions, session.historical) == (3, 1)
    rows = list(csv.DictReader(render_csv(debrief).splitlines()))
    figures = {row["section"]: (row["decisions"], row["historical_decisions"]) for row in rows
               if row["section"] in ("student", "session")}
    assert figures == {"student": ("3", "1"), "session": ("3", "1")}


# -- what the report says at each decision ---------------------------------------------


def test_every_decision_card_says_what_happened_with_its_source(
    lesson: Path, demo_story: Story
) -> None:
    page = render_html(gather([lesson], demo_story))
    assert ("<b>What these sources say happened:</b> A few days later Zarubin arranged a "
            "meeting with a more senior man.") in page
    assert "“A few days later he arranged a meeting with Nikolai Yezhov" in page
    # Credited to its voice, the article's own narration here, never "— Boris Bazarov".
    assert "— the article “Boris Bazarov”, its own narration" in page
    # Where the record has no historical option, the dispute is given, both sides quoted.
    assert "<b>These sources disagree:</b> Massing said she left in 1938" in page
    assert "<b>Massing:</b> “" in page and "<b>The article:</b> “" in page


def test_the_report_uses_the_games_verdict_colours() -> None:
    for verdict in Verdict:
        red, green, blue = PAPER.verdicts[verdict]
        assert VERDICTS[verdict.value]["colour"] == f"#{red:02x}{green:02x}{blue:02x}"
    assert VERDICTS["diverged"]["colour"] != VERDICTS["disputed"]["colour"]


def test_the_chips_in_the_report_carry_those_colours(lesson: Path, demo_story: Story) -> None:
    page = render_html(gather([lesson], demo_story))
    for verdict in ("historical", "diverged", "disputed"):
        assert f"--c: {VERDICTS[verdict]['colour']}" in page


# -- the CSV and the files -------------------------------------------------------------


def test_the_csv_goes_beside_the_report_opens_in_excel_and_runs_no_formula(
    tmp_path: Path, shipped_story: Story
) -> None:
    folder = tmp_path / "class"
    (record,) = write_class(shipped_story, folder, count=1)
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('"student_name": "Amara"',
                                   '"student_name": "=HYPERLINK(\\"http://x\\")"'),
                      encoding="utf-8")
    (folder / "@sum.json").write_text("not json", encoding="utf-8")
    out = tmp_path / "out" / "report.html"
    old = os.umask(0o022)
    try:
        assert main(["debrief", str(folder), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    table = out.with_suffix(".csv")
    assert table.exists(), "the CSV is written beside the HTML without --csv"
    data = table.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    student = next(row for row in rows if row["section"] == "student")
    assert student["student"] == "'=HYPERLINK(\"http://x\")"
    skipped = next(row for row in rows if row["section"] == "skipped")
    assert skipped["file"] == "'@sum.json"
    for written in (out, table):
        mode = stat.S_IMODE(written.stat().st_mode)
        assert mode & stat.S_IRGRP and mode & stat.S_IROTH, (written, oct(mode))


@pytest.mark.parametrize("cell", ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cells_that_would_be_formulas_are_made_text(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell


def test_plain_cells_and_numbers_are_left_alone() -> None:
    assert safe_cell("Zoë") == "Zoë" and safe_cell(-3) == -3 and safe_cell("a-b") == "a-b"


def test_a_session_log_saved_again_with_a_bom_still_counts(
    lesson: Path, demo_story: Story
) -> None:
    log = lesson / "session-period3.jsonl"
    log.write_bytes(b"\xef\xbb\xbf" + log.read_bytes())
    debrief = gather([lesson], demo_story)
    assert not debrief.skipped and len(debrief.sessions) == 1
    assert debrief.sessions[0].decisions == 3
