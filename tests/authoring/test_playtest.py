"""Random and exhaustive playthroughs: deterministic for a seed, with honest coverage numbers."""

from __future__ import annotations

import pytest

from game.authoring.explore import explore
from game.authoring.playtest import exhaustive_playthroughs, random_playthroughs
from game.authoring.playtest_pool import random_many
from game.engine import Story, load_story

from .conftest import DEMO_SCENES, SceneMaker


@pytest.fixture(scope="module")
def demo() -> Story:
    return load_story(DEMO_SCENES)


def test_same_seed_same_runs(demo: Story) -> None:
    machine = demo.machine("demo_call")
    first = random_playthroughs(machine, 3_000, seed=7)
    again = random_playthroughs(machine, 3_000, seed=7)
    other = random_playthroughs(machine, 3_000, seed=8)
    assert (first.nodes, first.options, first.endings) == (again.nodes, again.options,
                                                           again.endings)
    assert first.endings != other.endings


def test_coverage_of_the_demo_scene(demo: Story) -> None:
    coverage = random_playthroughs(demo.machine("demo_call"), 2_000, seed=1)
    assert coverage.runs == 2_000
    assert coverage.node_coverage == (5, 5)
    assert coverage.option_coverage == (6, 6)
    assert sum(coverage.endings.values()) == 2_000
    assert set(coverage.endings) == {"passports", "no_papers"}
    assert coverage.errors == [] and coverage.missed_nodes == [] and coverage.missed_endings == []
    # 'steel_yourself' and 'hesitate' are chosen about equally at the first decision.
    first = coverage.options[("waiting", "steel_yourself")] / 2_000
    assert 0.45 < first < 0.55


def test_parallel_and_serial_runs_agree(demo: Story) -> None:
    serial = random_many(demo, [DEMO_SCENES], None, 6_000, seed=3, jobs=1)["demo_call"]
    parallel = random_many(demo, [DEMO_SCENES], None, 6_000, seed=3, jobs=2)["demo_call"]
    assert serial.runs == parallel.runs == 6_000
    assert (serial.nodes, serial.options, serial.endings) == (parallel.nodes, parallel.options,
                                                              parallel.endings)


def test_exhaustive_visits_exactly_the_linter_states(demo: Story) -> None:
    machine = demo.machine("demo_call")
    coverage = exhaustive_playthroughs(machine)
    assert coverage.complete and coverage.errors == []
    assert coverage.states == len(explore(machine.scene).moves) == 9
    assert coverage.option_coverage == (6, 6)


def test_a_stuck_player_is_reported_with_the_path(make_scene: SceneMaker) -> None:
    from game.engine import SceneMachine

    scene = make_scene(('if: "resolve < 1"', 'if: "resolve > 5"'),
                       ("        set: {resolve: +1}\n",
                        "        set: {resolve: +1}\n        if: \"resolve > 3\"\n"))
    coverage = random_playthroughs(SceneMachine(scene), 50, seed=0)
    assert len(coverage.errors) == 1  # once, not fifty times
    error = coverage.errors[0]
    assert error.code == "CN630" and "stuck" in error.message and "'ask'" in error.message
    assert "steps: []" in error.hint
    exhaustive = exhaustive_playthroughs(SceneMachine(scene))
    assert [e.code for e in exhaustive.errors] == ["CN630"]


def test_exhaustive_stops_at_its_limit(make_scene: SceneMaker) -> None:
    from game.engine import SceneMachine

    scene = make_scene(("    next: home\n", "    choices:\n"
                        "      - {id: again, text: Again., goto: ask, set: {resolve: +1},\n"
                        "         record: {verdict: unrecorded, note: Loop., cite: []}}\n"
                        "      - {id: leave, text: Leave., goto: home,\n"
                        "         record: {verdict: unrecorded, note: Out., cite: []}}\n"
                        "    discuss: Again?\n"))
    coverage = exhaustive_playthroughs(SceneMachine(scene), limit=30)
    assert not coverage.complete and coverage.states == 30


LOOP = ("    next: home\n", "    choices:\n"
        "      - {id: again, text: Again., goto: ask, set: {resolve: +1},\n"
        "         record: {verdict: unrecorded, note: Loop., cite: []}}\n"
        "      - {id: leave, text: Leave., goto: home,\n"
        "         record: {verdict: unrecorded, note: Out., cite: []}}\n"
        "    discuss: Again?\n")


def test_test_exhaustive_says_when_it_stopped_at_its_limit(make_scene: SceneMaker) -> None:
    from game.authoring.test_command import exhaustive_report

    scene = make_scene(LOOP)
    story = Story(load_story(DEMO_SCENES).library, {scene.id: scene})
    lines, problems = exhaustive_report(story, scene.id, limit=30)
    assert "  states   30 (stopped at the limit)" in lines
    assert [(p.code, p.is_error) for p in problems] == [("CN631", False)]
    assert problems[0].message == ("the exhaustive search of 'lint_demo' stopped at 30 states: "
                                   "the states beyond were not visited")


def test_a_long_failing_path_is_shown_by_its_ends() -> None:
    from game.authoring.playtest import replay_hint

    path = [f"step_{number}" for number in range(1000)]
    hint = replay_hint("exit_visa", path)
    assert len(hint) < 400
    assert "[step_0, step_1," in hint and "step_998, step_999]" in hint
    assert "1,000 choices" in hint and "980 between" in hint
    assert replay_hint("x", ["a", "b"]) == "replay it in a walkthrough: scene: x, steps: [a, b]"
