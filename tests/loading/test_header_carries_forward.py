"""A passage without place or date shows the last one the player saw on the way there."""

from __future__ import annotations

from game.authoring.lint import lint_scene
from game.engine import Story
from game.loading import load_scene_text
from game.sources import SourceLibrary

from .builders import VALID_SCENE, codes, replace


def test_the_header_of_the_passage_before_carries_forward(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "  second:\n", "  second:\n    place: Lausanne\n"
                   "    date: September 1937\n")
    scene = load_scene_text(text, "f.yaml", library).scene
    assert scene is not None and scene.place == "Moscow"
    last = scene.nodes["last"]  # no place of its own; only 'second' leads to it
    assert (last.place, last.date) == ("Lausanne", "September 1937")
    assert scene.nodes["first"].place == ""  # the start shows the scene's own
    player = Story(library, {scene.id: scene}).new_player(scene.id)
    player.choose("ask_higher")
    player.choose(player.options[0].id)
    assert (player.passage.place, player.passage.date) == ("Lausanne", "September 1937")
    assert "CN619" not in codes(lint_scene(scene, library))


def test_ways_in_that_disagree_show_the_scenes_header_and_lint_warns(
    library: SourceLibrary,
) -> None:
    text = replace(VALID_SCENE, "        goto: second\n        set:",
                   "        goto: paris\n        set:")
    text = replace(text, "  second:\n", "  paris:\n    place: Paris\n    text: Paris.\n"
                   "    next: last\n  second:\n    place: Lausanne\n")
    scene = load_scene_text(text, "f.yaml", library).scene
    assert scene is not None
    assert scene.nodes["last"].place == ""  # Paris or Lausanne: it cannot know
    (warning,) = [d for d in lint_scene(scene, library) if d.code == "CN619"]
    assert "'Lausanne', 'Paris'" in warning.message and "'Moscow'" in warning.message
    assert warning.where.line == scene.nodes["last"].where.line
    assert "write 'place:' in 'last'" in warning.hint
