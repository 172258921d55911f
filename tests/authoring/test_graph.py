"""`cover-names graph`: the scene through transitions, endings and verdicts marked, a path on it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.authoring.graph_command import read_path
from game.engine import Story, load_story
from game.engine.diagram import draw
from game.saves import write_save

from .conftest import DEMO_SCENES, REPO


@pytest.fixture(scope="module")
def demo() -> Story:
    return load_story(DEMO_SCENES)


def test_mermaid_marks_start_endings_and_verdicts(demo: Story) -> None:
    text = draw(demo.scenes["demo_call"])
    assert text.startswith('---\ntitle: "The Telephone Call (demo)"\n---\nstateDiagram-v2')
    assert 'state "waiting [start, decision]" as waiting' in text
    assert "Class passports s_ending_historical" in text
    assert "Class no_papers s_ending_counterfactual" in text
    assert "classDef s_ending_historical" in text
    assert "[*] --> waiting" in text
    assert "the_call --> no_papers: plead (diverged) if mood == 'calm'" in text
    assert "still_working (disputed)" in text


def test_dot_colours_verdicts_and_shapes_endings(demo: Story) -> None:
    text = draw(demo.scenes["demo_call"], "dot")
    assert text.startswith('digraph "demo_call" {')
    assert '"passports" [label="passports\\n[ending historical]"' in text
    assert 'shape="doubleoctagon"' in text
    assert '"the_call" -> "passports" [label="still_working (disputed)", color="#6a1b9a"' in text
    assert 'style="dashed"' in text  # a locked-able option


def test_a_saved_playthrough_is_drawn_over_the_scene(demo: Story, tmp_path: Path) -> None:
    player = demo.new_player("demo_call")
    player.choose("steel_yourself")
    player.choose("continue")
    save = write_save(player, "graph-test", tmp_path)
    player.close()
    steps, end, problem = read_path(save, "demo_call")
    assert problem is None and end == "the_call"
    assert steps == [("waiting", "steel_yourself"), ("the_fields", "continue")]
    mermaid = draw(demo.scenes["demo_call"], "mermaid", steps, end)
    assert "steel_yourself (unrecorded) step 1" in mermaid
    assert "Class the_call s_path_end" in mermaid and "Class waiting s_path" in mermaid
    dot = draw(demo.scenes["demo_call"], "dot", steps, end)
    assert 'label="continue step 2", color="#0d47a1", penwidth="3"' in dot


def test_a_student_record_is_drawn_with_its_continues_put_back(demo: Story,
                                                               tmp_path: Path) -> None:
    from game.authoring.graph_command import fill_continues
    from game.classroom.records import write_record

    player = demo.new_player("demo_call")
    for option in ("steel_yourself", "continue", "name_witnesses"):
        player.choose(option)
    record = write_record(player, tmp_path, "Ada")
    player.close()
    steps, end, problem = read_path(record, "demo_call")
    assert problem is None and end == "passports"
    assert steps == [("waiting", "steel_yourself"), ("the_call", "name_witnesses")]
    assert fill_continues(demo.scenes["demo_call"], steps, end) == [
        ("waiting", "steel_yourself"), ("the_fields", "continue"), ("the_call", "name_witnesses")]


@pytest.mark.parametrize("found", [["cover-names/save"], {"name": "cover-names/record"}, 7, None])
def test_a_file_whose_format_is_not_text_is_not_a_save_nor_a_crash(
    tmp_path: Path, found: object
) -> None:
    file = tmp_path / "odd.json"
    file.write_text(json.dumps({"format": found, "version": 1, "playthrough": {}}))
    _steps, _end, problem = read_path(file, "demo_call")
    assert problem is not None and problem.code == "CN651"  # not CN614, "please report it"
    assert "it is not a Cover Names save or record" in problem.message


def test_a_path_of_another_scene_is_refused(demo: Story, tmp_path: Path) -> None:
    file = tmp_path / "other.json"
    file.write_text('{"playthrough": {"scene": "exit_visa", "history": []}}')
    _steps, _end, problem = read_path(file, "demo_call")
    assert problem is not None and problem.code == "CN651"
    assert "'exit_visa', not of 'demo_call'" in problem.message
    file.write_text("not json")
    assert read_path(file, "demo_call")[2] is not None


def test_unknown_format_is_an_error(demo: Story) -> None:
    with pytest.raises(ValueError):
        draw(demo.scenes["demo_call"], "svg")


def _graph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "graph", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=60)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda doc: doc.update(version=99),
         "the save is from a newer version of the game (version 99; this game reads 1)"),
        (lambda doc: doc["playthrough"]["history"][0].update(choice="no_such_choice"),
         "step 1 chose 'no_such_choice', which is not an option at 'waiting'; the file is "
         "damaged, or the scene has changed since it was played"),
        (lambda doc: doc["playthrough"]["history"][0].update(node="nowhere"),
         "step 1 was made at the passage 'nowhere', which the scene does not have"),
        (lambda doc: doc["playthrough"].update(node="gone"),
         "it is at the passage 'gone', which the scene does not have; the file is damaged"),
    ],
)
def test_a_path_from_a_newer_or_damaged_save_is_refused_not_half_drawn(
    demo: Story, tmp_path: Path, edit: Any, said: str
) -> None:
    player = demo.new_player("demo_call")
    player.choose("steel_yourself")
    save = write_save(player, "graph-test", tmp_path)
    player.close()
    document = json.loads(save.read_text())
    edit(document)
    save.write_text(json.dumps(document))
    result = _graph(str(DEMO_SCENES / "demo_call.yaml"), "--path", str(save))
    assert result.returncode == 1 and result.stdout == ""
    assert "error CN651" in result.stderr and said in result.stderr
