"""The class against history: student records and session logs gathered into one summary.

`gather(paths, story)` reads what the class handed in (`hand_ins.collect`:
each playthrough and each session counted once, the rest listed with a
reason) and adds up, per decision point, how the class chose against what the
record says. A lesson taught only on the projector has no student records:
then the class's votes are the main figures, and the class's own picks and
the facilitator's overrides are told apart. It does no drawing: `report.py`
turns the result into HTML and CSV.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.classroom.hand_ins import HandIns, Skipped, collect
from game.classroom.records import StudentRecord
from game.classroom.session_log import ReadLog, iter_decisions
from game.engine import Story
from game.engine.playthrough import now_iso
from game.guarded import Unreadable, guard
from game.model import Scene, credit_line

__all__ = ["Debrief", "DecisionStats", "OptionStats", "Skipped", "gather"]


@dataclass(frozen=True)
class Quote:
    """A citation of an option's record: the quoted words and their credit line (who speaks,
    in what work, and the article quoting it)."""

    quote: str
    credit: str
    account: str = ""


@dataclass
class OptionStats:
    choice_id: str
    text: str
    verdict: str
    note: str
    quotes: tuple[Quote, ...] = ()
    students: int = 0  # students whose record took this option
    votes: int = 0  # hands raised for it in projected sessions
    picks: int = 0  # times a projected class voted this way
    overrides: int = 0  # times the facilitator chose it for the class

    @property
    def historical(self) -> bool:
        return self.verdict == "historical"

    @property
    def taken(self) -> int:
        """Times the projected story went this way, by the class's vote or the facilitator."""
        return self.picks + self.overrides


@dataclass
class DecisionStats:
    scene_id: str
    scene_title: str
    node_id: str
    number: int  # 1-based, in the order a player meets the decisions
    passage: str  # the start of the passage, to recognise the moment
    discuss: str
    options: list[OptionStats]
    by_votes: bool = False  # no student records: the class's votes are the main figures

    @property
    def reached(self) -> int:
        """Students whose path came to this decision."""
        return sum(option.students for option in self.options)

    @property
    def class_votes(self) -> int:
        return sum(option.votes for option in self.options)

    @property
    def picks(self) -> int:
        return sum(option.picks for option in self.options)

    @property
    def taken(self) -> int:
        return sum(option.taken for option in self.options)

    @property
    def disputed(self) -> bool:
        return any(option.verdict == "disputed" for option in self.options)

    def count(self, option: OptionStats) -> int:
        """The main figure for an option: students who took it, or hands raised for it."""
        return option.votes if self.by_votes else option.students

    @property
    def counted(self) -> int:
        return sum(self.count(option) for option in self.options)

    def share(self, option: OptionStats) -> float:
        return self.count(option) / self.counted if self.counted else 0.0

    @property
    def favourite(self) -> OptionStats | None:
        """The option with the most (students or votes); None when nobody or a tie."""
        ranked = sorted(self.options, key=self.count, reverse=True)
        if not ranked or self.count(ranked[0]) == 0:
            return None
        if len(ranked) > 1 and self.count(ranked[1]) == self.count(ranked[0]):
            return None
        return ranked[0]

    @property
    def what_happened(self) -> OptionStats | None:
        """The option the record says happened; failing one, the disputed option."""
        return next((o for o in self.options if o.historical), None) or next(
            (o for o in self.options if o.verdict == "disputed"), None)


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
    #: node id -> the option this student took there, for the who-chose-what matrix
    choices: dict[str, OptionStats] = field(default_factory=dict)

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
    votes: int = 0  # hands counted, over every decision that stands
    overrides: int = 0  # decisions the facilitator made for the class
    historical: int = 0  # decisions that went the way the record says


