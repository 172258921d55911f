"""The projector's main column, page by page: the plan's opening and close, a passage, a record.

`draw_page` writes into a `Column` that either measures (to lay the screen
out and know how far it scrolls) or draws, so the two can never disagree.
Everything is drawn through the canvas, so the pilot and tests read what the
class sees.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.classroom.facilitator import Phase
from game.classroom.facilitator_view import (
    ChoiceView,
    FacilitatorView,
    OtherRecordView,
    RecordView,
    clock,
)
from game.desktop.canvas import Canvas
from game.desktop.theme import Colour, Sizes
from game.model import Verdict


def short(text: str, limit: int = 40) -> str:
    """An option's text cut to fit a one-line tally."""
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@dataclass
class Column:
    """A column of wrapped paragraphs from `top`, drawn (or only measured when `dry`)."""

    canvas: Canvas
    area: pygame.Rect
    sizes: Sizes
    y: int
    dry: bool
    body: int  # the size of running text on this page
    what_if_at: int | None = None  # where "What if we had…" begins, to scroll it into view

    def para(self, text: str, size: int, style: str = "regular", colour: Colour | None = None,
             role: str = "passage", indent: int = 0) -> None:
        if not text:
            return
        block = self.canvas.cache.layout(text, size, self.area.width - indent, style)
        if not self.dry:
            self.canvas.block(block, (self.area.left + indent, self.y), size, style, colour,
                              role, clip=self.area)
        self.y += block.height + self.sizes.gap

    def badge(self, verdict: Verdict) -> None:
        size = self.sizes.heading
        if not self.dry:
            self.canvas.verdict_badge(verdict, (self.area.left, self.y), size)
        self.y += self.canvas.cache.line_height(size, "bold") + self.sizes.gap // 2

    def space(self, gaps: int = 1) -> None:
        self.y += self.sizes.gap * gaps


def questions(view: FacilitatorView) -> list[tuple[str, str]]:
    """What stands above the options during the vote, with its style: the decision's
    question (bold), then the plan's own prompts (italic)."""
    return [(view.ask, "bold")] * bool(view.ask) + [(p, "italic") for p in view.prompts]


def draw_page(column: Column, view: FacilitatorView) -> None:
    """The page for the session's phase (the voting options are drawn beside it, elsewhere)."""
    big, palette = column.sizes, column.canvas.palette
    if view.paused:
        column.para("Paused", big.title, "bold", palette.accent, "title")
        column.para("Press P to go on. The timer has stopped.", column.body, colour=palette.muted)
    elif view.phase is Phase.INTRODUCTION:
        _opening(column, view)
    elif view.phase is Phase.FINISHED:
        _closing(column, view)
    elif view.phase is Phase.REVEALED and view.revealed is not None:
        record(column, view.revealed, heading=True)
        _what_if(column, view)
    elif view.phase is Phase.CHOSEN and view.chosen is not None:
        _choice(column, view.chosen, heading=True)
        column.para("Its record is kept for the end of the scene, with the others. "
                    "Press Space to go on.", column.body, "italic", palette.muted, "kept")
    elif view.phase is Phase.SCENE_ENDED:
        # The ending passage first ("This did not happen…"), then what did happen next.
        _passage(column, view)
        column.para(f"The end: {view.ending_kind}", big.heading, "bold", palette.accent, "title")
        column.para(view.epilogue, column.body, role="epilogue")
        if view.records:
            column.para("The record of each choice", big.heading, "bold", palette.accent, "title")
            for one in view.records:
                record(column, one, heading=False)
    else:
        _passage(column, view)


def _passage(column: Column, view: FacilitatorView) -> None:
    big, palette = column.sizes, column.canvas.palette
    if view.speaker:
        column.para(view.speaker, column.body, "bold", palette.accent, "speaker")
    if view.dramatised:
        column.para("Dramatisation: not quoted from the sources", big.small, "italic",
                    palette.muted, "dramatised")
    column.para(view.text, column.body)


def _what_if(column: Column, view: FacilitatorView) -> None:
    """After the record: "What if we had…", the options the class did not take (W)."""
    big, palette = column.sizes, column.canvas.palette
    if not view.others:
        column.para("W: what if we had chosen otherwise? (the other options' records)",
                    big.small, "italic", palette.muted, "hint")
        return
    column.what_if_at = column.y
    column.para("What if we had…", big.heading, "bold", palette.accent, "title")
    for other in view.others:
        _other(column, other)


