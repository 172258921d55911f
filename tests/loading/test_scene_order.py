"""`order` takes decimals, so a scene goes between two others without renumbering them."""

from __future__ import annotations

from pathlib import Path

from game.engine import load_story
from game.loading import load_scene_text
from game.sources import SourceLibrary

from .builders import VALID_SCENE, codes, only, replace


def test_a_decimal_order_puts_a_scene_between_two_others(tmp_path: Path) -> None:
    for scene_id, order in (("first_one", "1"), ("between", "1.5"), ("second_one", "2"),
                            ("also_second", "2")):
        text = replace(replace(VALID_SCENE, "id: test_scene", f"id: {scene_id}"),
                       "order: 1", f"order: {order}")
        text = replace(text, "title: A Test Scene", f"title: {scene_id.title()}")
        (tmp_path / f"{scene_id}.yaml").write_text(text, encoding="utf-8")
    story = load_story(tmp_path, Path(__file__).resolve().parents[2] / "seeds")
    assert story.diagnostics == ()
    # Equal orders fall back on the title: Also_Second before Second_One.
    assert [s.id for s in story.ordered] == ["first_one", "between", "also_second",
                                             "second_one"]
    assert story.scenes["between"].order == 1.5


def test_an_order_that_is_not_a_number_says_what_it_takes(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "order: 1", "order: soon")
    found = only(load_scene_text(text, "f.yaml", library).diagnostics, "CN203")
    assert "a number, like 2 or 1.5" in found.message
    assert codes(load_scene_text(replace(VALID_SCENE, "order: 1", "order: .nan"), "f.yaml",
                                 library).diagnostics) == ["CN203"]
