"""Every lint check: a scene that trips it, and the clean scene that does not."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType

import pytest

from game.authoring.lint import CHECKS, LintContext, check_exploration, lint_scene
from game.authoring.lint_command import lint_paths
from game.diagnostics import Diagnostic, Severity
from game.loading import load_scene
from game.model import Scene, TextPart, Verdict
from game.sources import SourceLibrary

from .conftest import FAR_QUOTE, QUOTE_B, SceneMaker, write_scene


def codes(found: list[Diagnostic]) -> list[str]:
    return [d.code for d in found]


def with_choice(scene: Scene, node_id: str, choice_id: str, **changes: object) -> Scene:
    """The scene with one choice changed, as a scene built in code might be."""
    node = scene.nodes[node_id]
    choices = tuple(
        dataclasses.replace(c, **changes) if c.id == choice_id else c  # type: ignore[arg-type]
        for c in node.choices
    )
    nodes = dict(scene.nodes)
    nodes[node_id] = dataclasses.replace(node, choices=choices)
    return dataclasses.replace(scene, nodes=MappingProxyType(nodes))


def test_the_clean_scene_passes_every_check(make_scene: SceneMaker, library: SourceLibrary) -> None:
    assert lint_scene(make_scene(), library) == []


def test_cn601_unreachable_node(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(("  home:\n", "  orphan:\n    text: Nobody comes here.\n    next: home\n"
                                     "  home:\n"))
    found = [d for d in lint_scene(scene, library) if d.code == "CN601"]
    assert len(found) == 1 and "'orphan'" in found[0].message
    assert found[0].severity is Severity.WARNING
    assert found[0].where.line == 34


def test_cn602_dead_end_names_the_state(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(('if: "resolve < 1"', 'if: "resolve > 5"'),
                       ("        set: {resolve: +1}\n",
                        "        set: {resolve: +1}\n        if: \"resolve > 3\"\n"))
    found = lint_scene(scene, library)
    dead = [d for d in found if d.code == "CN602"]
    assert len(dead) == 1 and dead[0].is_error
    assert "stuck at 'ask'" in dead[0].message and "resolve = 0" in dead[0].message


def test_cn603_loop_with_no_way_out(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(("    next: home\n", "    next: corridor\n  corridor:\n    text: Round.\n"
                                          "    next: meeting\n"))
    loops = [d for d in lint_scene(scene, library) if d.code == "CN603"]
    assert len(loops) == 1 and loops[0].is_error  # once per loop, not once per passage
    assert "from 'meeting' no ending can be reached" in loops[0].message
    assert "the loop meeting → corridor → meeting" in loops[0].hint


def test_cn603_a_loop_with_a_way_out_is_fine(make_scene: SceneMaker,
                                              library: SourceLibrary) -> None:
    scene = make_scene(("    next: home\n", "    choices:\n"
                        "      - {id: again, text: Again., goto: ask,\n"
                        "         record: {verdict: unrecorded, note: Loop., cite: []}}\n"
                        "      - {id: leave, text: Leave., goto: home,\n"
                        "         record: {verdict: unrecorded, note: Out., cite: []}}\n"
                        "    discuss: Again?\n"))
    assert "CN603" not in codes(lint_scene(scene, library))


def test_cn604_option_never_unlocked(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(('if: "resolve < 1"', 'if: "resolve > 5"'))
    found = [d for d in lint_scene(scene, library) if d.code == "CN604"]
    assert len(found) == 1 and "'wait'" in found[0].message
    assert "resolve = 0" in found[0].hint


def test_cn605_variable_never_read(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(("  resolve: 0\n", "  resolve: 0\n  trust: 0\n"))
    found = [d for d in lint_scene(scene, library) if d.code == "CN605"]
    assert [d.message for d in found] == [
        "the variable 'trust' is declared but never read by any 'if'"]
    assert found[0].where.line == 10  # points at the declaration in 'vars'


def test_cn606_variable_never_set(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(("  resolve: 0\n", "  resolve: 0\n  warned: false\n"),
                       ('if: "resolve < 1"', 'if: "resolve < 1 and not warned"'))
    found = [d for d in lint_scene(scene, library) if d.code == "CN606"]
    assert len(found) == 1 and "'warned'" in found[0].message


def test_cn607_ending_without_epilogue(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene(("    epilogue:\n      text: They left.\n", ""))
    assert codes(lint_scene(scene, library)) == ["CN607"]


def unloaded(tmp_path: Path, library: SourceLibrary, *edits: tuple[str, str]
             ) -> list[Diagnostic]:
    """CLEAN_SCENE with `edits`, which must keep it from loading: its diagnostics."""
    result = load_scene(write_scene(tmp_path, *edits), library)
    assert result.scene is None  # the game never plays it: it would show unsupported history
    return list(result.diagnostics)


def test_cn608_option_without_record_does_not_load(tmp_path: Path,
                                                   library: SourceLibrary) -> None:
    found = unloaded(tmp_path, library,
                     ("        record: {verdict: unrecorded, note: Invented., cite: []}\n", ""))
    assert codes(found) == ["CN608"] and found[0].is_error
    assert found[0].message == "the option 'wait' at 'ask' has no record"
    assert found[0].where.line == 26  # the '- id: wait' line
    # lint prints the loader's finding once: the scene is not there to lint again.
    assert codes(lint_paths([tmp_path / "lint_demo.yaml"])[0]) == ["CN608"]


def test_cn609_decision_without_prompt_is_a_warning(make_scene: SceneMaker,
                                                    library: SourceLibrary) -> None:
    scene = make_scene(("    discuss: Why could Peter not decide?\n", ""))  # it still loads
    found = lint_scene(scene, library)
    assert codes(found) == ["CN609"] and not found[0].is_error
    assert found[0].where.line == 11  # the node 'ask'


@pytest.mark.parametrize("verdict", ["historical", "diverged"])
def test_cn610_a_record_presented_as_the_record_with_no_citation(
    tmp_path: Path, library: SourceLibrary, verdict: str
) -> None:
    found = unloaded(tmp_path, library,
                     ("        record: {verdict: unrecorded, note: Invented., cite: []}\n",
                      f"        record: {{verdict: {verdict}, note: Said so., cite: []}}\n"))
    assert codes(found) == ["CN610"] and found[0].is_error
    assert found[0].message == f"the option 'wait' is marked {verdict} but its record cites nothing"
    assert "(at 'ask')" in found[0].hint


def test_cn611_disputed_with_one_side(tmp_path: Path, library: SourceLibrary) -> None:
    found = unloaded(
        tmp_path, library,
        ("          verdict: historical\n", "          verdict: disputed\n"),
        ("            - {source: bazarov, quote:",
         "            - {account: Bazarov, source: bazarov, quote:"),
    )
    assert codes(found) == ["CN611"] and "cites 1 source passage" in found[0].message


def test_a_quote_the_source_lacks_is_not_also_called_citing_nothing(
    tmp_path: Path, library: SourceLibrary
) -> None:
    found = unloaded(tmp_path, library, (QUOTE_B, "A sentence the article never had in it."))
    assert codes(found) == ["CN502"]


def test_the_record_checks_guard_scenes_built_in_code_too(make_scene: SceneMaker,
                                                          library: SourceLibrary) -> None:
    scene = make_scene()
    record = scene.nodes["ask"].choice("ask_higher").record
    assert record is not None
    broken = with_choice(scene, "ask", "ask_higher",
                         record=dataclasses.replace(record, citations=()))
    assert codes(lint_scene(broken, library)) == ["CN610"]
    disputed = with_choice(scene, "ask", "ask_higher",
                           record=dataclasses.replace(record, verdict=Verdict.DISPUTED))
    assert codes(lint_scene(disputed, library)) == ["CN611"]
    unrecorded = with_choice(scene, "ask", "wait", record=None)
    assert codes(lint_scene(unrecorded, library)) == ["CN608"]


def test_cn612_quote_far_from_the_scene(make_scene: SceneMaker, library: SourceLibrary) -> None:
    scene = make_scene((QUOTE_B, FAR_QUOTE))
    found = lint_scene(scene, library)
    assert codes(found) == ["CN612"]
    assert found[0].severity is Severity.WARNING and "line 1 of 'bazarov'" in found[0].message


def test_cn612_counts_the_quotes_of_a_passage_written_in_parts(
    make_scene: SceneMaker, library: SourceLibrary
) -> None:
    """A format-2 passage cites in its parts: a record near such a quote is not far."""
    scene = make_scene((QUOTE_B, FAR_QUOTE))
    record = scene.nodes["ask"].choice("ask_higher").record
    assert record is not None
    far = record.citations[0]
    node = scene.nodes["ask"]
    part = TextPart(text=node.text, where=node.where, citations=(far,))
    nodes = dict(scene.nodes)
    nodes["ask"] = dataclasses.replace(node, parts=(part,))
    in_parts = dataclasses.replace(scene, nodes=MappingProxyType(nodes))
    assert "CN612" not in codes(lint_scene(in_parts, library))


def test_cn613_endless_states_are_reported(make_scene: SceneMaker,
                                          library: SourceLibrary) -> None:
    scene = make_scene(("    next: home\n", "    choices:\n"
                        "      - {id: again, text: Again., goto: ask, set: {resolve: +1},\n"
                        "         record: {verdict: unrecorded, note: Loop., cite: []}}\n"
                        "      - {id: leave, text: Leave., goto: home,\n"
                        "         record: {verdict: unrecorded, note: Out., cite: []}}\n"
                        "    discuss: Again?\n"))
    found = lint_scene(scene, library, limit=40)
    assert codes(found) == ["CN613"]
    assert lint_scene(make_scene(), library, limit=40) == []


def test_a_crashing_check_is_reported_not_raised(make_scene: SceneMaker,
                                                library: SourceLibrary) -> None:
    def check_broken(context: LintContext) -> Iterator[Diagnostic]:
        raise RuntimeError("boom")
        yield  # pragma: no cover

    found = lint_scene(make_scene(), library, checks=[check_broken, check_exploration])
    assert codes(found) == ["CN614"]
    assert "check_broken" in found[0].message and "boom" in found[0].message


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_every_check_has_a_docstring_naming_its_code(check: object) -> None:
    assert check.__doc__ and check.__doc__.startswith("CN6")


def test_shipped_and_demo_scenes_lint_without_errors(library: SourceLibrary) -> None:
    from game import paths
    from game.engine import load_story

    from .conftest import DEMO_SCENES

    for folder in (paths.scenes_dir(), DEMO_SCENES):
        story = load_story(folder)
        for scene in story.scenes.values():
            errors = [str(d) for d in lint_scene(scene, library) if d.is_error]
            assert errors == [], scene.id
