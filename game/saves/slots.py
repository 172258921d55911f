"""Save slots: a Playthrough as versioned JSON in the user's data folder.

A save holds only the Playthrough (scene id, node, variables, history) plus
what a slot list shows (title, place, date, time). Reading never trusts the
file: a damaged, foreign, newer or stale save comes back with a plain-words
`problem`, and nothing else on disk is touched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import paths
from game.engine import Player, Playthrough, Step, Story
from game.engine.playthrough import now_iso
from game.saves.atomic import atomic_write_text

SAVE_FORMAT = "cover-names/save"
# Version 1. Promise: a game reads every save version up to its own; a save
# from a newer game is refused with a message, never misread.
SAVE_VERSION = 1
AUTOSAVE = "autosave"


def autosave_slot(scene_id: str) -> str:
    """Each scene keeps its own autosave, rewritten at every choice."""
    return f"{AUTOSAVE}-{scene_id}"


_SLOT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


@dataclass(frozen=True)
class SaveSlot:
    """One save file as the saves screen lists it."""

    path: Path
    slot: str
    scene_id: str = ""
    scene_title: str = ""
    place: str = ""
    date: str = ""
    saved_at: str = ""
    steps: int = 0
    problem: str = ""  # set when the file cannot be used; the slot is still listed


@dataclass(frozen=True)
class LoadedSave:
    """The result of reading a save: a Playthrough, or the reason there is none."""

    playthrough: Playthrough | None
    problem: str = ""
    stale: bool = False  # the scene changed since; restored because its node still exists


def slot_path(slot: str, directory: Path | None = None) -> Path:
    if not _SLOT_NAME.match(slot):
        raise ValueError(f"'{slot}' is not a valid save slot name")
    return (directory or paths.saves_dir()) / f"{slot}.json"


def write_save(player: Player, slot: str = AUTOSAVE, directory: Path | None = None) -> Path:
    """Save a player's Playthrough into `slot`, atomically."""
    passage = player.passage
    document = {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "slot": slot,
        "saved_at": now_iso(),
        "scene_title": player.scene.title,
        "place": passage.place,
        "date": passage.date,
        "playthrough": player.playthrough.snapshot(),
    }
    path = slot_path(slot, directory)
    atomic_write_text(path, json.dumps(document, indent=1, ensure_ascii=False))
    return path


def _read_document(path: Path) -> tuple[dict[str, Any] | None, str]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, f"cannot read {path.name}: {error.strerror or error}"
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, f"{path.name} is damaged (not valid JSON); it was left as it is"
    if not isinstance(document, dict) or document.get("format") != SAVE_FORMAT:
        return None, f"{path.name} is not a Cover Names save"
    version = document.get("version")
    if not isinstance(version, int) or version > SAVE_VERSION:
        return None, f"{path.name} was saved by a newer version of the game (format {version})"
    if not isinstance(document.get("playthrough"), dict):
        return None, f"{path.name} is damaged (no playthrough in it)"
    return document, ""


def list_saves(directory: Path | None = None) -> list[SaveSlot]:
    """Every save in the folder, newest first; unusable ones listed with their problem."""
    directory = directory or paths.saves_dir()
    slots = []
    for path in sorted(directory.glob("*.json")):
        document, problem = _read_document(path)
        if document is None:
            slots.append(SaveSlot(path, path.stem, problem=problem))
            continue
        body = document["playthrough"]
        history = body.get("history")
        slots.append(
            SaveSlot(
                path=path,
                slot=str(document.get("slot", path.stem)),
                scene_id=str(body.get("scene", "")),
                scene_title=str(document.get("scene_title", "")),
                place=str(document.get("place", "")),
                date=str(document.get("date", "")),
                saved_at=str(document.get("saved_at", "")),
                steps=len(history) if isinstance(history, list) else 0,
            )
        )
    slots.sort(key=lambda slot: slot.saved_at, reverse=True)
    return slots


def read_save(path: Path, story: Story) -> LoadedSave:
    """Rebuild the Playthrough from a save, checking it against the scenes as they are now."""
    document, problem = _read_document(path)
    if document is None:
        return LoadedSave(None, problem)
    body = document["playthrough"]
    scene = story.scenes.get(str(body.get("scene", "")))
    if scene is None:
        return LoadedSave(
            None, f"{path.name} is for a scene this game does not have ('{body.get('scene')}')"
        )
    try:
        playthrough = _playthrough_from(body)
    except (KeyError, TypeError, ValueError) as error:
        return LoadedSave(None, f"{path.name} is damaged ({error})")
    stale = playthrough.scene_hash != scene.content_hash
    known_nodes = {playthrough.node, *(step.node_id for step in playthrough.history)}
    if not known_nodes <= set(scene.nodes):
        return LoadedSave(
            None,
            f"{path.name} was saved in an older version of '{scene.title}' whose passages have "
            "since changed; start the scene again",
        )
    unknown = set(playthrough.variables) ^ set(scene.variables)
    if unknown:
        if not stale:
            return LoadedSave(
                None, f"{path.name} is damaged (unexpected variables {sorted(unknown)})"
            )
        merged = dict(scene.variables)
        merged.update({k: v for k, v in playthrough.variables.items() if k in scene.variables})
        playthrough.variables = merged
    playthrough.scene_hash = scene.content_hash
    return LoadedSave(
        playthrough,
        "the scene has changed since this save; play resumes where you were" if stale else "",
        stale,
    )


def _playthrough_from(body: dict[str, Any]) -> Playthrough:
    variables = body["variables"]
    if not isinstance(variables, dict) or not all(
        isinstance(value, (int, bool, str)) for value in variables.values()
    ):
        raise ValueError("variables are not plain values")
    history = []
    for entry in body["history"]:
        before = entry["variables_before"]
        if not isinstance(before, dict):
            raise ValueError("a step has no variables")
        history.append(
            Step(
                str(entry["node"]),
                str(entry["choice"]),
                dict(before),
                str(entry.get("chosen_at", "")),
            )
        )
    playthrough = Playthrough(
        scene_id=str(body["scene"]),
        scene_hash=str(body["scene_hash"]),
        variables=dict(variables),
        history=history,
        started_at=str(body.get("started_at", "")),
    )
    if isinstance(body.get("playthrough_id"), str) and body["playthrough_id"]:
        playthrough.playthrough_id = body["playthrough_id"]
    playthrough.node = str(body["node"])
    return playthrough
