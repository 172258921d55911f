"""The compiled form of a condition: a tree of small callables that only read variables.

Each class does one whitelisted thing (read a variable, a constant, not,
and/or, + and -, a comparison), so a compiled condition can do nothing else.
They are plain objects rather than closures so a loaded scene can be pickled
(the loader builds large corpora in a second process and sends them back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Variables = Mapping[str, Any]
Compiled = Callable[[Variables], Any]


class Const:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __call__(self, variables: Variables) -> Any:
        return self.value


class Var:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, variables: Variables) -> Any:
        return variables[self.name]


class Not:
    __slots__ = ("operand",)

    def __init__(self, operand: Compiled) -> None:
        self.operand = operand

    def __call__(self, variables: Variables) -> bool:
        return not self.operand(variables)


class Negate:
    __slots__ = ("operand",)

    def __init__(self, operand: Compiled) -> None:
        self.operand = operand

    def __call__(self, variables: Variables) -> Any:
        return -self.operand(variables)


class Add:
    __slots__ = ("left", "right")

    def __init__(self, left: Compiled, right: Compiled) -> None:
        self.left = left
        self.right = right

    def __call__(self, variables: Variables) -> Any:
        return self.left(variables) + self.right(variables)


class Subtract:
    __slots__ = ("left", "right")

    def __init__(self, left: Compiled, right: Compiled) -> None:
        self.left = left
        self.right = right

    def __call__(self, variables: Variables) -> Any:
        return self.left(variables) - self.right(variables)


class All:
    """`a and b and …`: short-circuits like Python's `and`."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Compiled, ...]) -> None:
        self.parts = parts

    def __call__(self, variables: Variables) -> bool:
        return all(part(variables) for part in self.parts)


class AnyOf:
    """`a or b or …`: short-circuits like Python's `or`."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Compiled, ...]) -> None:
        self.parts = parts

    def __call__(self, variables: Variables) -> bool:
        return any(part(variables) for part in self.parts)


class Compare:
    """One comparison, `left op right`, with `op` from the `operator` module."""

    __slots__ = ("left", "op", "right")

    def __init__(self, op: Callable[[Any, Any], bool], left: Compiled, right: Compiled) -> None:
        self.op = op
        self.left = left
        self.right = right

    def __call__(self, variables: Variables) -> bool:
        return bool(self.op(self.left(variables), self.right(variables)))
