"""Hints for a condition an author got wrong: the operator they meant, how to fit the types.

A condition that does not parse is most often an operator from another
language or a slip of the finger (`=` for `==`, `=>` for `>=`, `&&` for
`and`); a type mismatch most often a number written in quotes, or a
true/false compared with 1. These say so in the author's own terms.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from game.model import VarType

#: What an author who wrote a refused operator probably meant.
BINOP_HINTS: dict[type, str] = {
    ast.RShift: "did you mean '>' or '>='?", ast.LShift: "did you mean '<' or '<='?",
    ast.BitAnd: "write 'and' instead of '&'", ast.BitOr: "write 'or' instead of '|'",
}

#: Operators from other languages, or mistyped, with what a condition writes instead.
_SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r">>=|=>"), "did you mean '>='?"),
    (re.compile(r"<<=|=<"), "did you mean '<='?"),
    (re.compile(r"<>|=!"), "did you mean '!='?"),
    (re.compile(r"==="), "did you mean '=='?"),
    (re.compile(r"&&"), "write 'and' instead of '&&'"),
    (re.compile(r"\|\|"), "write 'or' instead of '||'"),
    (re.compile(r"!(?!=)"), "write 'not' instead of '!'"),
    (re.compile(r"(?<![=!<>])=(?![=<>!])"),
     "use '==' to compare ('=' would set a value, and a condition only compares)"),
)


def operator_slip(text: str, offset: int) -> tuple[int, int, str] | None:
    """The mistyped operator nearest a syntax error, as (offset, length, hint), if any."""
    found: list[tuple[int, int, int, str]] = []
    for pattern, hint in _SLIPS:
        for match in pattern.finditer(text):
            if _inside_quotes(text, match.start()):
                continue
            found.append((abs(match.start() - offset), match.start(), -len(match.group()), hint))
    if not found:
        return None
    _distance, at, length, hint = min(found)
    return at, -length, hint


def _inside_quotes(text: str, offset: int) -> bool:
    """Whether `offset` falls inside a quoted text of the condition ('=' in "a=b" is text)."""
    quote = ""
    for char in text[:offset]:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
    return bool(quote)


def mismatch_hint(text: Callable[[ast.AST], str], left: ast.expr, left_kind: VarType,
                  right: ast.expr, right_kind: VarType) -> str:
    """How to compare like with like, from what the two sides are."""
    for side, kind, other, other_kind in ((left, left_kind, right, right_kind),
                                          (right, right_kind, left, left_kind)):
        value = side.value if isinstance(side, ast.Constant) else None
        if isinstance(value, str) and other_kind is VarType.INT and value.strip().isdigit():
            return f"write the number without quotes: {value.strip()}, not {text(side)}"
        if (other_kind is VarType.BOOL and kind is VarType.INT
                and isinstance(value, int) and value in (0, 1)):
            flag = text(other)
            return ("true/false is compared with true or false, not 1 or 0; or test it "
                    f"alone: '{flag}' or 'not {flag}'")
    return (f"'{text(left)}' is {left_kind.words} and '{text(right)}' is "
            f"{right_kind.words}: compare numbers with numbers, text with quoted "
            "text, true/false with true or false")
