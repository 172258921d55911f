"""Conditions (`if:`): parsed and type-checked at load, never `eval`ed.

A condition is parsed by `ast.parse(mode="eval")` and walked against a small
whitelist (names, int/bool/str literals, comparisons, and/or/not, + and - on
whole numbers, parentheses); each allowed node becomes one of the small
callables of `compiled.py`, so the compiled condition can only read
variables and compare them. Anything else
(calls, attributes, lambdas, f-strings, comprehensions …) is a diagnostic
with the column of the offending part inside the YAML file.

Parsing and checking are cached by the condition's text and the types of the
variables it reads: a corpus that repeats `resolve >= 2` parses it once.
Effects (`set:`), the other half of a choice's logic, are `effects.py`'s.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from game.diagnostics import Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.loading.compiled import Add, All, AnyOf, Compare, Const, Negate, Not, Subtract, Var
from game.loading.condition_hints import BINOP_HINTS, mismatch_hint, operator_slip
from game.loading.positions import Locator
from game.loading.yaml_nodes import MAX_WHOLE_NUMBER
from game.model import Condition, Value, VarType

#: Longer conditions are refused: they are unreadable, and this bounds the tree's depth.
MAX_CONDITION_LENGTH = 400

_Fn = Callable[[Mapping[str, Value]], object]
_CONSTANT_NAMES = {"true": True, "True": True, "false": False, "False": False}
#: Words that cannot be variable names, because a condition reads them as something else.
RESERVED_NAMES = frozenset({*_CONSTANT_NAMES, "and", "or", "not", "in", "is", "if", "else",
                            "none", "None", "lambda"})
_COMPARE: dict[type, tuple[Callable[[Any, Any], bool], str]] = {
    ast.Eq: (operator.eq, "=="), ast.NotEq: (operator.ne, "!="),
    ast.Lt: (operator.lt, "<"), ast.LtE: (operator.le, "<="),
    ast.Gt: (operator.gt, ">"), ast.GtE: (operator.ge, ">="),
}
_CONSTRUCTS: dict[type, str] = {
    ast.Call: "a function call", ast.Attribute: "attribute access ('.')",
    ast.Lambda: "a lambda", ast.JoinedStr: "an f-string", ast.FormattedValue: "an f-string",
    ast.ListComp: "a comprehension", ast.SetComp: "a comprehension",
    ast.DictComp: "a comprehension", ast.GeneratorExp: "a comprehension",
    ast.Subscript: "indexing ('[ ]')", ast.List: "a list", ast.Tuple: "a tuple ('a, b')",
    ast.Dict: "a dictionary", ast.Set: "a set", ast.IfExp: "'x if y else z'",
    ast.NamedExpr: "':='", ast.Starred: "'*'", ast.Await: "'await'", ast.Yield: "'yield'",
    ast.YieldFrom: "'yield'", ast.Slice: "a slice",
}
_BINOP_WORDS: dict[type, str] = {
    ast.Mult: "'*'", ast.Div: "'/'", ast.FloorDiv: "'//'", ast.Mod: "'%'", ast.Pow: "'**'",
    ast.LShift: "'<<'", ast.RShift: "'>>'", ast.BitOr: "'|'", ast.BitAnd: "'&'",
    ast.BitXor: "'^'", ast.MatMult: "'@'",
}


@dataclass(frozen=True)
class _Problem:
    """A diagnostic found while checking a condition, relative to the condition's text."""

    code: str
    offset: int  # characters into the condition's text
    length: int
    hint: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Checked:
    """One condition checked against one set of variable types: a test or problems."""

    test: _Fn | None
    names: frozenset[str]
    problems: tuple[_Problem, ...]


# Cache of checked conditions: (text, the types of the declared variables it may read).
_CACHE: dict[tuple[str, tuple[tuple[str, VarType | None], ...]], _Checked] = {}
_NAMES_CACHE: dict[str, tuple[str, ...] | None] = {}


