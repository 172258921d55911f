"""What a student has found of each scene, across runs: the scene map's "branches found".

One small file in the user's data folder, `discovered.json`, holds for each
scene the passages reached and the choices taken on any run. It only ever
grows (a union), is written atomically, and is never allowed to stop play:
a damaged file is moved aside (`discovered.json.damaged`), reported once, and
a fresh one started; a file from a newer game is left alone and not written.

Version 1. Promise: later versions keep `scenes.<id>.nodes` and `.choices`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.engine import Player
from game.saves.atomic import atomic_write_text

FORMAT = "cover-names/discovered"
VERSION = 1
FILE_NAME = "discovered.json"
MAX_BYTES = 4_000_000
#: How a choice is named in the file: its node and its id (or "continue").
SEPARATOR = ":"


@dataclass
class Found:
    """The passages and choices found of one scene."""

    nodes: set[str] = field(default_factory=set)
    choices: set[tuple[str, str]] = field(default_factory=set)  # (node, choice id)


@dataclass
class Discovered:
    """Everything found, by scene; `problem` says why the file on disk could not be used."""

    scenes: dict[str, Found] = field(default_factory=dict)
    problem: str = ""
    writable: bool = True

    def of(self, scene_id: str) -> Found:
        return self.scenes.get(scene_id, Found())


def discovered_path(directory: Path | None = None) -> Path:
    return (directory or paths.user_data_dir()) / FILE_NAME


def read_discovered(directory: Path | None = None) -> Discovered:
    """What the file holds; a missing file is nothing found, a damaged one is set aside."""
    from game.guarded import Unreadable, move_aside, read_json

    path = discovered_path(directory)
    if not path.exists():
        return Discovered()
    try:
        document = read_json(path, MAX_BYTES)
        return _parse(document)
    except Unreadable as error:
        problem = f"{path.name} could not be read ({error.reason})"
    except (ValueError, TypeError, AttributeError) as error:
        if isinstance(error, _TooNew):
            return Discovered(problem=str(error), writable=False)
        problem = f"{path.name} is damaged ({error})"
    try:
        aside = move_aside(path)
        problem += f"; it was kept as {aside.name} and a new one started"
    except OSError as error:
        return Discovered(problem=f"{problem}; it could not be set aside ({error.strerror})",
                          writable=False)
    return Discovered(problem=problem)


class _TooNew(ValueError):
    """The file was written by a newer game: read nothing, and never overwrite it."""


def _parse(document: object) -> Discovered:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("it is not a Cover Names discovered-branches file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("its version is missing")
    if version > VERSION:
        raise _TooNew(f"{FILE_NAME} is from a newer version of the game; branches found now "
                      "are not kept")
    scenes = document.get("scenes")
    if not isinstance(scenes, dict):
        raise ValueError("it has no 'scenes'")
    found: dict[str, Found] = {}
    for scene_id, body in scenes.items():
        if not isinstance(body, dict):
            raise ValueError(f"the scene '{scene_id}' is not a mapping")
        nodes = body.get("nodes", [])
        choices = body.get("choices", [])
        if not isinstance(nodes, list) or not isinstance(choices, list):
            raise ValueError(f"the scene '{scene_id}' has no lists")
        entry = Found({str(n) for n in nodes if isinstance(n, str)})
        for choice in choices:
            if isinstance(choice, str) and SEPARATOR in choice:
                node, _, option = choice.partition(SEPARATOR)
                entry.choices.add((node, option))
        found[str(scene_id)] = entry
    return Discovered(found)


def _document(discovered: Discovered) -> str:
    scenes = {
        scene_id: {"nodes": sorted(found.nodes),
                   "choices": sorted(f"{node}{SEPARATOR}{option}"
                                     for node, option in found.choices)}
        for scene_id, found in sorted(discovered.scenes.items())
    }
    return json.dumps({"format": FORMAT, "version": VERSION, "scenes": scenes}, indent=1,
                      ensure_ascii=False)


def steps_of(player: Player) -> tuple[set[str], set[tuple[str, str]]]:
    """The passages and choices of a player's playthrough (every step, and where it is now)."""
    history = player.playthrough.history
    nodes = {step.node_id for step in history} | {player.playthrough.node}
    return nodes, {(step.node_id, step.choice_id) for step in history}


def remember(player: Player, directory: Path | None = None) -> Discovered:
    """Add what `player` has reached to the file (read, merged, written); never raises for a
    problem with the file: the result's `problem` says what happened instead."""
    discovered = read_discovered(directory)
    nodes, choices = steps_of(player)
    found = discovered.scenes.setdefault(player.scene.id, Found())
    if nodes <= found.nodes and choices <= found.choices:
        return discovered  # nothing new: no write at every step of a replay
    found.nodes |= nodes
    found.choices |= choices
    if discovered.writable:
        try:
            atomic_write_text(discovered_path(directory), _document(discovered))
        except OSError as error:
            discovered.problem = f"{FILE_NAME} could not be written ({error.strerror})"
    return discovered


def merge(found: Found, nodes: Iterable[str], choices: Iterable[tuple[str, str]]) -> Found:
    """`found` with this run's passages and choices added (a new Found; `found` is unchanged)."""
    return Found(found.nodes | set(nodes), found.choices | set(choices))
