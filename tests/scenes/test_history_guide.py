"""docs/history.md, the teachers' guide, keeps up with the scenes it describes."""

from __future__ import annotations

import re
from pathlib import Path

from game.engine import load_story
from game.model import Verdict

REPO = Path(__file__).resolve().parents[2]


def test_every_passage_and_option_the_teachers_guide_names_is_in_a_scene() -> None:
    """The guide points teachers at passages and options by id (`news_of_ludwig`,
    `speak_freely`): a re-cut scene that renames one must take the guide with it."""
    story = load_story(REPO / "scenes", REPO / "seeds")
    known = {"bazarov", "massing", "shpiegelglass", *(verdict.value for verdict in Verdict)}
    for scene in story.scenes.values():
        known |= {scene.id, *scene.nodes}
        known |= {choice.id for node in scene.nodes.values() for choice in node.choices}
    guide = (REPO / "docs" / "history.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z][a-z0-9_]*)`", guide))
    assert named and sorted(named - known) == []
