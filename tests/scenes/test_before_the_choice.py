"""What a decision shows before the choice keeps its outcome back for the record.

The spoiler check (CN616) catches a passage that repeats a record's own words.
These are the outcomes it cannot see: a passage quoting a different sentence
that tells the answer just as plainly (Fred's story of the refused present,
above "What do you advise?"; "for the last time" above "Set a deadline" or
"Soften it"). Each is played to on the historical path and read as the player
reads it there: the passage, its citations and the question above the options.
The words must not be there, and must come once the option named is taken: in
its record, or in the passage it leads to.
"""

from __future__ import annotations

import pytest

from game.engine import Story
from game.historical_path import historical_path

#: what the screen must not tell yet -> (scene, decision, words, option that then shows them)
KEPT_FOR_THE_RECORD: dict[str, tuple[str, str, str, str]] = {
    "Duggan refused the present, so Fred advised against paying him": (
        "recruiting_duggan", "the_gift", "categorically refused", "no_money"),
    "Massing asked for the last time: she did not soften the call": (
        "exit_visa", "the_call", "for the last time", "threaten_legation"),
    "the Massings went to Moscow, a trip she later called fantastic": (
        "moscow_interrogation", "invitation", "ventured on this trip", "accept"),
}


@pytest.mark.parametrize("outcome", sorted(KEPT_FOR_THE_RECORD))
def test_the_outcome_waits_for_the_record(story: Story, outcome: str) -> None:
    scene_id, node_id, words, option_id = KEPT_FOR_THE_RECORD[outcome]
    player = story.new_player(scene_id)
    try:
        for choice in historical_path(story, scene_id).choices:
            if player.node.id == node_id:
                break
            player.choose(choice)
        assert player.node.id == node_id, f"the historical path never reaches '{node_id}'"
        passage = player.passage
        shown = " ".join([passage.text, passage.ask, *(c.quote for c in passage.citations)])
        assert words.lower() not in " ".join(shown.lower().split()), (
            f"'{node_id}' tells before the choice what its record should: {words!r}")
        outcome = player.choose(option_id)
        assert outcome.record is not None
        revealed = " ".join([outcome.record.note, *(c.quote for c in outcome.record.citations),
                             outcome.passage.text])
        assert words.lower() in " ".join(revealed.lower().split()), (
            f"neither the record of '{option_id}' nor the passage after it says {words!r}")
    finally:
        player.close()
