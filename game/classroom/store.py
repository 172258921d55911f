"""What the classroom server keeps, behind one small interface: classes, students, votes, records.

`ClassStore` is all the domain asks of storage; `SqliteStore` (`sqlite_store.py`)
is the one implementation, and a school that wants PostgreSQL writes a second
one with the same methods. Every write is durable when the method returns:
a vote is acknowledged to the student only after `add_vote` has returned, so a
crash after the acknowledgement can never lose it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class ClassRow:
    """One class session: its code for students, the teacher's secret, and how it runs."""

    code: str
    secret: str
    plan_path: str  # the plan file, or "" for every scene in order
    anonymous: bool  # students' names are never asked for, nor shown
    created_at: float  # seconds since the epoch
    expires_at: float  # the code stops working then, or when the session ends
    ended: bool = False
    log_path: str = ""  # the session log of the facilitated lesson


@dataclass(frozen=True)
class StudentRow:
    """A device that joined a class, and the name its student gave (or "")."""

    device: str
    name: str
    joined_at: float


@dataclass(frozen=True)
class ActionRow:
    """One teacher action on the lesson (advance, override 2, back…), in order."""

    seq: int
    action: str
    argument: str


class ClassStore(Protocol):
    """Storage for the classroom server; each write is committed before it returns."""

    def create_class(self, row: ClassRow) -> None: ...
    def find_class(self, code: str) -> ClassRow | None: ...
    def open_classes(self, now: float) -> list[ClassRow]: ...
    def end_class(self, code: str) -> None: ...
    def set_log_path(self, code: str, log_path: str) -> None: ...

    def add_student(self, code: str, row: StudentRow) -> None: ...
    def students(self, code: str) -> list[StudentRow]: ...

    def add_vote(self, code: str, decision: str, device: str, option: str, at: float) -> bool:
        """Keep a vote; False (and nothing kept) when this device already voted on `decision`."""
        ...

    def remove_vote(self, code: str, decision: str, device: str) -> None:
        """Take back a vote kept just as its decision closed (it was never acknowledged)."""
        ...

    def votes(self, code: str, decision: str) -> dict[str, str]: ...

    def add_action(self, code: str, action: str, argument: str) -> int: ...
    def actions(self, code: str) -> list[ActionRow]: ...

    def save_record(self, code: str, device: str, playthrough_id: str,
                    document: dict[str, Any]) -> None: ...
    def records(self, code: str) -> list[tuple[str, dict[str, Any]]]:
        """(device, record document) for every playthrough stored for the class."""
        ...

    def add_choice(self, code: str, device: str, scene_id: str, run: int,
                   choice_id: str) -> None: ...
    def choices(self, code: str, device: str, scene_id: str, run: int) -> list[str]: ...
    def last_run(self, code: str, device: str, scene_id: str) -> int: ...

    def close(self) -> None: ...
