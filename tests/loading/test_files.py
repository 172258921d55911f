"""Loading many files: the second process for large corpora, and the cross-file checks."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

import game.loading.files as files
from game.loading import load_scene_text, load_scenes
from game.sources import SourceLibrary

from .builders import VALID_SCENE, codes, replace


def write_scenes(directory: Path, count: int, broken: int = -1) -> None:
    for number in range(count):
        text = replace(VALID_SCENE, "id: test_scene", f"id: scene_{number}")
        if number == broken:
            text = replace(text, "goto: second", "goto: nowhere")
        (directory / f"scene_{number}.yaml").write_text(text, encoding="utf-8")


def test_two_processes_give_what_one_gives(
    tmp_path: Path, library: SourceLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_scenes(tmp_path, 9, broken=2)
    serial = load_scenes([tmp_path], library)
    monkeypatch.setattr(files, "PARALLEL_MIN_FILES", 2)
    if not files._can_fork():
        pytest.skip("this platform loads serially")
    parallel = load_scenes([tmp_path], library)
    assert list(parallel.scenes) == list(serial.scenes)
    assert [str(d) for d in parallel.diagnostics] == [str(d) for d in serial.diagnostics]
    assert codes(parallel.diagnostics) == ["CN301"]
    for scene_id, scene in parallel.scenes.items():
        assert scene == serial.scenes[scene_id]
        with pytest.raises(TypeError):  # read-only, as a scene built here is
            scene.nodes["first"] = scene.nodes["second"]  # type: ignore[index]
        assert isinstance(scene.variables, MappingProxyType)
        wait = scene.node("first").choice("wait")
        assert wait.condition is not None
        assert wait.condition({"resolve": 0, "fields_present": False, "mood": ""}) is True


def test_a_failed_child_falls_back_to_loading_here(
    tmp_path: Path, library: SourceLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_scenes(tmp_path, 6)
    monkeypatch.setattr(files, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(files, "portable", lambda result: 1 / 0)  # the child fails
    loaded = load_scenes([tmp_path], library)
    assert len(loaded.scenes) == 6 and not loaded.diagnostics


def test_a_hint_names_the_right_variable_in_each_scene(library: SourceLibrary) -> None:
    """Checked conditions are cached; a cached problem must not carry another scene's hint."""
    bad = replace(VALID_SCENE, 'if: "not fields_present and resolve < 2"',
                  'if: "not fields_present and resolv < 2"')
    first = load_scene_text(bad, "a.yaml", library)
    renamed = bad.replace("resolve", "resolute").replace("resolv <", "resolv <")
    second = load_scene_text(renamed, "b.yaml", library)
    hints = [d.hint for d in (*first.diagnostics, *second.diagnostics) if d.code == "CN305"]
    assert hints == ["did you mean 'resolve'?", "did you mean 'resolute'?"]


def test_missing_nodes_reports_once_without_a_cascade(library: SourceLibrary) -> None:
    text = VALID_SCENE[: VALID_SCENE.index("nodes:")]
    assert codes(load_scene_text(text, "f.yaml", library).diagnostics) == ["CN201"]


def test_syntax_hints(library: SourceLibrary) -> None:
    tab = load_scene_text("a: 1\n\tb: 2\n", "f.yaml", library).diagnostics[0]
    assert tab.hint == "indent with spaces, never tabs"
    colon = load_scene_text("title: Hede: a life\n", "f.yaml", library).diagnostics[0]
    assert colon.hint == "a value holding ': ' needs quotes around it"
