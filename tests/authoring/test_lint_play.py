"""The checks of a scene as a game: CN616 (the answer given away before a choice), CN617
(an ending reached too early, or without the central moment) and CN618 (a choice that
leaves the record but goes where the historical one goes), each failing on a broken copy
of the format-2 fixture scene and passing on the fixture itself; and CN652 (the historical
option at the same place at most decisions), failing and passing on small scenes written
here and on the shipped scenes put back in their old order."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

from game.authoring.lint import LintContext, lint_scene
from game.authoring.lint_order import check_option_order
from game.diagnostics import Diagnostic
from game.loading import load_scene_text
from game.model import Scene, Verdict
from game.sources import SourceLibrary

from .conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "format2" / "telephone.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


def scene_of(text: str, library: SourceLibrary) -> Scene:
    result = load_scene_text(text, str(FIXTURE), library)
    assert result.scene is not None, [str(d) for d in result.diagnostics]
    return result.scene


def changed(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def found(text: str, library: SourceLibrary, code: str) -> list[Diagnostic]:
    return [d for d in lint_scene(scene_of(text, library), library) if d.code == code]


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_the_format_2_fixture_passes_both_checks(library: SourceLibrary) -> None:
    assert lint_scene(scene_of(TEXT, library), library) == []


def test_cn616_a_citation_of_the_records_passage_before_the_choice(
    library: SourceLibrary,
) -> None:
    text = changed(
        "      - {source: bazarov, quote: \"'Boris, I have been asking you for our exit visas "
        "long enough!\"}\n",
        "      - {source: bazarov, quote: \"'Boris, I have been asking you for our exit visas "
        "long enough!\"}\n      - {source: bazarov, quote: \"We have guests, Herta and Noel "
        "Field.\"}\n")
    [diagnostic] = found(text, library, "CN616")
    assert diagnostic.severity.value == "warning"
    assert (diagnostic.where.line, diagnostic.where.column) == (
        line_of(text, "      - {source: bazarov, quote: \"We have guests"), 9)
    assert "the passage's citation at 'the_call'" in diagnostic.message
    assert "'name_witnesses'" in diagnostic.message
    assert "We have guests, Herta and Noel Field." in diagnostic.hint


def test_cn616_six_words_of_a_note_in_a_conditional_part_or_the_ask(
    library: SourceLibrary,
) -> None:
    part = changed("        text: You have made up your mind. Today you will telephone Boris.",
                   "        text: You are ready. You will use the Fields' visit to demand "
                   "the visas.")
    assert found(part, library, "CN616") == []  # the part is not before that record's choice
    ask = changed("    ask: What could Hede do while the papers do not come?",
                  "    ask: Will Hede use the Fields' visit to demand the visas?")
    [diagnostic] = found(ask, library, "CN616")
    assert diagnostic.where.line == line_of(ask, "    ask: Will Hede")
    assert diagnostic.where.column == 10
    assert "the question ('ask') at 'waiting'" in diagnostic.message
    assert "'hesitate'" in diagnostic.message
    assert 'note: "the Fields\' visit to demand the visas"' in diagnostic.hint
    # A part is checked whatever its condition: some player reads it.
    moved = changed(
        "  the_call:\n    speaker: Hede Massing\n    text: |\n      \"Boris, I have been asking "
        "you for our exit visas long enough!\"\n",
        "  the_call:\n    speaker: Hede Massing\n    text:\n      - \"Boris, I have been asking "
        "you for our exit visas long enough!\"\n      - if: \"waited\"\n        text: I said in "
        "a loud and clear voice, at last.\n")
    [diagnostic] = found(moved, library, "CN616")
    assert diagnostic.where.line == line_of(moved, "        text: I said in a loud and clear "
                                                   "voice, at last.")
    assert "'plead'" in diagnostic.message


def test_cn617_an_ending_after_too_few_decisions(library: SourceLibrary) -> None:
    text = changed("min_decisions: 2", "min_decisions: 3")
    found_here = found(text, library, "CN617")
    assert {d.message for d in found_here} == {
        "a path reaches the ending 'passports' after only 2 decision(s), fewer than "
        "min_decisions (3)",
        "a path reaches the ending 'no_papers' after only 2 decision(s), fewer than "
        "min_decisions (3)",
    }
    passports = next(d for d in found_here if "'passports'" in d.message)
    assert passports.where.line == line_of(text, "  passports:")
    assert "waiting → the_fields → the_call → passports" in passports.hint
    assert all(d.severity.value == "warning" for d in found_here)


def test_cn617_an_ending_that_skips_the_central_moment(library: SourceLibrary) -> None:
    text = changed("        goto: another_week", "        goto: no_papers")
    text = text.replace("min_decisions: 2", "min_decisions: 1")
    [diagnostic] = found(text, library, "CN617")
    assert diagnostic.message == ("a path reaches the ending 'no_papers' without passing the "
                                  "central moment 'the_call'")
    assert "the path waiting → no_papers" in diagnostic.hint
    fixed = text.replace("central: the_call\n", "")
    assert found(fixed, library, "CN617") == []


def test_cn617_leaves_format_1_alone(library: SourceLibrary) -> None:
    demo = (REPO / "tests" / "fixtures" / "scenes" / "demo_call.yaml").read_text()
    assert "format: 1\n" in demo
    assert found(demo, library, "CN617") == []  # two decisions, but format 1 promised nothing
    as_format_2 = demo.replace("format: 1\n", "format: 2\n", 1)
    assert {d.message.split(" after ")[1] for d in found(as_format_2, library, "CN617")} == {
        "only 2 decision(s), fewer than min_decisions (4)"}


def test_unused_variable_check_counts_a_part_condition_as_a_read(library: SourceLibrary) -> None:
    # 'waited' is read only by a passage part's 'if': it is not CN605.
    assert found(TEXT, library, "CN605") == []



def test_cn618_a_choice_off_the_record_that_changes_nothing(library: SourceLibrary) -> None:
    assert found(TEXT, library, "CN618") == []  # 'plead' has a passage of its own
    text = changed("        goto: quiet_line", "        goto: passports")
    [diagnostic] = found(text, library, "CN618")
    assert diagnostic.severity.value == "warning"
    assert diagnostic.message == ("the option 'plead' at 'the_call' leaves the record, yet "
                                  "leads to 'passports' just as the record's option "
                                  "'name_witnesses' does")
    assert diagnostic.where.line == line_of(text, "      - id: plead")
    old = text.replace("format: 2\n", "format: 1\n", 1).replace("min_decisions: 2\n", "")
    old = old.replace("central: the_call\n", "")
    old = "\n".join(line for line in old.splitlines() if not line.lstrip().startswith("ask:"))
    old = old.replace("    text:\n      - Noel and Herta Field are visiting Moscow. They are in "
                      "the room.\n", "    text: Noel and Herta Field are visiting Moscow.\n")
    cut_from = old.index("      - if: \"resolve >= 2\"")
    cut_to = old.index("    cite:\n      - {source: bazarov, quote: \"Soon afterwards")
    assert found(old[:cut_from] + old[cut_to:], library, "CN618") == []  # format 1: not held


def decisions(places: list[tuple[int, int]]) -> str:
    """A scene of decisions in a row: for each (options, place), that many options with the
    historical one at `place` (1-based); the others are invented and go the same way on."""
    lines = ["id: order_demo", "title: Order demo", "place: Moscow", 'date: "1938"',
             "role: Hede Massing", "summary: Decisions in a row.", "start: d0", "nodes:"]
    for index, (options, place) in enumerate(places):
        after = f"d{index + 1}" if index + 1 < len(places) else "home"
        lines += [f"  d{index}:", f"    text: The {index + 1}th morning.",
                  "    discuss: What did it cost her?", "    choices:"]
        for number in range(1, options + 1):
            lines += [f"      - id: d{index}_{number}", "        text: Do this.",
                      f"        goto: {after}"]
            if number == place:
                lines += ["        record:", "          verdict: historical",
                          "          note: Zarubin arranged a meeting.",
                          "          cite: [{source: bazarov, quote: \"A few days later he "
                          "arranged a meeting with Nikolai Yezhov, the head of the NKVD.\"}]"]
            else:
                lines += ["        record: {verdict: unrecorded, note: Invented., cite: []}"]
    lines += ["  home:", "    text: Home.", "    ending: historical", "    epilogue:",
              "      text: They left.",
              "      cite: [{source: bazarov, quote: \"A few days later he arranged a meeting "
              "with Nikolai Yezhov, the head of the NKVD.\"}]"]
    return "\n".join(lines) + "\n"


def test_cn652_the_historical_option_first_at_every_decision(library: SourceLibrary) -> None:
    text = decisions([(2, 1), (3, 1), (2, 1)])
    assert [d.code for d in lint_scene(scene_of(text, library), library)] == ["CN652"]
    [diagnostic] = found(text, library, "CN652")
    assert diagnostic.severity.value == "warning"
    assert diagnostic.message == ("the historical option is the first option at 3 of the "
                                  "scene's 3 decisions that have one")
    first = line_of(text, "      - id: d0_1")
    assert (diagnostic.where.line, diagnostic.where.column) == (first, 9)
    assert "always picks the first option" in diagnostic.hint
    assert "('d0', 'd1', 'd2')" in diagnostic.hint
    # Moved to second place at one decision of three, the pattern is broken.
    assert found(decisions([(2, 1), (3, 2), (2, 1)]), library, "CN652") == []


def test_cn652_three_quarters_of_four_or_more_and_the_last_place(library: SourceLibrary) -> None:
    # Last at three of four decisions of two and three options: "last", not "second".
    text = decisions([(2, 2), (3, 3), (3, 1), (2, 2)])
    [diagnostic] = found(text, library, "CN652")
    assert diagnostic.message == ("the historical option is the last option at 3 of the "
                                  "scene's 4 decisions that have one")
    assert diagnostic.where.line == line_of(text, "      - id: d0_2")
    # Second at three of four, of which only two are last: "second".
    [second] = found(decisions([(2, 2), (3, 2), (3, 2), (2, 1)]), library, "CN652")
    assert "is the second option at 3 of the scene's 4" in second.message
    # Five of eight at one place is under three quarters; two decisions are never a pattern.
    mixed = [(2, 1), (2, 1), (3, 1), (3, 1), (2, 1), (2, 2), (3, 2), (3, 3)]
    assert found(decisions(mixed), library, "CN652") == []
    assert found(decisions([(2, 1), (2, 1)]), library, "CN652") == []


def test_cn652_the_shipped_scenes_pass_and_fail_in_their_old_order(
    library: SourceLibrary,
) -> None:
    from game.engine import load_story

    story = load_story(REPO / "scenes", REPO / "seeds")
    assert len(story.scenes) >= 3
    for scene in story.ordered:
        assert list(check_option_order(_context(scene, library))) == [], scene.id
        # As they were written before: the historical option first at every decision.
        nodes = {node_id: dataclasses.replace(node, choices=tuple(sorted(
                     node.choices, key=lambda choice: choice.record is None
                     or choice.record.verdict is not Verdict.HISTORICAL)))
                 for node_id, node in scene.nodes.items()}
        old = dataclasses.replace(scene, nodes=MappingProxyType(nodes))
        [diagnostic] = check_option_order(_context(old, library))
        assert diagnostic.message.startswith("the historical option is the first option at "
                                             f"{len(_historical_decisions(scene))} of "), scene.id


def _context(scene: Scene, library: SourceLibrary) -> LintContext:
    return LintContext(scene, library)


def _historical_decisions(scene: Scene) -> list[str]:
    return [node.id for node in scene.decision_points
            if any(c.record is not None and c.record.verdict is Verdict.HISTORICAL
                   for c in node.choices)]


def test_cn652_fails_lint_strict_and_the_reordered_scene_passes(tmp_path: Path) -> None:
    def lint_strict(text: str) -> subprocess.CompletedProcess[str]:
        scene = tmp_path / "order_demo.yaml"
        scene.write_text(text, encoding="utf-8")
        return subprocess.run([sys.executable, "-m", "game", "lint", "--strict", str(scene)],
                              cwd=REPO, capture_output=True, text=True, timeout=120)

    text = decisions([(2, 1), (3, 1), (2, 1), (2, 1)])
    old = lint_strict(text)
    assert old.returncode == 1
    where = f"order_demo.yaml:{line_of(text, '      - id: d0_1')}:9"
    assert f"{where}: warning CN652: the historical option is the first" in old.stdout
    new = lint_strict(decisions([(2, 2), (3, 1), (2, 1), (2, 2)]))
    assert new.returncode == 0, new.stdout
