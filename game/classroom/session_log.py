"""The session log: every facilitator action, one JSON object per line, as it happens.

Each line is written whole, flushed and fsynced before the next action, so a
crash, a pulled plug or a `kill -9` loses nothing that was done: the file is
valid JSON Lines up to the last completed step. The first line is a versioned
header naming the plan and the scenes with their content hashes, so the
debrief can tell which version of a scene the class played.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from game import __version__, paths
from game.guarded import Unreadable, guard, parse_json, read_bytes

if TYPE_CHECKING:
    from game.classroom.plans import Plan
    from game.engine import Story

LOG_FORMAT = "cover-names/session-log"
# Version 1. Promise: event names and their fields keep their meaning; new
# events and new fields may be added. Readers ignore events they do not know.
LOG_VERSION = 1
MAX_LOG_BYTES = 20_000_000


def sessions_dir() -> Path:
    """Where session logs go: the user data folder's `sessions/`."""
    path = paths.user_data_dir() / "sessions"
    path.mkdir(parents=True, exist_ok=True)
    return path


def plan_header(plan: Plan, story: Story) -> dict[str, object]:
    """What a session log's first line says: the plan and each scene's version."""
    return {
        "plan": {
            "title": plan.title,
            "path": plan.path,
            "content_hash": plan.content_hash,
            "reveal": plan.reveal.value,
        },
        "scenes": [
            {
                "id": part.scene_id,
                "title": story.scenes[part.scene_id].title,
                "content_hash": story.scenes[part.scene_id].content_hash,
            }
            for part in plan.scenes
        ],
    }


def _wall_clock() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


class SessionLog:
    """An append-only JSON Lines file; `write` returns only once the line is on disk."""

    def __init__(
        self,
        path: Path,
        header: dict[str, Any],
        wall_clock: Callable[[], str] = _wall_clock,
    ) -> None:
        self.path = path
        self._wall_clock = wall_clock
        #: Why the log stopped being written ("" while it is fine): the lesson never stops
        #: for it (a full disk, a read-only folder, a file where the folder should be).
        self.problem = ""
        self._stream: IO[str] | None = None
        self._seq = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # "x": never append to, or overwrite, another session's log.
            self._stream = open(path, "x", encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError as error:
            self._failed(error)
        self.write(
            "session_started",
            format=LOG_FORMAT,
            version=LOG_VERSION,
            game_version=__version__,
            started_at=self._wall_clock(),
            # Two classes can start the same plan in the same second: this tells
            # their logs apart, so the debrief never takes one for a copy of the other.
            session_id=secrets.token_hex(8),
            **header,
        )

    @staticmethod
    def new_path(directory: Path | None = None, stamp: str | None = None) -> Path:
        """A fresh file name like `session-2026-11-22T0912Z.jsonl`, never reusing one."""
        if directory is None:
            try:
                directory = sessions_dir()
            except OSError:  # the log then says it cannot be written; the lesson goes on
                directory = paths.user_data_dir() / "sessions"
        stamp = stamp or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        path = directory / f"session-{stamp}.jsonl"
        counter = 2
        while _exists(path):
            path = directory / f"session-{stamp}-{counter}.jsonl"
            counter += 1
        return path

    def write(self, event: str, **fields: Any) -> None:
        """Append one event as one line, and make it durable before returning.

        When the file cannot be written, `problem` says why and the lesson goes
        on: what was written before stays a valid log for the debrief.
        """
        if self._closed:
            raise ValueError("the session log is closed")
        self._seq += 1
        if self._stream is None:
            return
        line = {"event": event, "seq": self._seq, "at": self._wall_clock(), **fields}
        try:
            self._stream.write(json.dumps(line, ensure_ascii=False, separators=(",", ":"))
                               + "\n")
            self._stream.flush()
            os.fsync(self._stream.fileno())
        except OSError as error:
            self._failed(error)

    def _failed(self, error: OSError) -> None:
        reason = (error.strerror or type(error).__name__).lower()
        self.problem = (f"The session log could not be written ({reason}): the lesson goes "
                        f"on, but from here it is not logged ({self.path}).")
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
        self._stream = None

    _closed = False

    def close(self) -> None:
        self._closed = True
        if self._stream is not None:
            with contextlib.suppress(OSError):  # a full disk fails the last flush
                self._stream.close()
            self._stream = None

    @property
    def closed(self) -> bool:
        return self._closed


@dataclass
class ReadLog:
    """A session log as read back: its header, its events, and whether it ended cleanly."""

    path: Path
    header: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False  # the last line was cut off (a crash mid-write)
    ended: bool = False  # a `session_ended` event is present
    bad_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, why) skipped


def looks_like_log(data: bytes) -> bool:
    """Cheap sniff: does the first line declare a session log?"""
    first = data.split(b"\n", 1)[0]
    return LOG_FORMAT.encode() in first


def read_log(path: Path, data: bytes | None = None) -> tuple[ReadLog | None, str]:
    """Every usable event of a session log, or None and the reason it cannot be used.

    A last line without its newline is what a crash mid-write leaves behind: it
    is dropped and the log is marked `truncated`, the rest still counts. A bad
    line anywhere else is skipped and listed in `bad_lines` (its number and why):
    one damaged line never costs the class the rest of its lesson. Only a log
    whose first line is not a session-log header cannot be used at all.
    """
    try:
        with guard(path):
            if data is None:
                data = read_bytes(path, MAX_LOG_BYTES)
            if len(data) > MAX_LOG_BYTES:
                return None, f"is too big to be a session log ({len(data):,} bytes)"
            return _read_log(path, data)
    except Unreadable as error:
        return None, error.reason.removeprefix("it ")
    raise AssertionError("unreachable")  # pragma: no cover


def _read_log(path: Path, data: bytes) -> tuple[ReadLog | None, str]:
    lines = data.split(b"\n")
    truncated = lines[-1].strip() != b""
    complete = lines[:-1]
    events: list[dict[str, Any]] = []
    bad_lines: list[tuple[int, str]] = []
    for number, line in enumerate(complete, start=1):
        if not line.strip():
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark from an editor
        try:
            event = parse_json(line, path, number)
        except Unreadable as error:
            bad_lines.append((number, error.reason))
            continue
        if not isinstance(event, dict) or not isinstance(event.get("event"), str):
            bad_lines.append((number, "it is not an event"))
            continue
        if not events and event.get("format") != LOG_FORMAT:
            break  # the first event must be the header
        events.append(event)
    if not events or events[0].get("format") != LOG_FORMAT:
        if bad_lines and bad_lines[0][0] == 1:
            return None, f"is damaged (line 1: {bad_lines[0][1].removeprefix('it is ')})"
        return None, "is not a Cover Names session log"
    header = events[0]
    if header.get("version") != LOG_VERSION:
        return None, (
            f"is a session log of another version (version {str(header.get('version'))[:20]}; "
            f"this game reads {LOG_VERSION})"
        )
    body = events[1:]
    return ReadLog(
        path=path,
        header=header,
        events=body,
        truncated=truncated,
        ended=any(event["event"] == "session_ended" for event in body),
        bad_lines=bad_lines,
    ), ""


def iter_decisions(log: ReadLog) -> Iterator[dict[str, Any]]:
    """The class's decisions that still stand: those not taken back by a `went_back`."""
    standing: list[dict[str, Any]] = []
    for event in log.events:
        kind = event["event"]
        if kind == "decided":
            standing.append(event)
        elif kind == "went_back":
            undone = event.get("decisions_undone", 0)
            if isinstance(undone, int) and undone > 0:
                del standing[-undone:]
    yield from standing
