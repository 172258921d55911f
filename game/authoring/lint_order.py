"""CN652: the historical option stands at the same place at most of a scene's decisions.

Options are numbered as they are written (a locked option keeps its number), and a
student plays with the 1–9 keys. If the option the record calls `historical` is option 1
at nearly every decision, a student who always presses 1 plays the record without
reading, and one who has noticed the pattern no longer thinks before choosing. The
check counts, over the decisions that have a historical option, where it stands: first,
second, third … and last (the last place is counted on its own, since "always the last
option" is as plain a pattern as "always the first").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.diagnostics import Diagnostic, Diagnostics
from game.model import Choice, Node, Verdict

if TYPE_CHECKING:
    from game.authoring.lint import LintContext

#: Fewer decisions with a historical option than this make no pattern worth a warning:
#: two two-option decisions have their historical options at the same place one time in two.
MIN_DECISIONS = 3
#: The share of those decisions at one place that is reported: three in four or more (with
#: three decisions, that is all three).
SHARE = (3, 4)
#: How many of the decisions concerned the hint names.
NAMED = 4

_ORDINALS = ("first", "second", "third")


def _place_name(place: int | str) -> str:
    if place == "last":
        return "last"
    assert isinstance(place, int)
    return _ORDINALS[place - 1] if place <= len(_ORDINALS) else f"{place}th"


def _historical(node: Node) -> tuple[int, Choice] | None:
    """The place (1-based) of the node's first historical option, and that option."""
    for number, choice in enumerate(node.choices, start=1):
        if choice.record is not None and choice.record.verdict is Verdict.HISTORICAL:
            return number, choice
    return None


def check_option_order(context: LintContext) -> Iterator[Diagnostic]:
    """CN652: the historical option stands at one place (first, second … or last) at three
    quarters or more of the scene's decisions that have one, when there are at least three.
    Reported once, at the historical option of the first such decision in the file."""
    found = [(node, *where) for node in context.scene.decision_points
             if (where := _historical(node)) is not None]
    if len(found) < MIN_DECISIONS:
        return
    at: dict[int | str, list[tuple[Node, Choice]]] = {}
    for node, number, choice in found:
        at.setdefault(number, []).append((node, choice))
        if number == len(node.choices):
            at.setdefault("last", []).append((node, choice))
    # On a tie "last" wins over second, third …: with two options each, "always the second"
    # is "always the last", and that is how a player sees it.
    place = max(at, key=lambda key: (len(at[key]), key == "last"))
    count, total = len(at[place]), len(found)
    share_top, share_bottom = SHARE
    if count * share_bottom < total * share_top:
        return
    name = _place_name(place)
    nodes = [node.id for node, _choice in at[place]]
    named = ", ".join(f"'{node}'" for node in nodes[:NAMED])
    if len(nodes) > NAMED:
        named += ", …"
    yield Diagnostics().add(
        "CN652", at[place][0][1].where, place=name, count=count, total=total,
        hint=f"a player who always picks the {name} option plays the record without "
             f"reading; move the historical option to another place at some of these "
             f"decisions ({named}): options are shown in the order 'choices:' lists them")
