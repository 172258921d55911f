"""Plain-text rendering of passages, options, records and the debrief."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from game.engine import ChoiceRecord, Option, Passage, StepView
from game.model import Citation, Ending, EndingKind, Record, Scene, Verdict, credit_line
from game.sources import SourceLibrary

VERDICT_MARKS = {
    Verdict.HISTORICAL: "[= HISTORICAL]",
    Verdict.DIVERGED: "[x DIVERGED]",
    Verdict.UNRECORDED: "[? UNRECORDED]",
    Verdict.DISPUTED: "[<> DISPUTED]",
}


def width() -> int:
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, 100))


def wrap(text: str, indent: str = "") -> str:
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return "\n\n".join(
        textwrap.fill(p, width(), initial_indent=indent, subsequent_indent=indent)
        for p in paragraphs
        if p
    )


def rule(title: str = "") -> str:
    if not title:
        return "─" * width()
    return f"── {title} " + "─" * max(3, width() - len(title) - 4)


def scene_card(scene: Scene) -> str:
    lines = [rule(scene.title), f"{scene.place} · {scene.date}", f"You are: {scene.role}"]
    if scene.length_minutes:
        lines.append(f"About {scene.length_minutes} minutes")
    if scene.content_notes:
        lines.append("Content notes: " + ", ".join(scene.content_notes))
    lines += ["", wrap(scene.summary)]
    return "\n".join(lines)


def passage(view: Passage, library: SourceLibrary) -> str:
    lines = ["", rule(f"{view.place} · {view.date}")]
    if view.speaker:
        lines.append(f"{view.speaker}:")
    lines.append(wrap(view.text, "  " if view.speaker else ""))
    if view.dramatised:
        lines.append("  (dramatisation: no source records this passage word for word)")
    else:
        credits = dict.fromkeys(credit_line(citation) for citation in view.citations)
        lines.append(wrap(f"(from the record: {'; '.join(credits)})", "  "))
    return "\n".join(lines)


def options(items: Sequence[Option], ask: str = "") -> str:
    """The options, numbered, after the decision's question (`ask`) when it has one."""
    lines = [""]
    if ask and len(items) > 1:
        lines += [wrap(ask, "  "), ""]
    only = len(items) == 1 and items[0].available
    for option in items:
        if option.available:
            lines.append(f"  {option.number}. {option.text}" + (" (Enter)" if only else ""))
        else:
            reason = f" — {option.locked_reason}" if option.locked_reason else ""
            lines.append(f"  {option.number}. (locked) {option.text}{reason}")
    return "\n".join(lines)


def citation(cite: Citation, library: SourceLibrary) -> str:
    """'“I hung up.” — Hede Massing, This Deception (1951), memoir — quoted in the article …'."""
    label = f"{cite.account}: " if cite.account else ""
    return wrap(f"{label}“{cite.quote}” — {credit_line(cite)}", "    ")


def record(entry: Record, library: SourceLibrary) -> str:
    lines = [
        "",
        f"  THE RECORD {VERDICT_MARKS[entry.verdict]} {entry.verdict.explanation}",
        wrap(entry.note, "  "),
    ]
    lines += [citation(cite, library) for cite in entry.citations]
    return "\n".join(lines)


def discussion(prompt: str, others: int) -> str:
    """After a record: the question to discuss, and how to read the other options' records."""
    lines = []
    if prompt:
        lines += ["", wrap("To discuss: " + prompt, "  ")]
    if others:
        lines += ["", "  (type 'w' for what if you had chosen otherwise: the other options' "
                      "records)"]
    return "\n".join(lines)


def what_if(others: Sequence[ChoiceRecord], library: SourceLibrary) -> str:
    """The records of the options not taken at a decision ("What if I had…")."""
    lines = [""]
    for other in others:
        lines.append(wrap(f"If you had chosen: {other.text}", "  "))
        if other.record is not None:
            lines.append(record(other.record, library))
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def ending(end: Ending, library: SourceLibrary) -> str:
    kind = (
        "THE HISTORICAL ENDING: this is how it happened."
        if end.kind is EndingKind.HISTORICAL
        else "A COUNTERFACTUAL ENDING: this did not happen."
    )
    lines = ["", rule("The end"), kind, "", "What the sources say happened next:",
             wrap(end.epilogue, "  ")]
    lines += [citation(cite, library) for cite in end.citations]
    return "\n".join(lines)


def debrief(steps: Sequence[StepView]) -> str:
    decided = [step for step in steps if step.record is not None]
    followed = sum(
        1 for step in decided if step.record and step.record.verdict is Verdict.HISTORICAL
    )
    lines = ["", rule("Your path against the record")]
    for number, step in enumerate(decided, start=1):
        assert step.record is not None
        lines.append(f"  {number}. {VERDICT_MARKS[step.record.verdict]} {step.choice_text}")
    lines.append("")
    lines.append(f"  You followed the record at {followed} of {len(decided)} choices.")
    return "\n".join(lines)


def history(steps: Sequence[StepView]) -> str:
    if not steps:
        return "  No choices yet."
    lines = []
    for step in steps:
        mark = VERDICT_MARKS[step.record.verdict] if step.record else ""
        lines.append(f"  step {step.index}: {step.choice_text} {mark}".rstrip())
    lines.append("  (type 'r N' to go back to just before step N)")
    return "\n".join(lines)
