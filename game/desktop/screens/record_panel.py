"""What play shows under a passage once the record speaks: a choice's record, or the ending.

The record panel: "You chose", what the record says (the verdict as word,
colour and icon, and what that verdict means), the note and its citations,
then Continue. The ending's panel: whether this is how it happened, what
happened next with its proof, then the debrief and a way back. Citations are
laid out by the play screen (`Cite`), since each opens its source viewer.
"""

from __future__ import annotations

from collections.abc import Callable

from game.desktop.flow import Flow
from game.engine import Outcome
from game.model import Citation, Ending, EndingKind

#: Lays out citation buttons under a prefix for their item ids ("record-cite", …).
Cite = Callable[[Flow, str, tuple[Citation, ...]], None]


def lay_out_record(flow: Flow, outcome: Outcome, cite: Cite, proceed: Callable[[], None]) -> None:
    """The record panel of the choice just made, then its Continue button."""
    sizes = flow.sizes
    record = outcome.record
    assert record is not None
    flow.para(f"You chose: {outcome.choice_text}", sizes.body, "italic", "text", "you-chose")
    flow.space()
    flow.panel_begin(f"verdict:{record.verdict.value}")
    flow.text("What the record says", sizes.small, "bold", "muted", "caption")
    flow.space(sizes.gap // 2)
    flow.badge(record.verdict, sizes.heading)
    flow.para(record.verdict.explanation, sizes.small, colour="muted", role="explanation")
    flow.space()
    flow.para(record.note, sizes.body, role="note")
    if record.citations:
        flow.space()
        cite(flow, "record-cite", record.citations)
    flow.panel_end()
    # 1, as every other Continue is; Enter too, whatever was last clicked (see play's on_show).
    flow.button("continue", "Continue  (Enter)", proceed, style="bold", number=1,
                width=sizes.body * 16)


def lay_out_ending(flow: Flow, ending: Ending, cite: Cite, debrief: Callable[[], None],
                   rewind: Callable[[], None]) -> None:
    """The ending's panel (what happened next, cited), then the debrief and a way back."""
    sizes = flow.sizes
    historical = ending.kind is EndingKind.HISTORICAL
    flow.panel_begin("verdict:historical" if historical else "verdict:diverged")
    heading = (
        "The end: this is how it happened" if historical else "The end: this did not happen"
    )
    flow.text(heading, sizes.heading, "bold", "accent", "ending")
    if ending.epilogue:
        flow.space()
        flow.text("What happened next", sizes.small, "bold", "muted", "caption")
        flow.para(ending.epilogue, sizes.body, role="epilogue")
    if ending.citations:
        flow.space()
        cite(flow, "epilogue-cite", ending.citations)
    flow.panel_end()
    flow.button("debrief", "Your path against the record  (Enter)", debrief, style="bold")
    flow.button("rewind", "Go back and choose differently  (Backspace)", rewind)
