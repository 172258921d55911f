"""Where a character of a scalar's *value* was written in the file: line and column.

YAML hands the loader a scalar's value, not what the author typed: a folded
block (`if: >-`) or a plain scalar wrapped onto the next line has its line
breaks turned into spaces, `''` in single quotes is one quote, `\\u0022` in
double quotes is one character. A condition's problem is found at an offset
into the value; to point the author at the right line and column, that
offset is mapped back onto the raw text between the scalar's start and end
marks.

The mapping aligns the value with the raw text, character by character,
knowing only what YAML may put between them (escapes, doubled quotes,
folded whitespace, indentation). When the two cannot be aligned (a case
this does not know), it gives up and every offset points at the scalar's
start: never at a wrong place, never past the end of a line.
"""

from __future__ import annotations

from collections.abc import Callable

from game.loading.yaml_nodes import YScalar

#: (1-based line, 1-based column, span length) of a span of the value.
Place = tuple[int, int, int]
#: A value offset and span length -> where they were written.
Locator = Callable[[int, int], Place]

_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}
_BLANK = " \t\r\n"


def scalar_locator(node: YScalar, document: str) -> Locator:
    """A function from (offset in `node`'s value, length) to where it stands in `document`."""
    start = node.event.start_mark
    end = node.event.end_mark
    raw = document[start.index:end.index] if 0 <= start.index <= end.index else ""
    positions = align(node.raw, raw, node.style) if raw else None
    scalar_start = (start.line + 1, start.column + 1)

    def locate(offset: int, length: int = 1) -> Place:
        if not positions:
            first_line_end = raw.find("\n")
            room = (first_line_end if first_line_end >= 0 else len(raw)) or 1
            return (*scalar_start, max(1, min(length, room)))
        first = _raw_index(positions, raw, offset)
        last = _raw_index(positions, raw, max(offset, offset + length - 1))
        line, column = _line_column(raw, first, start.line, start.column)
        last_line, last_column = _line_column(raw, last, start.line, start.column)
        if last_line == line and last_column >= column:
            span = last_column - column + 1
        else:  # the span runs onto the next line: mark up to the end of this one
            line_end = raw.find("\n", first)
            span = (line_end if line_end >= 0 else len(raw)) - first
        return line, column, max(span, 1)

    return locate


def _raw_index(positions: list[int], raw: str, offset: int) -> int:
    """The raw index of value offset `offset`; just past the value for its very end."""
    if offset < len(positions):
        return positions[max(offset, 0)]
    after = positions[-1] + 1
    return after if after < len(raw) and raw[after] not in "\r\n" else positions[-1]


def _line_column(raw: str, index: int, line: int, column: int) -> tuple[int, int]:
    """1-based line and column of `raw[index]`, the raw text starting at 0-based line/column."""
    breaks = raw.count("\n", 0, index)
    if not breaks:
        return line + 1, column + index + 1
    return line + breaks + 1, index - raw.rfind("\n", 0, index)


def align(value: str, raw: str, style: str) -> list[int] | None:
    """For each character of `value`, its index in `raw`; None when they cannot be aligned."""
    index = 0
    indent = -1  # block scalars: the content's indentation, skipped after each line break
    if style in ("'", '"'):
        index = 1
    elif style in ("|", ">"):
        index = raw.find("\n") + 1
        if index == 0:
            return None
        indent = _block_indent(raw, index)
        index = _skip_indent(raw, index, indent)
    positions: list[int] = []
    length = len(raw)
    for char in value:
        while True:
            if index >= length:
                return None
            found = raw[index]
            if style == '"' and found == "\\":
                if raw[index + 1:index + 2] in ("\n", "\r"):  # an escaped line break: nothing
                    index += 2
                    continue
                positions.append(index)
                index += _ESCAPE_LENGTHS.get(raw[index + 1:index + 2], 2)
                break
            if style == "'" and found == "'" and char == "'" and raw[index + 1:index + 2] == "'":
                positions.append(index)
                index += 2
                break
            if found == char:
                positions.append(index)
                index += 1
                if char == "\n" and indent >= 0:
                    index = _skip_indent(raw, index, indent)
                break
            if found in _BLANK and char in " \n":  # a line break folded into a space, or kept
                positions.append(index)
                index += 1
                if found == "\n" and indent >= 0:
                    index = _skip_indent(raw, index, indent)
                break
            if found in _BLANK:  # indentation, or whitespace YAML strips at a line's end
                index += 1
                if found == "\n" and indent >= 0:
                    index = _skip_indent(raw, index, indent)
                continue
            return None
    return positions


def _block_indent(raw: str, index: int) -> int:
    """The indentation of a block scalar's first line that holds something."""
    for line in raw[index:].split("\n"):
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return 0


def _skip_indent(raw: str, index: int, indent: int) -> int:
    skipped = 0
    while skipped < indent and index < len(raw) and raw[index] == " ":
        index += 1
        skipped += 1
    return index
