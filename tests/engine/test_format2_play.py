"""Format 2 in play: passages that vary with what the player did, before/after prompts,
and "What if I had…" reading the other records without moving the player."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.engine import Story, load_story

from .conftest import REPO, Driver

FORMAT2 = REPO / "tests" / "fixtures" / "format2"
DECIDED = "You have made up your mind. Today you will telephone Boris."
WAITED = "A week of waiting has taught you that nobody will come."


@pytest.fixture(scope="module")
def story() -> Story:
    loaded = load_story(FORMAT2, REPO / "seeds")
    assert not loaded.diagnostics, [str(d) for d in loaded.diagnostics]
    return loaded


@pytest.fixture(params=["straight", "save-and-reload"])
def drive(request: pytest.FixtureRequest, story: Story, tmp_path: Path) -> Iterator[Driver]:
    driver = Driver(story, "telephone", request.param == "save-and-reload", tmp_path)
    yield driver
    driver.player.close()


def test_a_part_is_shown_only_while_its_condition_holds(drive: Driver) -> None:
    outcome = drive.choose("steel_yourself")
    text = drive.player.passage.text
    assert outcome.passage.text == text
    assert text.startswith("Noel and Herta Field are visiting Moscow.")
    assert DECIDED in text and WAITED not in text
    # The hidden part's citation is hidden with it.
    assert [c.quote for c in drive.player.passage.citations] == [
        "Soon afterwards they met Noel Field who was also visiting the country."]


def test_the_other_path_shows_the_other_part_and_its_citation(drive: Driver) -> None:
    drive.choose("hesitate")
    assert drive.player.passage.dramatised  # the passage of its own for leaving the record
    drive.choose("continue")
    passage = drive.player.passage
    assert WAITED in passage.text and DECIDED not in passage.text
    assert "Boris Bazarov, who was back in Moscow, was unable to help." in [
        c.quote for c in passage.citations]


def test_the_history_shows_a_passage_as_it_was_read(drive: Driver) -> None:
    drive.choose("hesitate")
    drive.choose("continue")
    drive.choose("continue")
    seen = {step.node_id: step.passage_text for step in drive.player.history}
    assert WAITED in seen["the_fields"] and DECIDED not in seen["the_fields"]


def test_ask_is_before_the_choice_and_discuss_comes_with_its_outcome(drive: Driver) -> None:
    player = drive.player
    assert player.ask == "What could Hede do while the papers do not come?"
    assert player.passage.ask == player.ask
    outcome = drive.choose("steel_yourself")
    assert outcome.discuss == "Why might waiting have felt safer than asking?"
    assert outcome.node_id == "waiting"
    assert drive.player.ask == ""  # a passage that only continues asks nothing


def test_what_if_i_had_reads_the_other_records_without_moving(drive: Driver) -> None:
    drive.choose("steel_yourself")
    player = drive.player
    before = (player.passage, dict(player.variables), player.history)
    records = player.records_at("waiting", "steel_yourself")
    assert [(r.id, r.chosen) for r in records] == [("steel_yourself", True), ("hesitate", False)]
    other = records[1].record
    assert other is not None and other.verdict.value == "diverged"
    assert (player.passage, dict(player.variables), player.history) == before
