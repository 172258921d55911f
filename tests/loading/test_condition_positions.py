"""A condition's problem is marked where the author typed it, however YAML wrote the scalar."""

from __future__ import annotations

import pytest

from game.diagnostics import Diagnostic
from game.loading import load_scene_text
from game.sources import SourceLibrary

from .builders import VALID_SCENE, only, replace

CONDITION = 'if: "not fields_present and resolve < 2"'


def _problem(library: SourceLibrary, written: str, code: str = "CN305") -> tuple[Diagnostic, str]:
    text = replace(VALID_SCENE, CONDITION, written)
    result = load_scene_text(text, "f.yaml", library)
    return only(result.diagnostics, code), text


def _marked(diagnostic: Diagnostic, text: str) -> str:
    """The text the diagnostic's span covers in the file."""
    line = text.splitlines()[diagnostic.where.line - 1]
    start = diagnostic.where.column - 1
    assert start <= len(line), "never past the end of the line"
    return line[start:start + diagnostic.where.length]


@pytest.mark.parametrize(
    "written",
    [
        'if: >-\n          not fields_present and\n          resolv < 2',  # folded block
        "if: not fields_present and\n          resolv < 2",  # a plain scalar wrapping
        "if: 'mood == ''calm'' and resolv < 2'",  # '' escapes before it
        'if: "mood == \\u0022calm\\u0022 and resolv < 2"',  # \\u escapes before it
        'if: "not fields_present and\\tresolv < 2"',  # a \\t escape just before it
        'if: "not fields_present and \\\n          resolv < 2"',  # an escaped line break
        "if: |-\n          not fields_present and\n          resolv < 2",  # literal block
    ],
)
def test_the_unknown_name_is_marked_exactly(library: SourceLibrary, written: str) -> None:
    diagnostic, text = _problem(library, written)
    assert _marked(diagnostic, text) == "resolv"


def test_a_folded_condition_that_cannot_be_read_points_inside_it(library: SourceLibrary) -> None:
    diagnostic, text = _problem(library, "if: >-\n          resolve >\n          and", "CN401")
    line = text.splitlines()[diagnostic.where.line - 1]
    assert line.strip() in ("resolve >", "and")
    assert diagnostic.where.column <= len(line) + 1


def test_a_never_unlocked_option_in_a_folded_block_points_at_its_text(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, CONDITION, "if: >-\n          resolve > 5")
    scene = load_scene_text(text, "f.yaml", library).scene
    assert scene is not None
    condition = scene.nodes["first"].choice("wait").condition
    assert condition is not None
    assert text.splitlines()[condition.where.line - 1].strip() == "resolve > 5"


@pytest.mark.parametrize("written", [
    'if: "not fields_present and resolv < 2"',
    "if: >-\n          not fields_present and\n          resolv < 2",
])
def test_a_file_saved_with_a_byte_order_mark_is_marked_exactly_too(
    library: SourceLibrary, written: str
) -> None:
    # Notepad's UTF-8 starts with a byte-order mark, which YAML's positions do not count.
    text = replace(VALID_SCENE, CONDITION, written)
    result = load_scene_text(b"\xef\xbb\xbf" + text.encode("utf-8"), "f.yaml", library)
    diagnostic = only(result.diagnostics, "CN305")
    assert _marked(diagnostic, text) == "resolv"
