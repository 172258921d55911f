"""Shape checks on a `yaml_tree`: required and known keys, types, snake_case ids.

Small functions that report one problem each and return what they could
read, so a loader can go on and find every other problem in the same pass.
Scenes use them; session plans and reference data reuse them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from game.diagnostics import Diagnostics
from game.diagnostics.core import did_you_mean
from game.loading.yaml_tree import YList, YMap, YNode, YScalar

#: Author-facing ids: scene, node and choice ids and variable names.
SNAKE_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def is_snake_id(text: str) -> bool:
    return SNAKE_ID.match(text) is not None


def check_keys(
    node: YMap,
    required: Iterable[str],
    known: Collection[str],
    context: str,
    diagnostics: Diagnostics,
) -> bool:
    """Report missing required keys (CN201) and unknown keys (CN202, with "did you mean").

    Returns True when nothing was missing or unknown.
    """
    items = node.items
    known_set = known if type(known) is frozenset else _as_set(tuple(known))
    ok = True
    if not items.keys() <= known_set:  # the common case, all keys known, costs one set test
        for key in items:
            if key not in known_set:
                ok = False
                diagnostics.add("CN202", node.key_where(key),
                                hint=did_you_mean(key, known) or _misplaced_hint(key, context),
                                key=key, context=context)
    for key in required:
        if key not in items:
            ok = False
            diagnostics.add("CN201", node.where, key=key, context=context)
    return ok


#: Where each key of a scene belongs, for the hint when one is written at the wrong level:
#: indentation that is still valid YAML puts a choice's `goto` among a node's keys.
_LEVELS = (
    ("a choice", ("id", "goto", "if", "locked", "set", "record")),
    ("a record", ("verdict", "note")),
    ("a citation", ("source", "quote", "account")),
    ("a node", ("speaker", "place", "date", "ask", "discuss", "choices", "next", "ending",
                "epilogue")),
    ("the scene", ("title", "role", "summary", "start", "vars", "nodes", "order",
                   "length_minutes", "content_notes", "min_decisions", "central")),
)


def _misplaced_hint(key: str, context: str) -> str:
    """'goto' among a node's keys: say where it belongs and that the indentation is at fault."""
    for level, keys in _LEVELS:
        if key in keys and level not in context:
            return (f"'{key}' belongs to {level}: check this line's indentation, which puts it "
                    f"in {context}; it must line up with the other keys of {level}")
    return ""


