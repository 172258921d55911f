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


# -- the dossier and timeline show only what the player has met --------------------------------


def dossier_names(play: Pilot) -> str:
    play.press("d")
    assert play.screen == "dossier"
    shown = play.text()
    play.press("d")  # D again closes it
    return shown


def test_the_dossier_files_only_the_people_the_scene_has_named(play: Pilot) -> None:
    first = dossier_names(play)
    assert "Hede Massing" in first and "Paul Massing" in first  # named in the first passage
    assert "Noel Field" not in first and "Herta Field" not in first  # not yet met
    assert "Laurence Duggan" not in first  # another scene's, not finished
    assert "filed away until the scene names them" in first
    play.press("1", "enter")  # steel yourself; the record; on to the Fields
    met = dossier_names(play)
    assert "Noel Field" in met and "Herta Field" in met
    assert "Laurence Duggan" not in met


def test_after_the_ending_the_dossier_and_timeline_open_up(play: Pilot) -> None:
    timeline_before = _timeline(play)
    assert "1893" in timeline_before  # background, long before the scene
    play.press("1", "enter", "enter", "1", "enter")  # to the historical ending
    assert play.app.top.player.is_over  # type: ignore[attr-defined]
    ended = dossier_names(play)
    assert "Noel Field" in ended and "Laurence Duggan" not in ended  # another scene's still
    from game.desktop.finished import finished_scenes

    assert finished_scenes(play.app.story) == frozenset({"telephone"})


def _timeline(play: Pilot) -> str:
    play.press("t")
    assert play.screen == "timeline"
    shown = " ".join(label.text for label in play.labels("date"))
    play.press("t")
    return shown


def test_a_scenes_own_events_wait_until_its_passages_reach_them(
    format2_story: Story,
) -> None:
    from game.desktop.reference_data import Entry, Reference
    from game.engine.met import Met

    scene = format2_story.scenes["telephone"]
    fields = scene.node("the_fields").citations[0]  # quoted when the Fields arrive
    knock = scene.node("passports").citations[0]  # quoted only at the historical ending
    events = [
        Entry("born", "event", "Bazarov is born", citations=(fields,), date="1893"),
        Entry("fields", "event", "The Fields visit", citations=(fields,), scenes=("telephone",)),
        Entry("knock", "event", "The call and the envelope", citations=(fields, knock),
              scenes=("telephone",)),
        Entry("other", "event", "Another scene's", citations=(knock,), scenes=("duggan",)),
        Entry("later", "event", "Long after", citations=(knock,)),
    ]
    reference = Reference([], events)
    player = format2_story.new_player("telephone")
    try:
        def shown() -> list[str]:
            return [event.id for event in reference.met_events(Met.of(player))]

        assert shown() == ["born"]  # before the scene's first event: the background only
        player.choose("steel_yourself")
        assert shown() == ["born", "fields"]  # the passage quotes the Fields' visit, and one
        # of the two quotes of the next event: it waits for the other (the envelope)
        assert [e.id for e in reference.met_events(Met.of(player), frozenset({"duggan"}))] == [
            "born", "fields", "other"]  # a finished scene's events are all there
        player.choose("continue")
        player.choose("name_witnesses")
        assert shown() == ["born", "fields", "knock", "later"]  # ended: all but other scenes'
    finally:
        player.close()


def test_the_debrief_puts_each_question_to_discuss_after_its_record(play: Pilot) -> None:
    play.press("1", "enter", "enter", "1", "enter")  # to the historical ending
    play.press("enter")  # "Your path against the record"
    assert play.screen == "debrief"
    seen: list[str] = []
    for _ in range(8):
        seen += play.texts(role="discuss")
        play.press("pagedown")
    assert "To discuss: Why might waiting have felt safer than asking?" in " ".join(seen)
