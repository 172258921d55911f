"""The facilitator in a plain terminal: one command per line from stdin, the screen as text.

It drives the same `FacilitatorSession` as the projector screen, so it serves
a teacher without a display and every headless test. Commands mirror the
projector's keys: `2` (a vote for option 2), `2 14` (fourteen votes), `-2`
(remove one), `u` (undo), an empty line or `.` (take the vote / continue),
`o 2` (override), `p` (pause or resume), `b` (back), `n` (next decision),
`s` (next scene), `q` (quit).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TextIO

from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.facilitator_view import FacilitatorView, RecordView, build_view, clock

HELP = (
    "commands: N vote for option N · N K add K votes · -N remove one · u undo · "
    "Enter or . take the vote / continue · o N override · p pause/resume · b back · "
    "n next decision · s next scene · q quit"
)
_WIDTH = 78
_MAX_VOTES_AT_ONCE = 200


def render(view: FacilitatorView) -> str:
    """The screen as text: header, passage, prompts, the tally or the record."""
    lines = [
        "=" * _WIDTH,
        f"{view.plan_title} · scene {view.scene_number} of {view.scene_count}: {view.scene_title}",
        f"{view.place}, {view.date} · scene time {clock(view.scene_seconds)}"
        + (f" of {view.planned_minutes} min" if view.planned_minutes else ""),
        "-" * _WIDTH,
    ]
    if view.paused:
        lines += ["PAUSED (p to resume)"]
        return "\n".join(lines)
    if view.phase is Phase.FINISHED:
        lines += ["The plan is finished. Thank you! (q to close)"]
        return "\n".join(lines)
    if view.phase is Phase.REVEALED and view.revealed is not None:
        lines += _record_lines(view.revealed)
    else:
        if view.speaker:
            lines.append(f"{view.speaker}:")
        lines += _wrap(view.text)
        if view.dramatised:
            lines.append("(dramatisation: no source quoted for this passage)")
    if view.prompts:
        lines.append("")
        for prompt in view.prompts:
            lines += _wrap(f"DISCUSS: {prompt}")
    if view.phase is Phase.VOTING:
        lines += ["", f"VOTES ({view.total_votes}) · this decision {clock(view.decision_seconds)}"]
        for option in view.options:
            mark = "*" if option.leading else " "
            locked = f" [locked: {option.locked_reason}]" if not option.available else ""
            lines.append(f" {mark}{option.number}. {option.text}{locked}  — {option.votes}")
    if view.phase is Phase.SCENE_ENDED:
        lines += ["", f"THE END ({view.ending_kind})"]
        lines += _wrap(view.epilogue)
        if view.records:
            lines += ["", "THE RECORD OF EACH CHOICE:"]
            for record in view.records:
                lines += _record_lines(record)
    if view.message:
        lines += ["", f"! {view.message}"]
    lines += ["", view.keys]
    return "\n".join(lines)


def _wrap(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        out += textwrap.wrap(" ".join(paragraph.split()), _WIDTH) or [""]
        out.append("")
    return out[:-1]


def _record_lines(record: RecordView) -> list[str]:
    who = {"class": " (the class's pick)", "facilitator": " (the facilitator's decision)"}
    lines = [f"CHOSEN: {record.choice_text}{who.get(record.by, '')}"]
    if record.tally:
        lines.append("  votes: " + ", ".join(f"{text[:30]}: {n}" for text, n in record.tally))
    lines.append(f"RECORD: {record.verdict_label.upper()} — {record.verdict_explanation}")
    lines += ["  " + line for line in _wrap(record.note)]
    for citation in record.citations:
        label = f" ({citation.account})" if citation.account else ""
        lines.append(f'  “{citation.quote}” — {citation.source_title}{label}')
    return lines


def execute(session: FacilitatorSession, command: str) -> bool:
    """Carry out one command line; False when the facilitator asked to quit."""
    words = command.strip().lower().split()
    if not words or words[0] in (".", "c", "space", "enter"):
        session.advance()
        return True
    head, rest = words[0], words[1:]
    if head in ("q", "quit", "exit"):
        return False
    if head.lstrip("-").isdigit():
        number = int(head.lstrip("-"))
        if head.startswith("-"):
            session.remove_vote(number)
        else:
            count = int(rest[0]) if rest and rest[0].isdigit() else 1
            for _ in range(min(count, _MAX_VOTES_AT_ONCE)):
                if not session.add_vote(number):
                    break
        return True
    actions = {
        "u": session.undo_vote,
        "p": session.toggle_pause,
        "b": session.back,
        "n": session.skip_to_decision,
        "s": session.next_scene,
    }
    if head == "o" and rest and rest[0].isdigit():
        session.override(int(rest[0]))
    elif head in actions:
        actions[head]()
    else:
        session.message = HELP
    return True


def run_terminal(session: FacilitatorSession, commands: Iterable[str], out: TextIO) -> int:
    """Show the screen, read a command, repeat, until `q` or the end of input."""
    try:
        out.write(render(build_view(session)) + "\n> ")
        out.flush()
        for line in commands:
            if not execute(session, line):
                break
            out.write(render(build_view(session)) + "\n> ")
            out.flush()
    finally:
        session.end()
        out.write(f"\nsession log: {session.log.path}\n")
        out.flush()
    return 0
