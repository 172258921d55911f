"""Whether a choice says what history says of it: a record (CN608), citing enough (CN610, CN611).

These are what keep a scene from showing students unsupported history: an
option with no record, or a `historical` or `diverged` verdict quoting
nothing, or a `disputed` one quoting fewer than its two sides. The loader
reports them as a scene file is read, so such a scene never loads into the
game; `lint` asks the same of a scene built in code, through the same
functions, so the two can never disagree.
"""

from __future__ import annotations

from game.diagnostics import Diagnostics, Location
from game.model import Verdict


def report_missing_record(
    diagnostics: Diagnostics, choice_id: str, node_id: str, where: Location
) -> None:
    """CN608: the option `choice_id` at `node_id` has no record."""
    diagnostics.add("CN608", where, choice=choice_id, node=node_id,
                    hint="add 'record:' with 'verdict:', 'note:' and 'cite:'")


def report_thin_evidence(
    diagnostics: Diagnostics, node_id: str, choice_id: str, verdict: Verdict, cited: int,
    where: Location,
) -> None:
    """CN610 or CN611 when a record with `cited` citations cites fewer than its verdict needs."""
    if cited >= verdict.citations_needed:
        return
    if verdict is Verdict.DISPUTED:
        diagnostics.add("CN611", where, choice=choice_id, count=cited,
                        hint="cite each account, and label it with 'account:'")
    else:
        diagnostics.add("CN610", where, choice=choice_id, verdict=verdict.value,
                        hint=f"quote the passage that shows it under 'cite:' (at '{node_id}'), "
                             "or make the verdict 'unrecorded'")
