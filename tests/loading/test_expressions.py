"""CN4xx: conditions and effects, parsed against a whitelist and type-checked at load."""

from __future__ import annotations

import pickle

import pytest

from game.diagnostics import Diagnostics, Location
from game.loading import YScalar, load_scene_text, parse_condition, parse_effect
from game.model import Condition, VarType
from game.sources import SourceLibrary

from .builders import VALID_SCENE, column_of, line_of, only, replace

TYPES = {"resolve": VarType.INT, "trust": VarType.INT, "fields_present": VarType.BOOL,
         "mood": VarType.STR}
VALUES = {"resolve": 2, "trust": 0, "fields_present": False, "mood": "angry"}
WHERE = Location("f.yaml", 7, 13)


def condition(text: str) -> tuple[Condition | None, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_condition(text, TYPES, WHERE, diagnostics), diagnostics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("resolve >= 2", True),
        ("resolve >= 2 and not fields_present", True),
        ("(trust > 1 or resolve == 2) and mood != \"calm\"", True),
        ("mood == 'angry'", True),
        ("not fields_present", True),
        ("fields_present", False),
        ("true", True),
        ("False", False),
        ("fields_present == false", True),
        ("resolve + 1 > 2", True),
        ("resolve - trust - 3 == -1", True),
        ("-resolve < 0", True),
        ("0 <= trust < resolve", True),
        ("resolve >= 2 or fields_present and trust > 5", True),
        ("  resolve\n  >= 2", True),
    ],
)
def test_valid_conditions(text: str, expected: bool) -> None:
    compiled, diagnostics = condition(text)
    assert not diagnostics.items, [str(d) for d in diagnostics]
    assert compiled is not None
    assert compiled(VALUES) is expected
    assert compiled.text == text


def test_condition_names_and_pickling() -> None:
    compiled, _ = condition("resolve >= 2 and not fields_present")
    assert compiled is not None
    assert compiled.names == frozenset({"resolve", "fields_present"})
    restored = pickle.loads(pickle.dumps(compiled.test))
    assert restored(VALUES) is True


@pytest.mark.parametrize(
    ("text", "offset", "construct"),
    [
        ("__import__('os')", 0, "a function call"),
        ("resolve.real > 1", 0, "attribute access"),
        ("open('x')", 0, "a function call"),
        ("(lambda: 1)()", 0, "a function call"),
        ("resolve > 1 and (lambda: True)", 17, "a lambda"),
        ("f'{resolve}' == 'x'", 0, "an f-string"),
        ("[x for x in mood] == 1", 0, "a comprehension"),
        ("resolve * 2 > 1", 0, "'*'"),
        ("resolve in (1, 2)", 0, "'in'"),
        ("resolve > 1.5", 10, "a decimal number"),
        ("mood[0] == 'a'", 0, "indexing"),
        ("resolve if mood else trust", 0, "'x if y else z'"),
        ("(x := 1)", 1, "':='"),
        ("~resolve > 1", 0, "'~'"),
    ],
)
def test_cn402_constructs_outside_the_whitelist(text: str, offset: int, construct: str) -> None:
    compiled, diagnostics = condition(text)
    assert compiled is None
    found = [d for d in diagnostics if d.code == "CN402"]
    assert found, [str(d) for d in diagnostics]
    assert construct in found[-1].message or construct in found[0].message
    assert min(d.where.column for d in found) == WHERE.column + offset


@pytest.mark.parametrize(
    ("text", "offset"),
    [("resolve >", 9), ("resolve >= 2 and", 16), ("(resolve", 0), ("resolve = 2", 0),
     ("import os", 0), ("", 0), ("x" * 500, 0)],
)
def test_cn401_unreadable_condition(text: str, offset: int) -> None:
    compiled, diagnostics = condition(text)
    assert compiled is None
    diagnostic = only(diagnostics.items, "CN401")
    assert diagnostic.where.line == WHERE.line
    assert WHERE.column <= diagnostic.where.column <= WHERE.column + max(offset, len(text))


@pytest.mark.parametrize(
    ("text", "offset", "problem"),
    [
        ("resolve and fields_present", 0, "'and' needs true/false"),
        ("resolve == 'x'", 0, "compares a whole number with text"),
        ("not resolve", 0, "'not' needs true/false"),
        ("mood > 'a'", 0, "'>' needs whole numbers, not text"),
        ("resolve + fields_present > 1", 10, "'+' needs whole numbers, not true/false"),
        ("fields_present and mood", 19, "'and' needs true/false on each side, not text"),
        ("-mood == 1", 0, "a sign needs a whole number"),
    ],
)
def test_cn403_type_mismatch(text: str, offset: int, problem: str) -> None:
    compiled, diagnostics = condition(text)
    assert compiled is None
    diagnostic = only(diagnostics.items, "CN403")
    assert problem in diagnostic.message
    assert diagnostic.where.column == WHERE.column + offset


@pytest.mark.parametrize(("text", "found"), [("resolve + 1", "a whole number"),
                                               ("mood", "text"), ("3", "a whole number")])
