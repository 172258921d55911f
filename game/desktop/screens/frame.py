"""A page of the story's frame: Hede Massing looking back, before, between and after the scenes.

The page reads as her look-back, set apart from play: what the sources say is
in the game's face, with every stretch that quotes a memoir, report or letter
set as that document (`documents.py`: a book's page, a typed sheet), and every
paragraph no source backs is labelled as dramatisation and set in italics, so
invented words never pass for her memoir. The page's quotes fold to one line,
opened on demand; on the closing each person's fate shows its own quotes,
with the accounts named where the sources disagree.

Its buttons lead on: Begin (the opening), Next (a bridge), back to the scenes
(the closing). Shown before the first scene, Esc skips the opening into it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.documents import Document, segments
from game.desktop.flow import Flow
from game.desktop.header import Tool
from game.desktop.screen import Screen
from game.desktop.widgets import citation_caption, column
from game.model import Citation
from game.reference.frame import BRIDGE, CLOSING, OPENING, FramePage

if TYPE_CHECKING:
    from game.desktop.app import App

DRAMATISED = "Dramatisation: Massing looking back, in words not quoted from the sources"
RUNNING_HEAD = "HEDE MASSING, LOOKING BACK"


class FrameScreen(Screen):
    name = "frame"
    scroll_cue = True

    def __init__(self, app: App, page: FramePage, begin: Callable[[], None] | None = None,
                 *, before_scene: bool = False) -> None:
        super().__init__(app)
        self.frame_page = page
        self.begin = begin
        self.before_scene = before_scene  # stands between the player and the first scene
        self.sources_open = False
        self._flow: Flow | None = None
        if page.kind == OPENING:
            from game.desktop.story_frame import mark_opening_seen

            mark_opening_seen(app)

    # -- where the buttons lead ---------------------------------------------------------
    def _next_title(self) -> str:
        scene = self.app.story.scenes.get(self.frame_page.next)
        return scene.title if scene is not None else self.frame_page.next

    def go_on(self) -> None:
        """Begin or Next: the scene the page leads into; the closing goes back to the scenes."""
        if self.begin is not None:
            self.begin()
        else:
            self._scenes()

    def _scenes(self) -> None:
        from game.desktop.screens.scenes import ScenesScreen

        self.app.replace(ScenesScreen(self.app))

    def back(self) -> None:
        """Esc: before the first scene it skips the opening into the scene; else back."""
        if self.before_scene and self.begin is not None:
            self.begin()
        else:
            self.app.pop()

    def tools(self) -> list[Tool]:
        """Before the first scene the header's Esc button says Skip: seen at once, unscrolled."""
        tools = super().tools()
        if self.before_scene:
            tools[0] = Tool("back", "Skip the opening", "Esc", self.back)
        return tools

    def toggle_sources(self) -> None:
        self.sources_open = not self.sources_open
        self.pending_focus = "sources"
        self.invalidate()

    # -- layout -------------------------------------------------------------------------
    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        page = self.frame_page
        top = self.make_header(canvas, page.title, page.subtitle)
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        flow.text(RUNNING_HEAD, sizes.small, "typewriter", "muted", "running-head")
        flow.space(sizes.gap * 2)
        for part in page.parts:
            if part.dramatised:
                flow.dramatised(DRAMATISED)
                flow.para(part.text, sizes.body, "italic", role="frame-dramatised")
            else:
                self._quoted_text(flow, part.text, part.citations)
            flow.space(sizes.gap * 2)
        quoted = tuple(c for part in page.parts for c in part.citations)
        if quoted:
            count = len(quoted)
            flow.button("sources", (f"From the sources: {count} quoted passage"
                                    f"{'s' if count > 1 else ''}, with who said them — "
                                    f"{'hide' if self.sources_open else 'show'}"),
                        self.toggle_sources, size=sizes.small, kind="cite")
            if self.sources_open:
                self._citations(flow, "cite", quoted)
        for number, fate in enumerate(page.fates, start=1):
            flow.space(sizes.gap)
            flow.panel_begin("panel_border")
            flow.text(fate.name, sizes.heading, "bold", "accent", "fate-name")
            flow.space(sizes.gap // 2)
            self._quoted_text(flow, fate.text, fate.citations)
            flow.space(sizes.gap // 2)
            self._citations(flow, f"fate{number}", fate.citations)
            flow.panel_end()
        flow.space(sizes.gap * 2)
        self._buttons(flow)
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin
        if self._layout_key is None and self.pending_focus is None:
            self.pending_focus = "go-on"

    def _quoted_text(self, flow: Flow, text: str, citations: tuple[Citation, ...]) -> None:
        """The words, with the stretches that quote a document set as that document."""
        sizes = flow.sizes
        for number, segment in enumerate(segments(text, citations)):
            if number:
                flow.space(sizes.gap)
            if segment.style:
                flow.document(Document.lay_out(flow.cache, segment, flow.inner, sizes.body,
                                               sizes.small))
            else:
                flow.para(segment.text, sizes.body, role="frame-text")

    def _citations(self, flow: Flow, prefix: str, citations: tuple[Citation, ...]) -> None:
        for number, citation in enumerate(citations, start=1):
            flow.button(f"{prefix}:{number}", citation_caption(citation),
                        self._source_opener(citation), size=flow.sizes.small, kind="cite")

    def _source_opener(self, citation: Citation):  # type: ignore[no-untyped-def]
        def open_source() -> None:
            from game.desktop.screens.source import SourceScreen

            self.app.push(SourceScreen(self.app, citation))

        return open_source

    def _buttons(self, flow: Flow) -> None:
        kind = self.frame_page.kind
        if kind == OPENING and self.begin is not None:
            flow.button("go-on", f"Begin: {self._next_title()}  (Enter)", self.go_on,
                        style="bold")
            leave = "Skip the opening  (Esc)" if self.before_scene else "Back  (Esc)"
            flow.button("leave", leave, self.back)
        elif kind == BRIDGE and self.begin is not None:
            flow.button("go-on", f"Next: {self._next_title()}  (Enter)", self.go_on,
                        style="bold")
            flow.button("leave", "Back  (Esc)", self.back)
        elif kind == CLOSING:
            flow.button("go-on", "Back to the scenes  (Enter)", self.go_on, style="bold")
            flow.button("leave", "Back  (Esc)", self.back)
        else:
            flow.button("go-on", "Back  (Esc)", self.back, style="bold")

    def ensure_layout(self, canvas: Canvas, key: object) -> None:
        fresh = self._layout_key is None and self.scroll == 0
        super().ensure_layout(canvas, key)
        if fresh:
            self.scroll = 0  # a page is read from its top, whatever has the focus

    def draw(self, canvas: Canvas) -> None:
        if self._flow is not None:
            self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def speech_text(self) -> str:
        page = self.frame_page
        words = [page.title, page.subtitle]
        for part in page.parts:
            words.append(f"Dramatisation. {part.text}" if part.dramatised else part.text)
        words += [f"{fate.name}. {fate.text}" for fate in page.fates]
        return " ".join(word for word in words if word)
