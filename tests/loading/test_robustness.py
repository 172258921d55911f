"""The loader never raises: arbitrary text, arbitrary YAML-shaped data, and broken scenes."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.loading import LoadResult, load_scene_text
from game.sources import SourceLibrary

from .builders import VALID_SCENE

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
    st.sampled_from(["+1", "-2", "historical", "first", "bazarov", "resolve >= 2",
                     "not fields_present", "__import__('os')", "true", ""]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["id", "title", "place", "date", "role", "summary", "start", "nodes",
                     "vars", "text", "choices", "goto", "record", "verdict", "note", "cite",
                     "source", "quote", "if", "set", "next", "ending", "epilogue", "format"]),
)
yaml_data = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=40,
)


def check(result: object) -> None:
    assert isinstance(result, LoadResult)
    if result.scene is None:
        return
    assert not any(d.is_error for d in result.diagnostics)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(library: SourceLibrary, text: str) -> None:
    check(load_scene_text(text, "fuzz.yaml", library))


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(library: SourceLibrary, data: bytes) -> None:
    check(load_scene_text(data, "fuzz.yaml", library))


@SETTINGS
@given(yaml_data)
def test_arbitrary_yaml_shaped_data_never_raises(library: SourceLibrary, data: object) -> None:
    check(load_scene_text(yaml.safe_dump(data, allow_unicode=True), "fuzz.yaml", library))


@SETTINGS
@given(st.dictionaries(keys, yaml_data, max_size=8))
def test_yaml_mappings_never_raise(library: SourceLibrary, data: dict[str, object]) -> None:
    check(load_scene_text(yaml.safe_dump(data), "fuzz.yaml", library))


@SETTINGS
@given(st.data())
def test_a_valid_scene_with_one_line_replaced_never_raises(
    library: SourceLibrary, data: st.DataObject
) -> None:
    lines = VALID_SCENE.splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    indent = len(lines[index]) - len(lines[index].lstrip())
    key = data.draw(keys)
    value = data.draw(scalars)
    entry = yaml.safe_dump({key: value}, default_flow_style=True).strip()[1:-1]
    lines[index] = " " * indent + entry
    check(load_scene_text("\n".join(lines) + "\n", "fuzz.yaml", library))


@SETTINGS
@given(st.integers(0, len(VALID_SCENE)), st.integers(0, 40))
def test_a_truncated_or_cut_scene_never_raises(
    library: SourceLibrary, start: int, width: int
) -> None:
    check(load_scene_text(VALID_SCENE[:start] + VALID_SCENE[start + width:], "f.yaml", library))
