"""The header carries forward: a passage without `place`/`date` shows the last one seen.

A passage that leaves out `place` or `date` shows what the player last saw on
the way there, not the scene's: after "Lausanne · September 1937" the next
passage stays in Lausanne until a passage says otherwise. That is settled as
the scene loads, from the scene's graph, so every presenter (desktop,
terminal, projector, map) shows the same header with no rule of its own.

Where two ways into a passage arrive with different headers (one from
Lausanne, one from Paris), the passage cannot know which the player saw: it
shows the scene's own `place`/`date`, and `cover-names lint` warns (CN619) so
the author writes the header out there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from game.model import Node

#: The two parts of a header, carried separately: a passage may set its date only.
FIELDS = ("place", "date")


def _successors(node: Node) -> list[str]:
    targets = [choice.goto for choice in node.choices if choice.goto]
    if node.next:
        targets.append(node.next)
    return targets


def possible_headers(
    nodes: Mapping[str, Node], start: str, field: str, default: str = ""
) -> dict[str, set[str]]:
    """For each passage reachable from `start`, every value of `field` the player may have seen
    last on arriving there (`default`, the scene's own, at the start). A passage that sets it
    has only its own."""
    if start not in nodes:
        return {}
    arriving: dict[str, set[str]] = {start: {default}}
    work = [start]
    while work:
        node_id = work.pop()
        node = nodes[node_id]
        own = getattr(node, field)
        shown = {own} if own else arriving[node_id]
        for target in _successors(node):
            if target not in nodes:
                continue
            known = arriving.setdefault(target, set())
            if not shown <= known:
                known |= shown
                work.append(target)
    return {node_id: ({getattr(nodes[node_id], field)} if getattr(nodes[node_id], field)
                      else values) for node_id, values in arriving.items()}


def carry_headers(
    nodes: Mapping[str, Node], start: str, defaults: Mapping[str, str]
) -> dict[str, Node]:
    """`nodes`, each passage without a place or date given the one every way into it shows;
    `defaults` are the scene's own `place` and `date`."""
    carried = dict(nodes)
    for field in FIELDS:
        for node_id, values in possible_headers(nodes, start, field,
                                                defaults.get(field, "")).items():
            node = carried[node_id]
            if getattr(node, field) or len(values) != 1:
                continue
            (value,) = values
            if value and value != defaults.get(field, ""):  # the scene's own stays implicit
                carried[node_id] = (replace(node, place=value) if field == "place"
                                    else replace(node, date=value))
    return carried


def disagreements(
    nodes: Mapping[str, Node], start: str, defaults: Mapping[str, str]
) -> list[tuple[Node, str, list[str]]]:
    """(passage, field, the values it may arrive with) wherever ways in disagree."""
    found = []
    for field in FIELDS:
        for node_id, values in possible_headers(nodes, start, field,
                                                defaults.get(field, "")).items():
            if len(values) > 1:
                found.append((nodes[node_id], field, sorted(values)))
    return sorted(found, key=lambda item: (item[0].where.line, item[1]))
