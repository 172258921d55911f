"""`SqliteStore`: the classroom store in one SQLite file, in WAL mode, synchronous=FULL.

WAL lets the report read while votes are written; synchronous=FULL makes each
commit durable before the call returns (a `kill -9` or a pulled plug after an
acknowledgement loses nothing). One connection serves every thread, behind a
lock: the server's threads and the projector window all use it.

Votes come in bursts (a class of 30 in two seconds, ten classes at once) and a
durable commit costs a few milliseconds of fsync here, so votes are committed
in groups: a writer thread takes every vote waiting, commits them in one
transaction, and only then answers each caller. Each caller still returns only
once its own vote is on disk.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from game.classroom.store import ActionRow, ClassRow, StudentRow

#: Version 1. Promise: tables and columns keep their meaning; new ones may be added.
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS classes (
    code TEXT PRIMARY KEY, secret TEXT NOT NULL, plan_path TEXT NOT NULL,
    anonymous INTEGER NOT NULL, created_at REAL NOT NULL, expires_at REAL NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0, log_path TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS students (
    code TEXT NOT NULL, device TEXT NOT NULL, name TEXT NOT NULL, joined_at REAL NOT NULL,
    PRIMARY KEY (code, device));
CREATE TABLE IF NOT EXISTS votes (
    code TEXT NOT NULL, decision TEXT NOT NULL, device TEXT NOT NULL, option TEXT NOT NULL,
    at REAL NOT NULL, PRIMARY KEY (code, decision, device));
CREATE TABLE IF NOT EXISTS actions (
    code TEXT NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, argument TEXT NOT NULL,
    PRIMARY KEY (code, seq));
CREATE TABLE IF NOT EXISTS records (
    code TEXT NOT NULL, device TEXT NOT NULL, playthrough_id TEXT NOT NULL,
    document TEXT NOT NULL, PRIMARY KEY (code, playthrough_id));
CREATE TABLE IF NOT EXISTS choices (
    code TEXT NOT NULL, device TEXT NOT NULL, scene TEXT NOT NULL, run INTEGER NOT NULL,
    seq INTEGER NOT NULL, choice TEXT NOT NULL, PRIMARY KEY (code, device, scene, run, seq));
"""


