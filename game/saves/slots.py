"""Save slots: a Playthrough as versioned JSON in the user's data folder.

A save holds only the Playthrough (scene id, node, variables, history) plus
what a slot list shows (title, place, date, time). Reading never trusts the
file: a damaged, foreign, newer or stale save, or one that does not fit its
scene (`fit.py`), comes back with a plain-words `problem`, and nothing on
disk is touched. A slot is named by its file: `mine` is `saves/mine.json`.

Each scene's autosave is rewritten at every choice. When the file there holds
another playthrough that got further (or cannot be read), it is first moved
aside to `autosave-<scene>.previous.json`, so starting a scene afresh never
destroys the progress of an earlier run.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import paths
from game.engine import Player, Playthrough, Step, Story
from game.engine.playthrough import now_iso
from game.guarded import Unreadable, guard, move_aside, read_json
from game.regular_files import FileTooBig
from game.saves.atomic import atomic_write_text
from game.saves.fit import SaveMismatch, fit_to_scene

SAVE_FORMAT = "cover-names/save"
# Version 1. Promise: a game reads every save version up to its own; a save
# from a newer game is refused with a message, never misread.
SAVE_VERSION = 1
AUTOSAVE = "autosave"


def autosave_slot(scene_id: str) -> str:
    """Each scene keeps its own autosave, rewritten at every choice."""
    return f"{AUTOSAVE}-{scene_id}"


#: The end of the slot name of a scene's earlier run: `autosave-<scene>.previous`.
PREVIOUS = ".previous"


def previous_autosave_path(scene_id: str, directory: Path | None = None) -> Path:
    """Where an earlier run's autosave is kept when a new run of the scene starts."""
    return (directory or paths.saves_dir()) / f"{autosave_slot(scene_id)}{PREVIOUS}.json"


_SLOT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")
_NOT_SLOT_CHARACTERS = re.compile(r"[^a-z0-9_-]+")
#: How the allowed names are described to a player.
SLOT_NAME_RULE = ("save names use only lower-case letters, digits, '-' and '_', "
                  "up to 41 characters, e.g. 'before-the-call'")


class SlotNameError(ValueError):
    """A save name that cannot be turned into a slot; the message says what is allowed."""


def slot_name(text: str) -> str:
    """The slot a player's name for a save stands for: 'My Save!' -> 'my-save'.

    Letters are lower-cased and every run of other characters becomes one
    '-', so a friendly name still works and a path ('../x') cannot escape the
    saves folder. Raises SlotNameError when nothing usable is left, or for
    names the game keeps for its own autosaves.
    """
    name = _NOT_SLOT_CHARACTERS.sub("-", text.strip().lower()).strip("-_")[:41].rstrip("-_")
    if not name:
        raise SlotNameError(f"'{text}' cannot be a save name: {SLOT_NAME_RULE}")
    if name.startswith(AUTOSAVE):
        raise SlotNameError(f"'{text}' cannot be a save name: names starting with "
                            f"'{AUTOSAVE}' are kept for the game's own autosaves")
    return name


#: The longest name a player may give a save.
MAX_SAVE_NAME = 60


def save_name(value: object) -> str:
    """A save's name as it may be shown: text, one line, printable, at most MAX_SAVE_NAME
    characters; anything else in the file (a number, a list, control characters) is ''."""
    if not isinstance(value, str):
        return ""
    return " ".join("".join(c for c in value if c.isprintable()).split())[:MAX_SAVE_NAME]


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
    playthrough_id: str = ""  # tells a save of this very playthrough from another's
    name: str = ""  # what the player called it ("before the call"); "" when unnamed


@dataclass(frozen=True)
class LoadedSave:
    """The result of reading a save: a Playthrough, or the reason there is none."""

    playthrough: Playthrough | None
    problem: str = ""
    stale: bool = False  # the scene changed since; restored because its node still exists
    damaged: bool = False  # the file itself is broken (not just foreign, newer or stale)


def slot_path(slot: str, directory: Path | None = None) -> Path:
    if not _SLOT_NAME.match(slot):
        raise ValueError(f"'{slot}' is not a valid save slot name")
    return (directory or paths.saves_dir()) / f"{slot}.json"


def write_save(player: Player, slot: str = AUTOSAVE, directory: Path | None = None,
               name: str = "") -> Path:
    """Save a player's Playthrough into `slot`, atomically; `name` is the player's own
    name for it, shown in the saves list.

    Raises ValueError for a slot name that is not valid (see `slot_name`) and
    OSError when the file cannot be written; callers tell the player.
    """
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
    if save_name(name):
        document["name"] = save_name(name)
    path = slot_path(slot, directory)
    if slot.startswith(AUTOSAVE):
        _keep_an_earlier_run(path, player)
    atomic_write_text(path, json.dumps(document, indent=1, ensure_ascii=False))
    return path


