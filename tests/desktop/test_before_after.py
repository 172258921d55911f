"""Before and after a choice in the window: the question above the options, the record then
the discussion after it, "What if I had…" for the options not taken, and a passage that
varies with what the player did, read back from the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.desktop.pilot import Pilot
from game.engine import Story, load_story

FORMAT2 = Path(__file__).resolve().parents[1] / "fixtures" / "format2"
ASK = "What could Hede do while the papers do not come?"
DISCUSS = "Why might waiting have felt safer than asking?"


@pytest.fixture(scope="module")
def format2_story() -> Story:
    loaded = load_story(FORMAT2)
    assert not loaded.diagnostics, [str(d) for d in loaded.diagnostics]
    return loaded


@pytest.fixture
def play(format2_story: Story) -> Iterator[Pilot]:
    driver = Pilot.start(format2_story, (1366, 768), scene_id="telephone")
    assert driver.screen == "play"
    yield driver
    driver.close()


def test_the_question_is_asked_before_the_choice_and_the_discussion_waits(play: Pilot) -> None:
    assert play.text(role="ask") == ASK
    above = play.find(ASK, role="ask").rect.bottom
    assert all(label.rect.top >= above for label in play.labels("option"))
    assert DISCUSS not in play.text()
    play.press("2")  # hesitate: a diverged record
    record = play.find("Hede did not keep waiting", role="note")
    discuss = play.find(DISCUSS, role="discuss")
    assert discuss.text == "To discuss: " + DISCUSS
    assert discuss.rect.top > record.rect.bottom  # the record first, then the discussion
    assert ASK not in play.text()


def test_what_if_i_had_opens_the_other_record_without_changing_the_path(play: Pilot) -> None:
    player = play.app.top.player  # type: ignore[attr-defined]
    play.press("1")  # steel yourself: unrecorded
    before = (player.playthrough.node, dict(player.variables), player.history)
    assert not play.has("If you had chosen")
    play.press("w")
    assert play.has("If you had chosen: Hesitate, and keep waiting for the papers.")
    assert play.has("She used the Fields' visit to demand the visas.", role="note")
    assert play.app.top.pending is not None  # type: ignore[attr-defined]  # still the record
    play.click("Hide the other options' records")
    assert not play.has("If you had chosen")
    play.click("What if I had…")
    assert play.has("If you had chosen")
    assert (player.playthrough.node, dict(player.variables), player.history) == before
    play.press("enter")  # Continue: on to where the choice really led
    assert play.has("You have made up your mind. Today you will telephone", role="passage")
    assert not play.has("A week of waiting")


def test_a_passage_shows_the_part_for_what_the_player_did(play: Pilot) -> None:
    play.press("2", "enter")  # hesitate, read the record, continue
    assert play.has("Another week goes by.", role="passage")
    play.press("enter")
    passage = play.text(role="passage")
    assert "A week of waiting has taught you that nobody will come." in passage
    assert "You have made up your mind" not in passage
