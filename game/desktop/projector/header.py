"""The projector's header bar: what is playing on the left, where, when and the timer on the right.

Titles, places and dates come from scene files of any length and the window
can be any size, so the header is laid out by measuring, never by hoping:
everything on one row when it fits, else the place and date drop to a second
row, and whatever still does not fit is cut short with an ellipsis
(`fitting.fit`, as every header's text is). The timer is never cut: it is
what the facilitator looks up at.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.desktop.fitting import ELLIPSIS, Measure, fit


@dataclass(frozen=True)
class HeaderRow:
    """One row of the header: text at the left edge, text at the right edge, and just before it.

    `middle` (the place and date, when they share the timer's row) is drawn
    right-aligned against `right`, so the timer alone can be marked when late.
    """

    left: str
    right: str
    left_role: str
    right_role: str
    middle: str = ""


def header_rows(
    title: str, place: str, timer: str, width: int, gap: int, measure: Measure
) -> list[HeaderRow]:
    """Rows that never overlap within `width`: [title | place · timer], or two rows when tight."""
    middle = f"{place} · " if place else ""
    if measure(title) + gap + measure(middle + timer) <= width:
        return [HeaderRow(title, timer, "header", "timer", middle)]
    timer_width = measure(timer)
    if timer_width + gap + measure(ELLIPSIS) * 6 > width:
        # Too narrow for the title beside the timer: the timer gets a row of its own.
        rows = [HeaderRow(fit(title, width, measure), "", "header", "timer")]
        if place:
            rows.append(HeaderRow(fit(place, width, measure), "", "place", "timer"))
        rows.append(HeaderRow("", fit(timer, width, measure), "header", "timer"))
        return rows
    rows = [HeaderRow(fit(title, width - gap - timer_width, measure), timer, "header", "timer")]
    if place:
        rows.append(HeaderRow(fit(place, width, measure), "", "place", "timer"))
    return rows
