"""A walkthrough's path over a scene, for `cover-names graph --path FILE.walkthrough.yaml`.

The walkthrough's `choose` steps are played on the engine, exactly as
`cover-names test` plays them, and the way they take is what the map draws.
A step that cannot be taken stops the path there and says why (CN651).
"""

from __future__ import annotations

from pathlib import Path

from game.authoring.walkthrough import read_walkthrough
from game.diagnostics import Diagnostic, Diagnostics, Location
from game.engine import Story
from game.model import Scene


def walkthrough_steps(
    file: Path, scene: Scene
) -> tuple[list[tuple[str, str]], str | None, Diagnostic | None]:
    """The (node, option) steps the walkthrough in `file` takes through `scene`, and its end."""
    from game.authoring.walkthrough_run import choose_step

    def problem(text: str) -> tuple[list[tuple[str, str]], str | None, Diagnostic]:
        return [], None, Diagnostics().add("CN651", Location(str(file)), file=str(file),
                                            problem=text)

    walkthrough, diagnostics = read_walkthrough(file)
    if walkthrough is None:
        return problem(diagnostics[0].message if diagnostics else "it is not a walkthrough")
    named = walkthrough.scene_file.stem if walkthrough.scene_file else walkthrough.scene
    if named != scene.id:
        return problem(f"it walks through '{named}', not '{scene.id}'")
    story = Story(None, {scene.id: scene})  # type: ignore[arg-type]
    player = story.new_player(scene.id)
    try:
        for step in walkthrough.steps:
            if step.choose is None:
                continue
            taken = choose_step(step, player)
            if isinstance(taken, Diagnostic):
                return problem(f"step {step.label}: {taken.message}")
        steps = [(s.node_id, s.choice_id) for s in player.playthrough.history]
        return steps, player.playthrough.node, None
    finally:
        player.close()
