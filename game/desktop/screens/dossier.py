"""The dossier: people, their cover names, and organisations, each fact with its citation.

Names in a passage link here; those named in the passage come first. One
entry is open at a time, below its name, so the page reflows at any width.
While a scene is played, only what the player has met is filed here (`met`):
the rest opens as the scene names it, and all of it once the scene has ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.id_card import IdCard
from game.desktop.reference_data import KINDS, Entry
from game.desktop.screen import Screen
from game.desktop.widgets import citation_caption, column
from game.engine.met import Met
from game.model import Citation

if TYPE_CHECKING:
    from game.desktop.app import App


class DossierScreen(Screen):
    name = "dossier"
    scroll_cue = True

    def __init__(
        self,
        app: App,
        entry_id: str | None,
        passage_text: str = "",
        scene_id: str = "",
        met: Met | None = None,
        finished: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(app)
        reference = app.reference
        self.filed = ([entry.as_of() for entry in reference.entries] if met is None
                      else reference.met_entries(met, finished))
        self.hidden = len(reference.entries) - len(self.filed)
        filed = {entry.id: entry for entry in self.filed}
        first: dict[str, int] = {}
        for mark in sorted(reference.mentions(passage_text, scene_id), key=lambda m: m.start):
            first.setdefault(mark.tag[5:], mark.start)
        # In the order the passage names them, as the student has just read them.
        self.mentioned = sorted(
            (filed[entry_id] for entry_id in first if entry_id in filed),
            key=lambda entry: first[entry.id],
        )
        self.open = entry_id
        self._reveal = entry_id is not None  # scroll the open card into sight after layout
        entry = filed.get(entry_id or "")
        if entry is not None:
            group = "here" if entry in self.mentioned else entry.kind
            self.pending_focus = f"entry:{group}:{entry.id}"

    def _groups(self) -> list[tuple[str, str, list[Entry]]]:
        groups = []
        if self.mentioned:
            groups.append(("here", "Named in this passage", self.mentioned))
        for kind, title in KINDS:
            groups.append((kind, title, [e for e in self.filed if e.kind == kind]))
        return groups

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        top = self.make_header(
            canvas, "Dossier", "People, cover names and organisations in the sources"
        )
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        problem = self.app.reference.problem
        if problem:
            flow.para(problem, colour="muted", role="empty")
        for group, title, entries in self._groups():
            if not entries:
                continue
            flow.text(title, sizes.heading, "bold", "accent", "heading")
            flow.space()
            for entry in entries:
                item_id = f"entry:{group}:{entry.id}"
                is_open = entry.id == self.open and (
                    group == "here" or not self.mentioned or entry not in self.mentioned
                )
                label = entry.name + (
                    f"  ({', '.join(entry.cover_names)})" if entry.cover_names else ""
                )
                button = flow.button(
                    item_id,
                    ("–  " if is_open else "+  ") + label,
                    self._toggler(entry.id),
                    style="bold" if is_open else "regular",
                )
                if is_open:
                    button.extra["open"] = True
                    self._card(flow, entry, group)
            flow.space(sizes.gap * 2)
        if self.hidden:
            flow.para(f"{self.hidden} more {'entry is' if self.hidden == 1 else 'entries are'} "
                      "filed away until the scene names them (all of them once it has ended).",
                      sizes.small, "italic", "muted", "filed-away")
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin

    def ensure_layout(self, canvas: Canvas, key: object) -> None:
        """After a layout that opened an entry, scroll its name to the top of the view, so
        its card (below it) shows whole rather than under the window's edge."""
        super().ensure_layout(canvas, key)
        if not self._reveal:
            return
        self._reveal = False
        opened = next((item for item in self.items if item.id.startswith("entry:")
                       and item.id.endswith(f":{self.open}") and item.extra.get("open")), None)
        if opened is not None:
            margin = canvas.sizes.gap * 2
            self.scroll = max(self.scroll, opened.rect.top - self.viewport.top - margin)
            self.clamp_scroll()

    def _card(self, flow: Flow, entry: Entry, group: str) -> None:
        sizes = flow.sizes
        if entry.kind == "person":  # the identity card, then what the sources say of them
            flow.drawn(IdCard.lay_out(flow.cache, entry, flow.inner, sizes))
            flow.space()
        flow.panel_begin("accent")
        if entry.cover_names and entry.kind != "person":
            flow.para("Cover names: " + ", ".join(entry.cover_names), sizes.body, "bold",
                      role="cover-names")
        if entry.aliases:
            flow.para(
                "Also written: " + ", ".join(entry.aliases),
                sizes.small,
                colour="muted",
                role="aliases",
            )
        if entry.role and entry.kind != "person":  # a person's is on their card
            flow.para(entry.role, sizes.body, "italic", role="role")
        if entry.summary:
            flow.space(sizes.gap // 2)
            flow.para(entry.summary, sizes.body, role="summary")
        if entry.fate:
            flow.space(sizes.gap // 2)
            flow.para("What became of them: " + entry.fate, sizes.body, role="fate")
        if entry.citations:
            flow.space()
            flow.text("From the sources", sizes.small, "bold", "muted", "caption")
            for number, citation in enumerate(entry.citations, start=1):
                flow.button(
                    f"cite:{group}:{entry.id}:{number}",
                    citation_caption(citation),
                    self._source_opener(citation),
                    size=sizes.small,
                    kind="cite",
                )
        flow.panel_end()

    def _toggler(self, entry_id: str):  # type: ignore[no-untyped-def]
        def toggle() -> None:
            self.open = None if self.open == entry_id else entry_id
            self._reveal = self.open is not None
            self.invalidate()

        return toggle

    def _source_opener(self, citation: Citation):  # type: ignore[no-untyped-def]
        def open_source() -> None:
            from game.desktop.screens.source import SourceScreen

            self.app.push(SourceScreen(self.app, citation))

        return open_source

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_d, pygame.K_BACKSPACE):
            self.back()
            return True
        return False

    def draw(self, canvas: Canvas) -> None:
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def speech_text(self) -> str:
        entry = next((e for e in self.filed if e.id == self.open), None)
        if entry is None:
            return "Dossier. " + ", ".join(e.name for e in self.filed)
        return ". ".join(
            p
            for p in (
                entry.name,
                ", ".join(f"{cover} was the cover name of {entry.name}"
                          for cover in entry.cover_names),
                entry.cover_note if entry.cover_names else "",
                entry.role,
                entry.years,
                entry.summary,
                entry.fate,
            )
            if p
        )
