"""CN619: two ways into a passage arrive with different headers (game/loading/headers.py).

A passage without `place` or `date` shows the last one the player saw; where
the ways into it disagree it cannot, so it shows the scene's own, and the
author is told to write the header out there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.diagnostics import Diagnostic, Diagnostics
from game.loading.headers import disagreements

if TYPE_CHECKING:
    from game.authoring.lint import LintContext


def check_headers(context: LintContext) -> Iterator[Diagnostic]:
    """CN619: a passage without place or date that the ways into it reach with different ones."""
    scene = context.scene
    defaults = {"place": scene.place, "date": scene.date}
    for node, field, values in disagreements(scene.nodes, scene.start, defaults):
        shown = ", ".join(f"'{value}'" for value in values)
        yield Diagnostics().add(
            "CN619", node.where, node=node.id, field=field, values=shown,
            fallback=defaults[field],
            hint=f"write '{field}:' in '{node.id}' so every way into it shows the same")
