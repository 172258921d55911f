"""`LiveClass`: a lesson that students join from their own devices and vote in, one vote each.

The rules of a class on devices live here, free of any web framework: who may
join (a code that works until the session ends), what a name may be, one vote
per device per decision and only while it is open, how fast a device may send,
and what each device and the projector are shown. The server's handlers turn
requests into these calls and the answers back into messages; the projector
window reads the same state. Everything a student does is in the store before
the call returns, so what was acknowledged survives a crash.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.classroom.facilitator_view import FacilitatorView, build_view
from game.classroom.live_session import LiveSession
from game.classroom.phases import Phase
from game.classroom.plans import Plan
from game.classroom.session_log import SessionLog
from game.classroom.store import ClassRow, ClassStore, StudentRow

#: Letters and digits no one misreads on a projector (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 5
#: A name longer than this is cut; control characters and extra spaces are dropped.
MAX_NAME = 40
#: A class code stops working this long after it was made, even if nobody ends the session.
CLASS_HOURS = 4.0
#: Per device: this many messages at once, refilled at this many per second.
BURST, PER_SECOND = 10, 2.0
#: Joins from one network address (a whole class may share one behind a school's router).
JOIN_BURST, JOINS_PER_SECOND = 100, 30.0
#: A class takes at most this many devices (a full year group in a hall).
MAX_STUDENTS = 300


class Refused(Exception):
    """A student's or teacher's request that the class's rules turn down; the message says why."""


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class RateLimit:
    """A token bucket per device: a burst of `burst`, then `per_second` (a tap is one)."""

    burst: int = BURST
    per_second: float = PER_SECOND
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def allow(self, device: str) -> bool:
        now = self.clock()
        bucket = self._buckets.setdefault(device, _Bucket(float(self.burst), now))
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.per_second)
        bucket.at = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


def clean_name(name: str) -> str:
    """A name as a class list shows it: printable, one line, at most `MAX_NAME` characters."""
    printable = "".join(" " if ch.isspace() else ch for ch in name if ch.isprintable()
                        or ch.isspace())
    return " ".join(printable.split())[:MAX_NAME]


