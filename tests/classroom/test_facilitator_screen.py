"""The projector screen in the real (headless) window: keys and clicks reach the session."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

pytest.importorskip("pygame")

from game import paths
from game.classroom.facilitator import Phase
from game.classroom.plans import Plan, Reveal, load_plan
from game.desktop.pilot import Pilot
from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session
from game.engine import Story
from tests.classroom.conftest import REPO


@pytest.fixture
def pilot(demo_story: Story, tmp_path: Path) -> Iterator[tuple[Pilot, FacilitatorScreen]]:
    pilot = Pilot.start(demo_story, size=(1280, 720))
    plan = Plan.of_story(demo_story, "Demo on the projector")
    session = start_session(plan, demo_story, tmp_path / "logs")
    screen = FacilitatorScreen(pilot.app, session)
    pilot.app.push(screen)
    pilot.app.pump()
    try:
        yield pilot, screen
    finally:
        pilot.close()


def test_keys_vote_undo_reveal_override_pause_back(
    pilot: tuple[Pilot, FacilitatorScreen], tmp_path: Path
) -> None:
    p, screen = pilot
    session = screen.session
    assert p.screen == "facilitator"
    assert p.has("Demo on the projector", role="title")  # the plan's opening
    p.press("space")
    assert p.has("The interrogation is over.")
    p.press("space")
    assert session.phase is Phase.VOTING
    # The scene's question for discussion waits for the record (see test_projector_before_after).
    assert not p.has("What does his answer tell you about who decided things?")
    p.press("1", "1", "1", "2", "shift+1")
    assert session.tally["ask_higher"] == 2 and session.tally["wait"] == 1
    p.press("u")
    assert session.tally["ask_higher"] == 3
    assert "3" in p.texts("votes") and "4 votes" in p.text("total")
    p.click("Wait, and hope the visas come.", role="option")  # a click is a vote
    assert session.tally["wait"] == 2
    p.press("p")
    assert p.has("Paused", role="title")
    p.press("1")
    assert session.tally["ask_higher"] == 3  # nothing counts while paused
    p.press("p")
    p.press("space")  # the class's pick, then the record
    assert session.phase is Phase.REVEALED
    assert p.has("The class chose: Ask to see someone who can.")
    assert p.has("Historical", role="verdict")
    p.press("b")  # undo that choice; the votes are back
    assert session.phase is Phase.VOTING and session.tally["ask_higher"] == 3
    p.press("o", "2")  # the facilitator overrides
    assert p.has("The facilitator chose: Wait, and hope the visas come.")
    assert p.has("Diverged", role="verdict")
    p.press("space", "n")  # past the record, then on to the next decision
    assert session.phase is Phase.VOTING and session.player.node.id == "asking"
    p.press("esc")  # Esc asks first; Esc again ends the session and closes its log
    assert p.screen == "facilitator" and p.has("End the session now?", role="message")
    p.press("esc")
    assert p.screen == "title"
    (log,) = (tmp_path / "logs").glob("*.jsonl")
    kinds = [json.loads(line)["event"] for line in log.read_text().splitlines()]
    assert kinds[0] == "session_started" and kinds[-1] == "session_ended"
    assert {"vote_added", "vote_removed", "vote_undone", "paused", "resumed", "decided",
            "revealed", "went_back", "skipped"} <= set(kinds)


def test_the_record_at_the_end_and_a_narrow_window(
    demo_story: Story, tmp_path: Path
) -> None:
    p = Pilot.start(demo_story, size=(800, 600))
    try:
        plan = Plan(title="At the end", scenes=Plan.of_story(demo_story).scenes,
                    where=Plan.of_story(demo_story).where, reveal=Reveal.AT_END)
        screen = FacilitatorScreen(p.app, start_session(plan, demo_story, tmp_path))
        p.app.push(screen)
        p.app.pump()
        p.press("space", "space", "1", "space")
        assert p.has("The class chose: Ask to see someone who can.")  # confirmed, no record yet
        assert not p.labels("verdict")
        p.press("space", "2", "space")
        assert screen.session.phase is Phase.SCENE_ENDED
        assert p.has("The end: counterfactual")
        assert p.has("The record of each choice")
        # The records run past the screen: Space reads on to their end before leaving.
        assert screen.max_scroll() > 0 and p.has("read on, then next scene", role="keys")
        seen = set(p.texts("verdict"))
        while screen.scroll < screen.max_scroll():
            p.press("space")
            assert screen.session.phase is Phase.SCENE_ENDED
            seen |= set(p.texts("verdict"))
        assert seen == {"Historical", "Diverged"}  # both records were on screen
        p.press("space")
        assert p.has("The plan is finished")
        assert p.has("Press R to see the record of each choice again", role="hint")
        p.press("r")  # the closing page shows every record again
        assert p.has("The record of each choice") and p.labels("verdict")
        p.press("r", "b")  # B: back to the scene's end, with its records
        assert screen.session.phase is Phase.SCENE_ENDED
        assert p.has("The end: counterfactual") and p.has("The record of each choice")
        p.press("end", "space")
        assert screen.session.phase is Phase.FINISHED
        assert len(screen.session.all_decisions) == 2  # none counted twice
    finally:
        p.close()


def test_the_title_screen_opens_the_plan_chooser(shipped_story: Story) -> None:
    shipped_plans = [load_plan(path, shipped_story)[0] for path in sorted(
        (REPO / "plans").glob("*.yaml"))]
    p = Pilot.start(shipped_story, size=(1280, 720))
    try:
        p.click("Facilitator mode")
        assert p.screen == "facilitator-plans"
        assert p.has("Every scene, in historical order")
        assert any(p.has(plan.title) for plan in shipped_plans if plan is not None)
        p.press("1")
        assert p.screen == "facilitator"
        chosen = p.app.top.session.plan  # type: ignore[attr-defined]
        p.press("space")
        assert p.has(f"Scene 1 of {len(chosen.scenes)}", role="header")
        p.press("esc", "y")
        assert p.screen == "title"
    finally:
        p.close()


def test_a_command_line_session_ends_on_its_own_page_not_the_student_title(
    demo_story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.desktop.projector.plan_chooser import PlanChooserScreen

    p = Pilot.start(demo_story, size=(1280, 720))
    try:
        # As `cover-names facilitate` opens it: the plan chooser first.
        p.app.push(PlanChooserScreen(p.app, tmp_path / "logs", standalone=True))
        p.app.pump()
        assert p.has("Esc closes the window", role="hint")
        p.click("Every scene, in historical order")
        assert p.screen == "facilitator"
        p.press("space", "esc", "esc")  # end the session (it asks first)
        assert p.screen == "session-ended"
        assert p.has("Session ended", role="title")
        assert any("Esc (or Enter) to close" in t for t in p.texts("message"))
        (log,) = (tmp_path / "logs").glob("*.jsonl")
        # Projected: never the teacher's folder, the log's file name or a command line.
        shown = " ".join(p.texts())
        assert log.name not in shown and str(tmp_path) not in shown
        assert "cover-names" not in shown
        # R writes the class report (and hands it to the browser: here the `true` command).
        monkeypatch.setenv("BROWSER", "true")
        p.press("r")
        (report,) = (paths.user_data_dir() / "reports").glob("class-report-*.html")
        assert "Class report" in report.read_text(encoding="utf-8")
        assert p.has("Class report: 0 records", role="notice") or any(
            "Class report:" in text for text in p.texts())
        p.press("esc")
        assert not p.app.running  # the window closes; the class never sees the title menu
    finally:
        p.close()


def test_the_title_and_the_plan_chooser_have_help_and_a_way_out_by_mouse(
    shipped_story: Story,
) -> None:
    p = Pilot.start(shipped_story, size=(1280, 720))
    try:
        assert {"Help", "Quit"} <= set(p.texts("tool"))
        p.click("Help", role="tool")
        assert p.screen == "help"
        p.press("esc")
        p.click("Facilitator mode")
        assert {"Back", "Help"} <= set(p.texts("tool"))
        p.click("Back", role="tool")
        assert p.screen == "title"
        p.click("Quit", role="tool")
        assert not p.app.running
    finally:
        p.close()
