"""CN2xx: the shape of a scene. Each test breaks one thing in the valid scene."""

from __future__ import annotations

import pytest

from game.diagnostics import Diagnostic
from game.loading import load_scene_text
from game.sources import SourceLibrary

from .builders import VALID_SCENE, codes, column_of, line_of, only, replace


def load(text: str, library: SourceLibrary) -> tuple[Diagnostic, ...]:
    result = load_scene_text(text, "scenes/test_scene.yaml", library)
    if any(d.is_error for d in result.diagnostics):
        assert result.scene is None
    return result.diagnostics


def at(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.where.line, diagnostic.where.column


def test_cn201_missing_required_scene_key(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "title: A Test Scene\n", "")
    diagnostic = only(load(text, library), "CN201")
    assert "'title' is required in the scene" in diagnostic.message
    assert at(diagnostic) == (1, 1)


def test_cn201_missing_text_in_node_points_at_the_node(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    text: You wait.\n", "")
    diagnostic = only(load(text, library), "CN201")
    assert "'text' is required in node 'second'" in diagnostic.message
    assert at(diagnostic) == (line_of(text, "next: last"), 5)


def test_a_missing_discuss_is_left_to_the_linter(library: SourceLibrary) -> None:
    # A scene plays without a prompt: lint warns (CN609), the loader says nothing.
    text = replace(VALID_SCENE, "    discuss: What did the refusal mean?\n", "")
    assert load(text, library) == ()


def test_cn608_an_option_without_a_record_keeps_the_scene_from_loading(
    library: SourceLibrary,
) -> None:
    # The game would show it with no word of what history says: its own code, not CN201.
    record = "        record: {verdict: unrecorded, note: Invented., cite: []}\n"
    diagnostic = only(load(replace(VALID_SCENE, record, ""), library), "CN608")
    assert diagnostic.is_error
    assert "the option 'wait' at 'first' has no record" in diagnostic.message


def test_cn202_unknown_key_with_did_you_mean(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    text: It ends.\n", "    txet: It ends.\n    text: It ends.\n")
    diagnostic = only(load(text, library), "CN202")
    assert "unknown key 'txet' in node 'last'" in diagnostic.message
    assert diagnostic.hint == "did you mean 'text'?"
    assert at(diagnostic) == (line_of(text, "txet:"), 5)


def test_cn202_unknown_top_level_key(library: SourceLibrary) -> None:
    text = VALID_SCENE + "sumary: typo\n"
    diagnostic = only(load(text, library), "CN202")
    assert diagnostic.hint == "did you mean 'summary'?"
    assert at(diagnostic) == (line_of(text, "sumary:"), 1)


@pytest.mark.parametrize(
    ("old", "new", "fragment", "expected"),
    [
        ("    choices:\n      - id: ask_higher",
         "    choices: hello\n    x:\n      - id: ask_higher",
         "hello", "'choices' must be a list, not text"),
        ("title: A Test Scene", "title: [a, b]", "[a, b]", "'title' must be text, not a list"),
        ("order: 1", "order: first", "first", "'order' must be a number, like 2 or 1.5, not text"),
        ("  resolve: 0", "  resolve: 0.5", "0.5",
         "'resolve' must be a whole number, true/false or text, not a decimal number"),
        ("vars:\n", "vars: 333\nx:\n", "333", "'vars' must be a mapping, not a whole number"),
    ],
)
def test_cn203_wrong_type(
    old: str, new: str, fragment: str, expected: str, library: SourceLibrary
) -> None:
    text = replace(VALID_SCENE, old, new)
    found = [d for d in load(text, library) if d.code == "CN203"]
    assert len(found) == 1, [str(d) for d in load(text, library)]
    assert expected in found[0].message
    assert at(found[0]) == (line_of(text, fragment), column_of(text, fragment))


@pytest.mark.parametrize(
    ("old", "new", "bad"),
    [
        ("id: test_scene", "id: TestScene", "TestScene"),
        ("  second:\n", "  Second:\n", "Second"),
        ("- id: wait", "- id: wait-now", "wait-now"),
        ("    next: last", "    next: Last", "Last"),
    ],
)
def test_cn204_ids_must_be_snake_case(
    old: str, new: str, bad: str, library: SourceLibrary
) -> None:
    text = replace(VALID_SCENE, old, new)
    found = [d for d in load(text, library) if d.code == "CN204"]
    assert len(found) == 1, [str(d) for d in load(text, library)]
    assert f"'{bad}' is not a snake_case id" in found[0].message
    assert at(found[0]) == (line_of(text, bad), column_of(text, bad))


def test_cn204_hint_proposes_the_snake_case_form(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "id: test_scene", "id: TestScene")
    assert only(load(text, library), "CN204").hint == "write it as 'test_scene'"


def test_cn205_unknown_verdict_and_ending(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "verdict: historical", "verdict: historic")
    text = replace(text, "ending: historical", "ending: happy")
    found = [d for d in load(text, library) if d.code == "CN205"]
    assert [at(d) for d in found] == [
        (line_of(text, "verdict: historic"), column_of(text, "historic")),
        (line_of(text, "ending: happy"), column_of(text, "happy")),
    ]
    assert found[0].hint == "did you mean 'historical'?"
    assert "expected one of historical, diverged, unrecorded, disputed" in found[0].message
    assert "expected one of historical, counterfactual" in found[1].message


def test_cn206_empty_text(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    text: You wait.", '    text: ""')
    diagnostic = only(load(text, library), "CN206")
    assert at(diagnostic) == (line_of(text, 'text: ""'), column_of(text, '""'))


def test_cn206_empty_choices(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    text: You wait.\n    next: last",
                   "    text: You wait.\n    choices: []")
    diagnostic = only(load(text, library), "CN206")
    assert at(diagnostic) == (line_of(text, "choices: []"), 5)


def test_cn207_newer_format_is_refused(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "format: 1", "format: 9\nnew_key_from_the_future: 1")
    found = load(text, library)
    assert codes(found) == ["CN207"]  # nothing else: the file is not misread
    assert "format 9 is newer than this game reads (2)" in found[0].message
    assert at(found[0]) == (1, 9)


def test_cn208_two_ways_on(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    next: last", "    next: last\n    ending: historical")
    diagnostic = only(load(text, library), "CN208")
    assert "'next' and 'ending'" in diagnostic.message
    assert at(diagnostic) == (line_of(text, "ending: historical"), 5)


def test_cn208_no_way_on(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    next: last\n", "")
    diagnostic = only(load(text, library), "CN208")
    assert "none of 'choices', 'next' or 'ending'" in diagnostic.message
    assert at(diagnostic) == (line_of(text, "  second:"), 3)


def test_cn208_epilogue_without_ending(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    next: last\n", "    next: last\n    epilogue: {text: x}\n")
    diagnostic = only(load(text, library), "CN208")
    assert "an 'epilogue' but no 'ending'" in diagnostic.message
    assert at(diagnostic) == (line_of(text, "epilogue: {text: x}"), 5)


def test_cn209_disputed_record_needs_an_account_on_each_citation(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, "verdict: historical", "verdict: disputed")
    diagnostic = only(load(text, library), "CN209")
    assert "a 'disputed' record needs an 'account' on each citation" in diagnostic.message
    assert at(diagnostic) == (line_of(text, "          cite:"), 11)


def test_cn610_a_diverged_record_citing_nothing_keeps_the_scene_from_loading(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, "verdict: unrecorded", "verdict: diverged")
    diagnostic = only(load(text, library), "CN610")
    assert at(diagnostic) == (line_of(text, "verdict: diverged"), 17)  # the record


def test_disputed_record_with_two_accounts_loads(library: SourceLibrary) -> None:
    quote = "A few days later he arranged a meeting with Nikolai Yezhov, the head of the NKVD."
    text = replace(VALID_SCENE, "verdict: historical", "verdict: disputed")
    text = replace(
        text,
        f'            - {{source: bazarov, quote: "{quote}"}}\n',
        f'            - {{source: bazarov, quote: "{quote}", account: "The article"}}\n'
        '            - {source: bazarov, quote: "He said that he did not have the authority",'
        ' account: "Her memoir"}\n',
    )
    result = load_scene_text(text, "f.yaml", library)
    assert result.diagnostics == (), [str(d) for d in result.diagnostics]
    assert result.scene is not None
    record = result.scene.node("first").choices[0].record
    assert record is not None
    assert [c.account for c in record.citations] == ["The article", "Her memoir"]


def test_every_problem_is_reported_in_one_pass(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "title: A Test Scene\n", "")
    text = replace(text, "verdict: historical", "verdict: historic")
    text = replace(text, "goto: second", "goto: secnd")
    text = replace(text, "set: {resolve: +1, mood: hopeful}", "set: {resolv: +1, mood: 3}")
    text = replace(text, "  second:\n", "  Second:\n")
    assert sorted(codes(load(text, library))) == [
        "CN201", "CN204", "CN205", "CN301", "CN301", "CN305", "CN404"]
