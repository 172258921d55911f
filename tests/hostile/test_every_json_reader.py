"""Arbitrary JSON through every JSON reader: a problem in words or a result, never an exception.

Values are written as JSON text, so they can be what `json.dumps` never
writes: 300,000 levels deep, 6,000-digit numbers, NaN, 1e999. Each is put at
a random place inside an otherwise good file of its kind (a save, a record,
the settings, a session log line), and at the top of the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring.graph_command import read_path
from game.classroom.debrief import gather
from game.classroom.records import build_record, read_record
from game.classroom.session_log import read_log
from game.desktop.settings import Settings, load_settings
from game.engine import Story
from game.guarded import Unreadable, parse_json
from game.saves import list_saves, read_save, write_save

HOLE = "\u0000hole\u0000"

_leaves = st.one_of(
    st.none(), st.booleans(), st.integers().map(str), st.text().map(json.dumps),
    st.integers(min_value=17, max_value=6000).map(lambda n: "9" * n),  # huge whole numbers
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "-0.0", "1e-400",
                     "0.1", "2.5e8"]),
).map(lambda leaf: leaf if isinstance(leaf, str) else json.dumps(leaf))
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ",".join(items) + "]"),
        st.dictionaries(st.text(max_size=8), inner, max_size=4).map(
            lambda d: "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in d.items()) + "}"),
    ),
    max_leaves=12,
)
#: Any value, sometimes buried under thousands of brackets.
json_values = st.one_of(
    _values,
    st.tuples(st.integers(min_value=60, max_value=300_000), _values).map(
        lambda pair: "[" * pair[0] + pair[1] + "]" * pair[0]),
)


def _places(document: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a parsed document a value could be put (the top included)."""
    found = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _places(value, (*path, index))
    return found


def _with_value(document: Any, place: tuple[Any, ...], value_text: str) -> str:
    if not place:
        return value_text
    copy = json.loads(json.dumps(document))
    target = copy
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = HOLE
    return json.dumps(copy).replace(json.dumps(HOLE), value_text, 1)


def _variant(data: st.DataObject, document: Any) -> str:
    places = _places(document)
    place = data.draw(st.sampled_from(places), label="place")
    return _with_value(document, place, data.draw(json_values, label="value"))


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def good_save(demo_story: Story, tmp_path_factory: pytest.TempPathFactory) -> Any:
    player = demo_story.new_player("demo_call")
    player.choose("steel_yourself")
    path = write_save(player, "good", tmp_path_factory.mktemp("good"))
    return json.loads(path.read_text())


@SETTINGS
@given(data=st.data())
def test_parse_json_refuses_or_returns_a_plain_bounded_value(data: st.DataObject) -> None:
    text = data.draw(json_values)
    try:
        value = parse_json(text)
    except Unreadable as error:
        assert error.reason
        return
    json.dumps(value, allow_nan=False)  # what was accepted can be written back as it was


@SETTINGS
@given(data=st.data())
def test_saves(data: st.DataObject, good_save: Any, demo_story: Story, tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    text = _variant(data, good_save)
    for name in ("mine.json", "autosave-demo_call.json"):
        (folder / name).write_text(text, encoding="utf-8")
        loaded = read_save(folder / name, demo_story)
        assert (loaded.playthrough is None) == bool(loaded.problem) or loaded.stale
        if loaded.playthrough is not None:
            demo_story.resume(loaded.playthrough).close()
    slots = list_saves(folder)
    assert {slot.slot for slot in slots} <= {"mine", "autosave-demo_call"}
    assert any(path.name.startswith("mine.json") for path in folder.iterdir())  # never lost


@SETTINGS
@given(data=st.data())
def test_settings(data: st.DataObject, tmp_path: Path) -> None:
    good = {"format": "cover-names/settings", "version": 1,
            "settings": {"text_size": "large", "window_width": 900, "fullscreen": False}}
    path = tmp_path / "settings.json"
    path.write_text(_variant(data, good), encoding="utf-8")
    settings_read, _problem = load_settings(path)
    assert isinstance(settings_read, Settings)
    assert settings_read == settings_read.cleaned()


@SETTINGS
@given(data=st.data())
def test_records_and_graph_paths(data: st.DataObject, demo_story: Story, tmp_path: Path) -> None:
    player = demo_story.new_player("demo_call")
    player.choose("steel_yourself")
    path = tmp_path / "record.json"
    path.write_text(_variant(data, build_record(player, "Ada")), encoding="utf-8")
    record, problem = read_record(path)
    assert (record is None) == bool(problem)
    _steps, _end, diagnostic = read_path(path, "demo_call")
    assert diagnostic is None or diagnostic.message


@SETTINGS
@given(data=st.data())
def test_session_log_lines(data: st.DataObject, demo_story: Story, tmp_path: Path) -> None:
    header = {"event": "session_started", "seq": 1, "format": "cover-names/session-log",
              "version": 1, "scenes": [{"id": "demo_call", "content_hash": "x"}]}
    decided = {"event": "decided", "seq": 2, "scene": "demo_call", "node": "waiting",
               "choice": "hesitate", "tally": {"hesitate": 3}, "by": "class"}
    lines = [json.dumps(header), _variant(data, decided), json.dumps({**decided, "seq": 3})]
    path = tmp_path / "lesson.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log, problem = read_log(path)
    assert log is not None, problem  # the header is good: the log is always read
    assert len(log.events) + len(log.bad_lines) == 2
    gather([path], demo_story)  # and the debrief counts what is there