def parse_condition(
    text: str,
    variables: Mapping[str, VarType],
    where: Location,
    diagnostics: Diagnostics,
    locate: Locator | None = None,
) -> Condition | None:
    """Parse, check and compile an `if:` condition; None (after diagnostics) when it is bad.

    `where` is the location of the condition's first character in the file:
    each problem is reported at `where.column` plus its offset in the text,
    unless `locate` maps offsets back to the file itself (a folded, wrapped
    or escaped scalar, whose value is not what was typed: see positions.py).
    """
    names = _names_in(text)
    key = (text, tuple((name, variables.get(name)) for name in names) if names else ())
    checked = _CACHE.get(key)
    if checked is None:
        checked = _check(text, variables)
        # Only clean results are cached: a problem's "did you mean" hint depends on
        # every declared name, not just the ones this text reads.
        if not checked.problems and len(_CACHE) < 50_000:
            _CACHE[key] = checked
    for problem in checked.problems:
        if locate is not None:
            line, column, length = locate(problem.offset, problem.length)
            at = Location(where.file, line, column, length)
        else:
            at = Location(where.file, where.line, where.column + problem.offset, problem.length)
        diagnostics.add(problem.code, at, hint=problem.hint, **dict(problem.values))
    if checked.test is None:
        return None
    return Condition(text=text, names=checked.names, test=checked.test, where=where)  # type: ignore[arg-type]


def _names_in(text: str) -> tuple[str, ...]:
    """The distinct bare words of a condition (a superset of the variables it reads)."""
    names = _NAMES_CACHE.get(text)
    if names is None:
        names = tuple(sorted(set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))))
        if len(_NAMES_CACHE) < 50_000:
            _NAMES_CACHE[text] = names
    return names


def _check(text: str, variables: Mapping[str, VarType]) -> _Checked:
    if len(text) > MAX_CONDITION_LENGTH:
        return _fail("CN401", 0, len(text), "split it across several choices",
                     problem=f"it is longer than {MAX_CONDITION_LENGTH} characters")
    if not text.strip():
        return _fail("CN401", 0, 1, "write a condition like 'resolve >= 2'",
                     problem="it is empty")
    # Python's eval mode refuses leading spaces and bare newlines; both keep their offsets.
    indent = len(text) - len(text.lstrip())
    source = text[indent:].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        offset = indent + _char_offset(source, (error.offset or 1) - 1, in_bytes=False)
        slip = operator_slip(text, offset)
        if slip is not None:
            at, length, hint = slip
            return _fail("CN401", at, length, hint, problem=_syntax_problem(error))
        return _fail("CN401", offset, 1, "", problem=_syntax_problem(error))
    except (ValueError, RecursionError, MemoryError) as error:
        return _fail("CN401", 0, 1, "", problem=str(error) or type(error).__name__)
    checker = _Checker(source, indent, variables)
    try:
        compiled = checker.visit(tree.body)
    except RecursionError:
        return _fail("CN401", 0, 1, "", problem="it is nested too deeply")
    if compiled is not None and not checker.problems:
        kind = compiled[1]
        if kind is not VarType.BOOL:
            checker.report("CN405", tree.body, found=kind.words,
                           hint="compare it with something, e.g. 'resolve >= 2'")
    if checker.problems or compiled is None:
        return _Checked(None, frozenset(checker.names), tuple(checker.problems))
    return _Checked(compiled[0], frozenset(checker.names), ())


def _fail(code: str, offset: int, length: int, hint: str, **values: str) -> _Checked:
    return _Checked(None, frozenset(), (_Problem(code, offset, length, hint,
                                                 tuple(values.items())),))


def _syntax_problem(error: SyntaxError) -> str:
    message = error.msg or "not a condition"
    return message[0].lower() + message[1:] if message else message


def _char_offset(source: str, offset: int, in_bytes: bool = True) -> int:
    """Python's AST columns count UTF-8 bytes; a YAML column counts characters."""
    if not in_bytes:
        return max(offset, 0)
    return len(source.encode("utf-8")[:offset].decode("utf-8", "ignore"))


