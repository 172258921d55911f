"""The timeline: dated events from the sources, with the current scene's moments marked.

A marked event carries a word and a shape as well as a colour ("In this
scene" beside a filled diamond). Enter on an event opens its first source.
While a scene is played, the timeline runs only up to what has happened in it
(`met`); the rest is shown once the scene has ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.screen import Item, Screen
from game.desktop.widgets import column
from game.engine.met import Met
from game.model import credit_line

if TYPE_CHECKING:
    from game.desktop.app import App

HERE = "In this scene"


class TimelineScreen(Screen):
    name = "timeline"
    scroll_cue = True

    def __init__(self, app: App, scene_id: str = "", met: Met | None = None,
                 finished: frozenset[str] = frozenset()) -> None:
        super().__init__(app)
        self.scene_id = scene_id
        events = app.reference.events
        self.events = events if met is None else app.reference.met_events(met, finished)
        self.hidden = len(events) - len(self.events)

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        scenes = self.app.story.scenes
        title = scenes[self.scene_id].title if self.scene_id in scenes else ""
        subtitle = (
            f"Moments of '{title}' are marked '{HERE}'"
            if title
            else "Dated events from the sources"
        )
        top = self.make_header(canvas, "Timeline", subtitle)
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        date_width = sizes.body * 9
        flow = Flow(canvas, col.left + date_width, col.width - date_width, top + sizes.gap * 3)
        self._dates: list[tuple[int, str, bool]] = []
        reference = self.app.reference
        if reference.problem or not reference.events:
            flow.para(reference.problem or "No dated events yet.", colour="muted", role="empty")
        first_here = ""
        for index, event in enumerate(self.events):
            here = bool(self.scene_id) and self.scene_id in event.scenes
            self._dates.append((flow.y, event.date, here))
            text = event.summary or event.name
            if event.citations:
                credits = dict.fromkeys(credit_line(citation) for citation in event.citations)
                text += "".join(f"\n\nFrom {credit}" for credit in credits)
                item = flow.button(
                    f"event:{index}",
                    text,
                    self._opener(index),
                    size=sizes.body,
                    extra_lines=1 if here else 0,
                )
            else:
                item = flow.button(
                    f"event:{index}",
                    text,
                    lambda: None,
                    enabled=False,
                    extra_lines=1 if here else 0,
                )
            item.extra["here"] = here
            if here and not first_here:
                first_here = item.id
        if self.hidden:
            flow.space()
            flow.para(f"Later: {self.hidden} more event{'' if self.hidden == 1 else 's'}, shown "
                      "as the scene reaches them (all of them once it has ended).",
                      sizes.small, "italic", "muted", "filed-away")
        self._flow = flow
        self._date_x = col.left
        self._date_width = date_width - sizes.gap
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin
        if self._layout_key is None and self.pending_focus is None and first_here:
            self.pending_focus = first_here

    def _opener(self, index: int):  # type: ignore[no-untyped-def]
        def open_source() -> None:
            from game.desktop.screens.source import SourceScreen

            self.app.push(SourceScreen(self.app, self.events[index].citations[0]))

        return open_source

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_t, pygame.K_BACKSPACE):
            self.back()
            return True
        return False

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        canvas.surface.set_clip(self.viewport)
        for y, date, here in self._dates:
            y -= self.scroll
            if self.viewport.top - sizes.body * 3 < y < self.viewport.bottom:
                # Wrapped to its column, never cut: "1938 (month not given)" is two lines.
                block = canvas.cache.layout(date, sizes.body, self._date_width, "bold")
                canvas.block(block, (self._date_x, y + sizes.gap), sizes.body, "bold",
                             palette.accent if here else palette.text, "date")
        canvas.surface.set_clip(None)
        self._flow.draw(canvas, self, {"button": self._draw_event})
        self.draw_header(canvas)

    def _draw_event(self, canvas: Canvas, item: Item, rect: pygame.Rect) -> None:
        from game.desktop.flow import draw_flow_button

        draw_flow_button(canvas, self, item, rect)
        if item.extra.get("here"):
            sizes, palette = canvas.sizes, canvas.palette
            y = rect.bottom - sizes.gap - canvas.cache.line_height(sizes.small)
            r = sizes.small // 2
            cx, cy = rect.left + sizes.gap * 2 + r, y + canvas.cache.line_height(sizes.small) // 2
            pygame.draw.polygon(
                canvas.surface,
                palette.accent,
                [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
            )
            canvas.text(HERE, (cx + r * 2, y), sizes.small, palette.accent, "bold", "here", item.id)
