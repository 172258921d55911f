"""What the projector shows now, as plain data: one snapshot that every presenter draws.

The desktop facilitator screen and the terminal facilitator both call
`build_view(session)` and draw the result, so they can never disagree about
what the class sees, and tests can read the screen without drawing it. Keys
are the presenters' own business (a window has keys, a terminal has typed
commands), so they are not part of the view.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from game.classroom.facilitator import FacilitatorSession, Phase
from game.model import Record, credit_line


@dataclass(frozen=True)
class OptionView:
    number: int
    id: str
    text: str
    available: bool
    locked_reason: str
    votes: int
    leading: bool  # has the most votes (alone or tied)


@dataclass(frozen=True)
class CitationView:
    """A quote of a record and its credit line: who speaks, and the article quoting it."""

    credit: str
    quote: str
    account: str


@dataclass(frozen=True)
class ChoiceView:
    """What was chosen and by whom: the class's pick, the facilitator's decision, or the way on."""

    choice_text: str
    by: str  # "class", "facilitator" or "" (the only way on)
    tally: tuple[tuple[str, int], ...]  # (option text, votes) when the class voted

    @property
    def who(self) -> str:
        return {"class": "The class chose", "facilitator": "The facilitator chose"}.get(
            self.by, "Then")


@dataclass(frozen=True)
class RecordView(ChoiceView):
    """A choice's record as revealed: the verdict in words, the note, the proof."""

    node_id: str = ""
    verdict: str = ""  # historical | diverged | unrecorded | disputed
    verdict_label: str = ""
    verdict_explanation: str = ""
    note: str = ""
    citations: tuple[CitationView, ...] = ()
    discuss: str = ""  # the scene's question for after the reveal


@dataclass(frozen=True)
class OtherRecordView:
    """An option the class did not take, with its record ("What if I had…")."""

    choice_text: str
    verdict: str
    verdict_label: str
    verdict_explanation: str
    note: str
    citations: tuple[CitationView, ...]


@dataclass(frozen=True)
class PartView:
    """One part of the lesson plan, for the opening and closing screens."""

    label: str  # "Introduction", a scene's title, "Debrief"
    minutes: int
    state: str  # "done", "now" or "later"


@dataclass(frozen=True)
class FacilitatorView:
    plan_title: str
    plan_summary: str
    parts: tuple[PartView, ...]
    scene_title: str
    scene_number: int
    scene_count: int
    place: str
    date: str
    phase: Phase
    paused: bool
    message: str
    speaker: str
    text: str
    dramatised: bool
    ask: str  # the decision's question, during the vote
    prompts: tuple[str, ...]  # the plan's own prompts, during the vote
    options: tuple[OptionView, ...]
    total_votes: int
    decision_seconds: float
    part_label: str  # what the timer times: "Introduction", the scene, "Debrief"
    part_seconds: float
    planned_minutes: int
    over_seconds: float  # how far the part has run past its minutes (0 when on time)
    chosen: ChoiceView | None  # reveal at_end: the choice just made, its record kept back
    revealed: RecordView | None  # the record of the choice just made (reveal after each vote)
    others: tuple[OtherRecordView, ...]  # W with a record revealed: the options not taken
    ending_kind: str  # when the scene has ended: historical | counterfactual
    epilogue: str
    records: tuple[RecordView, ...]  # at the scene's end: every record on the path
    decisions_made: int  # in the whole session, at the close
    verdicts_reached: tuple[tuple[str, int], ...]  # (verdict label, how many), at the close
    log_path: str
    #: On the opening page: each scene of the plan with content notes, and its notes.
    content_notes: tuple[tuple[str, tuple[str, ...]], ...] = ()


def clock(seconds: float) -> str:
    """Seconds as m:ss for the timer."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def part_timer(view: FacilitatorView) -> str:
    """The timer as words: "12:05 of 25 min", and "over by 1:10" once the part runs long."""
    text = clock(view.part_seconds)
    if view.planned_minutes:
        text += f" of {view.planned_minutes} min"
    if view.over_seconds >= 1:
        text += f" · over by {clock(view.over_seconds)}"
    return text


def _tally(session: FacilitatorSession, node_id: str, tally: dict[str, int],
           scene_id: str = "") -> tuple[tuple[str, int], ...]:
    scene = session.story.scenes[scene_id] if scene_id else session.player.scene
    node = scene.nodes[node_id]
    texts = {choice.id: choice.text for choice in node.choices}
    return tuple((texts.get(choice_id, choice_id), votes) for choice_id, votes in tally.items())


def _citations(record: Record) -> tuple[CitationView, ...]:
    """The record's quotes, each with its credit line (its voice, then the article)."""
    return tuple(
        CitationView(credit=credit_line(c), quote=" ".join(c.quote.split()), account=c.account)
        for c in record.citations
    )


def _record_view(
    session: FacilitatorSession,
    node_id: str,
    choice_text: str,
    record: Record,
    by: str,
    tally: dict[str, int],
    scene_id: str = "",
) -> RecordView:
    scene = session.story.scenes[scene_id] if scene_id else session.player.scene
    return RecordView(
        choice_text=choice_text,
        by=by,
        tally=_tally(session, node_id, tally, scene_id),
        node_id=node_id,
        verdict=record.verdict.value,
        verdict_label=record.verdict.label,
        verdict_explanation=record.verdict.explanation,
        note=" ".join(record.note.split()),
        citations=_citations(record),
        discuss=" ".join(scene.nodes[node_id].discuss.split()),
    )


