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

Plain scalars are resolved with the YAML 1.2 core schema (`true`/`false`,
whole and decimal numbers, `null`/`~`), not PyYAML's YAML 1.1 rules, so an
author's `No` or `off` stays text.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

import yaml
from yaml._yaml import CParser  # libyaml, in C: the only parser used here

from game.diagnostics import Diagnostics, Location

#: Files bigger than this are refused before parsing: no scene is near it.
MAX_BYTES = 1_000_000
#: Deeper nesting than this is refused; a scene needs about eight levels.
MAX_DEPTH = 32

#: Explicit tags an author may write; each only says what plain YAML already means.
STANDARD_TAGS = frozenset(
    {"!"}
    | {
        f"tag:yaml.org,2002:{name}"
        for name in ("str", "int", "bool", "float", "null", "map", "seq")
    }
)
_STR_TAG = "tag:yaml.org,2002:str"

_INT = re.compile(r"[-+]?[0-9]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = {
    ".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan"),
}
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})

#: What a resolved scalar can be.
Scalar = str | int | float | bool | None


class YNode:
    """A node of the tree and where it was written (0-based inside, 1-based in `where`)."""

    __slots__ = ("file",)
    file: str

    def position(self) -> tuple[int, int, int]:
        """0-based line, column, and end column (-1 when the node spans several lines)."""
        raise NotImplementedError

    @property
    def where(self) -> Location:
        """Where this node starts, 1-based, with the span length when on one line."""
        line, column, end_column = self.position()
        length = end_column - column if end_column > column else 1
        return Location(self.file, line + 1, column + 1, length)

    def at(self, offset: int, length: int = 1) -> Location:
        """A location `offset` characters into this node (used for conditions)."""
        line, column, _ = self.position()
        return Location(self.file, line + 1, column + 1 + offset, max(length, 1))

    @property
    def kind(self) -> str:
        """What this node is, in an author's words ("a list", "text", …)."""
        raise NotImplementedError


class YScalar(YNode):
    """A scalar: its raw text as written, its quoting style, and its resolved value.

    It keeps libyaml's event rather than copying its parts: most scalars of
    a scene are read once for their text, and only a few for their position,
    so copying every part of every event would be wasted work.
    """

    __slots__ = ("event",)

    def __init__(self, file: str, event: Any) -> None:
        self.file = file
        self.event = event

    @classmethod
    def of(cls, raw: str, file: str = "<text>", line: int = 0, column: int = 0,
           style: str = "") -> YScalar:
        """A scalar made by hand (tests, other loaders): `raw` at 0-based line and column."""
        start = yaml.error.Mark(file, 0, line, column, "", 0)
        end = yaml.error.Mark(file, 0, line, column + len(raw) + (2 if style else 0), "", 0)
        event = yaml.ScalarEvent(None, None, (not style, bool(style)), raw, start, end,
                                 style or None)
        return cls(file, event)

    raw: str = property(attrgetter("event.value"))  # type: ignore[assignment]
    tag: str | None = property(attrgetter("event.tag"))  # type: ignore[assignment]

    @property
    def style(self) -> str:
        """"" plain, "'" or '"' quoted, "|" or ">" block."""
        return self.event.style or ""

    def position(self) -> tuple[int, int, int]:
        start = self.event.start_mark
        end = self.event.end_mark
        return start.line, start.column, end.column if end.line == start.line else -1

    @property
    def where(self) -> Location:
        # The same as YNode.where, inlined: scalars' positions are asked for most often.
        event = self.event
        start = event.start_mark
        end = event.end_mark
        line = start.line
        column = start.column
        length = end.column - column if end.line == line and end.column > column else 1
        return Location(self.file, line + 1, column + 1, length)

    @property
    def plain(self) -> bool:
        """Written without quotes or block style: only then does YAML resolve its type."""
        event = self.event
        return not event.style and event.tag != _STR_TAG and event.tag != "!"

    @property
    def value(self) -> Scalar:
        """The value with the YAML 1.2 core schema: bool, int, float, None or text."""
        return resolve_scalar(self.event.value) if self.plain else self.event.value

    @property
    def text_offset(self) -> int:
        """Columns between the node's start and its text: 1 for a quoted scalar."""
        return 1 if self.style in ("'", '"') else 0

    @property
    def kind(self) -> str:
        return kind_of_value(self.value)


class YList(YNode):
    """A sequence of nodes."""

    __slots__ = ("column", "items", "line")

    def __init__(self, file: str, line: int, column: int) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.items: list[YNode] = []

    def position(self) -> tuple[int, int, int]:
        return self.line, self.column, -1

    @property
    def kind(self) -> str:
        return "a list"

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class YMap(YNode):
    """A mapping from plain-text keys to nodes, keeping each key's own node for its position."""

    __slots__ = ("_pending", "column", "items", "keys", "line")

    def __init__(self, file: str, line: int, column: int) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.items: dict[str, YNode] = {}
        self.keys: dict[str, YScalar] = {}
        self._pending: YScalar | bool | None = None  # the key awaiting its value while reading

    @property
    def kind(self) -> str:
        return "a mapping"

    def get(self, key: str) -> YNode | None:
        return self.items.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self.items

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def position(self) -> tuple[int, int, int]:
        return self.line, self.column, -1

    def key_where(self, key: str) -> Location:
        """Where `key` itself is written (falls back to the mapping's own position)."""
        node = self.keys.get(key)
        return node.where if node is not None else self.where


def resolve_scalar(raw: str) -> Scalar:
    """Resolve a plain scalar's text with the YAML 1.2 core schema."""
    if raw in _NULL:
        return None
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    first = raw[0]
    if first in "0123456789+-.":
        if _INT.match(raw):
            return int(raw)
        if _HEX.match(raw):
            return int(raw[2:], 16)
        if _OCT.match(raw):
            return int(raw[2:], 8)
        if _FLOAT.match(raw):
            return float(raw)
        special = _SPECIAL_FLOAT.get(raw.lower())
        if special is not None:
            return special
    return raw


def kind_of_value(value: Scalar) -> str:
    """A resolved scalar's type in an author's words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    return "text"


def read_yaml(data: bytes | str, filename: str, diagnostics: Diagnostics) -> YMap | None:
    """Read one YAML document that must be a mapping; report every problem found.

    Returns None when the file cannot be read as a mapping at all (syntax
    error, too deep, empty, not a mapping …). Otherwise returns the tree, even
    when softer problems (a duplicate key, an alias, a tag) were reported:
    callers go on checking it, and decide by `diagnostics.has_errors`.
    """
    raw = _as_utf8_bytes(data, filename, diagnostics)
    if raw is None:
        return None
    root = _build_tree(raw, filename, diagnostics)
    if root is None:
        return None
    if not isinstance(root, YMap):
        diagnostics.add("CN110", root.where, found=root.kind)
        return None
    return root


def _as_utf8_bytes(data: bytes | str, filename: str, diagnostics: Diagnostics) -> bytes | None:
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
    if len(raw) > MAX_BYTES:
        diagnostics.add("CN102", start, size=len(raw), limit=MAX_BYTES,
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
        diagnostics.add("CN104", where, hint=_syntax_hint(problem, raw, where), problem=problem)
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


def _syntax_hint(problem: str, raw: bytes, where: Location) -> str:
    """A hint for the commonest syntax slips authors make."""
    lines = raw.decode("utf-8", "replace").splitlines()
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    if "tab" in problem or "\t" in line[: where.column]:
        return "indent with spaces, never tabs"
    if "mapping values are not allowed" in problem:
        return "a value holding ': ' needs quotes around it"
    return ""


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
