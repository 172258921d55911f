"""The projector's opening page says what the verdicts mean and each scene's content notes;
the class's votes after a choice are never cut short."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
pytest.importorskip("pygame")

from game.classroom.plans import Plan
from game.desktop.pilot import Pilot
from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session
from game.engine import Story
from game.model import Verdict


def test_the_opening_shows_the_verdict_legend_and_content_notes_and_tallies_are_whole(
        shipped_story: Story, tmp_path: Path) -> None:
    pilot = Pilot.start(shipped_story, size=(1024, 768))
    try:
        session = start_session(Plan.of_story(shipped_story), shipped_story, tmp_path / "logs")
        screen = FacilitatorScreen(pilot.app, session)
        pilot.app.push(screen)
        pilot.app.pump()
        pilot.press("end")
        legend = " ".join(pilot.texts("legend"))
        for verdict in Verdict:
            assert f"{verdict.label}: {verdict.explanation}" in legend
        notes = " ".join(pilot.texts("content-notes"))
        for scene in shipped_story.ordered:
            if scene.content_notes:
                assert scene.title in notes and scene.content_notes[0] in notes
        while session.phase.value != "voting":
            pilot.press("space")
        options = [o for o in session.player.options if o.available]
        pilot.press("c", "1", "1", "2", "return")
        pilot.press("c", "2", "9", "return")
        pilot.press("space")
        tally = " ".join(pilot.texts("tally"))
        for option in options[:2]:
            assert option.text.rstrip(".") in tally  # whole, however long
        assert "…" not in tally
    finally:
        pilot.close()
