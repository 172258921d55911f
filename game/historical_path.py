"""A scene's historical path: from its start to a historical ending, the record's way at each step.

The self-check plays it in every scene (and saves, restores, exports, graphs
and facilitates along it), so a scene whose record offers no way through
fails there, with the node where the way runs out. At each decision the path
takes the option the record supports best; a dead end or a counterfactual
ending sends it back to try the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine import Story


class HistoricalPathError(Exception):
    """A scene's historical path cannot be followed to a historical ending; says where it stops."""


@dataclass(frozen=True)
class HistoricalPath:
    """The option ids taken from a scene's start, what the record says of each, and the ending."""

    choices: tuple[str, ...]
    verdicts: tuple[str, ...]  # per step: a verdict, or "continue" for a single option
    ending: str

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for verdict in self.verdicts:
            counts[verdict] = counts.get(verdict, 0) + 1
        kinds = ", ".join(f"{count} {verdict}" for verdict, count in sorted(counts.items()))
        return f"{len(self.choices)} steps ({kinds}) to the historical ending '{self.ending}'"


#: Which option the historical path prefers at a decision. A `diverged` choice
#: is never on it: the record says that is not what happened. Where the record
#: has no `historical` option, the path takes the `disputed` one (the sources
#: agree it happened and differ on details), then an `unrecorded` one.
_PREFERENCE = {"historical": 0, "disputed": 1, "unrecorded": 2}
#: A scene whose path takes more steps than this is reported, not searched forever.
_MAX_STATES = 20_000


def historical_path(story: Story, scene_id: str) -> HistoricalPath:
    """Find and play a scene's historical path, from its start to a historical ending.

    At each node the path takes the available option the record supports best
    (see _PREFERENCE); a node with a single option (Continue) is followed. If
    that leads to a counterfactual ending or a loop, the search backs up and
    tries the next supported option. HistoricalPathError names the first node
    where the record offered no way on, or the ending the path could not avoid.
    """
    from game.engine import Player
    from game.model import EndingKind

    player = story.new_player(scene_id)
    visited: set[tuple[str, tuple[tuple[str, object], ...]]] = set()
    problems: list[str] = []

    def ranked_options(current: Player) -> list[tuple[str, str]]:
        node = current.node
        ranked = []
        for option in current.options:
            if not option.available:
                continue
            if not node.choices:  # a passage with `next:`: its one Continue
                ranked.append((0, option.id, "continue"))
                continue
            record = node.choice(option.id).record
            verdict = record.verdict.value if record is not None else "unrecorded"
            if verdict in _PREFERENCE:
                ranked.append((_PREFERENCE[verdict], option.id, verdict))
        return [(option_id, verdict) for _rank, option_id, verdict in sorted(ranked)]

    def walk(steps: list[tuple[str, str]]) -> bool:
        if player.is_over:
            ending = player.ending
            assert ending is not None
            if ending.kind is EndingKind.HISTORICAL:
                return True
            problems.append(f"the path reaches '{player.node.id}', a {ending.kind.value} ending")
            return False
        node = player.node
        state = (node.id, tuple(sorted(player.variables.items())))
        if state in visited or len(visited) >= _MAX_STATES:
            problems.append(f"the path loops back to node '{node.id}'")
            return False
        visited.add(state)
        options = ranked_options(player)
        if not options:
            shown = ", ".join(
                f"{option.id} [{_verdict_of(node, option.id)}]" for option in player.options
            )
            problems.append(
                f"no choice at node '{node.id}' ({node.where}) is historical, disputed or "
                f"unrecorded; options: {shown or 'none available'}"
            )
            return False
        for option_id, verdict in options:
            step = len(player.playthrough.history)
            player.choose(option_id)
            steps.append((option_id, verdict))
            if walk(steps):
                return True
            steps.pop()
            player.rewind(step)
        return False

    steps: list[tuple[str, str]] = []
    try:
        if not walk(steps):
            raise HistoricalPathError(problems[0] if problems else "no historical ending reached")
        return HistoricalPath(
            tuple(option_id for option_id, _ in steps),
            tuple(verdict for _, verdict in steps),
            player.node.id,
        )
    finally:
        player.close()


def _verdict_of(node: object, option_id: str) -> str:
    from game.model import Node

    assert isinstance(node, Node)
    try:
        record = node.choice(option_id).record
    except KeyError:
        return "continue"
    return record.verdict.value if record is not None else "no record"
