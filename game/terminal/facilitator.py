"""The facilitator in a plain terminal: one command per line from stdin, the screen as text.

It drives the same `FacilitatorSession` as the projector screen, so it serves
a teacher without a display and every headless test. It lists its own typed
commands, not the window's keys: `2` (a vote for option 2), `2 14` (option 2
has fourteen votes), `-2` (remove one), `u` (undo), an empty line or `.`
(begin / take the vote / continue), `o 2` (override), `w` (what if: the other
options' records, once one is revealed), `p` (pause or resume), `b` (back),
`n` (next decision), `s` (next scene), `q` (quit).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TextIO

from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.facilitator_view import (
    ChoiceView,
    FacilitatorView,
    OtherRecordView,
    RecordView,
    build_view,
    clock,
    part_timer,
)
from game.typed_input import number_in

HELP = (
    "commands: N a vote for option N · N K option N has K votes · -N remove one · u undo · "
    "Enter or . begin / take the vote / continue · o N override · w what if · "
    "p pause/resume · b back · "
    "n next decision · s next scene · q quit"
)
#: What can be typed now, by phase: the terminal's own syntax, never the window's keys.
COMMANDS = {
    Phase.INTRODUCTION: "Enter begin the first scene · p pause · q quit",
    Phase.READING: "Enter continue · n next decision · b back · s next scene · p pause · q quit",
    Phase.VOTING: "N a vote for option N · N K option N has K votes · -N one fewer · u undo · "
    "Enter take the vote · o N override · b back · s next scene · p pause · q quit",
    Phase.CHOSEN: "Enter continue · b back (undo this choice) · n next decision · p pause · q quit",
    Phase.REVEALED: "Enter continue · w what if we had… · b back (undo this choice) · "
    "n next decision · p pause · q quit",
    Phase.SCENE_ENDED: "Enter next scene · b back · p pause · q quit",
    Phase.FINISHED: "q close",
}
_WIDTH = 78


def render(view: FacilitatorView) -> str:
    """The screen as text: header, passage, prompts, the tally or the record, the commands."""
    lines = ["=" * _WIDTH]
    if view.phase in (Phase.INTRODUCTION, Phase.FINISHED):
        lines.append(view.plan_title)
    else:
        lines.append(f"{view.plan_title} · scene {view.scene_number} of {view.scene_count}: "
                     f"{view.scene_title}")
        lines.append(f"{view.place}, {view.date}")
    lines += [f"{view.part_label}: {part_timer(view)}", "-" * _WIDTH]
    if view.paused:
        lines += ["PAUSED (p to resume)", "", "p resume · q quit"]
        return "\n".join(lines)
    lines += _body(view)
    if view.message:
        lines += ["", f"! {view.message}"]
    lines += ["", COMMANDS[view.phase]]
    return "\n".join(lines)


def _body(view: FacilitatorView) -> list[str]:
    if view.phase is Phase.INTRODUCTION:
        return _plan_lines(view, "THE LESSON")
    if view.phase is Phase.FINISHED:
        lines = ["The plan is finished: the debrief.", ""]
        lines += [f"The class made {view.decisions_made} decision"
                  f"{'' if view.decisions_made == 1 else 's'}"
                  + (": " + ", ".join(f"{n} {label.lower()}" for label, n in
                                     view.verdicts_reached) if view.verdicts_reached else ".")]
        lines += ["", f"Session log: {view.log_path}",
                  "Class report: cover-names debrief <the records folder> <the session log>"]
        return [*lines, "", *_plan_lines(view, "THE LESSON")]
    if view.phase is Phase.REVEALED and view.revealed is not None:
        lines = _record_lines(view.revealed)
        for other in view.others:
            lines += ["", f"WHAT IF WE HAD CHOSEN: {other.choice_text}", *_verdict_lines(other)]
        return lines
    if view.phase is Phase.CHOSEN and view.chosen is not None:
        return [*_choice_lines(view.chosen), "  (its record is shown at the end of the scene)"]
    lines = [f"{view.speaker}:"] if view.speaker else []
    lines += _wrap(view.text)
    if view.dramatised:
        lines.append("(dramatisation: no source quoted for this passage)")
    if view.ask:
        lines += ["", *_wrap(f"QUESTION: {view.ask}")]
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
    return lines


def _plan_lines(view: FacilitatorView, heading: str) -> list[str]:
    lines = [*_wrap(view.plan_summary), ""] if view.plan_summary else []
    lines.append(f"{heading}:")
    for part in view.parts:
        minutes = f" — {part.minutes} min" if part.minutes else ""
        mark = "> " if part.state == "now" else "  "
        done = " (done)" if part.state == "done" else ""
        lines.append(f" {mark}{part.label}{minutes}{done}")
    return lines


def _wrap(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        out += textwrap.wrap(" ".join(paragraph.split()), _WIDTH) or [""]
        out.append("")
    return out[:-1]


def _choice_lines(choice: ChoiceView) -> list[str]:
    who = {"class": " (the class's pick)", "facilitator": " (the facilitator's decision)"}
    lines = [f"CHOSEN: {choice.choice_text}{who.get(choice.by, '')}"]
    if choice.tally:
        lines.append("  votes: " + ", ".join(f"{text[:30]}: {n}" for text, n in choice.tally))
    return lines


def _record_lines(record: RecordView) -> list[str]:
    lines = [*_choice_lines(record), *_verdict_lines(record)]
    if record.discuss:
        lines += _wrap(f"DISCUSS: {record.discuss}")
    return lines


def _verdict_lines(record: RecordView | OtherRecordView) -> list[str]:
    lines = [f"RECORD: {record.verdict_label.upper()} — {record.verdict_explanation}"]
    lines += ["  " + line for line in _wrap(record.note)]
    for citation in record.citations:
        label = f"{citation.account}: " if citation.account else ""
        lines.append(f'  {label}“{citation.quote}” — {citation.credit}')
    return lines


def execute(session: FacilitatorSession, command: str) -> bool:
    """Carry out one command line; False when the facilitator asked to quit.

    Numbers are read by `number_in` (ASCII digits only): '1 ²' or 'o ²' is
    explained in the message line, never a crash.
    """
    words = command.strip().lower().split()
    if not words or words[0] in (".", "c", "space", "enter"):
        session.advance()
        return True
    head, rest = words[0], words[1:]
    if head in ("q", "quit", "exit"):
        return False
    number = number_in(head.removeprefix("-"))
    if number is not None:
        if head.startswith("-"):
            session.remove_vote(number)
        elif rest:
            _set_count(session, number, rest[0])  # the counted hands, one undo step
        else:
            session.add_vote(number)
        return True
    actions = {
        "u": session.undo_vote,
        "p": session.toggle_pause,
        "b": session.back,
        "n": session.skip_to_decision,
        "s": session.next_scene,
        "w": session.toggle_what_if,
    }
    if head == "o" and rest:
        option = number_in(rest[0])
        if option is None:
            session.message = f"'{rest[0]}' is not an option's number: type e.g. 'o 2'."
        else:
            session.override(option)
    elif head in actions:
        actions[head]()
    else:
        session.message = HELP
    return True


def _set_count(session: FacilitatorSession, option: int, typed: str) -> None:
    """`N K`: option N has K votes, when K is a count typed in digits; else say how to type it."""
    count = number_in(typed)
    if count is None:
        session.message = (f"'{typed}' is not a count of hands: type it in digits, "
                           f"e.g. '{option} 14'.")
        return
    session.set_votes(option, count)


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
