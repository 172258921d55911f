"""The nodes of a positioned YAML tree: `YMap`, `YList`, `YScalar`, and scalar resolution.

`yaml_tree.read_yaml` builds these; every loader of author files (scenes,
session plans, reference data) reads them. Each node knows its file, line
and column; a scalar also keeps its raw text, since YAML reads `+1` as the
number 1 while an effect's `+1` means "add one".

Plain scalars are resolved with the YAML 1.2 core schema (`true`/`false`,
whole and decimal numbers, `null`/`~`), not PyYAML's YAML 1.1 rules, so an
author's `No` or `off` stays text.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

import yaml

from game.diagnostics import Location

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


#: The largest whole number a scene may hold: any JSON reader (a save, a record, a
#: browser) keeps it exactly. A larger one is refused where it is written (CN112),
#: never carried into a save that could not be written or read back.
MAX_WHOLE_NUMBER = 2**53
#: Digits past which a number is not converted at all: converting a 100,000-digit
#: decimal takes Python seconds (and over 4,300 digits it refuses).
_LONGEST_NUMBER = 40


def whole_number(raw: str) -> int | None:
    """The whole number a plain scalar's text stands for (None when it is not one).

    Text too long to be a number the game keeps resolves to MAX_WHOLE_NUMBER + 1:
    out of range, so it is reported, without converting thousands of digits.
    """
    if _INT.match(raw):
        return int(raw) if len(raw) <= _LONGEST_NUMBER else MAX_WHOLE_NUMBER + 1
    if _HEX.match(raw):
        return int(raw[2:], 16) if len(raw) <= _LONGEST_NUMBER else MAX_WHOLE_NUMBER + 1
    if _OCT.match(raw):
        return int(raw[2:], 8) if len(raw) <= _LONGEST_NUMBER else MAX_WHOLE_NUMBER + 1
    return None


def number_too_large(raw: str) -> bool:
    """Whether a plain scalar is a whole number beyond MAX_WHOLE_NUMBER (CN112)."""
    whole = whole_number(raw)
    return whole is not None and abs(whole) > MAX_WHOLE_NUMBER


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
        whole = whole_number(raw)
        if whole is not None:
            return whole if abs(whole) <= MAX_WHOLE_NUMBER else 0  # too large: CN112 says so
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
