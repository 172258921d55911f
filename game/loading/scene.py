"""Builds one `Scene` from a scene file's positioned tree, checking shape and references.

The top-level card, the variables, then every node (see `nodes.py`), then the
references between nodes: `start`, each `goto` and each `next`. Everything
is checked in one pass; the caller decides from the diagnostics whether the
scene can be used.
"""

from __future__ import annotations

from types import MappingProxyType

from game.diagnostics import Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.loading.expressions import RESERVED_NAMES
from game.loading.headers import carry_headers
from game.loading.nodes import SceneContext, read_node
from game.loading.shape import (
    check_id,
    check_keys,
    id_of,
    int_of,
    map_of,
    number_of,
    text_of,
    texts_of,
    wrong_type,
)
from game.loading.yaml_tree import YMap, YScalar
from game.model import Node, Scene, Value, VarType
from game.sources.library import SourceLibrary

#: The newest scene format this game reads. Format 1 promises: every key documented in
#: docs/scene-format.md keeps its meaning; later versions only add optional keys.
#: Format 2 adds `ask`, `text` as a list of conditional parts, `min_decisions` and
#: `central`, and shows `discuss` after the record (format 1 files load unchanged,
#: their `discuss` moving after the reveal too).
SCENE_FORMAT = 2

SCENE_REQUIRED = ("id", "title", "place", "date", "role", "summary", "start", "nodes")
SCENE_KEYS = (*SCENE_REQUIRED, "format", "order", "length_minutes", "content_notes", "vars",
              "min_decisions", "central")
#: Scene keys a file may use only once it says `format: 2`.
FORMAT_2_SCENE_KEYS = ("min_decisions", "central")
#: Decisions every path from the start to an ending passes, unless the scene says otherwise.
DEFAULT_MIN_DECISIONS = 4


def build_scene(
    root: YMap,
    filename: str,
    content_hash: str,
    library: SourceLibrary,
    diagnostics: Diagnostics,
    source: bytes | str = b"",
) -> Scene | None:
    """The scene described by `root`, or None when it is too broken to build at all."""
    fmt = int_of(root, "format", diagnostics, default=1)  # a file without it is format 1
    if fmt > SCENE_FORMAT:
        node = root.items["format"]
        diagnostics.add("CN207", node.where, found=fmt, supported=SCENE_FORMAT,
                        hint="update the game to read this scene")
        return None  # a newer format is refused rather than misread
    if fmt < 1:
        diagnostics.add("CN205", root.items["format"].where, value=fmt,
                        kind="scene format",
                        allowed=", ".join(str(n) for n in range(1, SCENE_FORMAT + 1)))
    check_keys(root, SCENE_REQUIRED, SCENE_KEYS, "the scene", diagnostics)
    scene_id = id_of(root, "id", diagnostics)
    id_node = root.items.get("id")
    variables = _read_variables(root, diagnostics)
    types = {name: VarType.of(value) for name, value in variables.items()}
    context = SceneContext(library=library, variables=types, diagnostics=diagnostics,
                           source=source, format=fmt)
    for key in FORMAT_2_SCENE_KEYS:
        if key in root.items:
            context.needs_format_2(key, root.key_where(key))
    min_decisions = int_of(root, "min_decisions", diagnostics, default=DEFAULT_MIN_DECISIONS)
    if min_decisions < 0:
        diagnostics.add("CN205", root.items["min_decisions"].where, value=min_decisions,
                        kind="number of decisions", allowed="0 or more")
        min_decisions = DEFAULT_MIN_DECISIONS
    central = id_of(root, "central", diagnostics)
    central_node = root.items.get("central")
    if central and isinstance(central_node, YScalar):
        context.references.append((central, central_node))
    nodes = _read_nodes(root, context)
    _check_references(root, nodes, context)
    place, date = text_of(root, "place", diagnostics), text_of(root, "date", diagnostics)
    start = text_of(root, "start", diagnostics)
    nodes = carry_headers(nodes, start, {"place": place, "date": date})
    return Scene(
        id=scene_id,
        title=text_of(root, "title", diagnostics),
        place=place,
        date=date,
        role=text_of(root, "role", diagnostics),
        summary=text_of(root, "summary", diagnostics),
        start=start,
        nodes=MappingProxyType(nodes),
        where=id_node.where if id_node is not None else Location(filename, 1, 1),
        content_hash=content_hash,
        variables=MappingProxyType(variables),
        content_notes=texts_of(root, "content_notes", diagnostics),
        length_minutes=int_of(root, "length_minutes", diagnostics),
        order=number_of(root, "order", diagnostics),
        format=fmt,
        min_decisions=min_decisions,
        central=central,
    )


def _read_variables(root: YMap, diagnostics: Diagnostics) -> dict[str, Value]:
    """`vars:`: each snake_case name with a starting value that fixes its type."""
    declared = map_of(root, "vars", diagnostics)
    if declared is None:
        return {}
    variables: dict[str, Value] = {}
    for name, node in declared.items.items():
        key = declared.keys[name]
        if name in RESERVED_NAMES:
            diagnostics.add("CN307", key.where, name=name, hint="choose another name")
            continue
        if not check_id(name, key, diagnostics, code="CN306"):
            continue
        value = node.value if isinstance(node, YScalar) else None
        if value is None or isinstance(value, float):
            wrong_type(name, node, "a whole number, true/false or text", diagnostics)
            continue
        variables[name] = value
    return variables


def _read_nodes(root: YMap, context: SceneContext) -> dict[str, Node]:
    declared = map_of(root, "nodes", context.diagnostics)
    if declared is None:
        return {}
    if not declared.items:
        context.diagnostics.add("CN206", root.key_where("nodes"), what="'nodes'")
    nodes: dict[str, Node] = {}
    for node_id, body in declared.items.items():
        node = read_node(node_id, declared.keys[node_id], body, context)
        if node is not None:
            nodes[node_id] = node
    return nodes


def _check_references(root: YMap, nodes: dict[str, Node], context: SceneContext) -> None:
    """`start`, every `goto` and every `next` must name a node of this scene."""
    diagnostics = context.diagnostics
    declared = root.items.get("nodes")
    if not isinstance(declared, YMap):
        return  # 'nodes' is missing or not a mapping, already reported: no cascade
    node_ids = set(declared.items)
    start_node = root.items.get("start")
    if isinstance(start_node, YScalar) and start_node.raw and start_node.raw not in node_ids:
        diagnostics.add("CN302", start_node.where, target=start_node.raw,
                        hint=did_you_mean(start_node.raw, node_ids)
                        or _first_node_hint(declared))
    for target, node in context.references:
        if target not in node_ids:
            diagnostics.add("CN301", node.where, target=target,
                            hint=did_you_mean(target, node_ids))


def _first_node_hint(declared: object) -> str:
    if isinstance(declared, YMap) and declared.items:
        return f"the first node written is '{next(iter(declared.items))}'"
    return ""
