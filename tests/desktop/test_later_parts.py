"""A met person's card keeps back how the scene turns out until the scene is finished."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from game import paths
from game.desktop.reference_data import Entry, Reference, build_reference
from game.engine import Player, Story, load_story
from game.engine.machine import CONTINUE
from game.engine.met import Met
from game.reference import load_reference
from game.sources.library import load_library


def _reference() -> Reference:
    loaded = load_reference(paths.reference_dir(), load_library(Path("seeds")))
    assert not loaded.diagnostics
    return build_reference(loaded)


def test_a_card_met_mid_scene_keeps_the_outcome_back_until_the_ending() -> None:
    reference = _reference()
    during = Met("exit_visa", ("Herta and Noel Field are visiting.",), (), ended=False)
    herta = next(e for e in reference.met_entries(during) if e.id == "herta_field")
    assert "witness" not in herta.role + herta.summary
    assert not any("witness to my request" in c.quote for c in herta.citations)
    after = Met("exit_visa", during.texts, (), ended=True)
    herta = next(e for e in reference.met_entries(after) if e.id == "herta_field")
    assert "witnesses Massing named" in herta.summary
    assert any("witness to my request" in c.quote for c in herta.citations)


def test_a_later_part_waits_for_its_own_scene() -> None:
    reference = _reference()
    met = Met("recruiting_duggan", ("Noel Field",), (), ended=True)
    noel = next(e for e in reference.met_entries(met) if e.id == "noel_field")
    assert "Already a Soviet agent" in noel.summary  # this scene is over
    assert "exit visas" not in noel.summary  # The Exit Visa is not
    assert "Soviet agent" not in noel.role


def test_shpiegelglass_card_keeps_his_part_in_ludwigs_murder_for_the_ending() -> None:
    reference = _reference()
    during = Met("moscow_interrogation", ("I am Comrade Spiegelglass.",), (), ended=False)
    for entry in reference.met_entries(during):
        if entry.id in ("mikhail_shpiegelglass", "ignaz_reiss"):
            shown = entry.role + entry.summary + entry.fate
            assert "Mobile Group" not in shown
            assert not any("murder of Ludwig" in c.quote for c in entry.citations)
    after = Met("moscow_interrogation", during.texts, (), ended=True)
    card = next(e for e in reference.met_entries(after) if e.id == "mikhail_shpiegelglass")
    assert "murder of Ludwig" in card.summary


# -- the shipped scenes, played to the moment of a choice ---------------------------------------
#
# Each row plays a shipped scene by its historical options (or the detours given) to a
# decision and opens the dossier there, before choosing: the card must not yet tell how a
# choice of this scene turns out (a phrase of its text, a quote it cites), and must tell it
# once the scene has ended.

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> Story:
    story = load_story(REPO / "scenes", REPO / "seeds")
    assert not story.diagnostics
    return story


_BACKED = ("historical", "disputed")


def _play_to(story: Story, scene_id: str, node_id: str,
             detours: Mapping[str, str] | None = None) -> Player:
    """A player standing at `node_id`, reached by the option the record backs at every
    decision (historical, or disputed where none is), or the one `detours` names there."""
    player = story.new_player(scene_id)
    for _ in range(100):
        node = player.node
        if node.id == node_id:
            return player
        assert not player.is_over, f"{scene_id} ended before {node_id}"
        if node.next:
            player.choose(CONTINUE)
            continue
        backed = sorted((choice for choice in node.choices if choice.record is not None),
                        key=lambda choice: _BACKED.index(choice.record.verdict.value)
                        if choice.record and choice.record.verdict.value in _BACKED else 9)
        player.choose((detours or {}).get(node.id) or backed[0].id)
    raise AssertionError(f"{node_id} not reached in {scene_id}")


def _card(reference: Reference, met: Met, entry_id: str) -> Entry:
    found = [entry for entry in reference.met_entries(met) if entry.id == entry_id]
    assert found, f"{entry_id} is not filed at this point: the row tests nothing"
    return found[0]


# The Exit Visa's unrecorded decisions, taken as its historical walkthrough takes them
_EXIT_VISA_WAY = {"no_authority": "ask_higher", "hung_up": "wait_it_out"}

SPOILERS = [
    # scene, decision, detours, card, a phrase it keeps back, a quote it keeps back
    ("recruiting_duggan", "hiss_news", {}, "alger_hiss",  # did Massing name him? (record)
     "codename", "unaware of his codename"),
    ("recruiting_duggan", "cell_meeting", {}, "alger_hiss",  # argue with Hiss, or not?
     "argued with Hiss", "argued with Alger Hiss"),
    ("recruiting_duggan", "hiss_news", {}, "state_department",  # Hiss's later request
     "Alger Hiss", "get to the State Department"),
    ("moscow_interrogation", "news_of_ludwig", {}, "alexander_orlov",  # read the reports
     "Schildbach", "Gertrude Schildback"),
    ("moscow_interrogation", "comrade_spiegelglass", {}, "gertrude_schildbach",  # his name
     "Shpiegelglass", "Shpiegelglass enlisted"),
    ("moscow_interrogation", "comrade_spiegelglass", {"news_of_ludwig": "push_it_away"},
     "mobile_group", "Shpiegelglass", "became the head of the Mobile Group"),
    ("moscow_interrogation", "comrade_spiegelglass", {}, "walter_krivitsky",
     "his book", "Krivitsky's book was published"),
    ("moscow_interrogation", "peter_on_ludwig", {}, "ignaz_reiss",  # what to tell Peter
     "admired", "with admiration and devotion"),
    ("moscow_interrogation", "loose_strings", {}, "nkvd",  # how the questioning ends
     "social and family life", "social and family life"),
    ("moscow_interrogation", "slutsky_dies", {}, "abram_slutsky",  # what do you believe?
     "Montefiore", "chloroform"),
    ("exit_visa", "passports", _EXIT_VISA_WAY, "hede_massing",  # leave the service, or not?
     "Germany was defeated", "until Germany was defeated"),
    ("exit_visa", "passports", _EXIT_VISA_WAY, "paul_massing",
     "Germany was defeated", "until Germany was defeated"),
]


@pytest.mark.parametrize(("scene_id", "node_id", "detours", "entry_id", "phrase", "quote"),
                         SPOILERS, ids=[f"{row[3]}@{row[1]}" for row in SPOILERS])
def test_a_card_opened_at_a_decision_keeps_its_outcome_for_the_ending(
    shipped: Story, scene_id: str, node_id: str, detours: dict[str, str], entry_id: str,
    phrase: str, quote: str,
) -> None:
    reference = _reference()
    player = _play_to(shipped, scene_id, node_id, detours)
    try:
        during = Met.of(player)
    finally:
        player.close()
    card = _card(reference, during, entry_id)
    assert phrase not in card.role + card.summary + card.fate
    assert not any(quote in citation.quote for citation in card.citations)
    ended = Met(scene_id, during.texts, during.citations, ended=True)
    card = _card(reference, ended, entry_id)
    assert phrase in card.summary
    assert any(quote in citation.quote for citation in card.citations)


def test_an_organisations_later_part_waits_for_its_scene() -> None:
    """The GRU's card tells of the argument with Hiss that the cell meeting's choice reveals."""
    reference = _reference()
    during = Met("recruiting_duggan", ("Sorge recruited you to the GRU.",), (), ended=False)
    gru = _card(reference, during, "gru")
    assert "Sorge" in gru.summary and "Hiss" not in gru.summary
    other = Met("exit_visa", ("the GRU",), (), ended=True)  # another scene's end: still kept
    assert "Hiss" not in _card(reference, other, "gru").summary
    ended = Met("recruiting_duggan", during.texts, (), ended=True)
    assert "argued with Alger Hiss" in _card(reference, ended, "gru").summary


def test_the_cell_meeting_waits_on_the_timeline_until_its_record_is_revealed(
    shipped: Story,
) -> None:
    """The passage at the cell meeting quotes where it was; the timeline tells what was
    argued there only once a choice's record has said it."""
    reference = _reference()

    def on_timeline(player: Player, records: bool = True) -> bool:
        met = Met.of(player, records=records)
        return "cell_meeting_argument" in [event.id for event in reference.met_events(met)]

    player = _play_to(shipped, "recruiting_duggan", "cell_meeting")
    try:
        assert not on_timeline(player)
        player.choose("let_hiss_have_him")  # either record says what the article says
        assert on_timeline(player)
        assert not on_timeline(player, records=False)  # a class that sees records at the end
    finally:
        player.close()
