"""Plain-words hints for YAML syntax errors: what libyaml's message means, and what to change.

libyaml says "mapping values are not allowed in this context" or "did not
find expected '-' indicator"; an author needs "this line is indented one
space further than the one above". Most syntax errors in hand-written
scenes are indentation slips, so the indentation of the line at fault is
compared with the lines above it first; the message's own meaning is the
fallback.
"""

from __future__ import annotations

from game.diagnostics import Location

#: libyaml problems that usually mean a line is indented wrongly.
_INDENTATION_PROBLEMS = (
    "mapping values are not allowed",
    "did not find expected",
    "expected <block end>",
    "could not find expected ':'",
    "block sequence entries are not allowed",
)
_BLOCK_OPENERS = (":", "|", ">", "|-", ">-", "|+", ">+")


def syntax_hint(problem: str, context: str, text: str, where: Location) -> str:
    """A hint for the syntax error `problem` (libyaml's words) found at `where` in `text`."""
    lines = text.splitlines()
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    if "tab" in problem or "\t" in line[: where.column]:
        return "indent with spaces, never tabs"
    curly = _typographic_delimiter(line)
    if curly:
        key, mark, value = curly
        fixed = value[1:-1] if value[-1] in _CLOSING_MARKS else value[1:]
        fixed = fixed.replace("\\", "\\\\").replace('"', '\\"')
        return (f"the value starts with the typographic quotation mark {mark}, which YAML "
                f"does not read as a quote; use straight quotes: {key}: \"{fixed}\"")
    if any(part in problem for part in _INDENTATION_PROBLEMS):
        hint = _indentation_hint(lines, where.line)
        if hint:
            return hint
    if "mapping values are not allowed" in problem:
        return "a value holding ': ' needs quotes around it"
    if "expected '-' indicator" in problem:
        return ("the items of a list each start with '- ', all in the same column, and each "
                "item's keys line up under its first key; check this line's indentation")
    if "did not find expected key" in problem:
        return ("check the indentation of this line: it must line up with the keys, or the "
                "'- ' items, it belongs with")
    if "quoted scalar" in context and "end of stream" in problem:
        return "a quote is opened but never closed: end the text with the same quote mark"
    if "expected node content" in problem or "expected ',' or" in problem:
        return ("a list or mapping opened with '[' or '{' is not closed here, or holds a "
                "value that needs quotes")
    if "cannot start any token" in problem:
        return "put quotes around text that starts with a character such as ` @ or %"
    return ""


#: Typographic quotation marks that open a value a word processor pasted.
_OPENING_MARKS = "\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300e\u201d"
_CLOSING_MARKS = "\u201d\u2019\u201c\u00bb\u00ab\u203a\u2039\u300d\u300f"


def _typographic_delimiter(line: str) -> tuple[str, str, str] | None:
    """(key, mark, value) when the line is `key: “…` with a typographic mark opening the value."""
    head, sep, value = line.partition(": ")
    value = value.strip()
    if not sep or not value or value[0] not in _OPENING_MARKS:
        return None
    return head.strip(), value[0], value


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _columns(line: str) -> set[int]:
    """The columns (0-based) where a line's structure starts: its key, or its '- ' and key."""
    indent = _indent(line)
    return {indent, indent + 2} if line.lstrip().startswith("- ") else {indent}


def _indentation_hint(lines: list[str], number: int) -> str:
    """When line `number` (1-based) is indented differently from the lines above: how."""
    if not 0 < number <= len(lines) or not lines[number - 1].strip():
        return ""
    current = lines[number - 1]
    above = [line for line in lines[: number - 1]
             if line.strip() and not line.lstrip().startswith("#")]
    if not above:
        return ""
    indent = _indent(current)
    previous = above[-1]
    opens = previous.split(" #")[0].rstrip().endswith(_BLOCK_OPENERS)
    if indent > max(_columns(previous)) and not opens:
        return (f"this line is indented further than the line above it (column {indent + 1}, "
                f"not {_indent(previous) + 1}): the keys of one mapping, and the items of one "
                "list, start in the same column")
    used: list[int] = []
    for line in reversed(above):  # the nearest lines first
        used.extend(sorted(_columns(line) - set(used)))
    if indent in used:
        return ""
    if current.lstrip().startswith("- "):
        dashes = [_indent(line) for line in reversed(above) if line.lstrip().startswith("- ")]
        if dashes:
            target = min(dashes, key=lambda column: abs(column - indent))
            return (f"this '- ' item starts at column {indent + 1}, but the items of the list "
                    f"above start at column {target + 1}: line them up")
    target = min(used, key=lambda column: abs(column - indent))
    return (f"this line starts at column {indent + 1}, which lines up with no line above it; "
            f"the keys it belongs with start at column {target + 1}")
