"""The projector screen of facilitator mode: passage, question, tally and timer; then the
record. It only draws `build_view(session)` and turns keys and clicks into
`FacilitatorSession` calls, so it shows exactly what the terminal facilitator
and the tests see. Its keys are listed in the footer for each phase (`keys.py`); a
click on an option adds a vote, a right click removes one. Type is projector-sized
whatever the text-size setting; while voting, the options are never smaller than the
passage beside them (the passage scrolls instead).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.facilitator_view import FacilitatorView, build_view, part_timer
from game.classroom.plans import Plan
from game.classroom.session_log import SessionLog
from game.desktop.canvas import Canvas
from game.desktop.projector.header import HeaderRow, header_rows
from game.desktop.projector.keys import KeyState, footer_keys, key_lines
from game.desktop.projector.pages import Column, draw_page, questions, timer_line
from game.desktop.screen import Item, Screen
from game.desktop.screen_drawing import cue_room, draw_more_below
from game.desktop.theme import Colour, Sizes
from game.model import Verdict

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.engine import Story

#: A wake-up once a second while a decision's timer runs, instead of animating at 60 fps.
TICK = pygame.event.custom_type()
#: Where the passage column ends while voting, as a share of the width: the first that
#: lets the options fit at full size wins (a narrower passage scrolls; the options do not).
#: Never under 38%: long prompts must not squeeze the passage to three words a line; when
#: the options do not fit even then, they scroll with the page instead.
_SPLITS = (0.52, 0.45, 0.38)


def big_step(body: int) -> int:
    """How far one arrow press scrolls: three lines."""
    return body * 3


def start_session(plan: Plan, story: Story, log_dir: Path | None = None) -> FacilitatorSession:
    log = SessionLog(SessionLog.new_path(log_dir), FacilitatorSession.log_header(plan, story))
    return FacilitatorSession(plan, story, log)


def _ink_on(colour: Colour) -> Colour:
    """Black or white, whichever reads on `colour`."""
    red, green, blue = colour
    return (0, 0, 0) if red * 0.299 + green * 0.587 + blue * 0.114 > 150 else (255, 255, 255)


class FacilitatorScreen(Screen):
    """The projector: passage, prompt and tally; then the record; timer always in sight."""

    name = "facilitator"

    def __init__(self, app: App, session: FacilitatorSession) -> None:
        super().__init__(app)
        self.session = session
        self.keys = KeyState(self)
        self.view: FacilitatorView = build_view(session)
        self.big = app.sizes
        self.option_size = app.sizes.body
        self.rows: list[HeaderRow] = []
        self.header_h = self.footer_h = 0
        self.what_if_at: int | None = None
        #: What follows the session's end; None: back to the screen beneath (the title).
        #: `cover-names facilitate` sets a plain "Session ended" page instead.
        self.on_end: Callable[[Path], None] | None = None
        pygame.time.set_timer(TICK, 1000)

    # -- acting ------------------------------------------------------------------------------
    def do(self, action: Callable[[], object]) -> None:
        """Run a session action, then show its result."""
        action()
        self.refresh()
        self.scroll = 0 if self.view.phase is not Phase.VOTING else self.scroll

    def refresh(self) -> None:
        self.view = build_view(self.session)
        self.invalidate()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_DOWN, pygame.K_UP) and not self.keys.busy:
            self.scroll += big_step(self.big.body) * (1 if event.key == pygame.K_DOWN else -1)
            self.clamp_scroll()
            return True
        return self.keys.on_key(event)

    def reads_on(self) -> bool:
        """At a scene's end with records still below: scroll a page (Space reads on first)."""
        if self.view.phase is not Phase.SCENE_ENDED or self.view.paused:
            return False
        if self.scroll >= self.max_scroll():
            return False
        self.page(1)
        return True

    def end_session(self, how: str = "") -> None:
        """The session ends (its log is closed): `on_end`, or back to the title."""
        self.session.end(how)
        pygame.time.set_timer(TICK, 0)
        if self.on_end is not None:
            self.on_end(self.session.log.path)
            return
        self.app.notify(f"Session log saved: {self.session.log.path.name}", 8)
        self.app.pop()

    def back(self) -> None:
        self.keys.escape()

    def update(self, dt: float) -> bool:
        """The window is closing (its close button): the log records a normal end."""
        if not self.app.running and not self.session.log.closed:
            self.session.end("window closed")
            pygame.time.set_timer(TICK, 0)
        return False

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == TICK:
            self.refresh()  # the timer moved on, and may need more room ("over by …")
            self.app.dirty = True
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            index = self._item_at(event.pos)
            if index >= 0 and self.items[index].id.startswith("option:"):
                number = int(self.items[index].id.split(":")[1])
                self.do(lambda: self.session.remove_vote(number))
            return
        super().handle(event)

    def _item_at(self, pos: tuple[int, int]) -> int:
        """Options that scroll beside the passage are outside its viewport, yet clickable."""
        index = super()._item_at(pos)
        if index < 0 and self.right is not self.viewport and self.right.collidepoint(pos):
            for number, item in enumerate(self.items):
                if self.on_screen(item).collidepoint(pos) and pos[1] < self.right.bottom:
                    return number
        return index

    # -- layout --------------------------------------------------------------------------------
    def layout(self, canvas: Canvas) -> None:
        self.big = Sizes.for_window(*canvas.rect.size, "projector")
        self._layout_header(canvas)
        self._layout_all(canvas, scrollable=False)
        if self.max_scroll() > 0:  # clipped: the key bar says how to scroll, and takes room
            self._layout_all(canvas, scrollable=True)
        if self.keys.to_what_if and self.what_if_at is not None:
            self.keys.to_what_if, self.scroll = False, self.what_if_at - self.viewport.top
            self.clamp_scroll()

    def _layout_all(self, canvas: Canvas, scrollable: bool) -> None:
        width, height = canvas.rect.size
        big, view = self.big, self.view
        self._layout_footer(canvas, scrollable)
        top, bottom = self.header_h + big.gap, height - self.footer_h - big.gap
        # Room for the "more below" cue under the text, not over it (the options keep theirs).
        cue = cue_room(canvas, big) if scrollable else 0
        self.items = []
        self.option_size = big.body
        voting = view.phase is Phase.VOTING and not view.paused
        inner = min(width - 2 * big.margin, big.body * 44)
        self.viewport = pygame.Rect((width - inner) // 2, top, inner, bottom - top - cue)
        self.right = self.viewport
        if voting and width >= 900:
            self._two_columns(canvas, top, bottom, cue)
        y = self.viewport.top + self._page_height(canvas)
        if voting and self.right is not self.viewport:
            y = max(y, self._place_options(canvas, self.right.top))
        elif voting:
            y = self._place_options(canvas, y)
        self.content_bottom = y + big.gap

    def _layout_header(self, canvas: Canvas) -> None:
        big, view, cache = self.big, self.view, canvas.cache
        if view.phase in (Phase.INTRODUCTION, Phase.FINISHED):
            title, place = "Lesson plan", ""
            timer = f"{view.part_label} {part_timer(view)}"
        else:
            title = f"Scene {view.scene_number} of {view.scene_count} · {view.scene_title}"
            place, timer = ", ".join(p for p in (view.place, view.date) if p), part_timer(view)
        width = canvas.rect.width - 2 * big.margin
        pad = big.gap  # room for the timer's warning pill
        self.rows = header_rows(title, place, timer, width - 2 * pad, big.margin,
                                lambda text: cache.width(text, big.body, "bold"))
        self.header_h = cache.line_height(big.body, "bold") * len(self.rows) + 2 * big.gap

    def _layout_footer(self, canvas: Canvas, scrollable: bool) -> None:
        big, cache = self.big, canvas.cache
        width = canvas.rect.width - 2 * big.margin
        self.footer_message = self.keys.prompt() or self.view.message
        self.footer_keys = footer_keys(self.view, scrollable)
        # A line is kept for messages whether or not one shows, so the screen does not
        # jump about when one comes ("Votes for option 2: 17…", "End the session now?").
        height = 2 * big.gap + cache.line_height(big.small, "bold")
        if self.footer_message:
            height = max(height, 2 * big.gap + cache.layout(
                self.footer_message, big.small, width, "bold").height)
        self.footer_lines = [cache.layout(line, big.small, width)
                             for line in key_lines(self.footer_keys, width,
                                                   lambda text: cache.width(text, big.small))]
        self.footer_h = height + sum(block.height for block in self.footer_lines)

    def _two_columns(self, canvas: Canvas, top: int, bottom: int, cue: int) -> None:
        """Passage left, options right, in full-size type: the widest passage that lets the
        options fit; when none does, the narrowest allowed, and the options scroll."""
        width, big = canvas.rect.width, self.big
        self.option_size = big.body
        for split in _SPLITS:
            edge = round(width * split)
            self.viewport = pygame.Rect(big.margin, top, edge - 2 * big.margin,
                                        bottom - top - cue)
            self.right = pygame.Rect(edge, top, width - edge - big.margin, bottom - top)
            if self._options_bottom(canvas, self.right.top, big.body) <= self.right.bottom:
                return

    def _page_height(self, canvas: Canvas) -> int:
        column = self._column(canvas, dry=True)
        draw_page(column, self.view)
        self.what_if_at = column.what_if_at  # W scrolls the other records into view
        return column.y - self.viewport.top

    def _column(self, canvas: Canvas, dry: bool) -> Column:
        voting = self.view.phase is Phase.VOTING and not self.view.paused
        body = min(self.big.body, self.option_size) if voting else self.big.body
        top = self.viewport.top - (0 if dry else self.scroll)
        return Column(canvas, self.viewport, self.big, top, dry, body)

    def _options_bottom(self, canvas: Canvas, y: int, size: int) -> int:
        rects = self._option_rects(canvas, y, size)
        return rects[-1].bottom if rects else y

    def _place_options(self, canvas: Canvas, y: int) -> int:
        two_columns = self.right is not self.viewport
        rects = self._option_rects(canvas, self.right.top if two_columns else y, self.option_size)
        # Beside the passage they stand still while they fit; else they scroll with it.
        fixed = two_columns and (not rects or rects[-1].bottom <= self.right.bottom)
        self.items = [
            Item(f"option:{option.number}", rect, self._voter(option.number), option.text,
                 enabled=option.available, hint=option.locked_reason, fixed=fixed,
                 number=option.number)
            for option, rect in zip(self.view.options, rects, strict=True)
        ]
        if fixed:
            return y
        return rects[-1].bottom + self.big.gap if rects else y

    def _option_rects(self, canvas: Canvas, y: int, size: int) -> list[pygame.Rect]:
        big, cache, right = self.big, canvas.cache, self.right
        y += self._prompts_height(canvas, size)
        rects = []
        for option in self.view.options:
            block = cache.layout(option.text, size, right.width - size * 5)
            extra = 0 if option.available else cache.layout(
                option.locked_reason, big.small, right.width - size * 5, "italic").height
            rect = pygame.Rect(right.left, y, right.width, block.height + extra + big.gap * 2)
            rects.append(rect)
            y = rect.bottom + big.gap
        return rects

    def _voter(self, number: int) -> Callable[[], None]:
        return lambda: self.do(lambda: self.session.add_vote(number))

    def _prompts_height(self, canvas: Canvas, size: int) -> int:
        """The decision's question and the plan's prompts above the options."""
        big = self.big
        total = 0
        for prompt, style in questions(self.view):
            total += canvas.cache.layout(prompt, size, self.right.width - 2 * big.gap,
                                         style).height + big.gap
        return total + big.gap

    # -- drawing ------------------------------------------------------------------------------
    def draw(self, canvas: Canvas) -> None:
        width, height = canvas.rect.size
        self._draw_header(canvas)
        old_clip = canvas.surface.get_clip()
        # The page is cut at its own foot, so no half line shows under the "more below" cue.
        page_right = self.right.left if self.right is not self.viewport else width
        canvas.surface.set_clip(pygame.Rect(0, self.header_h, page_right,
                                            self.viewport.bottom - self.header_h))
        draw_page(self._column(canvas, dry=False), self.view)
        # Options beside the passage stand still down to the footer; under it, they scroll
        # with the passage and are cut at its foot too.
        options_bottom = height - self.footer_h if page_right < width else self.viewport.bottom
        canvas.surface.set_clip(pygame.Rect(0, self.header_h, width,
                                            options_bottom - self.header_h))
        if self.view.phase is Phase.VOTING and not self.view.paused:
            self._draw_options(canvas)
        canvas.surface.set_clip(old_clip)
        if self.scroll < self.max_scroll():  # the cue at the passage's foot while text is hidden
            draw_more_below(canvas, "More below", self.big, self.viewport)
        self._draw_footer(canvas)

    def _draw_header(self, canvas: Canvas) -> None:
        big, palette, cache = self.big, canvas.palette, canvas.cache
        width = canvas.rect.width
        canvas.fill(palette.header, pygame.Rect(0, 0, width, self.header_h))
        line = cache.line_height(big.body, "bold")
        over = self.view.over_seconds >= 1
        for index, row in enumerate(self.rows):
            y = big.gap + index * line
            if row.left:
                canvas.text(row.left, (big.margin + big.gap, y), big.body, palette.header_text,
                            "bold", row.left_role)
            if not row.right:
                continue
            colour, right = palette.header_text, width - big.margin - big.gap
            if over:  # the part has run past its minutes: the timer in a warning pill
                warning = palette.verdicts[Verdict.DIVERGED]
                pill = pygame.Rect(0, y - big.gap // 3,
                                   cache.width(row.right, big.body, "bold") + 2 * big.gap, line)
                pill.right = right + big.gap
                pygame.draw.rect(canvas.surface, warning, pill, border_radius=big.gap)
                colour = _ink_on(warning)
            drawn = canvas.text(row.right, (right, y), big.body, colour, "bold",
                                "timer-over" if over else row.right_role, align="right")
            if row.middle:
                canvas.text(row.middle, (drawn.left - (big.gap if over else 0), y), big.body,
                            palette.header_text, "bold", "place", align="right")

    def _draw_options(self, canvas: Canvas) -> None:
        view, big, palette, cache = self.view, self.big, canvas.palette, canvas.cache
        right, size = self.right, self.option_size
        if not self.items:
            return
        y = self.on_screen(self.items[0]).top - self._prompts_height(canvas, size)
        for prompt, style in questions(view):
            block = cache.layout(prompt, size, right.width - 2 * big.gap, style)
            canvas.block(block, (right.left + big.gap, y), size, style, palette.accent,
                         "ask" if style == "bold" else "prompt")
            y += block.height + big.gap
        most = max([o.votes for o in view.options] + [1])
        typing = self.keys.count_option
        for index, (item, option) in enumerate(zip(self.items, view.options, strict=True)):
            rect = self.on_screen(item)
            # The leading option is filled; the one under the pointer is only outlined, so
            # a hover never looks like a second leader.
            canvas.panel(rect, palette.hover if option.leading else palette.panel)
            if index == self.hover:
                pygame.draw.rect(canvas.surface, palette.accent, rect, max(3, big.gap // 3),
                                 border_radius=4)
            if typing == option.number:
                canvas.focus_ring(rect)
            colour = palette.text if option.available else palette.locked
            text_left = rect.left + round(size * 2.6)
            canvas.text(str(option.number), (rect.left + round(size * 1.3), rect.top + big.gap),
                        round(size * 1.3), palette.accent, "bold", "number", align="centre")
            block = cache.layout(option.text, size, rect.width - size * 5)
            canvas.block(block, (text_left, rect.top + big.gap), size, colour=colour,
                         role="option", key=item.id)
            votes = self.keys.count_digits + "_" if typing == option.number else str(option.votes)
            canvas.text(votes, (rect.right - big.gap, rect.top + big.gap),
                        round(size * 1.3), palette.text, "bold", "votes", item.id, align="right")
            if not option.available:  # wrapped within the box, as the option's text is
                reason = cache.layout(option.locked_reason, big.small, rect.width - size * 5,
                                      "italic")
                canvas.block(reason, (text_left, rect.top + big.gap + block.height), big.small,
                             "italic", palette.locked, "locked")
            if option.votes:
                bar = pygame.Rect(text_left, rect.bottom - big.gap - 3,
                                  round((rect.right - big.gap - text_left) * option.votes / most),
                                  max(4, big.gap // 2))
                canvas.fill(palette.accent, bar)

    def _draw_footer(self, canvas: Canvas) -> None:
        big, palette = self.big, canvas.palette
        width, height = canvas.rect.size
        footer = pygame.Rect(0, height - self.footer_h, width, self.footer_h)
        canvas.fill(palette.panel, footer)
        y = footer.top + big.gap
        if self.footer_message:
            block = canvas.cache.layout(self.footer_message, big.small, width - 2 * big.margin,
                                        "bold")
            canvas.block(block, (big.margin, y), big.small, "bold", palette.accent, "message")
        elif self.view.phase is Phase.VOTING and not self.view.paused:
            # The message line, while it has no message: this decision's time and votes.
            canvas.text(timer_line(self.view), (big.margin, y), big.small, palette.text, "bold",
                        "total")
        y = footer.bottom - big.gap - sum(block.height for block in self.footer_lines)
        for block in self.footer_lines:
            canvas.block(block, (big.margin, y), big.small, colour=palette.muted, role="keys")
            y += block.height

    def speech_text(self) -> str:
        view = self.view
        if view.phase in (Phase.INTRODUCTION, Phase.FINISHED):
            return " ".join([view.plan_title, view.plan_summary,
                             *(f"{part.label}, {part.minutes} minutes" for part in view.parts)])
        return " ".join([view.speaker, view.text, view.ask, *view.prompts,
                         *(f"{o.number}. {o.text}" for o in view.options)])