def _keep_an_earlier_run(path: Path, player: Player) -> None:
    """Move the autosave at `path` aside when it is another run that got further.

    Also when it cannot be read: a damaged file is the player's to inspect,
    not the game's to destroy. Only one earlier run is kept per scene.
    """
    if not path.is_file():
        return
    document, _problem, damaged = _read_checked(path)
    if damaged:  # not an earlier run: never let it replace the one kept there
        with contextlib.suppress(OSError):
            move_aside(path)
        return
    if document is not None:
        body = document["playthrough"]
        history = body.get("history")
        steps = len(history) if isinstance(history, list) else 0
        if (body.get("playthrough_id") == player.playthrough.playthrough_id
                or steps <= len(player.playthrough.history)):
            return
    with contextlib.suppress(OSError):  # then the write below reports the folder's problem
        keep_aside(path, player.scene.id)


def keep_aside(path: Path, scene_id: str) -> Path:
    """Move the autosave at `path` to its scene's earlier-run file beside it; the new path.

    One earlier run is kept per scene (`previous_autosave_path`): an older
    one there is replaced. Raises OSError when the file cannot be moved.
    """
    kept = previous_autosave_path(scene_id, path.parent)
    os.replace(path, kept)
    return kept


#: No save a class makes comes near this (a 300,000-step playthrough is about 37 MB);
#: a bigger file is refused from its size alone, never read into memory.
MAX_SAVE_BYTES = 64_000_000


def _read_document(path: Path) -> tuple[dict[str, Any] | None, str]:
    document, problem, _damaged = _read_checked(path)
    return document, problem


#: The last save read, by its file's identity and change time: starting the game lists
#: the saves, then resumes the autosave it listed, and a long save is parsed once.
_last_read: list[tuple[tuple[int, int, int, int], object]] = []


def _read_json_once(path: Path) -> object:
    """The JSON in the save at `path`; a long save read just before is not parsed again."""
    try:
        status = path.stat()
        identity = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    except OSError:
        identity = None
    if identity is not None and _last_read and _last_read[0][0] == identity:
        return _last_read[0][1]  # every reader here only reads the document
    document = read_json(path, MAX_SAVE_BYTES)
    if identity is not None and status.st_size > 100_000:  # only a long save is worth keeping
        _last_read[:] = [(identity, document)]
    return document


def _read_checked(path: Path) -> tuple[dict[str, Any] | None, str, bool]:
    """The save's document, or None, the reason, and whether the file is damaged (rather
    than foreign, newer or unreadable for now)."""
    try:
        document = _read_json_once(path)
    except Unreadable as error:
        damaged = not isinstance(error.__cause__, OSError) or isinstance(error.__cause__,
                                                                          FileTooBig)
        return None, f"{error.where} cannot be used: {error.reason}", damaged
    if not isinstance(document, dict) or document.get("format") != SAVE_FORMAT:
        return None, f"{path.name} is not a Cover Names save", False
    refused = version_problem(document.get("version"), SAVE_VERSION)
    if refused:
        return None, f"{path.name} is {refused}; it was left as it is", refused.startswith("dam")
    if not isinstance(document.get("playthrough"), dict):
        return None, f"{path.name} is damaged (no playthrough in it)", True
    return document, "", False


def set_damaged_autosave_aside(path: Path, problem: str) -> str:
    """Move a damaged autosave out of the way (never deleting it); the notice for the player.

    Left where it is, it would be read and refused at every start, and the
    next autosave of its scene would have to decide what to do with it.
    """
    try:
        kept = move_aside(path)
    except OSError as error:
        return f"{problem}; it could not be moved aside ({error.strerror or error})"
    notice = f"{problem}. It was moved aside to {kept.name}, in {kept.parent}."
    _moved_aside.append(notice)
    return notice


#: Notices of autosaves moved aside, until a front end that lists saves in passing (the
#: desktop's title and scene list) takes them to show.
_moved_aside: list[str] = []


def take_moved_aside_notices() -> list[str]:
    """The notices of damaged autosaves moved aside since last asked (then forgotten)."""
    taken = list(_moved_aside)
    _moved_aside.clear()
    return taken


def version_problem(version: object, supported: int) -> str:
    """Why a file written as `version` cannot be read by a game that reads up to `supported`.

    '' when it can. A version that is not a whole number from 1 up is damage; a
    higher one came from a newer game, and is refused rather than misread. The
    words follow "it is" / "the save is": saves and the records `graph` draws
    say it alike.
    """
    if type(version) is not int or version < 1:
        return f"damaged (its version is {version!r})"
    if version > supported:
        return f"from a newer version of the game (version {version}; this game reads {supported})"
    return ""


#: A temporary file of `atomic_write_text` older than this was left by a write that
#: never finished (the game was killed mid-save): nobody will rename it any more.
STALE_TEMPORARY_SECONDS = 3600


def remove_stale_temporaries(directory: Path) -> None:
    """Delete the `.<name>.<random>.tmp` files interrupted saves left behind.

    They are the game's own half-written copies, never a player's file: the
    save they were for is intact (the rename never happened).
    """
    limit = time.time() - STALE_TEMPORARY_SECONDS
    with contextlib.suppress(OSError):
        for temporary in directory.glob(".*.json.????????????.tmp"):
            with contextlib.suppress(OSError):
                if temporary.is_file() and temporary.stat().st_mtime < limit:
                    temporary.unlink()


