"""Session plans load, and lint like scenes: file:line:col, stable CN7xx codes, hints."""

from __future__ import annotations

from pathlib import Path

from game.classroom.plans import Plan, Reveal, lint_plan_files, load_plan, scenes_in_no_plan
from game.engine import Story
from tests.classroom.conftest import REPO, write_plan

GOOD = """\
format: 1
title: Demo lesson
reveal: at_end
minutes: {introduction: 5, debrief: 10}
scenes:
  - scene: classroom_demo
    minutes: 20
    prompts:
      asking: Who had the power here?
      meeting:
        - First extra prompt.
        - Second extra prompt.
"""


def codes(diagnostics: list) -> list[str]:  # type: ignore[type-arg]
    return [d.code for d in diagnostics]


def test_a_good_plan_loads_with_everything_in_it(tmp_path: Path, demo_story: Story) -> None:
    plan, diagnostics = load_plan(write_plan(tmp_path, GOOD), demo_story)
    assert diagnostics == []
    assert plan is not None
    assert plan.title == "Demo lesson"
    assert plan.reveal is Reveal.AT_END
    assert [part.scene_id for part in plan.scenes] == ["classroom_demo"]
    assert plan.total_minutes == 35
    assert plan.prompts_for("classroom_demo", "asking") == ("Who had the power here?",)
    assert plan.prompts_for("classroom_demo", "meeting") == (
        "First extra prompt.", "Second extra prompt.")
    assert plan.prompts_for("classroom_demo", "opening") == ()
    assert len(plan.content_hash) == 64


def test_every_shipped_plan_is_clean_against_the_shipped_scenes(shipped_story: Story) -> None:
    plans = sorted((REPO / "plans").glob("*.yaml"))
    assert len(plans) >= 4
    assert [str(d) for d in lint_plan_files(plans, shipped_story)] == []
    # A scene in no plan is a lint warning (CN709, below), never a failure here: adding a
    # scene must not break the project's tests.


def test_a_scene_in_no_plan_is_a_warning_at_its_id(tmp_path: Path, demo_story: Story) -> None:
    (scene,) = demo_story.scenes.values()
    empty = write_plan(tmp_path, GOOD.replace("classroom_demo", "other"), "other.yaml")
    other_story = Story(demo_story.library, {**demo_story.scenes, "other": scene})
    (warning,) = scenes_in_no_plan([empty], other_story, [scene])
    assert warning.code == "CN709" and warning.severity.value == "warning"
    assert warning.where == scene.where and "'classroom_demo' is in no session plan" in str(
        warning)
    assert "plans/classroom_demo.yaml" in warning.hint
    listed = write_plan(tmp_path, GOOD, "good.yaml")
    assert scenes_in_no_plan([empty, listed], other_story, [scene]) == []


def test_unknown_scene_and_node_point_at_the_line_and_suggest(
    tmp_path: Path, demo_story: Story
) -> None:
    text = GOOD.replace("scene: classroom_demo", "scene: classroom_dem").replace(
        "asking:", "askin:")
    plan, diagnostics = load_plan(write_plan(tmp_path, text), demo_story)
    assert plan is None
    (scene_error,) = diagnostics
    assert scene_error.code == "CN702"
    assert str(scene_error.where) == f"{tmp_path / 'plan.yaml'}:6:12"
    assert "did you mean 'classroom_demo'?" in scene_error.hint

    text = GOOD.replace("asking:", "askin:")
    plan, diagnostics = load_plan(write_plan(tmp_path, text), demo_story)
    assert plan is None
    (node_error,) = diagnostics
    assert node_error.code == "CN703"
    assert (node_error.where.line, node_error.where.column) == (9, 7)
    assert node_error.hint == "did you mean 'asking'?"
    rendered = node_error.render()
    assert ("plan.yaml:9:7: error CN703: 'askin' is not a node of the scene 'classroom_demo'"
            in rendered)
    assert "      askin: Who had the power here?" in rendered and "^^^^^" in rendered


def test_prompts_on_a_passage_without_a_decision_are_a_warning(
    tmp_path: Path, demo_story: Story
) -> None:
    text = GOOD.replace("asking:", "opening:")
    plan, diagnostics = load_plan(write_plan(tmp_path, text), demo_story)
    assert plan is not None  # a warning does not stop the plan
    assert codes(diagnostics) == ["CN704"]
    assert not diagnostics[0].is_error


def test_shape_problems_are_all_reported_in_one_pass(tmp_path: Path, demo_story: Story) -> None:
    text = """\
format: 1
titel: Misspelt
reveal: later
minutes: {introduction: -5, debrief: ten}
scenes:
  - scene: classroom_demo
    minutes: 500
  - scene: classroom_demo
    prompts: [not, a, mapping]
"""
    plan, diagnostics = load_plan(write_plan(tmp_path, text), demo_story)
    assert plan is None
    found = codes(diagnostics)
    assert found.count("CN202") == 1 and found.count("CN201") == 1  # titel / title
    unknown = next(d for d in diagnostics if d.code == "CN202")
    assert unknown.hint == "did you mean 'title'?"
    assert "CN706" in found  # reveal: later
    assert found.count("CN707") == 3  # -5, ten, 500
    assert "CN705" in found  # the scene twice
    assert "CN203" in found  # prompts as a list


def test_a_newer_format_is_refused_not_misread(tmp_path: Path, demo_story: Story) -> None:
    plan, diagnostics = load_plan(write_plan(tmp_path, "format: 9\n" + GOOD[10:]), demo_story)
    assert plan is None
    assert codes(diagnostics) == ["CN701"]


def test_yaml_problems_use_the_loaders_codes(tmp_path: Path, demo_story: Story) -> None:
    _, syntax = load_plan(write_plan(tmp_path, "title: [unclosed\n"), demo_story)
    assert codes(syntax) == ["CN104"]
    _, alias = load_plan(write_plan(tmp_path, GOOD + "extra: &a 1\nagain: *a\n"), demo_story)
    assert "CN105" in codes(alias)
    _, empty = load_plan(write_plan(tmp_path, "scenes: []\ntitle: x\n"), demo_story)
    assert codes(empty) == ["CN206"]
    _, missing = load_plan(tmp_path / "nowhere.yaml", demo_story)
    assert codes(missing) == ["CN100"]


def test_a_very_long_plan_is_warned_about(tmp_path: Path, demo_story: Story) -> None:
    plan, diagnostics = load_plan(
        write_plan(tmp_path, GOOD.replace("minutes: 20", "minutes: 200")), demo_story)
    assert plan is not None
    assert codes(diagnostics) == ["CN708"]


def test_lint_plan_files_collects_every_file(tmp_path: Path, demo_story: Story) -> None:
    good = write_plan(tmp_path, GOOD, "good.yaml")
    bad = write_plan(tmp_path, GOOD.replace("asking:", "askin:"), "bad.yaml")
    found = lint_plan_files([good, bad], demo_story)
    assert [(Path(d.where.file).name, d.code) for d in found] == [("bad.yaml", "CN703")]


def test_the_built_in_plan_plays_every_scene_in_order(shipped_story: Story) -> None:
    plan = Plan.of_story(shipped_story)
    assert [p.scene_id for p in plan.scenes] == [s.id for s in shipped_story.ordered]
    assert plan.reveal is Reveal.AFTER_EACH_VOTE
