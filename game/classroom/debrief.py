"""The class against history: student records and session logs gathered into one summary.

`gather(paths, story)` reads every file it is given (folders are searched),
keeps what can be trusted, lists the rest as skipped with a reason, counts a
playthrough exported twice once, and adds up, per decision point, how the
class chose against what the record says. It does no drawing: `report.py`
turns the result into HTML and CSV.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.classroom.records import StudentRecord, read_record
from game.classroom.session_log import MAX_LOG_BYTES, ReadLog, iter_decisions, looks_like_log
from game.classroom.session_log import read_log as read_session_log
from game.engine import Story
from game.engine.playthrough import now_iso
from game.model import Scene

_SUFFIXES = (".json", ".jsonl")


@dataclass
class OptionStats:
    choice_id: str
    text: str
    verdict: str
    note: str
    students: int = 0  # students whose record took this option
    votes: int = 0  # hands raised for it in projected sessions
    picks: int = 0  # times a projected class went this way

    @property
    def historical(self) -> bool:
        return self.verdict == "historical"


@dataclass
class DecisionStats:
    scene_id: str
    scene_title: str
    node_id: str
    number: int  # 1-based, in the order a player meets the decisions
    passage: str  # the start of the passage, to recognise the moment
    discuss: str
    options: list[OptionStats]

    @property
    def reached(self) -> int:
        return sum(option.students for option in self.options)

    @property
    def class_votes(self) -> int:
        return sum(option.votes for option in self.options)

    @property
    def picks(self) -> int:
        return sum(option.picks for option in self.options)

    @property
    def disputed(self) -> bool:
        return any(option.verdict == "disputed" for option in self.options)

    def share(self, option: OptionStats) -> float:
        return option.students / self.reached if self.reached else 0.0

    @property
    def favourite(self) -> OptionStats | None:
        """The option most students took (None when nobody reached this point or a tie)."""
        ranked = sorted(self.options, key=lambda o: o.students, reverse=True)
        if not ranked or ranked[0].students == 0:
            return None
        if len(ranked) > 1 and ranked[1].students == ranked[0].students:
            return None
        return ranked[0]


@dataclass
class StudentStats:
    name: str
    scene_id: str
    scene_title: str
    file: str
    decisions: int  # decision points on their path (as the scene is now)
    historical: int  # of those, how many followed the record
    verdicts: dict[str, int]
    ending: str  # historical | counterfactual | "" (unfinished)
    stale: bool  # made with another version of the scene

    @property
    def followed(self) -> float:
        return self.historical / self.decisions if self.decisions else 0.0


@dataclass
class SessionStats:
    file: str
    plan_title: str
    started_at: str
    decisions: int
    scenes: list[str]
    truncated: bool
    ended: bool
    stale: bool = False  # played on another version of a scene: counted where nodes still exist


@dataclass
class SceneStats:
    scene: Scene
    decisions: list[DecisionStats]
    students: int = 0
    endings: Counter[str] = field(default_factory=Counter)
    stale_records: int = 0
    lost_choices: int = 0  # choices in stale records whose node or option no longer exists


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


@dataclass
class Debrief:
    scenes: list[SceneStats]
    students: list[StudentStats]
    sessions: list[SessionStats]
    skipped: list[Skipped]
    duplicates: list[Skipped]
    generated_at: str = field(default_factory=now_iso)

    @property
    def decisions(self) -> Iterator[DecisionStats]:
        for scene in self.scenes:
            yield from scene.decisions

    @property
    def disputed_reached(self) -> list[tuple[DecisionStats, OptionStats]]:
        """Disputed options that at least one student or the projected class took."""
        return [
            (decision, option)
            for decision in self.decisions
            for option in decision.options
            if option.verdict == "disputed" and (option.students or option.picks)
        ]


def decision_order(scene: Scene) -> list[str]:
    """Decision node ids in the order a player meets them (breadth first from the start)."""
    seen, queue, order = {scene.start}, [scene.start], []
    while queue:
        node = scene.nodes[queue.pop(0)]
        if node.is_decision:
            order.append(node.id)
        targets = [choice.goto for choice in node.choices] + ([node.next] if node.next else [])
        for target in targets:
            if target in scene.nodes and target not in seen:
                seen.add(target)
                queue.append(target)
    order += [node.id for node in scene.decision_points if node.id not in order]
    return order


def _scene_stats(scene: Scene) -> SceneStats:
    decisions = []
    for number, node_id in enumerate(decision_order(scene), start=1):
        node = scene.nodes[node_id]
        text = " ".join(node.text.split())
        decisions.append(DecisionStats(
            scene_id=scene.id,
            scene_title=scene.title,
            node_id=node_id,
            number=number,
            passage=text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + " …",
            discuss=" ".join(node.discuss.split()),
            options=[
                OptionStats(choice.id, choice.text,
                            choice.record.verdict.value if choice.record else "",
                            " ".join(choice.record.note.split()) if choice.record else "")
                for choice in node.choices
            ],
        ))
    return SceneStats(scene, decisions)


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


def gather(paths: Iterable[Path], story: Story) -> Debrief:
    """Read every record and session log, and count the class against the record."""
    skipped: list[Skipped] = []
    records: dict[str, StudentRecord] = {}
    logs: list[ReadLog] = []
    duplicates: list[Skipped] = []
    shown: dict[Path, str] = {}
    for path, name in iter_files(paths):
        shown[path] = name
        item, reason = _read_any(path)
        if item is None:
            skipped.append(Skipped(name, reason))
        elif isinstance(item, ReadLog):
            logs.append(item)
        elif item.scene_id not in story.scenes:
            skipped.append(Skipped(name, f"is for a scene this game does not have "
                                         f"('{item.scene_id}')"))
        else:
            kept = records.get(item.playthrough_id)
            if kept is None:
                records[item.playthrough_id] = item
                continue
            # The same playthrough handed in twice: keep the export that went furthest,
            # and of two equal ones the file written first (the original, not a copy).
            if _rank(item) < _rank(kept):
                records[item.playthrough_id], item = item, kept
            duplicates.append(Skipped(shown[item.path], "is the same playthrough as "
                                      f"{shown[records[item.playthrough_id].path]} "
                                      "(counted once)"))
    scenes = {scene.id: _scene_stats(scene) for scene in story.ordered}
    students = [_count_record(record, scenes[record.scene_id], shown[record.path])
                for record in records.values()]
    sessions = [_count_log(log, scenes, shown[log.path]) for log in logs]
    _name_anonymous(students)
    used = [stats for stats in scenes.values()
            if stats.students or any(d.picks for d in stats.decisions)]
    students.sort(key=lambda s: (s.scene_title, s.name.lower()))
    return Debrief(used, students, sessions, skipped, duplicates)


def _rank(record: StudentRecord) -> tuple[int, float]:
    try:
        written = record.path.stat().st_mtime
    except OSError:
        written = 0.0
    return -len(record.choices), written


def _read_any(path: Path) -> tuple[StudentRecord | ReadLog | None, str]:
    try:
        size = path.stat().st_size
        if size > MAX_LOG_BYTES:
            return None, f"is too big to be a record or a session log ({size:,} bytes)"
        data = path.read_bytes()
    except OSError as error:
        return None, f"cannot be read ({error.strerror or error})"
    if looks_like_log(data):
        return read_session_log(path, data)
    return read_record(path, data)


def _count_record(record: StudentRecord, stats: SceneStats, name: str) -> StudentStats:
    scene = stats.scene
    stale = record.scene_hash != scene.content_hash
    by_node = {decision.node_id: decision for decision in stats.decisions}
    stats.students += 1
    stats.stale_records += stale
    stats.endings[record.ending_kind or "unfinished"] += 1
    decisions = historical = 0
    verdicts: Counter[str] = Counter()
    for choice in record.choices:
        node = scene.nodes.get(choice.node_id)
        decision = by_node.get(choice.node_id)
        option = next((o for o in decision.options if o.choice_id == choice.choice_id), None) \
            if decision else None
        if option is None or decision is None:
            # Not a decision now, or gone from the scene since the record was made.
            if node is None or not any(c.id == choice.choice_id for c in node.choices):
                stats.lost_choices += 1
            continue
        option.students += 1
        decisions += 1
        historical += option.historical
        verdicts[option.verdict] += 1
    return StudentStats(
        name=record.student_name,
        scene_id=scene.id,
        scene_title=scene.title,
        file=name,
        decisions=decisions,
        historical=historical,
        verdicts=dict(verdicts),
        ending=record.ending_kind,
        stale=stale,
    )


def _count_log(log: ReadLog, scenes: dict[str, SceneStats], name: str) -> SessionStats:
    counted = 0
    for event in iter_decisions(log):
        stats = scenes.get(str(event.get("scene", "")))
        if stats is None:
            continue
        decision = next((d for d in stats.decisions if d.node_id == event.get("node")), None)
        if decision is None:
            continue
        raw_tally = event.get("tally")
        tally: dict[str, object] = raw_tally if isinstance(raw_tally, dict) else {}
        for option in decision.options:
            votes = tally.get(option.choice_id, 0)
            option.votes += votes if isinstance(votes, int) and votes > 0 else 0
            option.picks += option.choice_id == event.get("choice")
        counted += 1
    raw_plan = log.header.get("plan")
    plan: dict[str, object] = raw_plan if isinstance(raw_plan, dict) else {}
    raw_scenes = log.header.get("scenes")
    logged = [s for s in raw_scenes if isinstance(s, dict)] if isinstance(raw_scenes, list) else []
    scene_ids = [str(s.get("id", "")) for s in logged]
    stale = any(
        str(s.get("id", "")) in scenes
        and s.get("content_hash") != scenes[str(s.get("id", ""))].scene.content_hash
        for s in logged
    )
    return SessionStats(
        file=name,
        plan_title=str(plan.get("title", "")),
        started_at=str(log.header.get("started_at", "")),
        decisions=counted,
        scenes=scene_ids,
        truncated=log.truncated,
        ended=log.ended,
        stale=stale,
    )


def _name_anonymous(students: list[StudentStats]) -> None:
    number = 0
    for student in students:
        if not student.name:
            number += 1
            student.name = f"Anonymous {number}"
