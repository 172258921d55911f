"""The disputes issue 3 requires are taught: a `disputed` record quotes each side.

Each required dispute is found by the words each side's quote must contain,
so rewording a note keeps the test passing but dropping a side fails it.
"""

from __future__ import annotations

import pytest

from game.engine import Story
from game.model import Record, Verdict

#: dispute -> (scene, words one side's quote contains, words the other's contains)
REQUIRED_DISPUTES: dict[str, tuple[str, str, str]] = {
    "left Soviet service in 1938, or worked on until Germany was defeated": (
        "exit_visa", "left the Soviet intelligence apparatus in 1938",
        "until Germany was defeated"),
    "who Mr. X was: the article's Yezhov against her Georgian of about thirty-five": (
        "exit_visa", "Nikolai Yezhov, the head of the NKVD", "a Georgian"),
    "Hiss and Field: Field's report via Massing, or the cell-meeting argument": (
        "recruiting_duggan", "According to Massing's report", "cell meeting in Field's home"),
    "AST or ADT": ("moscow_interrogation", "(AST)", "the ADT"),
    # Gazur's extract itself uses both spellings; the article's own text only "Schildback".
    "Schildback or Schildbach": ("moscow_interrogation", "Schildback", "Schildbach"),
    "Shpiegelglass, Shpiegelglas or Spiegelglass": (
        "moscow_interrogation", "Shpiegelglas was sent", "Comrade Spiegelglass"),
    "Reiss in Paris or in Belgium": (
        "moscow_interrogation", "serving in Paris", "rezident in Belgium"),
}


def _disputed_records(story: Story, scene_id: str) -> list[Record]:
    return [
        choice.record
        for node in story.scenes[scene_id].nodes.values()
        for choice in node.choices
        if choice.record is not None and choice.record.verdict is Verdict.DISPUTED
    ]


@pytest.mark.parametrize("dispute", list(REQUIRED_DISPUTES))
def test_required_dispute_quotes_both_sides(story: Story, dispute: str) -> None:
    scene_id, one_side, other_side = REQUIRED_DISPUTES[dispute]
    for record in _disputed_records(story, scene_id):
        first = [c for c in record.citations if one_side in c.quote]
        second = [c for c in record.citations if other_side in c.quote]
        if first and second:
            assert all(c.account for c in (*first, *second))
            assert {c.account for c in first} != {c.account for c in second}
            return
    pytest.fail(f"no disputed record in {scene_id} quotes both sides of: {dispute}")