class _Checker:
    """Walks a condition's AST: type-checks each node and builds its closure."""

    def __init__(self, source: str, indent: int, variables: Mapping[str, VarType]) -> None:
        self.source = source
        self.indent = indent
        self.variables = variables
        self.problems: list[_Problem] = []
        self.names: set[str] = set()

    def report(self, code: str, node: ast.AST, hint: str = "", **values: str) -> None:
        start = _char_offset(self.source, getattr(node, "col_offset", 0))
        end_byte = getattr(node, "end_col_offset", None)
        end = _char_offset(self.source, end_byte) if end_byte is not None else start + 1
        self.problems.append(_Problem(code, self.indent + start, max(end - start, 1), hint,
                                      tuple(values.items())))

    def text(self, node: ast.AST) -> str:
        """The part of the condition `node` was read from, as written."""
        return ast.get_source_segment(self.source, node) or "it"

    def visit(self, node: ast.expr) -> tuple[_Fn, VarType] | None:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            construct = _CONSTRUCTS.get(type(node), type(node).__name__.lower())
            self.report("CN402", node, construct=construct,
                        hint="a condition only compares variables, numbers, true/false and text")
            return None
        result: tuple[_Fn, VarType] | None = method(node)
        return result

    def visit_Name(self, node: ast.Name) -> tuple[_Fn, VarType] | None:
        name = node.id
        written = self.text(node)
        if written != name and written != "it":  # Python reads 'ｒｅｓｏｌｖｅ' as 'resolve'
            self.report("CN402", node, construct=f"the name '{written}', in look-alike letters,",
                        hint=f"type it with ordinary letters: {name}")
            return None
        if name in _CONSTANT_NAMES:
            value = _CONSTANT_NAMES[name]
            return Const(value), VarType.BOOL
        kind = self.variables.get(name)
        if kind is None:
            self.report("CN305", node, name=name, hint=did_you_mean(name, self.variables)
                        or "declare it under 'vars' with its starting value")
            return None
        self.names.add(name)
        return Var(name), kind

    def visit_Constant(self, node: ast.Constant) -> tuple[_Fn, VarType] | None:
        value = node.value
        if type(value) is int and abs(value) > MAX_WHOLE_NUMBER:  # never reaches a save
            text = self.text(node)
            shown = (text if len(text) <= 24
                     else f"{text[:12]}…{text[-6:]} ({len(text):,} characters)")
            self.report("CN112", node, value=shown, limit=f"{MAX_WHOLE_NUMBER:,}",
                        hint="scene numbers count things (trust, days): keep them small")
            return None
        if isinstance(value, (bool, int, str)):
            kind = VarType.of(value)
            return Const(value), kind
        construct = "a decimal number" if isinstance(value, float) else repr(value)
        self.report("CN402", node, construct=construct, hint="use whole numbers only")
        return None

    def visit_UnaryOp(self, node: ast.UnaryOp) -> tuple[_Fn, VarType] | None:
        operand = self.visit(node.operand)
        if isinstance(node.op, ast.Not):
            if operand is None:
                return None
            fn, kind = operand
            if kind is not VarType.BOOL:
                example = (f"{self.text(node.operand)} == 0" if kind is VarType.INT
                           else f"{self.text(node.operand)} == \"...\"")
                self.report("CN403", node,
                            problem=f"'not' needs true/false, not {kind.words}",
                            hint=f"compare it instead, e.g. '{example}'")
                return None
            return Not(fn), VarType.BOOL
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            if operand is None:
                return None
            fn, kind = operand
            if kind is not VarType.INT:
                self.report("CN403", node,
                            problem=f"a sign needs a whole number, not {kind.words}",
                            hint="'+' and '-' go only before whole numbers")
                return None
            if isinstance(node.op, ast.UAdd):
                return fn, VarType.INT
            return Negate(fn), VarType.INT
        self.report("CN402", node, construct="'~'")
        return None

    def visit_BinOp(self, node: ast.BinOp) -> tuple[_Fn, VarType] | None:
        if not isinstance(node.op, (ast.Add, ast.Sub)):
            self.visit(node.left)
            self.visit(node.right)
            self.report("CN402", node, construct=_BINOP_WORDS.get(type(node.op), "that operator"),
                        hint=BINOP_HINTS.get(type(node.op),
                                             "only + and - are allowed, on whole numbers"))
            return None
        left, right = self.visit(node.left), self.visit(node.right)
        if left is None or right is None:
            return None
        symbol = "+" if isinstance(node.op, ast.Add) else "-"
        for part, (_, kind) in ((node.left, left), (node.right, right)):
            if kind is not VarType.INT:
                self.report("CN403", part,
                            problem=f"'{symbol}' needs whole numbers, not {kind.words}",
                            hint="only whole numbers are added; compare text or true/false "
                                 "with == or != instead")
                return None
        lf, rf = left[0], right[0]
        if symbol == "+":
            return Add(lf, rf), VarType.INT
        return Subtract(lf, rf), VarType.INT

    def visit_BoolOp(self, node: ast.BoolOp) -> tuple[_Fn, VarType] | None:
        word = "and" if isinstance(node.op, ast.And) else "or"
        parts = [self.visit(value) for value in node.values]
        fns: list[_Fn] = []
        ok = True
        for value, part in zip(node.values, parts, strict=True):
            if part is None:
                ok = False
                continue
            if part[1] is not VarType.BOOL:
                example = (f"{self.text(value)} > 0" if part[1] is VarType.INT
                           else f"{self.text(value)} == \"...\"")
                self.report("CN403", value,
                            problem=f"'{word}' needs true/false on each side, "
                                    f"not {part[1].words}",
                            hint=f"compare it, e.g. '{example} {word} ...'")
                ok = False
            fns.append(part[0])
        if not ok:
            return None
        if word == "and":
            return All(tuple(fns)), VarType.BOOL
        return AnyOf(tuple(fns)), VarType.BOOL

    def visit_Compare(self, node: ast.Compare) -> tuple[_Fn, VarType] | None:
        operands = [node.left, *node.comparators]
        parts = [self.visit(operand) for operand in operands]
        ok = all(part is not None for part in parts)
        steps: list[tuple[Callable[[Any, Any], bool], _Fn, _Fn]] = []
        for index, op in enumerate(node.ops):
            entry = _COMPARE.get(type(op))
            if entry is None:
                word = {ast.In: "'in'", ast.NotIn: "'not in'", ast.Is: "'is'",
                        ast.IsNot: "'is not'"}.get(type(op), "that comparison")
                self.report("CN402", node, construct=word, hint="compare with == or !=")
                ok = False
                continue
            left, right = parts[index], parts[index + 1]
            if left is None or right is None:
                continue
            fn, symbol = entry
            if left[1] is not right[1]:
                self.report("CN403", node, problem=f"'{symbol}' compares {left[1].words} "
                                                   f"with {right[1].words}",
                            hint=mismatch_hint(self.text, operands[index], left[1],
                                               operands[index + 1], right[1]))
                ok = False
            elif symbol not in ("==", "!=") and left[1] is not VarType.INT:
                self.report("CN403", node,
                            problem=f"'{symbol}' needs whole numbers, not {left[1].words}",
                            hint=f"{left[1].words} is only compared with == or !=; "
                                 "<, <=, > and >= are for whole numbers")
                ok = False
            steps.append((fn, left[0], right[0]))
        if not ok:
            return None
        compares = tuple(Compare(op, lf, rf) for op, lf, rf in steps)
        if len(compares) == 1:
            return compares[0], VarType.BOOL
        return All(compares), VarType.BOOL  # a < b < c: each pair, as Python reads it


def default_locked_reason(condition: Condition) -> str:
    """A readable reason for a locked choice when the author gave none: 'Needs: resolve >= 2'."""
    return "Needs: " + " ".join(condition.text.split())
