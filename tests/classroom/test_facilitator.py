"""A plan driven through facilitator mode headless, and its session log checked line by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.facilitator_view import build_view
from game.classroom.plans import Plan, load_plan
from game.classroom.session_log import LOG_FORMAT, SessionLog, iter_decisions, read_log
from game.engine import Story
from game.terminal.facilitator import execute, render
from tests.classroom.conftest import FakeClock, write_plan

PLAN = """\
title: Demo lesson
reveal: {reveal}
scenes:
  - scene: classroom_demo
    minutes: 10
    prompts:
      asking: Who in this room would have waited?
  - scene: classroom_demo
    minutes: 5
"""


def start(tmp_path: Path, story: Story, clock: FakeClock, reveal: str = "after_each_vote"
          ) -> FacilitatorSession:
    plan, diagnostics = load_plan(write_plan(tmp_path, PLAN.format(reveal=reveal)), story)
    assert plan is not None, diagnostics
    log = SessionLog(tmp_path / "session.jsonl", FacilitatorSession.log_header(plan, story))
    return FacilitatorSession(plan, story, log, clock=clock)


def events(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_whole_session_votes_undo_reveal_override_pause_back(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    # The plan opens with its parts and their minutes; Space begins the first scene.
    assert session.phase is Phase.INTRODUCTION
    assert [(part.label, part.minutes, part.state) for part in build_view(session).parts] == [
        ("Introduction", 0, "now"), ("The Classroom Demo", 10, "later"),
        ("The Classroom Demo", 5, "later"), ("Debrief", 0, "later")]
    assert session.advance()
    # The opening passage has no decision: Space continues.
    assert session.phase is Phase.READING
    assert not session.add_vote(1)  # no votes outside a decision
    assert session.advance()
    assert session.phase is Phase.VOTING
    # The plan's own prompt during the vote; the scene's discussion waits for the record.
    assert session.prompts == ("Who in this room would have waited?",)
    assert "who decided things" not in render(build_view(session))
    # Votes from a show of hands; the locked option takes none.
    for _ in range(3):
        session.add_vote(1)
    session.add_vote(2)
    session.add_vote(2)
    assert not session.add_vote(3)
    assert session.message == "Option 3 is locked: Only after you have waited. It takes no votes."
    session.remove_vote(1)
    assert session.tally == {"ask_higher": 2, "wait": 2, "shout": 0}
    session.undo_vote()  # takes back the removal
    assert session.tally == {"ask_higher": 3, "wait": 2, "shout": 0}
    clock.tick(40)
    # Pause for 100 seconds: the decision timer leaves it out.
    session.toggle_pause()
    assert not session.add_vote(1) and "Paused" in session.message
    clock.tick(100)
    session.toggle_pause()
    clock.tick(5)
    assert session.decision_seconds == pytest.approx(45)
    # Space: the class's pick (most votes) drives the story, and the record shows.
    assert session.advance()
    assert session.phase is Phase.REVEALED
    view = build_view(session)
    assert view.revealed is not None
    assert view.revealed.verdict == "historical" and view.revealed.by == "class"
    assert view.revealed.discuss == "What does his answer tell you about who decided things?"
    assert view.revealed.tally == (("Ask to see someone who can.", 3),
                                   ("Wait, and hope the visas come.", 2),
                                   ("Shout until someone listens.", 0))
    assert session.player.node.id == "meeting"
    # Back: the choice is undone and the class sees the votes it gave.
    assert session.back()
    assert session.phase is Phase.VOTING and session.player.node.id == "asking"
    assert session.tally == {"ask_higher": 3, "wait": 2, "shout": 0}
    # This time the facilitator overrides the vote.
    assert session.override(2)
    assert session.phase is Phase.REVEALED
    assert build_view(session).revealed.by == "facilitator"  # type: ignore[union-attr]
    session.advance()  # on to "waiting", a single option with a record
    assert session.phase is Phase.READING and session.player.node.id == "waiting"
    session.advance()  # its record is revealed too
    assert session.phase is Phase.REVEALED
    session.advance()
    assert session.player.node.id == "asking" and session.phase is Phase.VOTING
    # Option 3 is open now that they have waited; a tie needs the facilitator.
    assert session.add_vote(3)
    session.add_vote(1)
    assert not session.advance()
    assert "tie between 1 and 3" in session.message.lower()
    assert set(session.tied) == {"ask_higher", "shout"}
    session.override("ask_higher")
    session.advance()
    assert session.player.node.id == "meeting"
    session.add_vote(1)
    session.advance()
    session.advance()
    assert session.phase is Phase.SCENE_ENDED
    assert build_view(session).ending_kind == "historical"
    # Next scene in the plan, then skip ahead to its first decision.
    assert session.advance()
    assert session.scene_index == 1 and session.phase is Phase.READING
    assert session.skip_to_decision()
    assert session.phase is Phase.VOTING and session.player.node.id == "asking"
    assert not session.skip_to_decision()  # a decision cannot be skipped without a choice
    assert session.back()  # no decision yet in this scene: back to its start
    assert session.player.node.id == "opening"
    session.end()

    log = events(tmp_path / "session.jsonl")
    header = log[0]
    assert header["event"] == "session_started" and header["format"] == LOG_FORMAT
    assert header["version"] == 1 and header["plan"]["title"] == "Demo lesson"
    assert header["scenes"][0]["id"] == "classroom_demo"
    assert header["scenes"][0]["content_hash"] == demo_story.scenes["classroom_demo"].content_hash
    assert [e["seq"] for e in log] == list(range(1, len(log) + 1))
    kinds = [e["event"] for e in log]
    assert kinds[-1] == "session_ended"
    for expected in ("vote_added", "vote_removed", "vote_undone", "paused", "resumed",
                     "decided", "revealed", "went_back", "tie", "scene_ended", "skipped"):
        assert expected in kinds, expected
    first_decision = next(e for e in log if e["event"] == "decided")
    assert first_decision["tally"] == {"ask_higher": 3, "wait": 2, "shout": 0}
    assert first_decision["by"] == "class" and first_decision["seconds"] == 45.0
    assert first_decision["verdict"] == "historical"
    back = next(e for e in log if e["event"] == "went_back")
    assert back["decisions_undone"] == 1 and back["to_node"] == "asking"
    # The decisions that still stand, as the debrief counts them.
    read, problem = read_log(tmp_path / "session.jsonl")
    assert read is not None, problem
    assert read.ended and not read.truncated
    standing = [(e["node"], e["choice"], e["by"]) for e in iter_decisions(read)]
    assert standing == [("asking", "wait", "facilitator"), ("asking", "ask_higher", "facilitator"),
                        ("meeting", "leave_service", "class")]


def test_reveal_at_end_shows_every_record_when_the_scene_ends(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock, reveal="at_end")
    session.advance()  # past the plan's opening
    session.advance()
    session.add_vote(1)
    session.advance()
    # The choice is confirmed on screen, its record kept back for the end.
    assert session.phase is Phase.CHOSEN
    chosen = build_view(session).chosen
    assert chosen is not None and chosen.by == "class"
    assert "CHOSEN: Ask to see someone who can. (the class's pick)" in render(build_view(session))
    assert "RECORD" not in render(build_view(session))
    session.advance()
    assert session.phase is Phase.VOTING and session.player.node.id == "meeting"  # no reveal yet
    session.add_vote(2)
    session.advance()
    assert session.phase is Phase.SCENE_ENDED
    view = build_view(session)
    assert [r.verdict for r in view.records] == ["historical", "diverged"]
    assert view.ending_kind == "counterfactual"
    text = render(view)
    assert "THE RECORD OF EACH CHOICE" in text and "DIVERGED" in text
    session.end()
    revealed = [e for e in events(tmp_path / "session.jsonl") if e["event"] == "revealed"]
    assert len(revealed) == 2 and all(e["at_end"] for e in revealed)


def test_the_terminal_commands_drive_the_same_session(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    for command in ["", "", "1 4", "2", "-2", "u", "2"]:
        assert execute(session, command)
    assert session.tally == {"ask_higher": 4, "wait": 2, "shout": 0}
    text = render(build_view(session))
    assert "VOTES (6)" in text and "*1. Ask to see someone who can." in text
    assert "[locked: Only after you have waited.]" in text
    assert "DISCUSS: Who in this room would have waited?" in text
    execute(session, "p")
    assert "PAUSED" in render(build_view(session))
    execute(session, "p")
    execute(session, "o 2")
    assert "RECORD: DIVERGED" in render(build_view(session))
    execute(session, "b")
    assert session.phase is Phase.VOTING
    execute(session, "nonsense")
    assert "commands:" in session.message
    assert not execute(session, "q")
    session.end()


def test_the_built_in_plan_runs_every_scene_to_the_end(
    tmp_path: Path, shipped_story: Story, clock: FakeClock
) -> None:
    plan = Plan.of_story(shipped_story)
    log = SessionLog(tmp_path / "all.jsonl", FacilitatorSession.log_header(plan, shipped_story))
    session = FacilitatorSession(plan, shipped_story, log, clock=clock)
    for _ in range(2000):
        if session.phase is Phase.FINISHED:
            break
        if session.phase is Phase.VOTING:
            session.add_vote(1)
            if not session.advance():  # option 1 locked: decide for the class
                session.override(next(o.id for o in session.player.options if o.available))
        else:
            session.advance()
    assert session.phase is Phase.FINISHED
    session.end()
    kinds = [e["event"] for e in events(tmp_path / "all.jsonl")]
    assert kinds.count("scene_started") == len(shipped_story.scenes)
    assert kinds[-2:] == ["plan_finished", "session_ended"]


def test_a_session_log_never_overwrites_another(tmp_path: Path) -> None:
    first = SessionLog.new_path(tmp_path, stamp="2026-11-22T0900Z")
    first.write_text("x")
    second = SessionLog.new_path(tmp_path, stamp="2026-11-22T0900Z")
    assert second != first and second.name == "session-2026-11-22T0900Z-2.jsonl"
    log = SessionLog(first, {})  # given a taken name anyway: it says so, and writes nothing
    assert "could not be written (file exists)" in log.problem
    assert first.read_text() == "x"


def test_the_terminal_lists_its_own_commands_and_takes_a_count_in_one_step(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    opening = render(build_view(session))
    assert "THE LESSON:" in opening and "> Introduction" in opening
    assert "Enter begin the first scene" in opening
    execute(session, "")
    execute(session, "")
    text = render(build_view(session))
    assert "N K option N has K votes" in text and "o N override" in text
    # Not the window's keys: a terminal has no Shift, no Esc, no F11.
    assert "Shift" not in text and "Esc" not in text and "F11" not in text
    execute(session, "1 17")
    execute(session, "1 12")  # a recount replaces the count, it does not add to it
    assert session.tally["ask_higher"] == 12
    execute(session, "u")  # one undo takes back one typed count
    assert session.tally["ask_higher"] == 17
    execute(session, "s")
    execute(session, "s")
    closing = render(build_view(session))
    assert "The plan is finished: the debrief." in closing and closing.rstrip().endswith("q close")
    session.end()


@pytest.mark.parametrize("typed", ["1 ²", "²", "o ²", "-²", "1 x", "1 12345678"])
def test_a_number_the_terminal_cannot_read_is_explained_and_counts_nothing(
    tmp_path: Path, demo_story: Story, clock: FakeClock, typed: str
) -> None:
    session = start(tmp_path, demo_story, clock)
    execute(session, "")
    execute(session, "")
    assert execute(session, typed)  # '²' passes isdigit() but not int(): never a traceback
    assert session.tally == {"ask_higher": 0, "wait": 0, "shout": 0}
    assert session.message and session.phase is Phase.VOTING
    session.end()


def test_a_count_past_what_a_class_has_is_refused_with_a_reason(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    execute(session, "")
    execute(session, "")
    execute(session, "1 12")
    execute(session, "1 99999")  # a slip: not silently cut to 999
    assert session.tally["ask_higher"] == 12
    assert "99999" in session.message and "at most 999" in session.message
    assert "99999 is more hands" in render(build_view(session))
    session.end()


def test_undo_takes_back_the_last_change_not_a_recount_that_changed_nothing(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    execute(session, "")
    execute(session, "")
    execute(session, "1 17")
    execute(session, "2 3")
    execute(session, "1 17")  # the same count typed again: nothing changed
    execute(session, "u")
    assert session.tally["ask_higher"] == 17 and session.tally["wait"] == 0
    execute(session, "u")
    assert session.tally["ask_higher"] == 0
    session.end()


def test_space_with_no_votes_says_no_votes_yet_not_a_tie(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    session.advance()
    session.advance()
    assert not session.advance()
    assert session.message.startswith("No votes yet") and "tie" not in session.message
    assert "tie" not in [e["event"] for e in events(tmp_path / "session.jsonl")]
    session.set_votes(2, 3)
    assert session.advance()  # the class's pick, from the typed count
    assert session.player.node.id == "waiting"
    session.end()


def test_a_part_that_runs_long_is_shown_as_over(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    session.advance()
    clock.tick(9 * 60)
    view = build_view(session)
    assert view.planned_minutes == 10 and view.over_seconds == 0
    assert "9:00 of 10 min" in render(view) and "over by" not in render(view)
    clock.tick(70)
    session.toggle_pause()
    clock.tick(600)  # a pause does not count against the plan
    assert "10:10 of 10 min · over by 0:10" in render(build_view(session))
    session.end()


def test_after_a_pause_the_part_timer_goes_on_from_where_it_stopped(
    tmp_path: Path, demo_story: Story, clock: FakeClock
) -> None:
    session = start(tmp_path, demo_story, clock)
    session.advance()
    session.advance()  # a decision: its own timer too
    clock.tick(60)
    session.toggle_pause()
    clock.tick(600)  # a fire drill
    session.toggle_pause()
    clock.tick(5)
    view = build_view(session)
    assert "1:05 of 10 min" in render(view) and view.over_seconds == 0
    assert round(view.decision_seconds) == 65
    session.end()
