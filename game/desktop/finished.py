"""Which scenes a player has finished: those whose autosave stands at an ending.

The dossier and timeline show everything of a finished scene (docs/scene-format.md,
"The dossier and timeline while playing"); scene select says "Finished" by the same test.
"""

from __future__ import annotations

from game.engine import Story
from game.saves import autosave_slot, list_saves, read_save


def finished_scenes(story: Story) -> frozenset[str]:
    """The ids of the scenes whose autosave is at one of their endings (unreadable or stale
    saves count as not finished: the gate then only stays shut a little longer)."""
    saves = {slot.slot: slot for slot in list_saves()}
    finished = set()
    for scene in story.ordered:
        slot = saves.get(autosave_slot(scene.id))
        if slot is None or slot.problem:
            continue
        loaded = read_save(slot.path, story)
        node = loaded.playthrough.node if loaded.playthrough is not None else ""
        if node in scene.nodes and scene.nodes[node].ending is not None:
            finished.add(scene.id)
    return frozenset(finished)
