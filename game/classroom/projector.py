"""The projector screen of facilitator mode: passage, prompt, tally and timer; then the record.

It only draws `build_view(session)` and turns keys and clicks into
`FacilitatorSession` calls, so it shows exactly what the terminal facilitator
and the tests see. Keys: 1–9 a vote · Shift+1–9 remove one · U undo ·
Space/Enter take the vote, reveal, continue · O then 1–9 override · P pause ·
B back · N next decision · S next scene · Esc end the session. A click on an
option adds a vote, a right click removes one. Type is projector-sized
whatever the text-size setting, and the options shrink to fit beside the passage.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.facilitator_view import FacilitatorView, RecordView, build_view, clock
from game.classroom.plans import Plan
from game.classroom.session_log import SessionLog
from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.theme import Sizes
from game.model import Verdict

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.engine import Story

#: A wake-up once a second while a decision's timer runs, instead of animating at 60 fps.
TICK = pygame.event.custom_type()
_DIGITS = {pygame.K_1 + i: i + 1 for i in range(9)} | {pygame.K_KP1 + i: i + 1 for i in range(9)}


def big_step(body: int) -> int:
    """How far one arrow press scrolls: three lines."""
    return body * 3


def _short(text: str, limit: int = 40) -> str:
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def start_session(plan: Plan, story: Story, log_dir: Path | None = None) -> FacilitatorSession:
    log = SessionLog(SessionLog.new_path(log_dir), FacilitatorSession.log_header(plan, story))
    return FacilitatorSession(plan, story, log)


class FacilitatorScreen(Screen):
    """The projector: passage, prompt and tally; then the record; timer always in sight."""

    name = "facilitator"

    def __init__(self, app: App, session: FacilitatorSession) -> None:
        super().__init__(app)
        self.session = session
        self.override_pending = False
        self.view: FacilitatorView = build_view(session)
        self.big = app.sizes
        self.option_size = app.sizes.body
        pygame.time.set_timer(TICK, 1000)

    # -- acting ------------------------------------------------------------------------------
    def _do(self, action: Callable[[], object]) -> None:
        action()
        self.view = build_view(self.session)
        self.scroll = 0 if self.view.phase is not Phase.VOTING else self.scroll
        self.invalidate()

    def on_key(self, event: pygame.event.Event) -> bool:
        session, key = self.session, event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key in _DIGITS:
            number = _DIGITS[key]
            if self.override_pending:
                self.override_pending = False
                self._do(lambda: session.override(number))
            elif shift:
                self._do(lambda: session.remove_vote(number))
            else:
                self._do(lambda: session.add_vote(number))
            return True
        if key == pygame.K_ESCAPE and self.override_pending:
            self.override_pending = False
            self._do(lambda: None)
            return True
        actions: dict[int, Callable[[], object]] = {
            pygame.K_u: session.undo_vote,
            pygame.K_SPACE: session.advance,
            pygame.K_RETURN: session.advance,
            pygame.K_KP_ENTER: session.advance,
            pygame.K_p: session.toggle_pause,
            pygame.K_b: session.back,
            pygame.K_n: session.skip_to_decision,
            pygame.K_s: session.next_scene,
        }
        if key in actions:
            self._do(actions[key])
            return True
        if key in (pygame.K_DOWN, pygame.K_UP):
            self.scroll += big_step(self.big.body) * (1 if key == pygame.K_DOWN else -1)
            self.clamp_scroll()
            return True
        if key == pygame.K_o and self.view.phase is Phase.VOTING and not self.view.paused:
            self.override_pending = True
            self.invalidate()
            return True
        return False

    def back(self) -> None:
        """Esc: the session ends (its log is closed) and the window returns to the title."""
        self.session.end()
        pygame.time.set_timer(TICK, 0)
        self.app.notify(f"Session log saved: {self.session.log.path.name}", 8)
        self.app.pop()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == TICK:
            self.view = build_view(self.session)  # the timer moved on
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            index = self._item_at(event.pos)
            if index >= 0 and self.items[index].id.startswith("option:"):
                number = int(self.items[index].id.split(":")[1])
                self._do(lambda: self.session.remove_vote(number))
            return
        super().handle(event)

    # -- layout --------------------------------------------------------------------------------
    def layout(self, canvas: Canvas) -> None:
        width, height = canvas.rect.size
        self.big = Sizes.for_window(width, height, "projector")
        big, cache = self.big, canvas.cache
        self.header_h = cache.line_height(big.body, "bold") + 2 * big.gap
        self.footer_h = cache.line_height(big.small) * 2 + 3 * big.gap
        top, bottom = self.header_h + big.gap * 2, height - self.footer_h
        view = self.view
        self.items = []
        if view.phase is Phase.VOTING and not view.paused and width >= 900:
            split = round(width * 0.52)
            self.viewport = pygame.Rect(big.margin, top, split - 2 * big.margin, bottom - top)
            self.right = pygame.Rect(split, top, width - split - big.margin, bottom - top)
        else:
            inner = min(width - 2 * big.margin, big.body * 44)
            self.viewport = pygame.Rect((width - inner) // 2, top, inner, bottom - top)
            self.right = self.viewport
        y = self._left_height(canvas) + self.viewport.top
        if view.phase is Phase.VOTING and not view.paused:
            two_columns = self.right is not self.viewport
            below = self._place_options(canvas, self.right.top if two_columns else y)
            y = y if two_columns else below
        self.content_bottom = y + big.gap

    def _left_height(self, canvas: Canvas) -> int:
        return self._draw_left(canvas, dry=True)

    def _place_options(self, canvas: Canvas, y: int) -> int:
        """Place the option rows; in two columns, shrink the type until they all fit."""
        big = self.big
        two_columns = self.right is not self.viewport
        for size in (big.body, big.small, round(big.small * 0.85)):
            self.option_size = size
            rects = self._option_rects(canvas, y, size)
            if not two_columns or not rects or rects[-1].bottom <= self.right.bottom:
                break
        self.items = [
            Item(f"option:{option.number}", rect, self._voter(option.number), option.text,
                 enabled=option.available, hint=option.locked_reason, fixed=two_columns,
                 number=option.number)
            for option, rect in zip(self.view.options, rects, strict=True)
        ]
        return rects[-1].bottom + big.gap if rects else y

    def _option_rects(self, canvas: Canvas, y: int, size: int) -> list[pygame.Rect]:
        big, cache, right = self.big, canvas.cache, self.right
        y += self._prompts_height(canvas, size)
        rects = []
        for option in self.view.options:
            block = cache.layout(option.text, size, right.width - size * 5)
            extra = cache.line_height(big.small) if not option.available else 0
            rect = pygame.Rect(right.left, y, right.width, block.height + extra + big.gap * 3)
            rects.append(rect)
            y = rect.bottom + big.gap
        return rects

    def _voter(self, number: int) -> Callable[[], None]:
        return lambda: self._do(lambda: self.session.add_vote(number))

    def _prompts_height(self, canvas: Canvas, size: int) -> int:
        """The timer line and the discussion prompts above the options."""
        big = self.big
        prompt_size = min(big.small, size)
        total = canvas.cache.line_height(big.small, "bold") + big.gap
        for prompt in self.view.prompts:
            total += canvas.cache.layout(prompt, prompt_size, self.right.width - 2 * big.gap,
                                         "italic").height + big.gap
        return total + big.gap

    # -- drawing ------------------------------------------------------------------------------
    def draw(self, canvas: Canvas) -> None:
        view, big, palette = self.view, self.big, canvas.palette
        width, height = canvas.rect.size
        header = pygame.Rect(0, 0, width, self.header_h)
        canvas.fill(palette.header, header)
        left = f"Scene {view.scene_number} of {view.scene_count} · {view.scene_title}"
        timer = f"{view.place}, {view.date} · {clock(view.scene_seconds)}"
        if view.planned_minutes:
            timer += f" of {view.planned_minutes} min"
        canvas.text(left, (big.margin, big.gap), big.body, palette.header_text, "bold", "title")
        canvas.text(timer, (width - big.margin, big.gap), big.body, palette.header_text,
                    "regular", "timer", align="right")
        old_clip = canvas.surface.get_clip()
        canvas.surface.set_clip(pygame.Rect(0, self.header_h, width, height - self.header_h
                                            - self.footer_h))
        self._draw_left(canvas, dry=False)
        if view.phase is Phase.VOTING and not view.paused:
            self._draw_options(canvas)
        canvas.surface.set_clip(old_clip)
        self._draw_footer(canvas)

    def _draw_left(self, canvas: Canvas, dry: bool) -> int:
        """The main column: paused, finished, the record, the ending, or the passage."""
        view, big, palette, cache = self.view, self.big, canvas.palette, canvas.cache
        area = self.viewport
        origin = area.top - (0 if dry else self.scroll)
        x, y = area.left, origin

        def para(text: str, size: int, style: str = "regular", colour: tuple[int, int, int]
                 | None = None, role: str = "passage", indent: int = 0) -> None:
            nonlocal y
            block = cache.layout(text, size, area.width - indent, style)
            if not dry:
                canvas.block(block, (x + indent, y), size, style, colour, role, clip=area)
            y += block.height + big.gap

        if view.paused:
            para("Paused", big.title, "bold", palette.accent, "title")
            para("Press P to go on. The timer has stopped.", big.body, colour=palette.muted)
            return y - origin
        if view.phase is Phase.FINISHED:
            para("The plan is finished", big.title, "bold", palette.accent, "title")
            para(f"Session log: {self.session.log.path}", big.small, colour=palette.muted)
            para("Make the class debrief with: cover-names debrief <the records folder> "
                 "<the session log>", big.small, colour=palette.muted)
            return y - origin
        if view.phase is Phase.REVEALED and view.revealed is not None:
            return self._record(canvas, view.revealed, x, y, dry, heading=True) - origin
        if view.phase is Phase.SCENE_ENDED:
            para(f"The end: {view.ending_kind}", big.heading, "bold", palette.accent, "title")
            para(view.epilogue, big.body)
            if view.records:
                para("The record of each choice", big.heading, "bold", palette.accent, "title")
                for record in view.records:
                    y = self._record(canvas, record, x, y, dry, heading=False)
            return y - origin
        if view.speaker:
            para(view.speaker, big.body, "bold", palette.accent, "speaker")
        if view.dramatised:
            para("Dramatisation: not quoted from the sources", big.small, "italic",
                 palette.muted, "dramatised")
        para(view.text, big.body)
        return y - origin

    def _record(self, canvas: Canvas, record: RecordView, x: int, y: int, dry: bool,
                heading: bool) -> int:
        big, palette, cache, area = self.big, canvas.palette, canvas.cache, self.viewport
        who = {"class": "The class chose", "facilitator": "The facilitator chose"}.get(
            record.by, "Then")
        lines: list[tuple[str, int, str, tuple[int, int, int] | None, str, int]] = [
            (f"{who}: {record.choice_text}", big.heading if heading else big.body, "bold",
             None, "chosen", 0),
        ]
        if record.tally:
            votes = " · ".join(f"{_short(text)}: {n}" for text, n in record.tally)
            lines.append((f"Votes: {votes}", big.small, "regular", palette.muted, "tally", 0))
        for text, size, style, colour, role, indent in lines:
            block = cache.layout(text, size, area.width - indent, style)
            if not dry:
                canvas.block(block, (x + indent, y), size, style, colour, role, clip=area)
            y += block.height + big.gap
        verdict = Verdict(record.verdict)
        if not dry:
            canvas.verdict_badge(verdict, (x, y), big.heading)
        y += cache.line_height(big.heading, "bold") + big.gap // 2
        for text, size, style, colour, role, indent in [
            (record.verdict_explanation, big.small, "italic", palette.muted, "explanation", 0),
            (record.note, big.body, "regular", None, "note", 0),
        ] + [(f"“{c.quote}” — {c.source_title}" + (f" ({c.account})" if c.account else ""),
              big.small, "regular", palette.muted, "citation", big.gap * 2)
             for c in record.citations]:
            block = cache.layout(text, size, area.width - indent, style)
            if not dry:
                canvas.block(block, (x + indent, y), size, style, colour, role, clip=area)
            y += block.height + big.gap
        return y + big.gap * 2

    def _draw_options(self, canvas: Canvas) -> None:
        view, big, palette, cache = self.view, self.big, canvas.palette, canvas.cache
        right, size = self.right, self.option_size
        if not self.items:
            return
        y = self.on_screen(self.items[0]).top - self._prompts_height(canvas, size)
        votes = f"{view.total_votes} vote{'s' if view.total_votes != 1 else ''}"
        canvas.text(f"This decision {clock(view.decision_seconds)} · {votes}",
                    (right.left, y), big.small, palette.muted, "bold", "total")
        y += cache.line_height(big.small, "bold") + big.gap
        prompt_size = min(big.small, size)
        for prompt in view.prompts:
            block = cache.layout(prompt, prompt_size, right.width - 2 * big.gap, "italic")
            canvas.block(block, (right.left + big.gap, y), prompt_size, "italic",
                         palette.accent, "prompt")
            y += block.height + big.gap
        most = max([o.votes for o in view.options] + [1])
        for index, (item, option) in enumerate(zip(self.items, view.options, strict=True)):
            rect = self.on_screen(item)
            canvas.panel(rect, palette.hover if option.leading or index == self.hover
                         else palette.panel)
            colour = palette.text if option.available else palette.locked
            text_left = rect.left + round(size * 2.6)
            canvas.text(str(option.number), (rect.left + round(size * 1.3), rect.top + big.gap),
                        round(size * 1.3), palette.accent, "bold", "number", align="centre")
            block = cache.layout(option.text, size, rect.width - size * 5)
            canvas.block(block, (text_left, rect.top + big.gap), size, colour=colour,
                         role="option", key=item.id)
            canvas.text(str(option.votes), (rect.right - big.gap, rect.top + big.gap),
                        round(size * 1.3), palette.text, "bold", "votes", item.id,
                        align="right")
            if not option.available:
                canvas.text(option.locked_reason, (text_left, rect.top + big.gap + block.height),
                            big.small, palette.locked, "italic", "locked")
            if option.votes:
                bar = pygame.Rect(text_left, rect.bottom - big.gap - 3,
                                  round((rect.right - big.gap - text_left) * option.votes / most),
                                  max(4, big.gap // 2))
                canvas.fill(palette.accent, bar)

    def _draw_footer(self, canvas: Canvas) -> None:
        big, palette, view = self.big, canvas.palette, self.view
        width, height = canvas.rect.size
        footer = pygame.Rect(0, height - self.footer_h, width, self.footer_h)
        canvas.fill(palette.panel, footer)
        y = footer.top + big.gap
        if self.override_pending:
            message = "Override: press the number of the option to take (Esc cancels)."
        else:
            message = view.message
        if message:
            y = canvas.text(message, (big.margin, y), big.small, palette.accent, "bold",
                            "message").bottom
        keys = view.keys if "next scene" in view.keys else view.keys + " · S next scene"
        canvas.text(keys + " · Esc end", (big.margin, y), big.small,
                    palette.muted, "regular", "keys")

    def speech_text(self) -> str:
        view = self.view
        return " ".join([view.speaker, view.text, *view.prompts,
                         *(f"{o.number}. {o.text}" for o in view.options)])


