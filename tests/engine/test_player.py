"""The pull API as every front end sees it: passages, options, choose, rewind, endings."""

from __future__ import annotations

import logging

import pytest

from game.engine import ChoiceUnavailable, EngineError
from game.model import EndingKind, Verdict
from tests.engine.conftest import Driver


def test_opening_passage_shows_place_speaker_and_its_evidence(drive: Driver) -> None:
    passage = drive.player.passage
    assert passage.node_id == "waiting"
    assert (passage.place, passage.date, passage.speaker) == ("Moscow", "1938", "Narrator")
    assert not passage.dramatised
    assert passage.citations[0].source == "bazarov"


def test_historical_path_reaches_the_historical_ending(drive: Driver) -> None:
    first = drive.choose("steel_yourself")
    assert first.record is not None and first.record.verdict is Verdict.UNRECORDED
    assert first.passage.node_id == "the_fields"
    assert first.passage.date == "early 1938"  # a node's own date overrides the scene's
    assert [o.id for o in drive.player.options] == ["continue"]
    drive.choose("continue")
    options = {o.id: o for o in drive.player.options}
    assert options["name_witnesses"].available
    last = drive.choose("name_witnesses")
    assert last.record is not None and last.record.verdict is Verdict.HISTORICAL
    assert last.ending is not None and last.ending.kind is EndingKind.HISTORICAL
    assert "executed" in last.ending.epilogue
    assert drive.player.is_over and drive.player.options == ()


def test_effects_change_variables_relatively_and_absolutely(drive: Driver) -> None:
    drive.choose("steel_yourself")
    assert drive.player.variables == {"resolve": 2, "fields_present": False, "mood": "determined"}
    drive.choose("continue")
    drive.choose("name_witnesses")
    assert drive.player.variables["fields_present"] is True


def test_an_earlier_choice_locks_an_option_and_the_reason_is_given(drive: Driver) -> None:
    drive.choose("hesitate")
    assert drive.player.variables["resolve"] == -1
    drive.choose("continue")
    options = {o.id: o for o in drive.player.options}
    assert not options["name_witnesses"].available
    assert (
        options["name_witnesses"].locked_reason == "You have not found the resolve to threaten him."
    )
    assert options["plead"].available
    with pytest.raises(ChoiceUnavailable):
        drive.player.choose("name_witnesses")
    outcome = drive.choose("plead")
    assert outcome.ending is not None and outcome.ending.kind is EndingKind.COUNTERFACTUAL


def test_a_locked_option_without_a_written_reason_gets_one_from_its_condition(
    drive: Driver,
) -> None:
    drive.choose("steel_yourself")  # mood becomes "determined": plead is locked
    drive.choose("continue")
    plead = {o.id: o for o in drive.player.options}["plead"]
    assert not plead.available
    assert "mood" in plead.locked_reason  # derived from: mood == "calm" or resolve + 1 < 2


def test_disputed_record_quotes_both_accounts(drive: Driver) -> None:
    drive.choose("steel_yourself")
    drive.choose("continue")
    outcome = drive.choose("still_working")
    assert outcome.record is not None and outcome.record.verdict is Verdict.DISPUTED
    assert [c.account for c in outcome.record.citations] == [
        "Massing's own account",
        "The reference article",
    ]


def test_unknown_options_and_numbers_are_refused(drive: Driver) -> None:
    with pytest.raises(ChoiceUnavailable):
        drive.player.choose("no_such_option")
    with pytest.raises(ChoiceUnavailable):
        drive.player.choose_number(7)
    assert drive.player.choose_number(1).choice_id == "steel_yourself"


def test_rewind_returns_to_just_before_an_earlier_choice(drive: Driver) -> None:
    drive.choose("steel_yourself")
    drive.choose("continue")
    drive.choose("name_witnesses")
    assert [step.choice_id for step in drive.player.history] == [
        "steel_yourself",
        "continue",
        "name_witnesses",
    ]
    passage = drive.player.rewind(0)
    assert passage.node_id == "waiting"
    assert drive.player.variables == {"resolve": 0, "fields_present": False, "mood": "calm"}
    assert drive.player.history == ()
    # The other path is open again after rewinding.
    drive.choose("hesitate")
    drive.choose("continue")
    assert not {o.id: o for o in drive.player.options}["name_witnesses"].available


def test_rewind_to_a_middle_step_keeps_what_came_before(drive: Driver) -> None:
    drive.choose("steel_yourself")
    drive.choose("continue")
    drive.player.rewind(1)
    assert drive.player.passage.node_id == "the_fields"
    assert drive.player.variables["resolve"] == 2
    assert len(drive.player.history) == 1
    with pytest.raises(EngineError):
        drive.player.rewind(5)


def test_history_carries_each_choice_and_its_record(drive: Driver) -> None:
    drive.choose("hesitate")
    steps = drive.player.history
    assert steps[0].choice_text == "Hesitate, and keep waiting for the papers."
    assert steps[0].record is not None and steps[0].record.verdict is Verdict.DIVERGED
    assert steps[0].chosen_at


def test_players_share_one_machine_without_sharing_state(demo_story) -> None:  # type: ignore[no-untyped-def]
    first = demo_story.new_player("demo_call")
    second = demo_story.new_player("demo_call")
    first.choose("steel_yourself")
    assert second.passage.node_id == "waiting"
    assert second.variables["resolve"] == 0
    machine = demo_story.machine("demo_call")
    before = machine.model_count
    first.close()
    second.close()
    assert machine.model_count == before - 2


def test_starting_a_scene_prints_no_library_warnings(caplog: pytest.LogCaptureFixture) -> None:
    # Once anything gives the root logger a handler (the speech engine's driver
    # does), transitions' notes about triggers it did not bind would reach the
    # player's terminal at every scene start.
    from game.engine import load_story

    with caplog.at_level(logging.DEBUG):
        load_story().new_player("exit_visa")
    assert not [r for r in caplog.records if r.name.startswith("transitions")
                and r.levelno >= logging.WARNING]
