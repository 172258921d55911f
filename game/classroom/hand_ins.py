"""What the class handed in: every record and session log, each counted once, the rest explained.

Students hand the same export in twice, teachers copy a session log beside
the records and then name both the folder and the log on the command line.
`collect(paths, story)` reads every file once (by its resolved path, so a
file named twice is simply read once), keeps one copy of each playthrough and
of each session (listing the other copies as duplicates, with the file they
repeat), and lists whatever cannot be used with a plain reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from game.classroom.records import StudentRecord, read_record
from game.classroom.session_log import MAX_LOG_BYTES, ReadLog, looks_like_log
from game.classroom.session_log import read_log as read_session_log
from game.engine import Story
from game.guarded import Unreadable, read_bytes
from game.regular_files import FileTooBig, file_key

_SUFFIXES = (".json", ".jsonl")
T = TypeVar("T", StudentRecord, ReadLog)


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


@dataclass
class HandIns:
    """The files worth counting, with the name each is shown by, and the rest."""

    records: list[StudentRecord] = field(default_factory=list)
    logs: list[ReadLog] = field(default_factory=list)
    shown: dict[Path, str] = field(default_factory=dict)  # file -> the name the report uses
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Skipped] = field(default_factory=list)


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file named, and every non-hidden .json/.jsonl file under a folder named.

    Each comes with the name the report shows: as given, or relative to its folder.
    """
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or not found.is_file():
                    continue
                if found.suffix.lower() in _SUFFIXES:
                    yield found, relative.as_posix()
        else:
            yield path, str(path)


def collect(paths: Iterable[Path], story: Story) -> HandIns:
    """Read every file once; one copy of each playthrough and session is kept."""
    found = HandIns()
    seen: set[Path] = set()
    records: dict[str, StudentRecord] = {}
    sessions: dict[str, ReadLog] = {}
    for path, name in iter_files(paths):
        real = file_key(path)
        if real in seen:
            continue  # the same file named twice (a folder and the file in it): read once
        seen.add(real)
        found.shown[path] = name
        item, reason = _read_any(path)
        if item is None:
            found.skipped.append(Skipped(name, reason))
        elif isinstance(item, ReadLog):
            found.skipped.extend(Skipped(f"{name}:{line}", f"line {line} was skipped: {why}")
                                 for line, why in item.bad_lines)
            _keep_one(sessions, session_identity(item), item, _log_rank, found, "session log")
        elif item.scene_id not in story.scenes:
            found.skipped.append(Skipped(name, f"is for a scene this game does not have "
                                               f"('{item.scene_id}')"))
        else:
            _keep_one(records, item.playthrough_id, item, _record_rank, found, "playthrough")
    found.records = list(records.values())
    found.logs = list(sessions.values())
    return found


def _keep_one(kept: dict[str, T], key: str, item: T, rank: Callable[[T], tuple[float, ...]],
              found: HandIns, what: str) -> None:
    """Keep the copy that went furthest (of two equal ones, the file written first)."""
    other = kept.get(key)
    if other is None:
        kept[key] = item
        return
    if rank(item) < rank(other):
        kept[key], item = item, other
    found.duplicates.append(Skipped(found.shown[item.path], f"is the same {what} as "
                                    f"{found.shown[kept[key].path]} (counted once)"))


def session_identity(log: ReadLog) -> str:
    """What makes two log files one session: the same first line (its start, plan and scenes).

    A copy handed in beside the original, or an earlier copy taken mid-lesson,
    has the same header; the copy with more events is the one counted.
    """
    header = {key: value for key, value in log.header.items() if key not in ("seq", "at")}
    return json.dumps(header, sort_keys=True, ensure_ascii=False, default=str)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _record_rank(record: StudentRecord) -> tuple[int, float]:
    return -len(record.choices), _mtime(record.path)


def _log_rank(log: ReadLog) -> tuple[int, int, float]:
    return -len(log.events), -int(log.ended), _mtime(log.path)


def _read_any(path: Path) -> tuple[StudentRecord | ReadLog | None, str]:
    try:
        data = read_bytes(path, MAX_LOG_BYTES)  # never waits on a named pipe
    except Unreadable as error:
        if isinstance(error.__cause__, FileTooBig):
            size = error.__cause__.size
            return None, f"is too big to be a record or a session log ({size:,} bytes)"
        return None, error.reason.removeprefix("it ")
    if looks_like_log(data):
        return read_session_log(path, data)
    return read_record(path, data)
