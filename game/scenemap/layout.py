"""A scene's map, laid out once for every presenter: passages as boxes in layers, choices as edges.

`cover-names graph --html/--svg` and the desktop's scene map draw the same
`SceneMap`: the layout knows nothing of pixels, SVG or pygame. It is a small
layered ("Sugiyama") layout:

1. Edges that close a loop (found by a depth-first walk from the start, in the
   order the scene is written) are marked `back` and left out of layering.
2. Each passage's layer is its longest distance from the start over the other
   edges, so every forward edge points down the page.
3. Within a layer, passages are ordered by the mean position of their
   neighbours, sweeping down and up a few times (fewer crossings); ties keep
   the order the scene is written in, so the layout is deterministic.

Positions are in slots: `x` is a passage's column (layers are centred on the
widest), `layer` its row. Linear in the scene's size per sweep: 1,000 passages
lay out in a fraction of a second (benchmarks/bench_scene_map.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from game.model import EndingKind, Node, Scene, Verdict

#: Sweeps of the ordering step: each is one pass down and one up.
SWEEPS = 4


@dataclass(frozen=True)
class MapNode:
    """One passage's box."""

    id: str
    layer: int
    x: float  # column, in slots; layers are centred on the widest
    kind: str  # "start", "passage", "decision", "ending_historical", "ending_counterfactual"
    label: str  # the first words of the passage
    place: str
    date: str


@dataclass(frozen=True)
class MapEdge:
    """One way on: a choice (with its verdict, condition and effects) or a Continue."""

    source: str
    target: str
    choice_id: str  # "" for a passage's `next`
    text: str
    verdict: Verdict | None
    condition: str
    effects: str
    back: bool  # closes a loop: drawn, but not used to layer


@dataclass(frozen=True)
class SceneMap:
    """The whole layout: boxes, edges, and the grid they take."""

    scene_id: str
    title: str
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    layers: int
    width: int  # slots in the widest layer

    def node(self, node_id: str) -> MapNode:
        return self._by_id[node_id]

    @property
    def _by_id(self) -> dict[str, MapNode]:
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {node.id: node for node in self.nodes}
            object.__setattr__(self, "_index", cached)
        return cached


def _kind(scene: Scene, node: Node) -> str:
    if node.ending is not None:
        return ("ending_historical" if node.ending.kind is EndingKind.HISTORICAL
                else "ending_counterfactual")
    if node.id == scene.start:
        return "start"
    return "decision" if node.is_decision else "passage"


def _label(node: Node, words: int = 9) -> str:
    """The first words every player reads there; for a passage whose every part has an `if:`
    (no words every player reads), the decision's question, else its first part's words."""
    text = node.text or node.ask or (node.parts[0].text if node.parts else "")
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _edges(scene: Scene) -> list[MapEdge]:
    edges: list[MapEdge] = []
    for node in scene.nodes.values():
        for choice in node.choices:
            if choice.goto not in scene.nodes:
                continue
            condition = choice.condition.text if choice.condition is not None else ""
            effects = ", ".join(effect.describe() for effect in choice.effects)
            verdict = choice.record.verdict if choice.record is not None else None
            edges.append(MapEdge(node.id, choice.goto, choice.id, choice.text, verdict,
                                 condition, effects, False))
        if node.next and node.next in scene.nodes:
            edges.append(MapEdge(node.id, node.next, "", "Continue", None, "", "", False))
    return edges


def _back_edges(scene: Scene, edges: list[MapEdge]) -> set[int]:
    """Indexes of edges that close a loop, by an iterative depth-first walk from the start."""
    out: dict[str, list[int]] = defaultdict(list)
    for index, edge in enumerate(edges):
        out[edge.source].append(index)
    state: dict[str, int] = {}  # 1 on the walk's stack, 2 done
    back: set[int] = set()
    roots = [scene.start, *scene.nodes] if scene.start in scene.nodes else list(scene.nodes)
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node_id, position = stack[-1]
            outgoing = out[node_id]
            if position == len(outgoing):
                state[node_id] = 2
                stack.pop()
                continue
            stack[-1] = (node_id, position + 1)
            index = outgoing[position]
            target = edges[index].target
            seen = state.get(target)
            if seen == 1:
                back.add(index)
            elif seen is None:
                state[target] = 1
                stack.append((target, 0))
    return back


def _layers(scene: Scene, edges: list[MapEdge]) -> dict[str, int]:
    """Longest distance from the start over forward edges (topological order, Kahn)."""
    order = list(scene.nodes)
    incoming: dict[str, int] = dict.fromkeys(order, 0)
    out: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        if not edge.back:
            out[edge.source].append(edge.target)
            incoming[edge.target] += 1
    layer = dict.fromkeys(order, 0)
    ready = [node_id for node_id in order if incoming[node_id] == 0]
    # The start first, then the scene's order: a passage nothing leads to stays at the top.
    if scene.start in ready:
        ready.remove(scene.start)
        ready.insert(0, scene.start)
    ready.reverse()
    while ready:
        node_id = ready.pop()
        for target in out[node_id]:
            layer[target] = max(layer[target], layer[node_id] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return layer


def _order(rows: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]]
           ) -> list[list[str]]:
    """Barycentre sweeps: each passage moves towards the mean place of its neighbours."""
    position = {node_id: float(i) for row in rows for i, node_id in enumerate(row)}
    written = dict(position)
    for _ in range(SWEEPS):
        for sweep_rows, neighbours in ((rows[1:], up), (rows[-2::-1], down)):
            for row in sweep_rows:
                def key(node_id: str, neighbours: dict[str, list[str]] = neighbours
                        ) -> tuple[float, float]:
                    near = neighbours.get(node_id)
                    if not near:
                        return (position[node_id], written[node_id])
                    return (sum(position[n] for n in near) / len(near), written[node_id])

                row.sort(key=key)
                for i, node_id in enumerate(row):
                    position[node_id] = float(i)
    return rows


def lay_out(scene: Scene) -> SceneMap:
    """The scene's map: deterministic for a given scene, whatever presenter draws it."""
    edges = _edges(scene)
    back = _back_edges(scene, edges)
    edges = [MapEdge(e.source, e.target, e.choice_id, e.text, e.verdict, e.condition, e.effects,
                     index in back) for index, e in enumerate(edges)]
    layer = _layers(scene, edges)
    count = max(layer.values(), default=-1) + 1
    rows: list[list[str]] = [[] for _ in range(count)]
    for node_id in scene.nodes:  # the order the scene is written in
        rows[layer[node_id]].append(node_id)
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        if not edge.back and edge.source != edge.target:
            up[edge.target].append(edge.source)
            down[edge.source].append(edge.target)
    rows = _order(rows, up, down)
    width = max((len(row) for row in rows), default=0)
    nodes = []
    for number, row in enumerate(rows):
        offset = (width - len(row)) / 2
        for i, node_id in enumerate(row):
            node = scene.nodes[node_id]
            nodes.append(MapNode(node_id, number, offset + i, _kind(scene, node), _label(node),
                                 node.place or scene.place, node.date or scene.date))
    return SceneMap(scene.id, scene.title, tuple(nodes), tuple(edges), count, width)
