"""What the projector shows now, as plain data: one snapshot that every presenter draws.

The desktop facilitator screen and the terminal facilitator both call
`build_view(session)` and draw the result, so they can never disagree about
what the class sees, and tests can read the screen without drawing it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.classroom.facilitator import FacilitatorSession, Phase
from game.model import Record


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
    source_title: str
    quote: str
    account: str


@dataclass(frozen=True)
class RecordView:
    """A choice's record as revealed: the verdict in words, the note, the proof."""

    node_id: str
    choice_text: str
    verdict: str  # historical | diverged | unrecorded | disputed
    verdict_label: str
    verdict_explanation: str
    note: str
    citations: tuple[CitationView, ...]
    by: str  # "class", "facilitator" or "" (the only way on)
    tally: tuple[tuple[str, int], ...]  # (option text, votes) when the class voted


@dataclass(frozen=True)
class FacilitatorView:
    plan_title: str
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
    prompts: tuple[str, ...]
    options: tuple[OptionView, ...]
    total_votes: int
    decision_seconds: float
    scene_seconds: float
    planned_minutes: int
    revealed: RecordView | None  # the record of the choice just made (reveal after each vote)
    ending_kind: str  # when the scene has ended: historical | counterfactual
    epilogue: str
    records: tuple[RecordView, ...]  # at the scene's end: every record on the path
    keys: str


KEYS = {
    Phase.READING: "Space continue · N next decision · B back · P pause",
    Phase.VOTING: "1–9 vote · Shift+1–9 remove · U undo · Space take the vote · O override · "
    "B back · P pause",
    Phase.REVEALED: "Space continue · B back (undo this choice) · N next decision · P pause",
    Phase.SCENE_ENDED: "Space next scene · B back · P pause",
    Phase.FINISHED: "Esc close",
}


def clock(seconds: float) -> str:
    """Seconds as m:ss for the timer."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _record_view(
    session: FacilitatorSession,
    node_id: str,
    choice_text: str,
    record: Record,
    by: str,
    tally: dict[str, int],
) -> RecordView:
    library = session.story.library
    node = session.player.scene.nodes[node_id]
    texts = {choice.id: choice.text for choice in node.choices}
    return RecordView(
        node_id=node_id,
        choice_text=choice_text,
        verdict=record.verdict.value,
        verdict_label=record.verdict.label,
        verdict_explanation=record.verdict.explanation,
        note=" ".join(record.note.split()),
        citations=tuple(
            CitationView(
                library[c.source].title if c.source in library else c.source,
                " ".join(c.quote.split()),
                c.account,
            )
            for c in record.citations
        ),
        by=by,
        tally=tuple((texts.get(choice_id, choice_id), votes) for choice_id, votes in tally.items()),
    )


def build_view(session: FacilitatorSession) -> FacilitatorView:
    """The projector's content for the session as it is now."""
    player = session.player
    scene = player.scene
    finished = session.phase is Phase.FINISHED
    passage = player.passage
    leaders = set(session.leaders()) if session.total_votes else set()
    options: tuple[OptionView, ...] = ()
    if session.phase in (Phase.VOTING, Phase.READING):
        options = tuple(
            OptionView(o.number, o.id, o.text, o.available, o.locked_reason,
                       session.tally.get(o.id, 0), o.id in leaders)
            for o in player.options
        )
    revealed = None
    outcome = session.last_outcome
    if session.phase is Phase.REVEALED and outcome is not None and outcome.record is not None:
        last = session.decisions[-1] if session.decisions else None
        made_here = last is not None and last.step == len(player.playthrough.history) - 1
        step = player.history[-1]
        revealed = _record_view(
            session, step.node_id, outcome.choice_text, outcome.record,
            last.by if made_here and last else "", last.tally if made_here and last else {},
        )
    records: tuple[RecordView, ...] = ()
    ending = player.ending
    if session.phase is Phase.SCENE_ENDED:
        by_step = {decision.step: decision for decision in session.decisions}
        records = tuple(
            _record_view(session, step.node_id, step.choice_text, step.record,
                         by_step[step.index].by if step.index in by_step else "",
                         by_step[step.index].tally if step.index in by_step else {})
            for step in player.history
            if step.record is not None
        )
    return FacilitatorView(
        plan_title=session.plan.title,
        scene_title=scene.title,
        scene_number=session.scene_index + 1,
        scene_count=len(session.plan.scenes),
        place=passage.place,
        date=passage.date,
        phase=session.phase,
        paused=session.paused,
        message=session.message,
        speaker=passage.speaker,
        text=passage.text.strip() if not finished else "",
        dramatised=passage.dramatised,
        prompts=session.prompts if session.phase is Phase.VOTING else (),
        options=options,
        total_votes=session.total_votes,
        decision_seconds=session.decision_seconds,
        scene_seconds=session.scene_seconds,
        planned_minutes=session.planned_minutes,
        revealed=revealed,
        ending_kind=ending.kind.value if ending and not finished else "",
        epilogue=" ".join(ending.epilogue.split()) if ending and not finished else "",
        records=records,
        keys=KEYS[session.phase],
    )
