"""The happy path: a valid scene loads into the frozen model, with positions and proofs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from game.loading import load_scene, load_scene_text, load_scenes
from game.model import EndingKind, Verdict
from game.sources import SourceLibrary

from .builders import QUOTE_A, VALID_SCENE, line_of


def test_valid_scene_loads_without_diagnostics(library: SourceLibrary) -> None:
    result = load_scene_text(VALID_SCENE, "scenes/test_scene.yaml", library)
    assert result.diagnostics == (), [str(d) for d in result.diagnostics]
    scene = result.scene
    assert scene is not None
    assert scene.id == "test_scene"
    assert scene.title == "A Test Scene"
    assert scene.start == "first"
    assert scene.order == 1 and scene.length_minutes == 5 and scene.format == 1
    assert scene.content_notes == ("state violence",)
    assert dict(scene.variables) == {"resolve": 0, "fields_present": False, "mood": "calm"}
    assert list(scene.nodes) == ["first", "second", "last"]


def test_content_hash_is_sha256_of_the_bytes(library: SourceLibrary) -> None:
    data = VALID_SCENE.encode("utf-8")
    scene = load_scene_text(data, "s.yaml", library).scene
    assert scene is not None
    assert scene.content_hash == hashlib.sha256(data).hexdigest()


def test_every_part_keeps_its_position(library: SourceLibrary) -> None:
    scene = load_scene_text(VALID_SCENE, "s.yaml", library).scene
    assert scene is not None
    first = scene.node("first")
    assert first.where.line == line_of(VALID_SCENE, "  first:")
    assert first.where.column == 3
    ask = first.choice("ask_higher")
    assert ask.where.line == line_of(VALID_SCENE, "- id: ask_higher")
    assert ask.record is not None
    assert ask.record.where.line == line_of(VALID_SCENE, "verdict: historical")
    assert scene.where.line == line_of(VALID_SCENE, "id: test_scene")


def test_citations_are_proven_with_their_span(library: SourceLibrary) -> None:
    scene = load_scene_text(VALID_SCENE, "s.yaml", library).scene
    assert scene is not None
    citation = scene.node("first").citations[0]
    assert citation.source == "bazarov"
    assert library["bazarov"].text[citation.start : citation.end] == QUOTE_A


def test_choices_records_effects_and_conditions(library: SourceLibrary) -> None:
    scene = load_scene_text(VALID_SCENE, "s.yaml", library).scene
    assert scene is not None
    ask, wait = scene.node("first").choices
    assert ask.record is not None and ask.record.verdict is Verdict.HISTORICAL
    assert [(e.name, e.value, e.relative) for e in ask.effects] == [
        ("resolve", 1, True), ("mood", "hopeful", False)]
    assert ask.condition is None and ask.locked_reason == ""
    assert wait.condition is not None
    assert wait.condition({"resolve": 0, "fields_present": False, "mood": ""}) is True
    assert wait.condition({"resolve": 2, "fields_present": False, "mood": ""}) is False
    assert wait.locked_reason == "Needs: not fields_present and resolve < 2"
    assert wait.record is not None and wait.record.verdict is Verdict.UNRECORDED


def test_next_and_ending(library: SourceLibrary) -> None:
    scene = load_scene_text(VALID_SCENE, "s.yaml", library).scene
    assert scene is not None
    assert scene.node("second").next == "last"
    ending = scene.node("last").ending
    assert ending is not None and ending.kind is EndingKind.HISTORICAL
    assert ending.epilogue == "What happened next."
    assert len(ending.citations) == 1


def test_load_scene_and_load_scenes_from_disk(tmp_path: Path, library: SourceLibrary) -> None:
    path = tmp_path / "test_scene.yaml"
    path.write_text(VALID_SCENE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scene", encoding="utf-8")
    assert load_scene(path, library).scene is not None
    loaded = load_scenes([tmp_path], library)
    assert list(loaded.scenes) == ["test_scene"]
    assert loaded.diagnostics == ()


def test_the_repository_scenes_load(repo_root: Path, library: SourceLibrary) -> None:
    loaded = load_scenes([repo_root / "scenes"], library)
    assert not loaded.has_errors, [str(d) for d in loaded.diagnostics]


def test_windows_line_endings_and_a_byte_order_mark(library: SourceLibrary) -> None:
    data = b"\xef\xbb\xbf" + VALID_SCENE.replace("\n", "\r\n").replace(
        "next: last", "next: lst").encode("utf-8")
    result = load_scene_text(data, "f.yaml", library)
    assert [(d.code, d.where.line, d.where.column) for d in result.diagnostics] == [
        ("CN301", line_of(VALID_SCENE, "next: last"), 11)]
