"""The projector of `cover-names classroom`: the lesson as in facilitator mode, plus the class.

Before the first scene it is the lobby: the join address, its QR code (segno),
the class code, how many have joined, and that the server listens on the
school network only while this window is open. During a vote a line above
the key bar says how many have voted and who has not (never names in an
anonymous class); the counts in the tally rise as the votes come in, because
the devices' votes are the session's votes. Changes from the server's thread
reach this window as a TICK event, the window's own way of being woken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import segno

from game.classroom.live_class import LiveClass
from game.classroom.phases import Phase
from game.desktop.canvas import Canvas, Label
from game.desktop.fitting import fit
from game.desktop.projector.facilitator_screen import TICK, FacilitatorScreen

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.web.server import Server


class ClassroomScreen(FacilitatorScreen):
    """The facilitator's projector for a class on devices."""

    name = "classroom"

    def __init__(self, app: App, live: LiveClass, address: str) -> None:
        super().__init__(app, live.session)
        self.live = live
        self.address = address
        self.join = f"{address}/join/{live.code}"
        self.qr = segno.make(self.join, error="m")
        self.feed = live.projector_state()
        self.server: Server | None = None  # set when this window runs the server itself
        live.session.listeners.append(self._wake)

    def _wake(self, kind: str = "") -> None:
        """From any thread: ask the window to redraw with the class's new state."""
        if pygame.display.get_init():
            pygame.event.post(pygame.event.Event(TICK))

    def refresh(self) -> None:
        self.feed = self.live.projector_state()
        super().refresh()

    @property
    def lobby(self) -> bool:
        return self.view.phase is Phase.INTRODUCTION and not self.view.paused

    def _layout_footer(self, canvas: Canvas, scrollable: bool) -> None:
        super()._layout_footer(canvas, scrollable)
        if self.view.phase is Phase.VOTING:  # one line for "12 of 28 voted · not yet: …"
            self.footer_h += canvas.cache.line_height(self.big.small, "bold") + self.big.gap

    def draw(self, canvas: Canvas) -> None:
        if not self.lobby:
            super().draw(canvas)
            if self.view.phase is Phase.VOTING and not self.view.paused:
                self._draw_class_line(canvas)
            return
        self._draw_header(canvas)
        self._draw_lobby(canvas)
        self._draw_footer(canvas)

    def _draw_class_line(self, canvas: Canvas) -> None:
        big, feed = self.big, self.feed
        width, height = canvas.rect.size
        line_h = canvas.cache.line_height(big.small, "bold")
        y = height - self.footer_h + big.gap // 2
        canvas.fill(canvas.palette.background, pygame.Rect(0, y - big.gap // 2, width,
                                                           line_h + big.gap))
        text = f"{feed['voted']} of {feed['joined']} voted"
        if feed["over_class_size"]:
            text = (f"{feed['total']} votes but only {feed['joined']} in the class: "
                    "count again")
        elif feed["waiting"]:
            text += " · not yet: " + ", ".join(feed["waiting"])
        elif feed["waiting_count"]:
            text += f" · {feed['waiting_count']} still to vote"
        room = width - 2 * big.margin
        shown = fit(text, room, lambda t: canvas.cache.width(t, big.small, "bold"))
        colour = (canvas.palette.verdicts[next(iter(canvas.palette.verdicts))]
                  if feed["over_class_size"] else canvas.palette.text)
        canvas.text(shown, (big.margin, y), big.small, colour, "bold", "class-votes")

    def _draw_lobby(self, canvas: Canvas) -> None:
        big, palette, feed = self.big, canvas.palette, self.feed
        width, height = canvas.rect.size
        top, bottom = self.header_h + big.gap, height - self.footer_h - big.gap
        notes_h = 2 * (canvas.cache.line_height(big.small) + big.gap // 2)  # the lines below
        side = max(64, min(bottom - top - 2 * big.gap - notes_h, int(width * 0.4) - big.margin))
        qr_rect = pygame.Rect(width - big.margin - side, top + big.gap, side, side)
        self._draw_qr(canvas, qr_rect)
        left, room = big.margin, qr_rect.left - 2 * big.margin
        y = top + big.gap

        def line(text: str, size: int, style: str = "regular", role: str = "lobby",
                 colour: tuple[int, int, int] | None = None) -> None:
            nonlocal y
            shown = fit(text, room, lambda t: canvas.cache.width(t, size, style))
            canvas.text(shown, (left, y), size, colour or palette.text, style, role)
            y += canvas.cache.line_height(size, style) + big.gap // 2

        line("Join on your phone or laptop", big.heading, "bold", "heading")
        line("Scan the code, or open:", big.body)
        fits = [size for size in (big.heading, big.body, big.small)
                if canvas.cache.width(self.join, size, "bold") <= room]
        line(self.join, fits[0] if fits else big.small, "bold", "join-address", palette.accent)
        y += big.gap
        line("Class code", big.body)
        line(self.live.code, big.title, "bold", "class-code", palette.accent)
        y += big.gap
        joined = feed["joined"]
        line(f"{joined} joined" if joined != 1 else "1 joined", big.heading, "bold",
             "joined")
        if self.live.row.anonymous:
            line("Anonymous: no names are asked for or shown.", big.small)
        y = max(y, bottom - notes_h)
        room = width - 2 * big.margin
        line("Listening on the school network only while this window is open.", big.small,
             role="network")
        line("Space: begin the lesson", big.small, role="network")

    def _draw_qr(self, canvas: Canvas, rect: pygame.Rect) -> None:
        """The QR code drawn module by module, black on a white quiet zone (any palette)."""
        rows = list(self.qr.matrix_iter(scale=1, border=2))
        cell = max(1, rect.width // len(rows))
        size = cell * len(rows)
        area = pygame.Rect(rect.left + (rect.width - size) // 2, rect.top, size, size)
        canvas.fill((255, 255, 255), area)
        for row_index, row in enumerate(rows):
            for column, dark in enumerate(row):
                if dark:
                    canvas.fill((0, 0, 0), pygame.Rect(area.left + column * cell,
                                                       area.top + row_index * cell, cell, cell))
        canvas.labels.append(Label(f"QR code: {self.join}", area, "qr", ""))

    def end_session(self, how: str = "") -> None:
        """Esc, confirmed: the class's code stops working, the server stops listening (when
        this window started it), then the projector's own ending."""
        self.live.end(how)
        if self.server is not None:
            self.server.stop()
            self.server = None
        super().end_session(how)


def run_classroom_window(live: LiveClass, address: str) -> int:
    """The projector window for a class on devices; the session ends when it closes."""
    from game.desktop.start import build_app

    app = build_app(live.session.story)
    screen = ClassroomScreen(app, live, address)
    app.push(screen)
    try:
        return app.run()
    finally:
        live.end("window closed")

