"""What play shows under a passage once the record speaks: a choice's record, or the ending.

The record panel: "You chose", what the record says (the verdict as word,
colour and icon, and what that verdict means), the note and its citations,
then the question to discuss now the answer is known, Continue, and "What if
I had…", which opens the records of the options not taken (reading them
changes nothing). The ending's panel: whether this is how it happened, what
happened next with its proof, then the debrief and a way back. Citations are
laid out by the play screen (`Cite`), since each opens its source viewer.
"""

from __future__ import annotations

from collections.abc import Callable

from game.desktop.flow import Flow
from game.engine import ChoiceRecord, Outcome
from game.model import Citation, Ending, EndingKind, Record

#: Lays out citation buttons under a prefix for their item ids ("record-cite", …).
Cite = Callable[[Flow, str, tuple[Citation, ...]], None]


#: The button and key that open the records of the options not taken.
WHAT_IF = "What if I had…"


def lay_out_record(
    flow: Flow,
    outcome: Outcome,
    cite: Cite,
    proceed: Callable[[], None],
    others: tuple[ChoiceRecord, ...] = (),
    what_if: Callable[[], None] | None = None,
    opened: bool = False,
) -> None:
    """The record panel of the choice just made, the after-prompt, its Continue button,
    and "What if I had…" with the other options' records below it once `opened`."""
    sizes = flow.sizes
    record = outcome.record
    assert record is not None
    flow.para(f"You chose: {outcome.choice_text}", sizes.body, "italic", "text", "you-chose")
    flow.space()
    _record_panel(flow, record, cite, "record-cite")
    if outcome.discuss:
        flow.para("To discuss: " + outcome.discuss, sizes.body, "italic", "accent", "discuss")
        flow.space()
    # 1, as every other Continue is; Enter too, whatever was last clicked (see play's on_show).
    flow.button("continue", "Continue  (Enter)", proceed, style="bold", number=1,
                width=sizes.body * 16)
    if not others or what_if is None:
        return
    label = f"{WHAT_IF}  (W)" if not opened else "Hide the other options' records  (W)"
    flow.button("what-if", label, what_if, width=sizes.body * 20)
    if not opened:
        return
    flow.space()
    for other in others:
        flow.para(f"If you had chosen: {other.text}", sizes.body, "italic", "text",
                  f"what-if:{other.id}")
        flow.space(sizes.gap // 2)
        if other.record is not None:
            _record_panel(flow, other.record, cite, f"what-if-cite:{other.id}")


def _record_panel(flow: Flow, record: Record, cite: Cite, prefix: str) -> None:
    """One record: verdict as word, colour and icon, what it means, the note, the quotes."""
    sizes = flow.sizes
    flow.panel_begin(f"verdict:{record.verdict.value}")
    flow.text("What these sources say", sizes.small, "bold", "muted", "caption")
    flow.space(sizes.gap // 2)
    flow.badge(record.verdict, sizes.heading)
    flow.para(record.verdict.explanation, sizes.small, colour="muted", role="explanation")
    flow.space()
    flow.para(record.note, sizes.body, role="note")
    if record.citations:
        flow.space()
        cite(flow, prefix, record.citations)
    flow.panel_end()


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
        flow.text("What the sources say happened next", sizes.small, "bold", "muted", "caption")
        flow.para(ending.epilogue, sizes.body, role="epilogue")
    if ending.citations:
        flow.space()
        cite(flow, "epilogue-cite", ending.citations)
    flow.panel_end()
    flow.button("debrief", "Your path against the record  (Enter)", debrief, style="bold")
    flow.button("rewind", "Go back and choose differently  (Backspace)", rewind)
