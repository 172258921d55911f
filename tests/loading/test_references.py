"""CN3xx and CN5xx: references inside a scene, across scenes, and to the sources."""

from __future__ import annotations

from pathlib import Path

from game.diagnostics import Diagnostic
from game.loading import find_scene_files, load_scene_text, load_scenes
from game.sources import SourceLibrary

from .builders import QUOTE_A, VALID_SCENE, codes, column_of, line_of, only, replace


def load(text: str, library: SourceLibrary) -> tuple[Diagnostic, ...]:
    result = load_scene_text(text, "scenes/test_scene.yaml", library)
    assert result.scene is None
    return result.diagnostics


def at(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.where.line, diagnostic.where.column


def test_cn301_goto_to_a_missing_node(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "goto: second", "goto: secnd")
    diagnostic = only(load(text, library), "CN301")
    assert "'secnd' is not a node of this scene" in diagnostic.message
    assert diagnostic.hint == "did you mean 'second'?"
    assert at(diagnostic) == (line_of(text, "goto: secnd"), column_of(text, "secnd"))


def test_cn301_next_to_a_missing_node(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "next: last", "next: lost")
    diagnostic = only(load(text, library), "CN301")
    assert diagnostic.hint == "did you mean 'last'?"
    assert at(diagnostic) == (line_of(text, "next: lost"), column_of(text, "lost"))


def test_cn302_start_node_missing(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "start: first", "start: frist")
    diagnostic = only(load(text, library), "CN302")
    assert diagnostic.hint == "did you mean 'first'?"
    assert at(diagnostic) == (line_of(text, "start: frist"), 8)


def test_cn303_choice_id_used_twice(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "- id: wait", "- id: ask_higher")
    diagnostic = only(load(text, library), "CN303")
    assert "'ask_higher' is used twice in node 'first'" in diagnostic.message
    second = (line_of(text, "- id: ask_higher", 2), column_of(text, "ask_higher", 2))
    assert at(diagnostic) == second


def test_cn304_scene_id_used_by_two_files(tmp_path: Path, library: SourceLibrary) -> None:
    (tmp_path / "a.yaml").write_text(VALID_SCENE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(VALID_SCENE, encoding="utf-8")
    loaded = load_scenes([tmp_path], library)
    assert list(loaded.scenes) == ["test_scene"]
    diagnostic = only(loaded.diagnostics, "CN304")
    assert diagnostic.where.file.endswith("b.yaml")
    assert at(diagnostic) == (line_of(VALID_SCENE, "id: test_scene"), 5)
    assert "a.yaml:2:5" in diagnostic.message


def test_find_scene_files(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yaml", "notes.md", "c.yml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text("x", encoding="utf-8")
    single = tmp_path / "sub" / "d.yaml"
    assert find_scene_files([tmp_path, single]) == [
        tmp_path / "a.yaml", tmp_path / "b.yaml", single]


def test_cn305_undeclared_variable_in_an_effect(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "set: {resolve: +1, mood: hopeful}", "set: {resolv: +1}")
    diagnostic = only(load(text, library), "CN305")
    assert diagnostic.hint == "did you mean 'resolve'?"
    assert at(diagnostic) == (line_of(text, "resolv: +1"), column_of(text, "+1"))


def test_cn306_variable_name_not_snake_case(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "  mood: calm", "  Mood: calm")
    text = replace(text, "set: {resolve: +1, mood: hopeful}", "set: {resolve: +1}")
    diagnostic = only(load(text, library), "CN306")
    assert "'Mood' is not a snake_case name" in diagnostic.message
    assert at(diagnostic) == (line_of(text, "Mood: calm"), 3)


def test_cn307_reserved_variable_name(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "  mood: calm", "  mood: calm\n  true: 1")
    diagnostic = only(load(text, library), "CN307")
    assert at(diagnostic) == (line_of(text, "  true: 1"), 3)


def test_cn501_unknown_source(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "      - source: bazarov", "      - source: bazrov")
    diagnostic = only(load(text, library), "CN501")
    assert diagnostic.hint == "did you mean 'bazarov'?"
    assert at(diagnostic) == (line_of(text, "source: bazrov"), column_of(text, "bazrov"))


def test_cn502_quote_not_found_shows_the_closest_passage(library: SourceLibrary) -> None:
    changed = QUOTE_A.replace("authority", "power")
    text = replace(VALID_SCENE, f'        quote: "{QUOTE_A}"', f'        quote: "{changed}"')
    diagnostic = only(load(text, library), "CN502")
    assert "the quote is not found in 'bazarov'" in diagnostic.message
    assert diagnostic.hint.startswith("closest passage in 'bazarov': \"")
    assert "did not have the authority" in diagnostic.hint
    assert at(diagnostic) == (line_of(text, changed), column_of(text, '"' + changed))


def test_quotes_are_normalised_before_proving(library: SourceLibrary) -> None:
    curly = "He said  that he\n did not have the authority to do that."
    text = replace(VALID_SCENE, f'        quote: "{QUOTE_A}"', f'        quote: "{curly}"')
    result = load_scene_text(text, "f.yaml", library)
    assert result.diagnostics == ()


def test_cn505_quote_too_short(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, f'        quote: "{QUOTE_A}"', '        quote: "He said"')
    diagnostic = only(load(text, library), "CN505")
    assert "(7 characters)" in diagnostic.message
    assert at(diagnostic) == (line_of(text, '"He said"'), column_of(text, '"He said"'))


def test_cn505_short_quote_with_an_unknown_source_is_still_reported(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, f'        quote: "{QUOTE_A}"', '        quote: "He"')
    text = replace(text, "      - source: bazarov", "      - source: nobody")
    assert sorted(codes(load(text, library))) == ["CN501", "CN505"]