def _parts(column: Column, view: FacilitatorView) -> None:
    big, palette = column.sizes, column.canvas.palette
    total = sum(part.minutes for part in view.parts)
    column.para("The lesson" + (f": {total} minutes" if total else ""), column.body, "bold",
                palette.accent, "title")
    for number, part in enumerate(view.parts, start=1):
        minutes = f" — {part.minutes} min" if part.minutes else ""
        state = {"done": " (done)", "now": " (now)"}.get(part.state, "")
        column.para(f"{number}. {part.label}{minutes}{state}", column.body,
                    "bold" if part.state == "now" else "regular",
                    palette.muted if part.state == "done" else None, "part", big.gap * 2)


def _opening(column: Column, view: FacilitatorView) -> None:
    big, palette = column.sizes, column.canvas.palette
    column.para(view.plan_title, big.heading, "bold", palette.accent, "title")
    column.para(view.plan_summary, column.body, role="summary")
    column.space()
    _parts(column, view)
    column.space()
    # What the class will see after each vote, said before the first one.
    column.para("After each vote, the game says what these sources say", big.small, "bold",
                palette.accent, "legend")
    for verdict in Verdict:
        column.para(f"{verdict.label}: {verdict.explanation}", big.small,
                    colour=palette.verdicts[verdict], role="legend")
    for title, notes in view.content_notes:
        column.para(f"Content notes, {title}: {'; '.join(notes)}", big.small,
                    colour=palette.muted, role="content-notes")
    column.space()
    column.para("Introduce the lesson, then press Space to begin the first scene.", big.small,
                "italic", palette.muted, "hint")


def _closing(column: Column, view: FacilitatorView) -> None:
    big, palette = column.sizes, column.canvas.palette
    column.para("The plan is finished: the debrief", big.heading, "bold", palette.accent, "title")
    column.para(view.plan_title, column.body, "italic", palette.muted, "plan")
    made = view.decisions_made
    summary = f"The class made {made} decision{'' if made == 1 else 's'}"
    if view.verdicts_reached:
        summary += ": " + ", ".join(f"{n} {label.lower()}" for label, n in view.verdicts_reached)
    column.para(summary + ".", column.body, role="summary")
    if view.records:
        column.para("The record of each choice", big.heading, "bold", palette.accent, "title")
        for one in view.records:
            record(column, one, heading=False)
        column.para("Press R to hide the records.", big.small, "italic", palette.muted, "hint")
    else:
        column.para("Press R to see the record of each choice again, or B to go back to the "
                    "scene's end.", big.small, "italic", palette.muted, "hint")
    column.space()
    _parts(column, view)
    column.space()
    # Projected: no folder path and no command line (the report is a button, "Class report").
    column.para("The session is saved for the class report (Facilitator mode: Class report).",
                big.small, colour=palette.muted, role="log")


def _choice(column: Column, choice: ChoiceView, heading: bool) -> None:
    big, palette = column.sizes, column.canvas.palette
    column.para(f"{choice.who}: {choice.choice_text}", big.heading if heading else column.body,
                "bold", None, "chosen")
    if choice.tally:
        # Whole option texts: the paragraph wraps, so no tally is cut short.
        votes = " · ".join(f"{text.rstrip('.')}: {n}" for text, n in choice.tally)
        column.para(f"Votes: {votes}", big.small, colour=palette.muted, role="tally")


def record(column: Column, one: RecordView, heading: bool) -> None:
    """A choice, who made it, its votes, then the verdict, the note and the quoted sources,
    then the question to discuss now that the record is known."""
    palette = column.canvas.palette
    _choice(column, one, heading)
    _verdict(column, one)
    if one.discuss:
        column.para(f"To discuss: {one.discuss}", column.body, "italic", palette.accent,
                    "discuss")
    column.space(2)


def _other(column: Column, other: OtherRecordView) -> None:
    column.para(f"If we had chosen: {other.choice_text}", column.body, "bold", None, "what-if")
    _verdict(column, other)
    column.space()


def _verdict(column: Column, one: RecordView | OtherRecordView) -> None:
    big, palette = column.sizes, column.canvas.palette
    column.badge(Verdict(one.verdict))
    column.para(one.verdict_explanation, big.small, "italic", palette.muted, "explanation")
    column.para(one.note, column.body, role="note")
    for citation in one.citations:
        account = f"{citation.account}: " if citation.account else ""
        column.para(f"{account}“{citation.quote}” — {citation.credit}", big.small,
                    colour=palette.muted, role="citation", indent=big.gap * 2)


def timer_line(view: FacilitatorView) -> str:
    votes = f"{view.total_votes} vote{'s' if view.total_votes != 1 else ''}"
    return f"This decision {clock(view.decision_seconds)} · {votes}"
