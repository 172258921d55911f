"""A scene's state machine as a Mermaid or DOT diagram, drawn by transitions' diagram support.

Mermaid text comes from transitions' own `GraphMachine` with its Mermaid
engine (no graphviz needed). DOT is written here from the same machine's
markup (`get_markup_config`), because transitions' DOT engines need the
graphviz Python package, which the game does not ship. Like `machine.py`,
this module keeps `transitions`' names inside `game/engine`.

Marked on the diagram: the start, each ending (historical or counterfactual,
by colour and shape), each option's verdict (in its label; by colour in DOT),
locked options' conditions, and optionally a playthrough's path (its nodes
and steps numbered).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

from game.model import Choice, EndingKind, Node, Scene, Verdict

FORMATS = ("mermaid", "dot")

#: node style name -> graphviz-style attributes (transitions turns them into Mermaid classDefs)
NODE_STYLES: dict[str, dict[str, str]] = {
    "passage": {"fillcolor": "white", "color": "black"},
    "decision": {"fillcolor": "#fff8dc", "color": "black"},
    "ending_historical": {"fillcolor": "#c8e6c9", "color": "#1b5e20", "shape": "doubleoctagon"},
    "ending_counterfactual": {"fillcolor": "#ffe0b2", "color": "#e65100",
                              "shape": "doubleoctagon"},
    "path": {"fillcolor": "#bbdefb", "color": "#0d47a1"},
    "path_end": {"fillcolor": "#64b5f6", "color": "#0d47a1"},
}
VERDICT_COLOURS = {
    Verdict.HISTORICAL: "#1b5e20",
    Verdict.DIVERGED: "#e65100",
    Verdict.UNRECORDED: "#616161",
    Verdict.DISPUTED: "#6a1b9a",
}
PATH_COLOUR = "#0d47a1"


def _node_style(node: Node) -> str:
    if node.ending is not None:
        return ("ending_historical" if node.ending.kind is EndingKind.HISTORICAL
                else "ending_counterfactual")
    return "decision" if node.is_decision else "passage"


def _tags(scene: Scene, node: Node) -> list[str]:
    tags = []
    if node.id == scene.start:
        tags.append("start")
    if node.ending is not None:
        tags.append(f"ending {node.ending.kind.value}")
    elif node.is_decision:
        tags.append("decision")
    return tags


def _label(choice: Choice | None, steps: list[int]) -> str:
    if choice is None:
        label = "continue"
    else:
        label = choice.id
        if choice.record is not None:
            label += f" ({choice.record.verdict.value})"
        if choice.condition is not None:
            label += " if " + " ".join(choice.condition.text.split())
    if steps:
        label += " step " + ",".join(str(step) for step in steps)
    # ':' and '"' end a Mermaid label early; '|' joins labels in transitions.
    return label.replace(":", " ").replace('"', "'").replace("|", "/").replace("\\", "/")


def _machine(scene: Scene, path: Sequence[tuple[str, str]]) -> tuple[Any, Any]:
    """A GraphMachine (Mermaid engine) mirroring the scene, and its model."""
    from transitions.extensions.diagrams import GraphMachine
    from transitions.extensions.states import Tags, add_state_features

    @add_state_features(Tags)
    class _SceneGraph(GraphMachine):
        pass

    steps: dict[tuple[str, str], list[int]] = {}
    for number, (node_id, option_id) in enumerate(path, start=1):
        steps.setdefault((node_id, option_id), []).append(number)
    states = [{"name": node.id, "tags": _tags(scene, node)} for node in scene.nodes.values()]
    transitions = []
    for node in scene.nodes.values():
        if node.next:
            transitions.append({"trigger": f"{node.id}__continue", "source": node.id,
                                "dest": node.next,
                                "label": _label(None, steps.get((node.id, "continue"), []))})
        for choice in node.choices:
            transitions.append({"trigger": f"{node.id}__{choice.id}", "source": node.id,
                                "dest": choice.goto,
                                "label": _label(choice, steps.get((node.id, choice.id), []))})

    class _Model:
        node = scene.start

    model = _Model()
    machine = _SceneGraph(
        model=model, states=states, transitions=transitions, initial=scene.start,
        auto_transitions=False, graph_engine="mermaid", title=scene.title,
        model_attribute="node", show_state_attributes=True,
    )
    # Styles are per machine: copy before adding ours, so the class's stay untouched.
    styles: dict[str, Any] = copy.deepcopy(machine.style_attributes)
    styles["node"].update(copy.deepcopy(NODE_STYLES))
    machine.style_attributes = styles
    return machine, model


def _styles(scene: Scene, path: Sequence[tuple[str, str]], end: str | None) -> dict[str, str]:
    styles = {node.id: _node_style(node) for node in scene.nodes.values()}
    for node_id, _option in path:
        if styles.get(node_id, "").startswith("ending"):
            continue
        styles[node_id] = "path"
    if end is not None and end in styles and not styles[end].startswith("ending"):
        styles[end] = "path_end"
    return styles


def draw(
    scene: Scene,
    fmt: str = "mermaid",
    path: Sequence[tuple[str, str]] = (),
    end: str | None = None,
) -> str:
    """The diagram's text; `path` is a playthrough's (node, option) steps, `end` its last node."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown diagram format '{fmt}'; expected one of {FORMATS}")
    machine, model = _machine(scene, path)
    styles = _styles(scene, path, end)
    if fmt == "dot":
        return _dot(scene, machine.get_markup_config(), styles, machine.style_attributes, path)
    graph = machine.model_graphs[id(model)]
    graph.reset_styling()
    for node_id, style in styles.items():
        graph.set_node_style(node_id, style)
    text = str(model.get_graph().source)
    # transitions writes the title as bare front matter; Mermaid reads front matter as YAML.
    bare = f"---\n{scene.title}\n---\n"
    if text.startswith(bare):
        title = json.dumps(scene.title, ensure_ascii=False)
        text = f"---\ntitle: {title}\n---\n" + text[len(bare):]
    return text + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def _attrs(attributes: dict[str, str]) -> str:
    return ", ".join(f"{key}={_quote(value)}" for key, value in attributes.items())