def new_code(taken: Callable[[str], bool]) -> str:
    """A short class code not used by another class in the store."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not taken(code):
            return code


class LiveClass:
    """One class on devices: the session on the projector, its students and their votes."""

    def __init__(self, store: ClassStore, row: ClassRow, session: LiveSession,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.row = row
        self.session = session
        self.wall_clock = wall_clock
        self.limit = RateLimit()
        self.join_limit = RateLimit(JOIN_BURST, JOINS_PER_SECOND)
        #: A student playing alone clicks "Continue" through short passages quickly.
        self.play_limit = RateLimit(30, 5.0)
        self._names = {s.device: s.name for s in store.students(row.code)}

    # -- making and resuming ------------------------------------------------------------------
    @classmethod
    def start(cls, store: ClassStore, plan: Plan, session_factory: Callable[[str], LiveSession],
              anonymous: bool = False, hours: float = CLASS_HOURS,
              wall_clock: Callable[[], float] = time.time) -> LiveClass:
        """A new class with a fresh code and teacher secret, kept in the store."""
        now = wall_clock()
        code = new_code(lambda c: store.find_class(c) is not None)
        row = ClassRow(code, secrets.token_urlsafe(18), plan.path or "", anonymous, now,
                       now + hours * 3600)
        store.create_class(row)
        session = session_factory(code)
        store.set_log_path(code, str(session.log.path))
        return cls(store, store.find_class(code) or row, session, wall_clock)

    @classmethod
    def resume(cls, store: ClassStore, row: ClassRow,
               session_factory: Callable[[str], LiveSession],
               wall_clock: Callable[[], float] = time.time) -> LiveClass:
        """The class after a restart: every kept action run again, every vote counted again."""
        session = session_factory(row.code)
        session.replay()
        session.log.write("resumed", code=row.code, actions=len(store.actions(row.code)))
        return cls(store, row, session, wall_clock)

    # -- the rules --------------------------------------------------------------------------
    @property
    def code(self) -> str:
        return self.row.code

    @property
    def open(self) -> bool:
        return not self.row.ended and self.wall_clock() < self.row.expires_at

    def is_teacher(self, secret: str) -> bool:
        return hmac.compare_digest(secret.encode(), self.row.secret.encode())

    def _check(self, device: str) -> None:
        if not self.open:
            raise Refused("This class has ended: ask your teacher for the new code.")
        if not self.limit.allow(device):
            raise Refused("Too fast: wait a second and try again.")

    def join(self, name: str, device: str = "", address: str = "") -> StudentRow:
        """A device joins (or rejoins, with its token) from a network `address`: its row."""
        with self.session.lock:
            if not self.open:
                raise Refused("This class has ended: ask your teacher for the new code.")
            if not self.join_limit.allow(address):
                raise Refused("Too many joins at once: wait a second and try again.")
            if device and device in self._names:
                return StudentRow(device, self._names[device], 0.0)
            if len(self._names) >= MAX_STUDENTS:
                raise Refused("This class is full.")
            row = StudentRow(secrets.token_urlsafe(18),
                             "" if self.row.anonymous else clean_name(name), self.wall_clock())
            self.store.add_student(self.code, row)
            self._names[row.device] = row.name
        self.session.changed("join")
        return row

    def name_of(self, device: str) -> str:
        """The name this device joined with ("" when anonymous or none given)."""
        return self._names.get(device, "")

    def knows(self, device: str) -> bool:
        return device in self._names

    def vote(self, device: str, option: str, decision: str) -> str:
        """One device's vote on the decision on screen; its option id once kept in the store.

        The store's write (a durable commit, shared with other votes arriving at the same
        moment) happens outside the session's lock, so a class's votes are kept together;
        a vote whose decision closed meanwhile is taken back and refused.
        """
        self._check_vote(device, option, decision)
        if not self.store.add_vote(self.code, decision, device, option, self.wall_clock()):
            raise Refused("You have already voted on this decision.")
        with self.session.lock:
            if self.session.decision_key != decision or self.session.paused:
                self.store.remove_vote(self.code, decision, device)
                raise Refused("The vote on that decision is closed.")
            self.session.votes.add_device_vote(option)
        self.session.changed("vote")
        return option

    def _check_vote(self, device: str, option: str, decision: str) -> None:
        """Why a vote cannot be taken now (raises `Refused`), before anything is kept."""
        with self.session.lock:
            if device not in self._names:
                raise Refused("Join the class first.")
            self._check(device)
            session = self.session
            key = session.decision_key
            if not key or decision != key:
                raise Refused("The vote on that decision is closed.")
            chosen = next((o for o in session.player.options if o.id == option), None)
            if chosen is None:
                raise Refused("That is not one of the options.")
            if not chosen.available:
                raise Refused(f"That option is locked: {chosen.locked_reason}".rstrip(": "))
            if session.paused:
                raise Refused("The lesson is paused.")

    def end(self, how: str = "") -> None:
        """Close the class: its code stops working and the session log is closed."""
        with self.session.lock:
            self.store.end_class(self.code)
            self.row = self.store.find_class(self.code) or self.row
            self.session.end(how)
        self.session.changed()

    # -- what each screen shows -------------------------------------------------------------
    def students(self) -> list[StudentRow]:
        return self.store.students(self.code)

    def voted(self) -> dict[str, str]:
        """device -> option, for the decision on screen."""
        key = self.session.decision_key
        return self.store.votes(self.code, key) if key else {}

    def shared_state(self) -> dict[str, Any]:
        """What every student's device shows now (the prompt and options, or the reveal);
        built once per change and sent to every device with its `device_state`."""
        with self.session.lock:
            view = build_view(self.session)
            shared = _shared(view, self.session)
            # No running counts on the devices while the vote is open: each votes unswayed.
            shared["options"] = [{k: v for k, v in option.items() if k not in ("votes", "leading")}
                                 for option in shared["options"]]
            return {"type": "state", "code": self.code, "open": self.open,
                    "anonymous": self.row.anonymous, "decision": self.session.decision_key,
                    **shared}

    def device_state(self, device: str) -> dict[str, Any]:
        """What only this device is shown: its name, its vote, the record of its own choice."""
        with self.session.lock:
            key = self.session.decision_key
            mine = self.store.votes(self.code, key).get(device) if key else None
            revealing = self.session.phase in (Phase.REVEALED, Phase.SCENE_ENDED)
            yours = self._yours(device, build_view(self.session)) if revealing else []
            return {"name": self._names.get(device, ""), "voted": mine, "yours": yours}

    def student_state(self, device: str) -> dict[str, Any]:
        """Everything one student's device shows now."""
        return {**self.shared_state(), **self.device_state(device)}

    def projector_state(self) -> dict[str, Any]:
        """What the projector and the teacher's page show: counts, and who has not voted."""
        with self.session.lock:
            view = build_view(self.session)
            voted = self.voted()
            students = self.students()
            waiting = [s.name or "(anonymous)" for s in students if s.device not in voted]
            total = view.total_votes
            return {
                "type": "feed",
                "code": self.code,
                "open": self.open,
                **_shared(view, self.session),
                "decision": self.session.decision_key,
                "joined": len(students),
                "names": [] if self.row.anonymous else [s.name or "(no name)" for s in students],
                "voted": len(voted),
                "waiting": [] if self.row.anonymous else waiting,
                "waiting_count": len(waiting),
                "counts": dict(self.session.tally),
                "total": total,
                "over_class_size": bool(students) and total > len(students),
                "message": self.session.message,
            }

    def _yours(self, device: str, view: FacilitatorView) -> list[dict[str, Any]]:
        """For each record revealed now, the record of the option this student voted for."""
        shown = ([view.revealed] if view.revealed else []) + list(view.records)
        decisions = {d.node_id: d for d in self.session.decisions}
        yours = []
        for record in shown:
            decision = decisions.get(record.node_id)
            if decision is None:
                continue
            key = f"{decision.scene_id}:{decision.step}:{decision.node_id}"
            option = self.store.votes(self.code, key).get(device)
            node = self.session.player.scene.nodes[decision.node_id]
            choice = next((c for c in node.choices if c.id == option), None)
            if choice is None:
                continue
            own = choice.record
            yours.append({
                "node": decision.node_id,
                "text": choice.text,
                "same_as_class": option == decision.choice_id,
                "verdict": own.verdict.value if own else "",
                "verdict_label": own.verdict.label if own else "",
                "note": " ".join(own.note.split()) if own else "",
            })
        return yours


