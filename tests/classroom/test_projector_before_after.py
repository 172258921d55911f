"""The projector before and after a vote: the question during the vote, the record then the
discussion after it, "What if we had…" (W) for the options the class did not take, and the
ending's own passage, counterfactual or historical, before its epilogue. On the format-2
fixture scene, in the real (headless) window and in the terminal facilitator."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.classroom.facilitator import Phase
from game.classroom.facilitator_view import build_view
from game.classroom.plans import Plan
from game.desktop.pilot import Pilot
from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session
from game.engine import Story, load_story
from game.terminal.facilitator import execute, render
from tests.classroom.conftest import REPO

ASK = "What could Hede do while the papers do not come?"
DISCUSS = "Why might waiting have felt safer than asking?"


@pytest.fixture(scope="module")
def story() -> Story:
    loaded = load_story(REPO / "tests" / "fixtures" / "format2", REPO / "seeds")
    assert not loaded.diagnostics, [str(d) for d in loaded.diagnostics]
    return loaded


@pytest.fixture
def projector(story: Story, tmp_path: Path) -> Iterator[tuple[Pilot, FacilitatorScreen]]:
    pilot = Pilot.start(story, size=(1920, 1080))
    screen = FacilitatorScreen(pilot.app, start_session(Plan.of_story(story, "Demo"), story,
                                                        tmp_path / "logs"))
    pilot.app.push(screen)
    pilot.app.pump()
    pilot.press("space")  # past the plan's opening: the first decision
    assert screen.session.phase is Phase.VOTING
    try:
        yield pilot, screen
    finally:
        pilot.close()


def test_the_question_during_the_vote_and_the_discussion_with_the_record(
    projector: tuple[Pilot, FacilitatorScreen],
) -> None:
    pilot, screen = projector
    assert pilot.text(role="ask") == ASK
    assert not pilot.has(DISCUSS)
    pilot.press("2", "2", "1", "space")  # the class picks option 2
    assert screen.session.phase is Phase.REVEALED
    note = pilot.find("She used the Fields' visit", role="note")
    discuss = pilot.find("To discuss:", role="discuss")
    assert DISCUSS in pilot.text(role="discuss")
    assert discuss.rect.top > note.rect.bottom
    assert not pilot.has(ASK)


def test_w_opens_what_if_we_had_without_changing_the_path(
    projector: tuple[Pilot, FacilitatorScreen], tmp_path: Path
) -> None:
    pilot, screen = projector
    session = screen.session
    pilot.press("2", "2", "1", "space")
    player = session.player
    before = (player.playthrough.node, dict(player.variables), player.history,
              list(session.decisions))
    pilot.press("end")  # the hint stands below the record's credited quote
    assert pilot.has("W: what if we had chosen otherwise?", role="hint")
    assert "W what if we had…" in pilot.text(role="keys")
    pilot.press("w")
    assert pilot.has("What if we had…", role="title")
    assert pilot.has("If we had chosen: Steel yourself and decide to act.", role="what-if")
    assert pilot.has("The sources do not record what Hede felt", role="note")
    assert not pilot.has("If we had chosen: Hesitate")  # the class's own pick is not a "what if"
    pilot.press("w")
    assert not pilot.labels("what-if")
    pilot.press("w")
    after = (player.playthrough.node, dict(player.variables), player.history,
             list(session.decisions))
    assert after == before and session.phase is Phase.REVEALED
    pilot.press("space")  # on along the path the class chose
    assert session.player.node.id == "another_week"
    (log,) = (tmp_path / "logs").glob("*.jsonl")
    assert '"event":"other_records_shown"' in log.read_text()


def test_the_projector_shows_a_counterfactual_endings_passage_before_its_epilogue(
    projector: tuple[Pilot, FacilitatorScreen],
) -> None:
    pilot, screen = projector
    pilot.press("2", "space", "space")  # hesitate; past its record
    pilot.press("space", "space")  # another week; the Fields
    assert screen.session.player.node.id == "the_call"
    pilot.press("2", "space", "space", "space")  # plead; past its record; the quiet line
    assert screen.session.phase is Phase.SCENE_ENDED
    passage = pilot.find("No envelope comes. This did not happen", role="passage")
    end = pilot.find("The end: counterfactual", role="title")
    epilogue = pilot.find("In the record, Bazarov came to the door", role="epilogue")
    assert passage.rect.bottom <= end.rect.top < epilogue.rect.top


def test_the_terminal_facilitator_asks_before_and_discusses_after(
    story: Story, tmp_path: Path
) -> None:
    session = start_session(Plan.of_story(story, "Demo"), story, tmp_path)
    try:
        execute(session, "")
        voting = render(build_view(session))
        assert f"QUESTION: {ASK}" in voting and DISCUSS not in voting
        execute(session, "1")
        execute(session, "")
        revealed = render(build_view(session))
        assert revealed.index("RECORD: UNRECORDED") < revealed.index(f"DISCUSS: {DISCUSS}")
        assert "WHAT IF WE HAD CHOSEN" not in revealed
        execute(session, "w")
        shown = render(build_view(session))
        assert "WHAT IF WE HAD CHOSEN: Hesitate, and keep waiting for the papers." in shown
        assert "RECORD: DIVERGED" in shown
    finally:
        session.end()