def _dot(
    scene: Scene,
    markup: dict[str, Any],
    styles: dict[str, str],
    style_attributes: dict[str, Any],
    path: Sequence[tuple[str, str]],
) -> str:
    taken = set(path)
    lines = [
        f"digraph {_quote(scene.id)} {{",
        f"  label={_quote(scene.title)}; labelloc=t; rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        '  "__start__" [shape=point, width=0.15, label=""];',
    ]
    for state in markup["states"]:
        name = state["name"]
        label = name + "".join(f"\\n[{tag}]" for tag in state.get("tags", []))
        attributes = {"label": label}
        attributes.update(style_attributes["node"].get(styles[name], {}))
        if name == scene.start:
            attributes["penwidth"] = "2"
        lines.append(f"  {_quote(name)} [{_attrs(attributes)}];")
    lines.append(f"  \"__start__\" -> {_quote(scene.start)};")
    for transition in markup["transitions"]:
        source, dest = transition["source"], transition["dest"]
        option = transition["trigger"].split("__", 1)[1]
        attributes = {"label": transition.get("label", option)}
        node = scene.nodes[source]
        choice = next((c for c in node.choices if c.id == option), None)
        if choice is not None and choice.record is not None:
            attributes["color"] = VERDICT_COLOURS[choice.record.verdict]
            attributes["fontcolor"] = VERDICT_COLOURS[choice.record.verdict]
        if choice is not None and choice.condition is not None:
            attributes["style"] = "dashed"
        if (source, option) in taken:
            attributes.update({"color": PATH_COLOUR, "penwidth": "3"})
        lines.append(f"  {_quote(source)} -> {_quote(dest)} [{_attrs(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