def _shared(view: FacilitatorView, session: LiveSession) -> dict[str, Any]:
    """What devices and projector both show: the scene, the passage, the ask, options, reveal."""
    node = session.player.node
    voting = view.phase is Phase.VOTING
    return {
        "phase": view.phase.value,
        "paused": view.paused,
        "plan_title": view.plan_title,
        "scene_title": view.scene_title,
        "place": view.place,
        "date": view.date,
        "text": view.text if view.phase in (Phase.READING, Phase.VOTING) else "",
        # Scene format 2's before-prompt ("" in format 1: the devices ask "What should … do?").
        "ask": node.ask if voting else "",
        "options": [asdict(o) for o in view.options] if voting else [],
        "chosen": asdict(view.chosen) if view.chosen else None,
        "revealed": asdict(view.revealed) if view.revealed else None,
        "records": [asdict(r) for r in view.records],
        "ending_kind": view.ending_kind,
        "epilogue": view.epilogue if view.phase is Phase.SCENE_ENDED else "",
    }


def new_session_factory(plan: Plan, story: Any, store: ClassStore,
                        log_dir: Path | None) -> Callable[[str], LiveSession]:
    """Makes the class's `LiveSession` (and its session log) once its code is known."""
    def make(code: str) -> LiveSession:
        log = SessionLog(SessionLog.new_path(log_dir),
                         {**LiveSession.log_header(plan, story), "class_code": code})
        return LiveSession(plan, story, log, store, code)
    return make
