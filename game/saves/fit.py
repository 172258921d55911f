"""Checks a restored Playthrough against the scene as it is now, before anyone plays it.

A save that loads but does not fit its scene (a variable of the wrong type, a
variable or passage the scene does not have, a history step naming a choice
that is not there) would crash later, far from its cause: in an effect, in
the history panel, on rewind. So it is refused here, with the reason in plain
words, and the file is left as it is.

A *stale* save (its scene changed since) is forgiven what the change
explains: variables the scene no longer declares are dropped and new ones
start at their starting value. A wrong type, or a passage or choice that is
gone, is never forgiven: restoring it could only fail later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from game.engine import Playthrough, Step
from game.engine.machine import CONTINUE
from game.model import Scene, Value, VarType


class SaveMismatch(ValueError):
    """The save does not fit its scene; the message says how, in an author's words."""


def path_problem(scene: Scene, steps: Iterable[tuple[str, str]], end: str | None) -> str:
    """Why (node, choice) `steps` ending at the node `end` are no way through `scene`
    ('' when they are): a passage the scene lacks, or a choice that is not an option there.

    A save's history and a record's choices (which `cover-names graph` draws)
    are checked alike, step by step, so neither is ever half restored or drawn.
    """
    if end is not None and end not in scene.nodes:
        return f"it is at the passage '{end}', which the scene does not have"
    for number, (node_id, choice_id) in enumerate(steps, start=1):
        node = scene.nodes.get(node_id)
        if node is None:
            return (f"step {number} was made at the passage '{node_id}', which the scene "
                    "does not have")
        known = (choice_id == CONTINUE and bool(node.next)) or any(
            choice.id == choice_id for choice in node.choices)
        if not known:
            return f"step {number} chose '{choice_id}', which is not an option at '{node_id}'"
    return ""


def fit_to_scene(playthrough: Playthrough, scene: Scene, stale: bool) -> None:
    """Check `playthrough` against `scene`, fitting a stale one's variables; raises SaveMismatch."""
    problem = path_problem(scene, [(step.node_id, step.choice_id) for step in
                                   playthrough.history], playthrough.node)
    if problem:
        raise SaveMismatch(problem)
    playthrough.variables = _fit_variables(playthrough.variables, scene, stale, "")
    fitted: list[Step] = []
    # A long playthrough repeats the same few states: each is checked once, and the steps
    # that had it share one fitted dict (every reader of a step's variables copies them).
    # (Reading a save already shares one dict between the steps with equal variables, so
    # the dict itself is the key here; all of them stay alive during the loop.)
    seen: dict[int, dict[str, Value]] = {}
    for number, step in enumerate(playthrough.history, start=1):
        key = id(step.variables_before)
        before = seen.get(key)
        if before is None:
            before = seen[key] = _fit_variables(step.variables_before, scene, stale,
                                                f"before step {number}, ")
        fitted.append(Step(step.node_id, step.choice_id, before, step.chosen_at))
    playthrough.history = fitted


def _fit_variables(
    variables: Mapping[str, Value], scene: Scene, stale: bool, when: str
) -> dict[str, Value]:
    declared = scene.variables
    for name, value in variables.items():
        if name not in declared:
            if stale:
                continue  # the scene dropped it: the save is from before
            raise SaveMismatch(f"{when}it holds a variable '{name}' the scene does not declare")
        wanted = VarType.of(declared[name])
        found = VarType.of(value)
        if found is not wanted:
            raise SaveMismatch(f"{when}the variable '{name}' holds {found.words} "
                               f"({json.dumps(value)}), but the scene declares "
                               f"{wanted.words}")
    missing = [name for name in declared if name not in variables]
    if missing and not stale:
        raise SaveMismatch(f"{when}it lacks the variable '{missing[0]}'")
    fitted = dict(declared)
    fitted.update({name: value for name, value in variables.items() if name in declared})
    return fitted
