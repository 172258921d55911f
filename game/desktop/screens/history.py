"""History: every passage, choice and record so far, each a point to rewind to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.screen import Screen
from game.desktop.widgets import column

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.desktop.screens.play import PlayScreen


def excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class HistoryScreen(Screen):
    name = "history"
    scroll_cue = True

    def __init__(self, app: App, play: PlayScreen) -> None:
        super().__init__(app)
        self.play = play

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        count = len(self.play.player.playthrough.history)
        top = self.make_header(
            canvas, "History", f"{self.play.player.scene.title} · {count} steps so far"
        )
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        player = self.play.player
        if player.is_over:  # the map shows the whole scene: only once it is over
            flow.button("scene-map", "See the map of the scene (P)", self._scene_map,
                        size=sizes.small, width=sizes.body * 18)
            flow.space(sizes.gap)
        hide = self.app.settings.reveal == "end" and not player.is_over
        steps = player.history
        if not steps:
            flow.para(
                "No choices yet. Each choice you make is listed here, and you can go back to "
                "just before any of them.",
                colour="muted",
                role="empty",
            )
        for step in steps:
            if step.record is None:  # a passage simply read on: one quiet line
                flow.button(
                    f"rewind:{step.index}",
                    f"Step {step.index + 1}: read on from “{excerpt(step.passage_text, 60)}”. "
                    f"Rewind to just before step {step.index + 1}",
                    self._rewinder(step.index),
                    size=sizes.small,
                )
                continue
            flow.panel_begin(
                f"verdict:{step.record.verdict.value}" if step.record and not hide else ""
            )
            flow.text(f"Step {step.index + 1}", sizes.small, "bold", "muted", "step")
            flow.para(
                excerpt(step.passage_text), sizes.small, colour="muted", role="history-passage"
            )
            flow.space(sizes.gap // 2)
            flow.para(f"You chose: {step.choice_text}", sizes.body, role="history-choice")
            if step.record is not None:
                flow.space(sizes.gap // 2)
                if hide:
                    flow.text(
                        "The record is revealed at the end of the scene.",
                        sizes.small,
                        "italic",
                        "muted",
                        "hidden",
                    )
                else:
                    flow.badge(step.record.verdict, sizes.body)
                    flow.para(step.record.note, sizes.small, role="history-note")
            flow.space(sizes.gap // 2)
            flow.button(
                f"rewind:{step.index}",
                f"Rewind to just before step {step.index + 1}",
                self._rewinder(step.index),
                size=sizes.small,
                width=sizes.body * 18,
            )
            flow.panel_end()
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin
        if steps and self._layout_key is None and self.pending_focus is None:
            self.pending_focus = f"rewind:{steps[-1].index}"
            self.scroll = self.content_bottom  # the latest step first; clamped after layout

    def _scene_map(self) -> None:
        from game.desktop.screen import registered_screen

        factory = registered_screen("scene-map")
        screen = factory(self.app) if factory is not None else None
        if screen is not None:
            self.app.push(screen)

    def _rewinder(self, index: int):  # type: ignore[no-untyped-def]
        def rewind() -> None:
            # Back to play, past the debrief too when the history was opened from it.
            while len(self.app.stack) > 1 and self.app.top is not self.play:
                self.app.pop()
            self.play.rewind_to(index)

        return rewind

    def draw(self, canvas: Canvas) -> None:
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def on_key(self, event: pygame.event.Event) -> bool:
        """H closes the history it opened, as D and T close theirs."""
        if event.key == pygame.K_h:
            self.back()
            return True
        if event.key == pygame.K_p and self.play.player.is_over:  # the map, over the history
            from game.desktop.screen import registered_screen

            factory = registered_screen("scene-map")
            screen = factory(self.app) if factory is not None else None
            if screen is not None:
                self.app.push(screen)
            return True
        return False
