"""Live reload: read the scenes again from disk and keep the player's place (the desktop's F5).

Nothing here raises for a bad scene. When the files on disk have errors
while a scene is being played, nothing is swapped: the old story and player
go on, and the diagnostics say what to fix. With nothing in play, the scenes
that load are swapped in and the others are listed by their errors. When they
load, the player continues on the same node of the new scene, with the
variables and history carried over as far as they still fit; a node that no
longer exists restarts the scene, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from game import paths
from game.diagnostics import Diagnostic, Diagnostics, Location
from game.engine import Player, Playthrough, Story, load_story
from game.engine.machine import CONTINUE
from game.engine.playthrough import Step
from game.model import Scene, Value, VarType


@dataclass(frozen=True)
class ReloadResult:
    """The story to use now, the player (None when its scene is gone), and what was found."""

    story: Story
    player: Player | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def reloaded(self) -> bool:
        """False when errors on disk kept the old story running."""
        return not any(d.code == "CN642" for d in self.diagnostics)


def _scene_files(story: Story, scene_paths: Iterable[Path] | None) -> list[Path]:
    if scene_paths is None:
        folders = {Path(scene.path).parent for scene in story.scenes.values()}
        scene_paths = sorted(folders) or [paths.scenes_dir()]
    from game.loading import find_scene_files

    return find_scene_files(scene_paths)


def _seeds_dir(story: Story) -> Path:
    for source in story.library:
        return Path(source.path).parent
    return paths.seeds_dir()


def _fit(variables: Mapping[str, Value], declared: Mapping[str, Value]) -> dict[str, Value]:
    """Old values of variables still declared with the same type; new ones at their start."""
    fitted = dict(declared)
    for name, value in variables.items():
        if name in declared and VarType.of(value) is VarType.of(declared[name]):
            fitted[name] = value
    return fitted


def _carry_over(old: Playthrough, scene: Scene) -> Playthrough:
    """The playthrough rebuilt on the new scene: history kept up to the first step that no
    longer exists (rewinding to it would fail), variables fitted to the new declarations."""
    history: list[Step] = []
    for step in old.history:
        node = scene.nodes.get(step.node_id)
        exists = node is not None and (
            (step.choice_id == CONTINUE and bool(node.next))
            or any(choice.id == step.choice_id for choice in node.choices))
        if not exists:
            break
        history.append(Step(step.node_id, step.choice_id,
                            _fit(step.variables_before, scene.variables), step.chosen_at))
    playthrough = Playthrough(
        scene_id=scene.id,
        scene_hash=scene.content_hash,
        variables=_fit(old.variables, scene.variables),
        history=history,
        started_at=old.started_at,
    )
    playthrough.node = old.node
    return playthrough


def reload_story(
    story: Story,
    player: Player | None,
    scene_paths: Iterable[Path] | None = None,
    seeds_dir: Path | None = None,
) -> ReloadResult:
    """Re-read the scenes (by default from the folders the story's scenes came from)."""
    try:
        fresh = load_story(_scene_files(story, scene_paths), seeds_dir or _seeds_dir(story))
    except Exception as error:  # a loader bug must not close the game
        found = Diagnostics()
        found.add("CN614", Location("<reload>"), check="reload",
                  error=f"{type(error).__name__}: {error}")
        found.add("CN642", Location("<reload>"), count=1)
        return ReloadResult(story, player, tuple(found))
    found = Diagnostics()
    found.extend(fresh.diagnostics)
    if found.has_errors and player is None:
        # Nothing in play (the scene list, the title): the scenes that load are swapped in,
        # and each that does not shows on the scene list as a card with its first error.
        return ReloadResult(fresh, None, tuple(found))
    if found.has_errors:
        found.add("CN642", Location("<reload>"), count=len(found.errors),
                  hint="fix the errors above, save, and reload again")
        return ReloadResult(story, player, tuple(found))
    if player is None:
        return ReloadResult(fresh, None, tuple(found))
    old = player.playthrough
    scene = fresh.scenes.get(old.scene_id)
    if scene is None:
        found.add("CN641", Location("<reload>"), scene=old.scene_id,
                  hint="choose a scene again from the scene list")
        player.close()
        return ReloadResult(fresh, None, tuple(found))
    player.close()
    if old.node in scene.nodes:
        return ReloadResult(fresh, fresh.resume(_carry_over(old, scene)), tuple(found))
    found.add("CN640", scene.where, node=old.node, scene=scene.id,
              hint="a renamed node cannot be found again; play on from the start")
    return ReloadResult(fresh, fresh.new_player(scene.id), tuple(found))
