"""Scene format 2 as the loader reads it: conditional parts, `ask`, `min_decisions`, `central`,
and format 1 files still loading as they did."""

from __future__ import annotations

from pathlib import Path

from game.loading import load_scene, load_scene_text
from game.sources import SourceLibrary

from .builders import VALID_SCENE, codes, line_of, only, replace

FORMAT2 = Path(__file__).resolve().parents[1] / "fixtures" / "format2" / "telephone.yaml"


def test_the_format_2_fixture_loads_with_its_parts_and_prompts(library: SourceLibrary) -> None:
    result = load_scene(FORMAT2, library)
    assert result.diagnostics == (), [str(d) for d in result.diagnostics]
    scene = result.scene
    assert scene is not None and scene.format == 2
    assert scene.min_decisions == 2 and scene.central == "the_call"
    fields = scene.node("the_fields")
    assert [part.condition.text if part.condition else "" for part in fields.parts] == [
        "", "resolve >= 2", "waited"]
    # Each part keeps where it was written, for diagnostics.
    text = FORMAT2.read_text()
    assert fields.parts[1].where.line == line_of(text, "text: You have made up your mind")
    assert fields.parts[2].condition is not None
    assert fields.parts[2].condition.where.line == line_of(text, 'if: "waited"')
    assert len(fields.parts[2].citations) == 1
    # The text every player reads is the part without a condition.
    assert fields.text == "Noel and Herta Field are visiting Moscow. They are in the room."
    call = scene.node("the_call")
    assert call.ask == "How could Hede make Boris act today?"
    assert call.discuss == "Why did it matter that the Fields heard the call?"
    assert call.ask_where.line == line_of(text, "ask: How could Hede")


def test_format_1_still_loads_with_its_discuss(library: SourceLibrary) -> None:
    result = load_scene_text(VALID_SCENE, "scenes/test_scene.yaml", library)
    assert result.diagnostics == ()
    scene = result.scene
    assert scene is not None and scene.format == 1
    assert scene.node("first").discuss == "What did the refusal mean?"
    assert scene.node("first").ask == ""
    assert scene.min_decisions == 4 and scene.central == ""


def test_format_2_keys_in_a_format_1_file_are_cn210(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    discuss: What did the refusal mean?\n",
                   "    ask: What would you do?\n")
    diagnostic = only(load_scene_text(text, "s.yaml", library).diagnostics, "CN210")
    assert diagnostic.where.line == line_of(text, "ask: What would you do?")
    assert "format: 2" in diagnostic.hint
    parts = replace(VALID_SCENE, "    text: You wait.\n",
                    "    text:\n      - You wait.\n      - {if: resolve > 0, text: Hope.}\n")
    assert codes(load_scene_text(parts, "s.yaml", library).diagnostics) == ["CN210"]
    fixed = replace(parts, "format: 1", "format: 2")
    assert load_scene_text(fixed, "s.yaml", library).diagnostics == ()


def test_a_central_that_names_no_node_is_cn301(library: SourceLibrary) -> None:
    text = replace(replace(VALID_SCENE, "format: 1", "format: 2"), "start: first",
                   "start: first\ncentral: secnod")
    diagnostic = only(load_scene_text(text, "s.yaml", library).diagnostics, "CN301")
    assert diagnostic.where.line == line_of(text, "central: secnod")
    assert "did you mean 'second'" in diagnostic.hint


def test_a_part_condition_is_compiled_and_checked_like_a_choice_condition(
    library: SourceLibrary,
) -> None:
    base = replace(VALID_SCENE, "format: 1", "format: 2")
    parts = "    text:\n      - You wait.\n      - if: \"resolv > 0\"\n        text: Hope.\n"
    text = replace(base, "    text: You wait.\n", parts)
    diagnostic = only(load_scene_text(text, "s.yaml", library).diagnostics, "CN305")
    assert (diagnostic.where.line, diagnostic.where.column) == (
        line_of(text, 'if: "resolv > 0"'), 14)
    evil = replace(base, "    text: You wait.\n",
                   "    text:\n      - {if: \"__import__('os')\", text: Hope.}\n")
    assert "CN402" in codes(load_scene_text(evil, "s.yaml", library).diagnostics)
    empty = replace(base, "    text: You wait.\n", "    text: []\n")
    assert codes(load_scene_text(empty, "s.yaml", library).diagnostics) == ["CN206"]
