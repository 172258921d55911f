"""The hints an author reads under a diagnostic: what they probably meant, in their terms."""

from __future__ import annotations

import pytest

from game.diagnostics import Diagnostics, Location
from game.loading import load_scene_text, parse_condition
from game.model import VarType
from game.sources import SourceLibrary

from .builders import VALID_SCENE, only, replace

TYPES = {"resolve": VarType.INT, "fields_present": VarType.BOOL, "mood": VarType.STR}


def _one(text: str) -> tuple[str, str, int, int]:
    diagnostics = Diagnostics()
    parse_condition(text, TYPES, Location("f.yaml", 1, 1), diagnostics)
    assert len(diagnostics) == 1, [str(d) for d in diagnostics]
    found = diagnostics.items[0]
    return found.code, found.hint, found.where.column, found.where.length


@pytest.mark.parametrize(
    ("text", "hint", "marked"),
    [
        ("resolve >>= 2", "did you mean '>='?", ">>="),
        ("resolve => 2", "did you mean '>='?", "=>"),
        ("resolve =< 2", "did you mean '<='?", "=<"),
        ("resolve <> 2", "did you mean '!='?", "<>"),
        ("resolve = 2", "use '==' to compare", "="),
        ("mood == 'a=b' and resolve = 2", "use '==' to compare", "="),
        ("resolve > 1 && fields_present", "write 'and' instead of '&&'", "&&"),
        ("resolve > 1 || fields_present", "write 'or' instead of '||'", "||"),
        ("!fields_present", "write 'not' instead of '!'", "!"),
    ],
)
def test_a_mistyped_operator_is_named_and_marked(text: str, hint: str, marked: str) -> None:
    code, found, column, length = _one(text)
    assert code == "CN401" and hint in found
    assert text[column - 1:column - 1 + length] == marked


@pytest.mark.parametrize("text", ["mood == 'a=b' and resolve >", 'mood == "x && y" and >'])
def test_an_operator_inside_quoted_text_is_never_taken_for_the_slip(text: str) -> None:
    code, hint, column, _length = _one(text)
    assert code == "CN401" and "==" not in hint and "'and'" not in hint
    quoted = range(text.index(text[8]), text.rindex(text[8]) + 1)  # the quoted text, quotes too
    assert column - 1 not in quoted  # marked where it breaks, not inside the text


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("resolve >> 2", "did you mean '>' or '>='?"),
        ("resolve > 1 & fields_present", "write 'and' instead of '&'"),
    ],
)
def test_a_refused_operator_suggests_the_one_meant(text: str, hint: str) -> None:
    code, found, _column, _length = _one(text)
    assert (code, found) == ("CN402", hint)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ('resolve == "2"', 'write the number without quotes: 2, not "2"'),
        ("fields_present == 1", "test it alone: 'fields_present' or 'not fields_present'"),
        ("mood < 3", "'mood' is text and '3' is a whole number: compare numbers with numbers"),
        ("mood > 'b'", "text is only compared with == or !="),
        ("resolve and fields_present", "compare it, e.g. 'resolve > 0 and ...'"),
        ("not mood", "compare it instead, e.g. 'mood == \"...\"'"),
        ("mood + 1 > 2", "only whole numbers are added"),
        ("-mood == 'x'", "'+' and '-' go only before whole numbers"),
    ],
)
def test_every_type_mismatch_says_how_to_fit_the_types(text: str, hint: str) -> None:
    code, found, _column, _length = _one(text)
    assert code == "CN403" and hint in found


def test_an_extra_indented_key_gets_an_indentation_hint_not_a_quoting_one(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, "    text: You wait.", "     text: You wait.")
    text = replace(text, "  second:\n", "  second:\n    speaker: Narrator\n")
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN104")
    assert "indented further than the line above it (column 6, not 5)" in found.hint
    assert "quotes" not in found.hint


def test_a_value_holding_a_colon_still_gets_the_quoting_hint(library: SourceLibrary) -> None:
    found = only(load_scene_text("title: Hede: a life\n", "f.yaml", library).diagnostics,
                 "CN104")
    assert found.hint == "a value holding ': ' needs quotes around it"


def test_a_well_indented_value_holding_a_colon_is_not_called_out_of_line(
    library: SourceLibrary,
) -> None:
    # Its column is the one its sibling keys start at: the quoting hint, not an indentation one.
    text = replace(VALID_SCENE, "    text: You wait.", "    text: You wait: a long time.")
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN104")
    assert found.hint == "a value holding ': ' needs quotes around it"


def test_a_list_item_out_of_line_gets_a_plain_hint(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "      - id: wait", "     - id: wait")
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN104")
    assert "did not find expected" in found.message  # libyaml's words, then plain ones:
    assert found.hint == ("this '- ' item starts at column 6, but the items of the list above "
                          "start at column 7: line them up")


def test_a_key_out_of_line_in_a_list_item_gets_a_plain_hint(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "        goto: second\n        set:", "       goto: second\n"
                                                                    "        set:")
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN104")
    assert "expected '-' indicator" in found.message
    assert "column 8, which lines up with no line above it" in found.hint
    assert "start at column 9" in found.hint


def test_a_name_in_look_alike_letters_is_refused_not_silently_read() -> None:
    code, hint, column, length = _one("ｒｅｓｏｌｖｅ >= 2")
    assert (code, hint) == ("CN402", "type it with ordinary letters: resolve")
    assert (column, length) == (1, len("ｒｅｓｏｌｖｅ"))


def test_an_unclosed_bracket_gets_a_plain_hint(library: SourceLibrary) -> None:
    found = only(load_scene_text("id: x\ntitle: [\n", "f.yaml", library).diagnostics, "CN104")
    assert "opened with '[' or '{' is not closed" in found.hint


def test_a_key_indented_to_the_wrong_level_says_where_it_belongs(library: SourceLibrary) -> None:
    # Valid YAML: the choice's 'goto' dedented to the node's keys.
    text = replace(VALID_SCENE, "        goto: second\n        set:", "        set:")
    text = replace(text, "  second:\n", "  second:\n")
    text = replace(text, "    discuss: What did the refusal mean?\n",
                   "    discuss: What did the refusal mean?\n    goto: second\n")
    diagnostics = load_scene_text(text, "f.yaml", library).diagnostics
    found = only(diagnostics, "CN202")
    assert "'goto' belongs to a choice: check this line's indentation" in found.hint
