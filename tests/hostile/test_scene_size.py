"""Scenes larger than 1 MB load (up to 10,000 passages); the other caps stay where they were."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_peers import scene_yaml, story_shape
from game.engine import load_story
from game.loading.yaml_tree import MAX_BYTES, MAX_SCENE_BYTES
from tests.hostile.conftest import REPO


def test_a_scene_of_several_megabytes_loads_and_plays(tmp_path: Path) -> None:
    text = scene_yaml(story_shape(4_000))
    assert MAX_BYTES < len(text.encode()) < MAX_SCENE_BYTES
    (tmp_path / "peers.yaml").write_text(text, encoding="utf-8")
    story = load_story(tmp_path, REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics[:3]]
    player = story.new_player("peers")
    while not player.is_over:
        player.choose(player.options[0].id)
    assert player.node.id == "n3999"


def test_a_scene_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(MAX_SCENE_BYTES + 1)
    story = load_story(tmp_path, REPO / "seeds")
    assert [d.code for d in story.diagnostics] == ["CN102"]


def test_a_plan_keeps_its_own_cap(tmp_path: Path) -> None:
    from game.classroom.plans import load_plan

    plan = tmp_path / "plan.yaml"
    plan.write_text("title: x\n" + "# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    _plan, problems = load_plan(plan, load_story(REPO / "scenes", REPO / "seeds"))
    assert [d.code for d in problems] == ["CN100"] and "too big" in problems[0].message
