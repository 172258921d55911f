"""What a player has met so far in a scene: the passages read, as they read them, and the
records revealed. The dossier and timeline show only what this reaches (docs/scene-format.md,
"The dossier and timeline while playing"), so nothing there tells what comes next.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.machine import CONTINUE
from game.engine.player import Passage, Player
from game.model import Citation


@dataclass(frozen=True)
class Met:
    """The texts read and the quotes shown in the current scene, and whether it has ended."""

    scene_id: str
    texts: tuple[str, ...]
    citations: tuple[Citation, ...]
    ended: bool
    #: Every text the scene can show (all passages and parts, records, epilogues): what
    #: "the rest" is once the scene has ended.
    all_texts: tuple[str, ...] = ()

    @classmethod
    def of(cls, player: Player, on_screen: Passage | None = None, records: bool = True) -> Met:
        """What `player` has met: every passage of its history as it was read, the passage
        `on_screen` (by default the current one; while a record is shown, the passage the
        choice was made at), and the records of its choices unless `records` is False (a
        session that reveals them only at the end)."""
        texts: list[str] = []
        citations: list[Citation] = []
        scene = player.scene
        for step in player.playthrough.history:
            passage = player.passage_at(step.node_id, step.variables_before)
            texts.append(passage.text)
            citations += passage.citations
            if records and step.choice_id != CONTINUE:
                record = scene.nodes[step.node_id].choice(step.choice_id).record
                if record is not None:
                    texts.append(record.note)
                    citations += record.citations
        shown = on_screen if on_screen is not None else player.passage
        texts.append(shown.text)
        citations += shown.citations
        ended = player.is_over and (on_screen is None or on_screen.node_id == player.node.id)
        if ended:
            ending = player.ending
            assert ending is not None
            texts.append(ending.epilogue)
            citations += ending.citations
        return cls(scene.id, tuple(texts), tuple(citations), ended, _everything(player))


def _everything(player: Player) -> tuple[str, ...]:
    texts: list[str] = []
    for node in player.scene.nodes.values():
        texts += [text for text, _where in node.all_texts]
        texts += [choice.record.note for choice in node.choices if choice.record is not None]
        if node.ending is not None:
            texts.append(node.ending.epilogue)
    return tuple(texts)


def overlaps(one: Citation, other: Citation) -> bool:
    """Two quotes share words of one source (their spans overlap)."""
    return one.source == other.source and one.start < other.end and other.start < one.end