class SqliteStore:
    """The `ClassStore` in a SQLite file (or ":memory:" for a test that needs no restart)."""

    def __init__(self, path: Path | str) -> None:
        if isinstance(path, Path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=5000")
        with self._lock:
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self._votes: queue.SimpleQueue[tuple[tuple[Any, ...], Future[bool]] | None] = (
            queue.SimpleQueue())
        self._writer = threading.Thread(target=self._write_votes, name="vote-writer",
                                        daemon=True)
        self._writer.start()

    def _write(self, sql: str, parameters: tuple[Any, ...]) -> sqlite3.Cursor:
        """One statement in its own transaction, committed (and so durable) before returning."""
        with self._lock:
            return self._db.execute(sql, parameters)

    def _read(self, sql: str, parameters: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    # -- classes -----------------------------------------------------------------------
    def create_class(self, row: ClassRow) -> None:
        self._write("INSERT INTO classes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (row.code, row.secret, row.plan_path, int(row.anonymous), row.created_at,
                     row.expires_at, int(row.ended), row.log_path))

    def find_class(self, code: str) -> ClassRow | None:
        rows = self._read("SELECT * FROM classes WHERE code = ?", (code,))
        return _class_row(rows[0]) if rows else None

    def open_classes(self, now: float) -> list[ClassRow]:
        rows = self._read("SELECT * FROM classes WHERE ended = 0 AND expires_at > ? "
                          "ORDER BY created_at", (now,))
        return [_class_row(row) for row in rows]

    def end_class(self, code: str) -> None:
        self._write("UPDATE classes SET ended = 1 WHERE code = ?", (code,))

    def set_log_path(self, code: str, log_path: str) -> None:
        self._write("UPDATE classes SET log_path = ? WHERE code = ?", (log_path, code))

    # -- students and votes ------------------------------------------------------------
    def add_student(self, code: str, row: StudentRow) -> None:
        self._write("INSERT OR REPLACE INTO students VALUES (?, ?, ?, ?)",
                    (code, row.device, row.name, row.joined_at))

    def students(self, code: str) -> list[StudentRow]:
        rows = self._read("SELECT device, name, joined_at FROM students WHERE code = ? "
                          "ORDER BY joined_at, rowid", (code,))
        return [StudentRow(device, name, joined_at) for device, name, joined_at in rows]

    def add_vote(self, code: str, decision: str, device: str, option: str, at: float) -> bool:
        done: Future[bool] = Future()
        self._votes.put(((code, decision, device, option, at), done))
        return done.result()

    def remove_vote(self, code: str, decision: str, device: str) -> None:
        self._write("DELETE FROM votes WHERE code = ? AND decision = ? AND device = ?",
                    (code, decision, device))

    def _write_votes(self) -> None:
        """The writer thread: every vote waiting, in one durable transaction, then the answers."""
        while True:
            first = self._votes.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < 1000:
                try:
                    item = self._votes.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._votes.put(None)  # stop after this batch
                    break
                batch.append(item)
            results: list[bool] = []
            try:
                with self._lock:
                    self._db.execute("BEGIN IMMEDIATE")
                    for row, _ in batch:
                        try:
                            self._db.execute("INSERT INTO votes VALUES (?, ?, ?, ?, ?)", row)
                            results.append(True)
                        except sqlite3.IntegrityError:  # this device voted already
                            results.append(False)
                    self._db.execute("COMMIT")
            except sqlite3.Error as error:
                with self._lock:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                for _, done in batch:
                    done.set_exception(error)
                continue
            for (_, done), kept in zip(batch, results, strict=True):
                done.set_result(kept)

    def votes(self, code: str, decision: str) -> dict[str, str]:
        rows = self._read("SELECT device, option FROM votes WHERE code = ? AND decision = ? "
                          "ORDER BY at", (code, decision))
        return dict(rows)

    # -- the lesson's actions ------------------------------------------------------------
    def add_action(self, code: str, action: str, argument: str) -> int:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (seq,) = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM actions "
                                          "WHERE code = ?", (code,)).fetchone()
                self._db.execute("INSERT INTO actions VALUES (?, ?, ?, ?)",
                                 (code, seq, action, argument))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return int(seq)

    def actions(self, code: str) -> list[ActionRow]:
        rows = self._read("SELECT seq, action, argument FROM actions WHERE code = ? "
                          "ORDER BY seq", (code,))
        return [ActionRow(seq, action, argument) for seq, action, argument in rows]

    # -- play in the browser ---------------------------------------------------------------
    def save_record(self, code: str, device: str, playthrough_id: str,
                    document: dict[str, Any]) -> None:
        self._write("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
                    (code, device, playthrough_id, json.dumps(document, ensure_ascii=False)))

    def records(self, code: str) -> list[tuple[str, dict[str, Any]]]:
        rows = self._read("SELECT device, document FROM records WHERE code = ? ORDER BY rowid",
                          (code,))
        return [(device, json.loads(document)) for device, document in rows]

    def add_choice(self, code: str, device: str, scene_id: str, run: int,
                   choice_id: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO choices SELECT ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1, ? FROM choices "
                "WHERE code = ? AND device = ? AND scene = ? AND run = ?",
                (code, device, scene_id, run, choice_id, code, device, scene_id, run))

    def choices(self, code: str, device: str, scene_id: str, run: int) -> list[str]:
        rows = self._read("SELECT choice FROM choices WHERE code = ? AND device = ? AND scene = ? "
                          "AND run = ? ORDER BY seq", (code, device, scene_id, run))
        return [choice for (choice,) in rows]

    def last_run(self, code: str, device: str, scene_id: str) -> int:
        rows = self._read("SELECT COALESCE(MAX(run), 0) FROM choices WHERE code = ? AND device = ? "
                          "AND scene = ?", (code, device, scene_id))
        return int(rows[0][0])

    def close(self) -> None:
        self._votes.put(None)
        self._writer.join(timeout=5)
        with self._lock:
            self._db.close()


def _class_row(row: tuple[Any, ...]) -> ClassRow:
    code, secret, plan_path, anonymous, created_at, expires_at, ended, log_path = row
    return ClassRow(code, secret, plan_path, bool(anonymous), created_at, expires_at,
                    bool(ended), log_path)