@dataclass
class SceneStats:
    scene: Scene
    decisions: list[DecisionStats]
    students: int = 0
    endings: Counter[str] = field(default_factory=Counter)
    stale_records: int = 0
    lost_choices: int = 0  # choices in stale records whose node or option no longer exists


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
    def by_votes(self) -> bool:
        """Only session logs were given: the report leads with the class's votes."""
        return not self.students and bool(self.sessions)

    @property
    def disputed_reached(self) -> list[tuple[DecisionStats, OptionStats]]:
        """Disputed options that at least one student or the projected class took."""
        return [
            (decision, option)
            for decision in self.decisions
            for option in decision.options
            if option.verdict == "disputed" and (option.students or option.taken)
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


def _scene_stats(scene: Scene, story: Story) -> SceneStats:
    decisions = []
    for number, node_id in enumerate(decision_order(scene), start=1):
        node = scene.nodes[node_id]
        text = " ".join(node.text.split())
        options = []
        for choice in node.choices:
            record = choice.record
            quotes = tuple(
                Quote(" ".join(c.quote.split()), credit_line(c), c.account)
                for c in (record.citations if record else ())
            )
            options.append(OptionStats(
                choice.id, choice.text, record.verdict.value if record else "",
                " ".join(record.note.split()) if record else "", quotes))
        decisions.append(DecisionStats(
            scene_id=scene.id,
            scene_title=scene.title,
            node_id=node_id,
            number=number,
            passage=text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + " …",
            discuss=" ".join(node.discuss.split()),
            options=options,
        ))
    return SceneStats(scene, decisions)


def gather(paths: Iterable[Path], story: Story) -> Debrief:
    """Read every record and session log, and count the class against the record."""
    return count(collect(paths, story), story)


def count(handed: HandIns, story: Story) -> Debrief:
    """Count records and logs already read (from files, or from the classroom server's store)."""
    scenes = {scene.id: _scene_stats(scene, story) for scene in story.ordered}
    students: list[StudentStats] = []
    sessions: list[SessionStats] = []
    items: list[StudentRecord | ReadLog] = [*handed.records, *handed.logs]
    for item in items:
        name = handed.shown[item.path]
        try:  # whatever a file held, it is skipped with its reason, never the whole debrief
            with guard(name):
                if isinstance(item, StudentRecord):
                    students.append(_count_record(item, scenes[item.scene_id], name))
                else:
                    sessions.append(_count_log(item, scenes, name))
        except Unreadable as error:
            handed.skipped.append(Skipped(name, error.reason.removeprefix("it ")))
    _name_anonymous(students)
    used = [stats for stats in scenes.values()
            if stats.students or any(d.taken for d in stats.decisions)]
    students.sort(key=lambda s: (s.scene_title, s.name.lower()))
    debrief = Debrief(used, students, sessions, handed.skipped, handed.duplicates)
    for decision in debrief.decisions:
        decision.by_votes = debrief.by_votes
    return debrief


def _count_record(record: StudentRecord, stats: SceneStats, name: str) -> StudentStats:
    scene = stats.scene
    stale = record.scene_hash != scene.content_hash
    by_node = {decision.node_id: decision for decision in stats.decisions}
    stats.students += 1
    stats.stale_records += stale
    stats.endings[record.ending_kind or "unfinished"] += 1
    decisions = historical = 0
    verdicts: Counter[str] = Counter()
    taken: dict[str, OptionStats] = {}
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
        taken[choice.node_id] = option
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
        choices=taken,
    )


def _count_log(log: ReadLog, scenes: dict[str, SceneStats], name: str) -> SessionStats:
    counted = votes = overrides = historical = 0
    for event in iter_decisions(log):
        stats = scenes.get(str(event.get("scene", "")))
        if stats is None:
            continue
        decision = next((d for d in stats.decisions if d.node_id == event.get("node")), None)
        if decision is None:
            continue
        raw_tally = event.get("tally")
        tally: dict[str, object] = raw_tally if isinstance(raw_tally, dict) else {}
        by_facilitator = event.get("by") == "facilitator"
        for option in decision.options:
            hands = tally.get(option.choice_id, 0)
            hands = hands if isinstance(hands, int) and hands > 0 else 0
            option.votes += hands
            votes += hands
            if option.choice_id == event.get("choice"):
                option.overrides += by_facilitator
                option.picks += not by_facilitator
                historical += option.historical
        overrides += by_facilitator
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
        votes=votes,
        overrides=overrides,
        historical=historical,
    )


def _name_anonymous(students: list[StudentStats]) -> None:
    number = 0
    for student in students:
        if not student.name:
            number += 1
            student.name = f"Anonymous {number}"