def test_cn405_condition_that_is_not_true_or_false(text: str, found: str) -> None:
    compiled, diagnostics = condition(text)
    assert compiled is None
    diagnostic = only(diagnostics.items, "CN405")
    assert found in diagnostic.message
    assert diagnostic.where.column == WHERE.column


def test_cn305_unknown_variable_in_a_condition_has_its_column() -> None:
    compiled, diagnostics = condition("resolve >= 2 and not feilds_present")
    assert compiled is None
    diagnostic = only(diagnostics.items, "CN305")
    assert diagnostic.hint == "did you mean 'fields_present'?"
    assert diagnostic.where.column == WHERE.column + len("resolve >= 2 and not ")
    assert diagnostic.where.length == len("feilds_present")


def test_condition_columns_inside_the_yaml_file(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, 'if: "not fields_present and resolve < 2"',
                   'if: "not fields_present and resolv < 2"')
    result = load_scene_text(text, "f.yaml", library)
    diagnostic = only(result.diagnostics, "CN305")
    assert diagnostic.where.line == line_of(text, "resolv < 2")
    assert diagnostic.where.column == column_of(text, "resolv < 2")


def test_non_ascii_text_before_the_bad_part_keeps_the_column() -> None:
    compiled, diagnostics = condition("mood == 'café' and resolv > 1")
    assert compiled is None
    assert only(diagnostics.items, "CN305").where.column == WHERE.column + 19


def test_locked_reason_default_and_explicit(library: SourceLibrary) -> None:
    scene = load_scene_text(VALID_SCENE, "f.yaml", library).scene
    assert scene is not None
    assert scene.node("first").choice("wait").locked_reason == (
        "Needs: not fields_present and resolve < 2")
    text = replace(VALID_SCENE, "        goto: second\n        record: {verdict: unrecorded",
                   "        locked: Not yet.\n        goto: second\n"
                   "        record: {verdict: unrecorded")
    scene = load_scene_text(text, "f.yaml", library).scene
    assert scene is not None
    assert scene.node("first").choice("wait").locked_reason == "Not yet."


# -- effects ------------------------------------------------------------------------

def effect(name: str, raw: str, style: str = "") -> tuple[object, Diagnostics]:
    diagnostics = Diagnostics()
    scalar = YScalar.of(raw, "f.yaml", 4, 10, style)
    return parse_effect(name, scalar, TYPES, diagnostics), diagnostics


@pytest.mark.parametrize(
    ("name", "raw", "style", "value", "relative"),
    [
        ("resolve", "+1", "", 1, True),
        ("resolve", "-2", "", -2, True),
        ("resolve", "3", "", 3, False),
        ("resolve", "0", "", 0, False),
        ("fields_present", "true", "", True, False),
        ("mood", "angry", "", "angry", False),
        ("mood", "+1", '"', "+1", False),  # quoted: text, not an addition
        ("mood", "yes", "", "yes", False),  # YAML 1.2: 'yes' is text
    ],
)
def test_valid_effects(
    name: str, raw: str, style: str, value: object, relative: bool
) -> None:
    result, diagnostics = effect(name, raw, style)
    assert not diagnostics.items, [str(d) for d in diagnostics]
    assert result is not None
    assert (result.value, result.relative) == (value, relative)  # type: ignore[attr-defined]


def test_effects_apply() -> None:
    variables: dict[str, int | bool | str] = dict(VALUES)
    for name, raw in (("resolve", "+3"), ("trust", "-1"), ("mood", "calm")):
        result, _ = effect(name, raw)
        result.apply(variables)  # type: ignore[attr-defined]
    assert variables == {"resolve": 5, "trust": -1, "fields_present": False, "mood": "calm"}


@pytest.mark.parametrize(
    ("name", "raw", "style", "problem"),
    [
        ("fields_present", "+1", "", "cannot be added to"),
        ("mood", "+1", "", "cannot be added to"),
        ("resolve", "true", "", "it is true/false, and 'resolve' is a whole number"),
        ("resolve", "+1", '"', "it is text"),
        ("resolve", "1.5", "", "a decimal number"),
        ("fields_present", "", "", "it is nothing"),
        ("mood", "3", "", "it is a whole number, and 'mood' is text"),
    ],
)
def test_cn404_effect_type_mismatch(name: str, raw: str, style: str, problem: str) -> None:
    result, diagnostics = effect(name, raw, style)
    assert result is None
    diagnostic = only(diagnostics.items, "CN404")
    assert problem in diagnostic.message
    assert (diagnostic.where.line, diagnostic.where.column) == (5, 11)


def test_cn404_in_a_scene(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "set: {resolve: +1, mood: hopeful}",
                   "set: {resolve: +1, fields_present: +1}")
    diagnostic = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN404")
    assert diagnostic.where.line == line_of(text, "fields_present: +1")
    assert diagnostic.where.column == column_of(text, "+1}")


def test_effect_on_an_undeclared_variable() -> None:
    result, diagnostics = effect("resolv", "+1")
    assert result is None
    assert only(diagnostics.items, "CN305").hint == "did you mean 'resolve'?"
