"""Reads one YAML file into a positioned tree (`YMap`, `YList`, `YScalar`), safely.

Every author file the game reads (scenes, session plans, reference data) goes
through `read_yaml`, so they all get the same protections and the same
diagnostics:

- libyaml's C parser is used, but only for *events*: no Python object is ever
  built from a tag, and the tree is assembled here without recursion, so a
  100,000-deep `[[[[…` stops at `MAX_DEPTH` instead of exhausting the C stack
  (libyaml's own composer is recursive);
- anchors and aliases are refused outright (no alias bombs), as are
  non-standard tags, duplicate keys, several documents and non-UTF-8 bytes;
- every node keeps its line and column, and every scalar its raw text: YAML
  reads `+1` as the number 1, but in an effect `+1` means "add one".

The node classes live in `yaml_nodes.py`; they are re-exported here, where
the other loaders import them from.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml._yaml import CParser  # libyaml, in C: the only parser used here

from game.diagnostics import Diagnostics, Location
from game.loading.syntax_hints import syntax_hint
from game.loading.yaml_nodes import (
    MAX_WHOLE_NUMBER,
    STANDARD_TAGS,
    Scalar,
    YList,
    YMap,
    YNode,
    YScalar,
    kind_of_value,
    number_too_large,
    resolve_scalar,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_SCENE_BYTES",
    "STANDARD_TAGS",
    "Scalar",
    "YList",
    "YMap",
    "YNode",
    "YScalar",
    "kind_of_value",
    "read_yaml",
    "resolve_scalar",
]

#: Plans, walkthroughs and reference files bigger than this are refused before parsing.
MAX_BYTES = 1_000_000
#: A scene may be larger: 10,000 cited passages take about 13 MB. Its nesting depth and
#: aliases are refused as in every other file, and a bigger one is refused unread.
MAX_SCENE_BYTES = 16_000_000
#: Deeper nesting than this is refused; a scene needs about eight levels.
MAX_DEPTH = 32
#: How libyaml words its own nesting limit (1,000 levels, since 0.2.6).
LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


def read_yaml(data: bytes | str, filename: str, diagnostics: Diagnostics,
              max_bytes: int = MAX_BYTES) -> YMap | None:
    """Read one YAML document that must be a mapping; report every problem found.

    Returns None when the file cannot be read as a mapping at all (syntax
    error, too deep, empty, not a mapping …). Otherwise returns the tree, even
    when softer problems (a duplicate key, an alias, a tag) were reported:
    callers go on checking it, and decide by `diagnostics.has_errors`.
    """
    raw = _as_utf8_bytes(data, filename, diagnostics, max_bytes)
    if raw is None:
        return None
    root = _build_tree(raw, filename, diagnostics)
    if root is None:
        return None
    if not isinstance(root, YMap):
        diagnostics.add("CN110", root.where, found=root.kind)
        return None
    return root


def _as_utf8_bytes(data: bytes | str, filename: str, diagnostics: Diagnostics,
                   max_bytes: int = MAX_BYTES) -> bytes | None:
    """The file as UTF-8 bytes, after the size, encoding and emptiness checks."""
    start = Location(filename, 1, 1)
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate in a Python str
            bad = data[error.start].encode("utf-8", "surrogatepass")[:1].hex()
            diagnostics.add("CN103", _offset_location(data, error.start, filename),
                            byte=bad, offset=error.start)
            return None
    else:
        raw = bytes(data)
    if len(raw) > max_bytes:
        diagnostics.add("CN102", start, size=len(raw), limit=max_bytes,
                        hint="check this is the right file: hand-written ones are far smaller")
        return None
    if not isinstance(data, str):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            good = raw[: error.start].decode("utf-8")
            diagnostics.add(
                "CN103", _offset_location(good, len(good), filename),
                hint="save the file as UTF-8 in your editor",
                byte=raw[error.start : error.start + 1].hex(), offset=error.start,
            )
            return None
    else:
        text = data
    if not text.strip():
        diagnostics.add("CN101", start, hint="write its keys, one per line, like 'title: ...'")
        return None
    return raw


def _offset_location(text: str, offset: int, filename: str) -> Location:
    """The 1-based line and column of character `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(filename, line, column)


def _build_tree(raw: bytes, filename: str, diagnostics: Diagnostics) -> YNode | None:
    """Assemble the first document's tree from libyaml events, without recursion."""
    parser: Any = CParser(raw)
    try:
        return _consume_events(parser, filename, diagnostics)
    except yaml.MarkedYAMLError as error:
        mark: Any = error.problem_mark or error.context_mark
        where = (Location(filename, mark.line + 1, mark.column + 1) if mark is not None
                 else Location(filename, 1, 1))
        problem = error.problem or error.context or "not valid YAML"
        if LIBYAML_DEPTH_PROBLEM in problem:
            # libyaml 0.2.6+ scans far ahead inside flow collections and stops
            # at its own depth limit before any event reaches MAX_DEPTH.
            diagnostics.add("CN106", where, hint="flatten the structure", limit=MAX_DEPTH)
            return None
        hint = syntax_hint(problem, error.context or "", raw.decode("utf-8", "replace"), where)
        diagnostics.add("CN104", where, hint=hint, problem=problem)
        return None
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        position = int(getattr(error, "position", 0))
        text = raw.decode("utf-8", "replace")
        reason = str(getattr(error, "reason", "")) or "unacceptable character"
        diagnostics.add("CN104", _offset_location(text, min(position, len(text)), filename),
                        problem=reason)
        return None
    finally:
        parser.dispose()


def _consume_events(parser: Any, filename: str, diagnostics: Diagnostics) -> YNode | None:
    """The event loop: a stack of open collections instead of recursion.

    This loop runs once per YAML event of every scene, so it is written for
    speed: the innermost open collection is kept in `top`, a scalar (most
    events) is attached in place, and nodes are made with `__new__`.
    """
    get_event = parser.get_event
    stack: list[Any] = []
    top: Any = None  # the innermost open collection, stack[-1]
    top_is_map = False
    root: YNode | None = None
    documents = 0
    new_scalar = YScalar.__new__
    scalar_cls = yaml.ScalarEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    while True:
        event = get_event()
        cls = type(event)
        node: Any
        if cls is scalar_cls:
            node = new_scalar(YScalar)
            node.file = filename
            node.event = event
            if len(event.value) > 15 and not event.style:  # maybe too large a number
                _check_number(node, diagnostics)
            tag = event.tag
            if event.anchor is not None or (tag is not None and tag not in STANDARD_TAGS):
                _check_anchor_and_tag(event, filename, diagnostics)
            if top_is_map:  # the fast paths: a plain key, or a key's value
                pending = top._pending
                if pending is None:
                    key = event.value
                    if key not in top.keys:
                        top._pending = node
                        continue
                elif pending is not False:
                    key = pending.event.value
                    top.keys[key] = pending
                    top.items[key] = node
                    top._pending = None
                    continue
            elif top is not None:
                top.items.append(node)
                continue
        elif cls is map_end or cls is seq_end:
            node = stack.pop()
            top = stack[-1] if stack else None
            top_is_map = type(top) is YMap
        elif cls is map_start or cls is seq_start:
            mark = event.start_mark
            if len(stack) >= MAX_DEPTH:
                diagnostics.add("CN106", Location(filename, mark.line + 1, mark.column + 1),
                                hint="flatten the structure", limit=MAX_DEPTH)
                return None
            if event.anchor is not None or (event.tag is not None
                                            and event.tag not in STANDARD_TAGS):
                _check_anchor_and_tag(event, filename, diagnostics)
            top_is_map = cls is map_start
            top = (YMap(filename, mark.line, mark.column) if top_is_map
                   else YList(filename, mark.line, mark.column))
            stack.append(top)
            continue
        elif cls is yaml.AliasEvent:
            mark = event.start_mark
            diagnostics.add("CN105", Location(filename, mark.line + 1, mark.column + 1),
                            hint="write the value out again instead of '*" + event.anchor + "'")
            node = YScalar(filename, yaml.ScalarEvent(None, None, (True, False), "",
                                                      mark, event.end_mark, None))
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                diagnostics.add("CN109", Location(filename, mark.line + 1, mark.column + 1),
                                hint="put each scene in its own file")
                return root
            continue
        elif cls is yaml.StreamEndEvent:
            if documents == 0:
                diagnostics.add("CN101", Location(filename, 1, 1),
                                hint="the file holds only comments")
            return root
        else:  # stream start, document end
            continue
        if top is None:
            root = node
        elif top_is_map:
            _attach_to_map(top, node, diagnostics)
        else:
            top.items.append(node)


def _check_number(node: YScalar, diagnostics: Diagnostics) -> None:
    """A whole number too large for a save to hold is an error where it is written."""
    raw = node.event.value
    if node.plain and number_too_large(raw):
        shown = raw if len(raw) <= 24 else f"{raw[:12]}…{raw[-6:]} ({len(raw):,} characters)"
        diagnostics.add("CN112", node.where, value=shown, limit=f"{MAX_WHOLE_NUMBER:,}",
                        hint="scene numbers count things (trust, days): keep them small")


def _attach_to_map(parent: YMap, node: YNode, diagnostics: Diagnostics) -> None:
    """Put a finished node into a mapping, as a key or as the pending key's value.

    The slow path of `_consume_events`: collections, and keys that are not
    plain text or are written twice.
    """
    pending = parent._pending
    if pending is None:  # this node is a key
        if not isinstance(node, YScalar):
            diagnostics.add("CN111", node.where, found=node.kind,
                            hint="keys are plain words like 'text'")
            parent._pending = False  # its value will be dropped
            return
        key = node.raw
        first = parent.keys.get(key)
        if first is not None:
            diagnostics.add("CN108", node.where, key=key,
                            first_line=first.where.line, hint="delete one of them")
            parent._pending = False
            return
        parent._pending = node
        return
    parent._pending = None
    if isinstance(pending, YScalar):
        parent.keys[pending.raw] = pending
        parent.items[pending.raw] = node


def _check_anchor_and_tag(event: Any, filename: str, diagnostics: Diagnostics) -> None:
    mark = event.start_mark
    where = Location(filename, mark.line + 1, mark.column + 1)
    if event.anchor is not None:
        diagnostics.add("CN105", where, hint=f"remove '&{event.anchor}' and write values out")
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in STANDARD_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        diagnostics.add("CN107", where, tag=shown, hint="remove the tag")
