"""The server's pages: Jinja2 templates, autoescaped, and the view of a student's own play.

Every name and every passage reaches a page through autoescaping (templates)
or `textContent` (the scripts), never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.responses import HTMLResponse

from game.classroom.browser_play import Played
from game.engine import Story
from game.model import credit_line


class Pages:
    """Renders the templates in `game/web/templates`."""

    def __init__(self) -> None:
        self.env = jinja2.Environment(
            # A folder beside this module (not PackageLoader): found the same when frozen.
            loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status_code,
                            headers={"content-security-policy": _CSP,
                                     "x-content-type-options": "nosniff",
                                     "referrer-policy": "no-referrer"})

    def play_page(self, code: str, played: Played, story: Story) -> HTMLResponse:
        player = played.player
        last = played.last
        record = last.record if last else None
        return self.render(
            "play.html.j2",
            code=code,
            scene=player.scene,
            passage=player.passage,
            ask=player.node.ask,
            options=player.options,
            ending=player.ending,
            over=player.is_over,
            last=last,
            record=record,
            # Each quote credited to its voice, then the article quoting it.
            citations=[(credit_line(c), c) for c in (record.citations if record else ())],
            steps=len([step for step in player.history if step.record is not None]),
        )


#: Scripts and styles only from this server; no inline script, nothing from elsewhere.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
