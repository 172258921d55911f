"""Effects (`set:`): what choosing an option does to the scene's variables, checked at load.

`+N` and `-N` written with a sign add to a whole number; anything else
assigns, and must be of the type the variable was declared with (its
starting value under `vars:`). Each problem is a CN305 (no such variable) or
CN404 (a value that does not fit) at the value as typed, with a hint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from game.diagnostics import Diagnostics
from game.diagnostics.core import did_you_mean
from game.loading.yaml_tree import YScalar, kind_of_value
from game.model import Effect, VarType

#: A signed whole number, as a YAML plain scalar: `+1`, `-2` (adds rather than assigns).
_SIGNED_INT = re.compile(r"[+-][0-9]+\Z")


def parse_effect(
    name: str,
    raw: YScalar,
    variables: Mapping[str, VarType],
    diagnostics: Diagnostics,
) -> Effect | None:
    """One `set:` entry. `+N`/`-N` written with a sign adds to a whole number; else assigns."""
    kind = variables.get(name)
    where = raw.where
    if kind is None:
        diagnostics.add("CN305", where, name=name, hint=did_you_mean(name, variables)
                        or "declare it under 'vars' with its starting value")
        return None
    if raw.plain and _SIGNED_INT.match(raw.raw):
        if kind is not VarType.INT:
            diagnostics.add("CN404", where, name=name, value=raw.raw,
                            problem=f"'{name}' is {kind.words}, so it cannot be added to",
                            hint="adding with +N or -N works on whole numbers only")
            return None
        return Effect(name=name, value=int(raw.raw), relative=True, where=where)
    value = raw.value
    if value is None or isinstance(value, float):
        diagnostics.add("CN404", where, name=name, value=raw.raw or "nothing",
                        problem=f"it is {kind_of_value(value)}, and '{name}' is "
                                f"{kind.words}")
        return None
    if VarType.of(value) is not kind:
        hint = ""
        if kind is VarType.STR:
            hint = f"put quotes around it to make it text: \"{raw.raw}\""
        elif kind is VarType.INT and raw.style in ("'", '"') and _SIGNED_INT.match(raw.raw):
            hint = f"write {raw.raw} without quotes to add to '{name}'"
        diagnostics.add("CN404", where, name=name, value=raw.raw,
                        problem=f"it is {kind_of_value(value)}, and '{name}' is "
                                f"{kind.words}", hint=hint)
        return None
    return Effect(name=name, value=value, relative=False, where=where)
