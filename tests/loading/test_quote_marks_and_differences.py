"""Quotes as a word processor pastes them, and where a quote that is not found parts from its
source: curly delimiters taken as meant, a syntax hint naming them, a word-level difference."""

from __future__ import annotations

import pytest

from game.loading import load_scene_text
from game.loading.quote_difference import word_difference
from game.sources import SourceLibrary

from .builders import QUOTE_A, VALID_SCENE, codes, only, replace

PASSAGE = ("She telephoned Bazarov and told him: \"When I had been connected and heard his answer "
           "at the other end of the wire, I said in a loud and clear voice, 'Boris, I have been "
           "asking you for our exit visas long enough! We have guests, Herta and Noel Field.")


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("‘", "’"), ("„", "“"),
                                                  ("«", "»"), ("「", "」")])
def test_curly_quotation_marks_around_a_quote_are_taken_as_delimiters(
    library: SourceLibrary, opening: str, closing: str
) -> None:
    text = replace(VALID_SCENE, f'quote: "{QUOTE_A}"', f"quote: {opening}{QUOTE_A}{closing}")
    result = load_scene_text(text, "f.yaml", library)
    assert codes(result.diagnostics) == []
    assert result.scene is not None
    assert result.scene.nodes["first"].citations[0].quote == QUOTE_A  # proven without them


def test_curly_marks_inside_straight_quotes_are_taken_as_delimiters_too(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, f'quote: "{QUOTE_A}"', f'quote: "“{QUOTE_A}”"')
    assert codes(load_scene_text(text, "f.yaml", library).diagnostics) == []


def test_a_curly_delimited_value_that_breaks_the_yaml_names_the_mark_and_the_fix(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, "text: Peter listens, then spreads his hands.",
                   "text: “Peter listens: then he spreads his hands.”")
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN104")
    assert "typographic quotation mark “" in found.hint
    assert 'text: "Peter listens: then he spreads his hands."' in found.hint


def test_a_misquote_shows_the_word_that_differs(library: SourceLibrary) -> None:
    wrong = "Boris, I have been asking you for our exit visa long enough!"
    text = replace(VALID_SCENE, f'quote: "{QUOTE_A}"', f'quote: "{wrong}"')
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN502")
    assert "closest passage in 'bazarov'" in found.hint
    assert "[visa → visas]" in found.hint


def test_the_word_difference_marks_changes_additions_and_omissions() -> None:
    assert word_difference("our exit visa long enough!", PASSAGE) == (
        "our exit [visa → visas] long enough!")
    assert word_difference("I have asking you for our exit visas long enough! We have many "
                           "guests", PASSAGE) == ("I have [+been] asking you for our … long "
                                                  "enough! We have [-many] guests")
    assert word_difference("I said in a loud and clear voice", PASSAGE) == ""  # no difference
    assert word_difference("zebras quokkas wombats", PASSAGE) == ""  # no word in common
