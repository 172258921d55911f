"""Walkthrough files: their format's diagnostics, and failures that read well."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.report import render_all
from game.authoring.walkthrough import read_walkthrough
from game.authoring.walkthrough_run import middle_step, run_walkthrough
from game.engine import Story, load_story

from .conftest import DEMO_SCENES

DEMO = DEMO_SCENES / "demo_call.yaml"


@pytest.fixture(scope="module")
def demo() -> Story:
    return load_story(DEMO_SCENES)


def play(tmp_path: Path, story: Story, body: str) -> str:
    file = tmp_path / "case.walkthrough.yaml"
    file.write_text(f"scene: {DEMO}\n{body}", encoding="utf-8")
    walkthrough, problems = read_walkthrough(file)
    if walkthrough is not None:
        problems += run_walkthrough(walkthrough, story)
    return "\n".join(render_all(problems))


def test_a_passing_walkthrough_passes_straight_and_reloaded(demo: Story, tmp_path: Path) -> None:
    text = ("steps:\n  - steel_yourself\n  - continue\n"
            "  - {choose: 1, expect: {ending: historical, verdict: historical}}\n")
    file = tmp_path / "ok.walkthrough.yaml"
    file.write_text(f"scene: {DEMO}\n{text}")
    walkthrough, problems = read_walkthrough(file)
    assert walkthrough is not None and problems == []
    assert run_walkthrough(walkthrough, demo) == []
    for step in (1, 2, 3):
        assert run_walkthrough(walkthrough, demo, reload_after=step, save_dir=tmp_path) == []
    assert middle_step(walkthrough) == 1


def test_a_wrong_node_shows_expected_and_got_at_the_line(demo: Story, tmp_path: Path) -> None:
    out = play(tmp_path, demo, "steps:\n  - choose: hesitate\n    expect: {node: the_call}\n")
    assert "case.walkthrough.yaml:4:20: error CN623: step 1 (choose hesitate): the node is not as expected" in out  # noqa: E501
    assert "    4 |     expect: {node: the_call}\n" in out
    assert "    hint: expected: the_call\n               got: the_fields" in out


def test_variables_and_text_mismatches_each_get_a_diff(demo: Story, tmp_path: Path) -> None:
    out = play(tmp_path, demo, "steps:\n  - choose: hesitate\n"
                               "    expect: {variables: {resolve: 1}, text: [Herta is here]}\n")
    assert "the variable 'resolve' is not as expected" in out
    assert "expected: 1\n               got: -1" in out
    assert 'expected it to contain: "Herta is here"' in out
    assert "the passage at 'the_fields' reads: \"Noel and Herta Field are" in out


def test_locked_and_unknown_options_say_what_is_offered(demo: Story, tmp_path: Path) -> None:
    out = play(tmp_path, demo, "steps: [hesitate, continue, name_witnesses]\n")
    assert "error CN622: step 3 (choose name_witnesses): the option 'name_witnesses' at " \
           "'the_call' is locked (You have not found the resolve to threaten him.)" in out
    assert "hint: variables now: resolve = -1" in out
    out = play(tmp_path, demo, "steps: [hesitat]\n")
    assert "CN621" in out and "options at 'waiting': 1 steel_yourself, 2 hesitate" in out


def test_steps_after_the_ending_and_options_lists(demo: Story, tmp_path: Path) -> None:
    out = play(tmp_path, demo, "steps: [1, continue, still_working, 1]\n")
    assert "CN624" in out and "already over at 'passports'" in out
    out = play(tmp_path, demo, "steps:\n  - {expect: {options: [hesitate, steel_yourself]}}\n")
    assert "the list of options shown is not as expected" in out
    assert "expected: [hesitate, steel_yourself]\n               got: [steel_yourself, hesitate]" in out  # noqa: E501


def test_format_mistakes_are_diagnostics_with_places(demo: Story, tmp_path: Path) -> None:
    out = play(tmp_path, demo, "stpes: []\n")
    assert "1:1: error CN201: 'steps' is required in the walkthrough" in out
    assert "2:1: error CN202: unknown key 'stpes' in the walkthrough" in out
    assert "did you mean 'steps'?" in out
    out = play(tmp_path, demo, "steps:\n  - {choose: 1, expect: {nod: waiting}}\n")
    assert "unknown key 'nod' in expect" in out and "did you mean 'node'?" in out
    out = play(tmp_path, demo, "steps:\n  - [1]\n")
    assert "CN203" in out


def test_an_unknown_scene_suggests_one(demo: Story, tmp_path: Path) -> None:
    file = tmp_path / "x.walkthrough.yaml"
    file.write_text("scene: demo_cal\nsteps: [1]\n")
    walkthrough, _ = read_walkthrough(file)
    assert walkthrough is not None
    (found,) = run_walkthrough(walkthrough, demo)
    assert found.code == "CN620" and found.hint == "did you mean 'demo_call'?"


def test_a_walkthrough_beside_its_scene_is_not_read_as_a_scene(tmp_path: Path) -> None:
    import shutil

    from game.authoring.walkthrough import find_walkthroughs

    shutil.copy(DEMO, tmp_path / "demo_call.yaml")
    beside = tmp_path / "demo_call.walkthrough.yaml"
    beside.write_text("scene: demo_call\nsteps: [steel_yourself, continue]\n")
    story = load_story(tmp_path)
    assert story.diagnostics == () and list(story.scenes) == ["demo_call"]
    assert find_walkthroughs([tmp_path]) == [beside]
    walkthrough, problems = read_walkthrough(beside)
    assert walkthrough is not None and problems == []
    assert run_walkthrough(walkthrough, story) == []


def test_ending_none_over_and_text_lists(demo: Story, tmp_path: Path) -> None:
    ok = play(tmp_path, demo, "steps:\n  - {expect: {ending: none, over: false}}\n"
                              "  - {choose: hesitate, expect: {text: [Herta Field, the room]}}\n"
                              "  - continue\n  - {choose: plead, expect: {over: true, "
                              "ending: counterfactual, speaker: ''}}\n")
    assert ok == ""
    out = play(tmp_path, demo, "steps:\n  - {expect: {over: true}}\n")
    assert "whether the scene is over is not as expected" in out and "got: false" in out


def test_a_note_takes_a_list_and_each_missing_text_is_shown_where_it_is_written(
    demo: Story, tmp_path: Path,
) -> None:
    # hesitate's note: "Hede did not keep waiting. She used the Fields' visit to demand ..."
    ok = play(tmp_path, demo, "steps:\n  - choose: hesitate\n"
                              "    expect: {note: [the Fields' visit, demand the visas]}\n")
    assert ok == ""
    out = play(tmp_path, demo, "steps:\n  - choose: hesitate\n"
                               "    expect:\n      note: [kept waiting, the Fields' visit,"
                               " the Legation]\n")
    assert out.count("CN623") == 2  # one for each text the note lacks, not for the one it has
    assert ("case.walkthrough.yaml:5:14: error CN623: step 1 (choose hesitate): the record's "
            "note is not as expected") in out  # at "kept waiting"
    assert "case.walkthrough.yaml:5:47: error CN623" in out  # at "the Legation"
    assert 'expected: a note containing "the Legation"' in out
    assert "got: \"Hede did not keep waiting." in out


def test_an_expectation_in_the_wrong_form_says_what_it_takes(
    demo: Story, tmp_path: Path,
) -> None:
    out = play(tmp_path, demo, "steps:\n  - choose: hesitate\n"
                               "    expect:\n      note: {said: visas}\n")
    assert ("case.walkthrough.yaml:5:13: error CN203: 'note' must be text, or a list of "
            "texts, not a mapping") in out
    assert "hint: write it as 'note: [the Fields, the American Legation]'" in out
    out = play(tmp_path, demo, "steps:\n  - {expect: {node: [waiting, the_call]}}\n")
    assert "3:21: error CN203: 'node' must be a node id, not a list" in out
    assert "write it as 'node: the_call'" in out
    out = play(tmp_path, demo, "steps:\n  - {choose: hesitate, expect: {note: [visit, [x]]}}\n")
    assert "'note' must be text, or a list of texts, not a list" in out  # the inner list
