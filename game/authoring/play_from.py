"""`cover-names play SCENE --from NODE [--set VAR=VALUE …]`: play from the middle of a scene.

An author testing a passage deep in a scene should not replay the way there:
this starts a playthrough at NODE with the scene's variables at their start
values, changed by each `--set`. Values are read as the variable's declared
type (a whole number, true/false, or text), so `--set trust=2` cannot make
trust the text "2". Presenter-neutral: the terminal and the desktop both
start from the Player this returns. Nothing here is an author expression: the
values are parsed, never evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.diagnostics.core import did_you_mean
from game.engine import Player, Playthrough, Story
from game.model import Scene, Value, VarType


class StartError(ValueError):
    """A --from or --set that cannot be used; the message says what to type instead."""


def parse_setting(text: str, scene: Scene) -> tuple[str, Value]:
    """`trust=2` → ("trust", 2), typed as the scene declares `trust`."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name:
        raise StartError(f"--set {text!r}: write it as NAME=VALUE, e.g. --set trust=2")
    if name not in scene.variables:
        known = ", ".join(sorted(scene.variables)) or "none"
        hint = did_you_mean(name, scene.variables) or f"the scene's variables: {known}"
        raise StartError(f"--set {text!r}: '{name}' is not a variable of '{scene.id}'; {hint}")
    kind = VarType.of(scene.variables[name])
    if kind is VarType.BOOL:
        if raw.lower() not in {"true", "false"}:
            raise StartError(f"--set {text!r}: '{name}' is true or false")
        return name, raw.lower() == "true"
    if kind is VarType.INT:
        try:
            return name, int(raw)
        except ValueError:
            raise StartError(f"--set {text!r}: '{name}' is a whole number") from None
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw = raw[1:-1]
    return name, raw


def start_player(
    story: Story, scene_id: str, node_id: str | None, settings: Sequence[str] = ()
) -> Player:
    """A Player for `scene_id` at `node_id` (or the start), with `settings` applied."""
    if scene_id not in story.scenes:
        known = ", ".join(sorted(story.scenes)) or "none"
        hint = did_you_mean(scene_id, story.scenes) or f"scenes: {known}"
        raise StartError(f"there is no scene '{scene_id}'; {hint}")
    scene = story.scenes[scene_id]
    node_id = node_id or scene.start
    if node_id not in scene.nodes:
        hint = did_you_mean(node_id, scene.nodes) or f"its first node is '{scene.start}'"
        raise StartError(f"--from {node_id!r}: '{scene_id}' has no such node; {hint}")
    variables: dict[str, Value] = dict(scene.variables)
    for text in settings:
        name, value = parse_setting(text, scene)
        variables[name] = value
    playthrough = Playthrough(scene_id=scene.id, scene_hash=scene.content_hash,
                              variables=variables)
    playthrough.node = node_id
    return story.resume(playthrough)
