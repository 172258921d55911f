"""Student records: one playthrough exported as versioned JSON, and read back safely.

A student presses "Export record" on the scene's debrief screen; the file
goes to the class folder the teacher collects (`paths.records_dir()` unless
told otherwise). `cover-names debrief` reads many of them. Reading never
trusts the file: anything that is not a record of this version comes back as
a plain-words reason, never an exception.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import __version__, paths
from game.classroom.shared_files import write_shared_text
from game.engine import Player
from game.engine.playthrough import now_iso
from game.guarded import Unreadable, guard, parse_json, read_bytes
from game.model import credit_line

RECORD_FORMAT = "cover-names/record"
# Version 1. Promise: every field written by version 1 keeps its meaning; new
# optional fields may be added without a new version. A record of another
# version is skipped by the debrief (and listed with the reason), never misread.
# Added within version 1: each choice's optional "note" and "quoted" (the record's
# quotes, each with its credit line); readers of older records find them absent.
RECORD_VERSION = 1
#: A record bigger than this is not one (a scene has a few dozen choices).
MAX_RECORD_BYTES = 512_000
MAX_NAME_LENGTH = 80

# A fixed namespace, so the same playthrough always gets the same derived id.


@dataclass(frozen=True)
class RecordedChoice:
    """One choice in a record, as the debrief reads it."""

    node_id: str
    choice_id: str
    text: str
    verdict: str
    chosen_at: str


@dataclass(frozen=True)
class StudentRecord:
    """A record file, read and checked."""

    path: Path
    playthrough_id: str
    student_name: str
    scene_id: str
    scene_title: str
    scene_hash: str
    choices: tuple[RecordedChoice, ...]
    ending_kind: str  # "historical", "counterfactual", or "" when unfinished
    ending_node: str
    started_at: str
    finished_at: str


def clean_name(name: str) -> str:
    """A student's name as typed, trimmed to one short line."""
    return " ".join(name.split())[:MAX_NAME_LENGTH]


def build_record(player: Player, student_name: str = "") -> dict[str, Any]:
    """The record of a player's playthrough so far, as plain JSON-ready data."""
    scene = player.scene
    choices = [
        {
            "node": step.node_id,
            "choice": step.choice_id,
            "text": step.choice_text,
            "verdict": step.record.verdict.value,
            "chosen_at": step.chosen_at,
            # Optional since version 1 (the debrief does not read them): what the record
            # said, each quote credited to its voice and the article quoting it.
            "note": " ".join(step.record.note.split()),
            "quoted": [{"quote": " ".join(citation.quote.split()),
                        "credit": credit_line(citation)}
                       for citation in step.record.citations],
        }
        for step in player.history
        if step.record is not None  # a plain "Continue" is not a choice
    ]
    ending = player.ending
    history = player.playthrough.history
    return {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "game_version": __version__,
        "playthrough_id": player.playthrough.playthrough_id,
        "student_name": clean_name(student_name),
        "scene": {"id": scene.id, "title": scene.title, "content_hash": scene.content_hash},
        "started_at": player.playthrough.started_at,
        "finished_at": (history[-1].chosen_at if history else "") if ending else "",
        "exported_at": now_iso(),
        "choices": choices,
        "ending": {"node": player.node.id, "kind": ending.kind.value} if ending else None,
    }


def record_filename(record: dict[str, Any]) -> str:
    """`<scene>-<name or anon>-<id prefix>.json`: readable, and unique per playthrough."""
    name = re.sub(r"[^a-z0-9]+", "-", str(record.get("student_name", "")).lower()).strip("-")
    return f"{record['scene']['id']}-{name[:30] or 'anonymous'}-{record['playthrough_id'][:8]}.json"


def write_record(player: Player, directory: Path | None = None, student_name: str = "") -> Path:
    """Export a player's record into `directory` (the records folder by default), atomically."""
    record = build_record(player, student_name)
    path = (directory or paths.records_dir()) / record_filename(record)
    write_shared_text(path, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return path


def read_record(path: Path, data: bytes | None = None) -> tuple[StudentRecord | None, str]:
    """A record from a file, or None and the reason it cannot be used (never an exception)."""
    try:
        with guard(path):
            if data is None:
                data = read_bytes(path, MAX_RECORD_BYTES)
            if len(data) > MAX_RECORD_BYTES:
                return None, f"is too big to be a record ({len(data):,} bytes)"
            # utf-8-sig: a record opened and saved again in Notepad starts with a byte-order
            # mark (parse_json allows it).
            return record_from_document(path, parse_json(data, path))
    except Unreadable as error:
        return None, error.reason.removeprefix("it ")
    raise AssertionError("unreachable")  # pragma: no cover


def record_from_document(path: Path, document: object) -> tuple[StudentRecord | None, str]:
    """Check a parsed JSON document and turn it into a StudentRecord."""
    if not isinstance(document, dict) or document.get("format") != RECORD_FORMAT:
        return None, "is not a Cover Names record"
    version = document.get("version")
    if version != RECORD_VERSION:
        return None, f"is a record of another version (version {version!r}; this game reads 1)"
    try:
        return _parse(path, document), ""
    except _Damaged as damage:
        return None, f"is damaged ({damage})"


class _Damaged(ValueError):
    """A record of the right format and version whose contents are not what a record holds."""


def _field(mapping: dict[str, Any], key: str, what: str, default: object = None) -> object:
    if key not in mapping:
        if default is None:
            raise _Damaged(f"it has no {what}")
        return default
    return mapping[key]


def _text(mapping: dict[str, Any], key: str, what: str, required: bool = False) -> str:
    value = _field(mapping, key, what, None if required else "")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _Damaged(f"its {what} is not text")
    return value


def _mapping(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Damaged(f"its {what} is not written as a record writes it")
    return value


def _choice(number: int, entry: object) -> RecordedChoice:
    if not isinstance(entry, dict):
        raise _Damaged(f"choice {number} is not a choice (it should name a passage and an "
                       "option)")
    what = f"choice {number}'s"
    return RecordedChoice(
        node_id=_text(entry, "node", f"{what} passage", required=True),
        choice_id=_text(entry, "choice", f"{what} option", required=True),
        text=_text(entry, "text", f"{what} text"),
        verdict=_text(entry, "verdict", f"{what} verdict"),
        chosen_at=_text(entry, "chosen_at", f"{what} time"),
    )


def _parse(path: Path, document: dict[str, Any]) -> StudentRecord:
    scene = _mapping(_field(document, "scene", "scene"), "scene")
    raw_choices = _field(document, "choices", "list of choices")
    if not isinstance(raw_choices, list):
        raise _Damaged("its choices are not a list")
    choices = tuple(_choice(number, entry) for number, entry in enumerate(raw_choices, start=1))
    raw_ending = document.get("ending")
    ending = _mapping(raw_ending, "ending") if raw_ending is not None else {}
    ident = _text(document, "playthrough_id", "playthrough id", required=True)
    if not ident:
        raise _Damaged("its playthrough id is empty")
    return StudentRecord(
        path=path,
        playthrough_id=ident,
        student_name=clean_name(_text(document, "student_name", "student's name")),
        scene_id=_text(scene, "id", "scene's id", required=True),
        scene_title=_text(scene, "title", "scene's title"),
        scene_hash=_text(scene, "content_hash", "scene's version"),
        choices=choices,
        ending_kind=_text(ending, "kind", "ending's kind"),
        ending_node=_text(ending, "node", "ending's passage"),
        started_at=_text(document, "started_at", "start time"),
        finished_at=_text(document, "finished_at", "finish time"),
    )