@lru_cache(maxsize=256)
def _as_set(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(keys)


def wrong_type(key: str, node: YNode, expected: str, diagnostics: Diagnostics) -> None:
    """Report CN203: `key` holds the wrong kind of value."""
    diagnostics.add("CN203", node.where, key=key, expected=expected, found=node.kind)


def text_of(
    parent: YMap, key: str, diagnostics: Diagnostics, *, allow_empty: bool = False
) -> str:
    """The text under `key`, or "" when absent or wrong (after reporting it).

    Any scalar counts as text, written as the author wrote it: `date: 1938`
    is the text "1938", `title: Yes` is "Yes". A missing value (`text:` with
    nothing after it) or an empty string is reported unless `allow_empty`.
    """
    node = parent.items.get(key)
    if node is None:
        return ""
    if type(node) is not YScalar:
        wrong_type(key, node, "text", diagnostics)
        return ""
    assert isinstance(node, YScalar)
    text = node.raw
    if not allow_empty and (not text or text.isspace()):  # isspace: no copy of long texts
        diagnostics.add("CN206", node.where, what=f"'{key}'")
    return text


def int_of(parent: YMap, key: str, diagnostics: Diagnostics, default: int = 0) -> int:
    """The whole number under `key`, or `default` when absent or wrong (after reporting it)."""
    node = parent.items.get(key)
    if node is None:
        return default
    value = node.value if isinstance(node, YScalar) else None
    if not isinstance(value, int) or isinstance(value, bool):
        wrong_type(key, node, "a whole number", diagnostics)
        return default
    return value


def number_of(parent: YMap, key: str, diagnostics: Diagnostics, default: float = 0) -> float:
    """The number (whole or decimal, like 1.5) under `key`, or `default` when absent or wrong."""
    node = parent.items.get(key)
    if node is None:
        return default
    value = node.value if isinstance(node, YScalar) else None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value:
        wrong_type(key, node, "a number, like 2 or 1.5", diagnostics)
        return default
    return value


def list_of(parent: YMap, key: str, diagnostics: Diagnostics) -> YList | None:
    """The list under `key`; None when absent, or wrong (after reporting it)."""
    node = parent.items.get(key)
    if node is None:
        return None
    if type(node) is not YList:
        wrong_type(key, node, "a list", diagnostics)
        return None
    assert isinstance(node, YList)
    return node


def map_of(parent: YMap, key: str, diagnostics: Diagnostics) -> YMap | None:
    """The mapping under `key`; None when absent, or wrong (after reporting it)."""
    node = parent.items.get(key)
    if node is None:
        return None
    if type(node) is not YMap:
        wrong_type(key, node, "a mapping", diagnostics)
        return None
    assert isinstance(node, YMap)
    return node


def texts_of(parent: YMap, key: str, diagnostics: Diagnostics) -> tuple[str, ...]:
    """A list of texts under `key` (a single text is accepted as a list of one)."""
    node = parent.items.get(key)
    if node is None:
        return ()
    if type(node) is YScalar:
        assert isinstance(node, YScalar)
        return (node.raw,) if node.raw.strip() else ()
    if type(node) is not YList:
        wrong_type(key, node, "a list of text", diagnostics)
        return ()
    assert isinstance(node, YList)
    texts: list[str] = []
    for item in node.items:
        if isinstance(item, YScalar):
            texts.append(item.raw)
        else:
            wrong_type(key, item, "text", diagnostics)
    return tuple(texts)


def id_of(parent: YMap, key: str, diagnostics: Diagnostics) -> str:
    """The snake_case id under `key`; reports CN203 for a non-text value, CN204 for a bad id."""
    node = parent.items.get(key)
    if node is None:
        return ""
    if type(node) is not YScalar:
        wrong_type(key, node, "an id", diagnostics)
        return ""
    assert isinstance(node, YScalar)
    check_id(node.raw, node, diagnostics)
    return node.raw


def check_id(text: str, node: YNode, diagnostics: Diagnostics, code: str = "CN204") -> bool:
    """Report `code` when `text` is not a snake_case id; the hint proposes one."""
    if SNAKE_ID.match(text):
        return True
    suggestion = snake_case(text)
    hint = f"write it as '{suggestion}'" if suggestion and suggestion != text else (
        "use lowercase letters, digits and single underscores, starting with a letter")
    if code == "CN204":
        diagnostics.add(code, node.where, hint=hint, value=text)
    else:
        diagnostics.add(code, node.where, hint=hint, name=text)
    return False


def snake_case(text: str) -> str:
    """A best guess at the snake_case id an author meant: 'AskHigher' -> 'ask_higher'."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text.strip())
    words = re.findall(r"[a-z0-9]+", spaced.lower())
    guess = "_".join(words)
    while guess and not guess[0].isalpha():
        guess = guess[1:].lstrip("_")
    return guess


def enum_of(
    parent: YMap, key: str, allowed: tuple[str, ...], kind: str, diagnostics: Diagnostics
) -> str:
    """The value under `key` if it is one of `allowed`, else "" after reporting CN205."""
    node = parent.items.get(key)
    if node is None:
        return ""
    text = node.raw if isinstance(node, YScalar) else ""
    if text in allowed:
        return text
    shown = text if isinstance(node, YScalar) else node.kind
    diagnostics.add("CN205", node.where, hint=did_you_mean(text, allowed) if text else "",
                    value=shown, kind=kind, allowed=", ".join(allowed))
    return ""