def _others(session: FacilitatorSession) -> tuple[OtherRecordView, ...]:
    """The records of the options not taken at the decision just revealed."""
    player = session.player
    step = player.history[-1]
    return tuple(
        OtherRecordView(other.text, other.record.verdict.value, other.record.verdict.label,
                        other.record.verdict.explanation, " ".join(other.record.note.split()),
                        _citations(other.record))
        for other in player.records_at(step.node_id, step.choice_id)
        if not other.chosen and other.record is not None
    )


def _parts(session: FacilitatorSession) -> tuple[PartView, ...]:
    plan, phase = session.plan, session.phase
    now = 0 if phase is Phase.INTRODUCTION else (
        len(plan.scenes) + 1 if phase is Phase.FINISHED else session.scene_index + 1)
    labels = [("Introduction", plan.introduction_minutes)]
    labels += [(session.story.scenes[part.scene_id].title, part.minutes) for part in plan.scenes]
    labels.append(("Debrief", plan.debrief_minutes))
    return tuple(
        PartView(label, minutes, "done" if index < now else "now" if index == now else "later")
        for index, (label, minutes) in enumerate(labels)
    )


def _part_label(session: FacilitatorSession) -> str:
    if session.phase is Phase.INTRODUCTION:
        return "Introduction"
    if session.phase is Phase.FINISHED:
        return "Debrief"
    return session.player.scene.title


def build_view(session: FacilitatorSession) -> FacilitatorView:
    """The projector's content for the session as it is now."""
    player = session.player
    scene = player.scene
    phase = session.phase
    finished = phase is Phase.FINISHED
    passage = player.passage
    leaders = set(session.leaders()) if session.total_votes else set()
    options: tuple[OptionView, ...] = ()
    if phase in (Phase.VOTING, Phase.READING):
        options = tuple(
            OptionView(o.number, o.id, o.text, o.available, o.locked_reason,
                       session.tally.get(o.id, 0), o.id in leaders)
            for o in player.options
        )
    last = session.decisions[-1] if session.decisions else None
    made_here = last is not None and last.step == len(player.playthrough.history) - 1
    by = last.by if made_here and last else ""
    tally = last.tally if made_here and last else {}
    revealed = None
    outcome = session.last_outcome
    if phase is Phase.REVEALED and outcome is not None and outcome.record is not None:
        step = player.step_view(-1)
        revealed = _record_view(session, step.node_id, outcome.choice_text, outcome.record,
                                by, tally)
    others = _others(session) if revealed is not None and session.others_shown else ()
    chosen = None
    if phase is Phase.CHOSEN and outcome is not None and last is not None:
        chosen = ChoiceView(outcome.choice_text, by, _tally(session, last.node_id, tally))
    records: tuple[RecordView, ...] = ()
    ending = player.ending
    if phase is Phase.SCENE_ENDED:
        by_step = {decision.step: decision for decision in session.decisions}
        records = tuple(
            _record_view(session, step.node_id, step.choice_text, step.record,
                         by_step[step.index].by if step.index in by_step else "",
                         by_step[step.index].tally if step.index in by_step else {})
            for step in player.history
            if step.record is not None
        )
    elif finished and session.records_shown:  # R on the closing page: the whole session's
        records = tuple(
            _record_view(session, d.node_id, d.choice_text, d.record, d.by, d.tally, d.scene_id)
            for d in session.all_decisions if d.record is not None
        )
    made = session.all_decisions
    verdicts = Counter(d.record.verdict.label for d in made if d.record is not None)
    shows_passage = phase not in (Phase.INTRODUCTION, Phase.FINISHED)
    # The header names the place of what is on screen: while a choice or its record
    # shows, the decision's passage, not the one the story has already moved on to.
    where = passage
    if phase in (Phase.CHOSEN, Phase.REVEALED) and player.playthrough.history:
        taken = player.playthrough.history[-1]
        where = player.passage_at(taken.node_id, taken.variables_before)
    return FacilitatorView(
        plan_title=session.plan.title,
        plan_summary=" ".join(session.plan.summary.split()),
        parts=_parts(session),
        scene_title=scene.title,
        scene_number=session.scene_index + 1,
        scene_count=len(session.plan.scenes),
        place=where.place if shows_passage else "",
        date=where.date if shows_passage else "",
        phase=phase,
        paused=session.paused,
        message=" ".join(filter(None, (session.message, session.log.problem))),
        speaker=passage.speaker if shows_passage else "",
        text=passage.text.strip() if shows_passage else "",
        dramatised=passage.dramatised and shows_passage,
        ask=" ".join(session.ask.split()) if phase is Phase.VOTING else "",
        prompts=session.prompts if phase is Phase.VOTING else (),
        options=options,
        total_votes=session.total_votes,
        decision_seconds=session.decision_seconds,
        part_label=_part_label(session),
        part_seconds=session.clock.part_seconds,
        planned_minutes=session.clock.planned_minutes,
        over_seconds=session.clock.over_seconds,
        chosen=chosen,
        revealed=revealed,
        others=others,
        ending_kind=ending.kind.value if ending and not finished else "",
        epilogue=" ".join(ending.epilogue.split()) if ending and not finished else "",
        records=records,
        decisions_made=len(made),
        verdicts_reached=tuple(verdicts.most_common()),
        log_path=str(session.log.path),
        content_notes=tuple(
            (scene.title, scene.content_notes)
            for scene in (session.story.scenes[part.scene_id] for part in session.plan.scenes)
            if scene.content_notes),
    )