def list_saves(directory: Path | None = None) -> list[SaveSlot]:
    """Every save in the folder, newest first; unusable ones listed with their problem."""
    directory = directory or paths.saves_dir()
    slots = []
    try:
        found = sorted(directory.glob("*.json"))
    except OSError:  # no folder (or a file where it should be): no saves
        return []
    remove_stale_temporaries(directory)
    for path in found:
        if not path.is_file():
            continue  # a folder named like a save is nobody's save
        document, problem, damaged = _read_checked(path)
        if document is None:
            if damaged and path.stem.startswith(AUTOSAVE):
                problem = set_damaged_autosave_aside(path, problem)
            slots.append(SaveSlot(path, path.stem, problem=problem))
            continue
        body = document["playthrough"]
        history = body.get("history")
        slots.append(
            SaveSlot(
                path=path,
                slot=path.stem,  # the file name is the slot: `l NAME` finds what `s NAME` wrote
                scene_id=str(body.get("scene", "")),
                scene_title=str(document.get("scene_title", "")),
                place=str(document.get("place", "")),
                date=str(document.get("date", "")),
                saved_at=str(document.get("saved_at", "")),
                steps=len(history) if isinstance(history, list) else 0,
                playthrough_id=str(body.get("playthrough_id", "")),
                name=save_name(document.get("name")),
            )
        )
    slots.sort(key=lambda slot: slot.saved_at, reverse=True)
    return slots


def read_save(path: Path, story: Story) -> LoadedSave:
    """Rebuild the Playthrough from a save, checking it against the scenes as they are now."""
    try:
        with guard(path):  # whatever is in the file, a problem in words, never a crash
            return _read_save(path, story)
    except Unreadable as error:
        return LoadedSave(None, f"{error.where} cannot be used: {error.reason}", damaged=True)


def _read_save(path: Path, story: Story) -> LoadedSave:
    document, problem, damaged = _read_checked(path)
    if document is None:
        return LoadedSave(None, problem, damaged=damaged)
    body = document["playthrough"]
    if not isinstance(body.get("scene"), str) or not body["scene"]:
        return LoadedSave(None, f"{path.name} is damaged (it names no scene); "
                                "it was left as it is")
    scene = story.scenes.get(body["scene"])
    if scene is None:
        return LoadedSave(
            None, f"{path.name} is for a scene this game does not have ('{body.get('scene')}')"
        )
    try:
        playthrough = _playthrough_from(body)
    except KeyError as error:
        return LoadedSave(None, f"{path.name} is damaged (it has no {error}); "
                                "it was left as it is")
    except (TypeError, ValueError) as error:
        return LoadedSave(None, f"{path.name} is damaged ({error}); it was left as it is")
    stale = playthrough.scene_hash != scene.content_hash
    try:
        fit_to_scene(playthrough, scene, stale)
    except SaveMismatch as error:
        if stale:
            return LoadedSave(
                None,
                f"{path.name} does not fit '{scene.title}' as it is now ({error}): the scene "
                "has changed since it was saved, or the file is damaged. It was left as it is; "
                "start the scene again.",
            )
        return LoadedSave(None, f"{path.name} is damaged: {error}. It was left as it is; "
                                "start the scene again or load another save.")
    playthrough.scene_hash = scene.content_hash
    return LoadedSave(
        playthrough,
        "the scene has changed since this save; play resumes where you were" if stale else "",
        stale,
    )


def _plain_values(variables: object, what: str,
                  seen: dict[object, dict[str, Any]] | None = None) -> dict[str, Any]:
    """`variables` when they are a mapping of names to plain values; raises ValueError.

    `seen`: the variables already checked, by their items (a 300,000-step save repeats
    the same few states), so each distinct state is checked and copied once.
    """
    if not isinstance(variables, dict):
        raise ValueError(f"{what} are not plain values")
    try:
        key: object = tuple(variables.items())
        known = seen.get(key) if seen is not None else None
    except TypeError:  # an unhashable value: a list or a mapping, not a plain value
        raise ValueError(f"{what} are not plain values") from None
    if known is not None:
        return known
    if not all(isinstance(value, (int, bool, str)) for value in variables.values()):
        raise ValueError(f"{what} are not plain values")
    checked = dict(variables)
    if seen is not None:
        seen[key] = checked
    return checked


def _playthrough_from(body: dict[str, Any]) -> Playthrough:
    variables = _plain_values(body["variables"], "its variables")
    entries = body["history"]
    if not isinstance(entries, list):
        raise ValueError("its history is not a list of steps")
    history = []
    seen: dict[object, dict[str, Any]] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ValueError(f"step {number} of its history is not a step")
        before = _plain_values(entry["variables_before"], f"the variables before step {number}",
                               seen)
        history.append(
            Step(
                str(entry["node"]),
                str(entry["choice"]),
                before,
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
