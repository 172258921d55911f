"""Facilitator mode in the desktop window: the plan chooser, and the door from the title screen.

The desktop's title screen opens the screen registered as "facilitator";
`game.desktop.screen.PLUGIN_MODULES` names this module, which registers the
plan chooser on import. Choosing a plan starts a session (its log in the user
data folder's `sessions/`) on the projector screen (`facilitator_screen.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.classroom.plans import Plan, load_plan
from game.desktop.canvas import Canvas
from game.desktop.header import Tool
from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session
from game.desktop.screen import Item, Screen, register_screen
from game.desktop.screens.message import MessageScreen
from game.desktop.theme import Sizes

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.engine import Story

__all__ = ["FacilitatorScreen", "PlanChooserScreen", "SessionEndedScreen",
           "run_facilitator_window", "start_session"]


class SessionEndedScreen(MessageScreen):
    """Where a `cover-names facilitate` session ends: not the student's title screen, which
    the class would otherwise see on the projector, but where the log is; Esc closes."""

    name = "session-ended"
    overlay = False

    def __init__(self, app: App, log_path: Path) -> None:
        # Projected: no folder path and no command line, only what the class may see.
        super().__init__(app, "Session ended", [
            "The session is saved for the class report.",
            "Press R for the class report (it opens in the browser), "
            "Esc (or Enter) to close the window.",
        ])

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_r:
            open_class_report(self.app)
            return True
        return super().on_key(event)

    def layout(self, canvas: Canvas) -> None:
        super().layout(canvas)
        self.items[0].text = "Close (Esc)"

    def back(self) -> None:
        self.app.running = False


def _end_on_own_page(app: App, screen: FacilitatorScreen) -> FacilitatorScreen:
    """The session, when it ends, shows `SessionEndedScreen` in its place."""
    def ended(log_path: Path) -> None:
        app.stack[-1:] = [SessionEndedScreen(app, log_path)]
        app.dirty = True

    screen.on_end = ended
    return screen


class PlanChooserScreen(Screen):
    """Which plan to run: the shipped plans, and every scene in order."""

    name = "facilitator-plans"
    scroll_cue = True  # more plans than fit: say so

    def __init__(self, app: App, log_dir: Path | None = None, standalone: bool = False) -> None:
        super().__init__(app)
        self.log_dir = log_dir
        #: Opened by `cover-names facilitate`: Esc closes the window, and a session
        #: ends on its own page, never on the student's title screen.
        self.standalone = standalone
        self.plans: list[tuple[Plan | None, str, str]] = []  # plan, title, problem
        for path in sorted(paths.plans_dir().glob("*.yaml")):
            plan, diagnostics = load_plan(path, app.story)
            errors = [d for d in diagnostics if d.is_error]
            title = plan.title if plan else path.stem
            self.plans.append((plan, title, f"{errors[0]}" if errors else ""))
        self.plans.append((Plan.of_story(app.story), "Every scene, in historical order", ""))
        #: D: the class votes from its own devices (the classroom server) rather than by hands.
        self.on_devices = False
        self.anonymous = False  # A, with devices on: no names asked for or shown
        self.host, self.port = "0.0.0.0", 8765  # every network of this machine, while it runs

    def layout(self, canvas: Canvas) -> None:
        big = Sizes.for_window(*canvas.rect.size, "large")
        self.big = big
        # Back (or Close) and Help as buttons, for a mouse user, as on every other screen.
        self._bar = bar = self.make_header(canvas, "", "")
        inner = min(canvas.rect.width - 2 * big.margin, big.body * 40)
        x = (canvas.rect.width - inner) // 2
        y = bar + big.margin + canvas.cache.line_height(big.title, "bold") * 2 + big.gap
        self.viewport = pygame.Rect(0, bar, canvas.rect.width, canvas.rect.height - bar)
        self.items = []
        for number, (plan, title, problem) in enumerate(self.plans, start=1):
            rect = pygame.Rect(x, y, inner, canvas.cache.line_height(big.body) * 2 + big.gap * 2)
            self.items.append(Item(f"plan:{number}", rect,
                                   self._starter(plan), title,
                                   enabled=plan is not None, hint=problem,
                                   number=number if number <= 9 else 0))
            y = rect.bottom + big.gap
        self.items = self.with_header_items(self.items)
        self.content_bottom = y + big.margin

    def _starter(self, plan: Plan | None) -> Callable[[], None]:
        return lambda: self._start(plan)

    def _start(self, plan: Plan | None) -> None:
        if plan is None:
            return
        if self.on_devices:
            from game.commands.classroom import start_in_window

            try:
                screen: FacilitatorScreen = start_in_window(self.app, plan, self.host, self.port,
                                                            anonymous=self.anonymous)
            except OSError as error:
                self.app.notify(f"The classroom server cannot start: {error}", 10)
                return
            self.app.stack[-1:] = [screen]
            self.app.dirty = True
            return
        session = start_session(plan, self.app.story, self.log_dir)
        screen = FacilitatorScreen(self.app, session)
        if self.standalone:
            _end_on_own_page(self.app, screen)
        self.app.stack[-1:] = [screen]
        self.app.dirty = True

    def draw(self, canvas: Canvas) -> None:
        big, palette = self.big, canvas.palette
        x = self.items[0].rect.left if self.items else big.margin
        top = self._bar + big.margin - self.scroll
        canvas.text("Facilitator mode", (x, top), big.title, palette.accent, "bold", "title")
        leave = "Esc closes the window." if self.standalone else "Esc goes back."
        canvas.text(f"Choose the lesson plan (1–9, or click). {leave}",
                    (x, top + canvas.cache.line_height(big.title, "bold")),
                    big.small, palette.muted, "regular", "hint")
        devices = ("D: votes from the students' own devices (on) · A: anonymous ("
                   + ("on: no names)" if self.anonymous else "off: first names)")
                   if self.on_devices
                   else "D: votes from the students' own devices (off): hands are counted")
        canvas.text(devices, (x, top + canvas.cache.line_height(big.title, "bold")
                              + canvas.cache.line_height(big.small)),
                    big.small, palette.accent if self.on_devices else palette.muted,
                    "regular", "devices")
        previous_clip, drawn = canvas.surface.get_clip(), len(canvas.labels)
        canvas.surface.set_clip(self.viewport)  # the plans scroll under the header, never
        for item, (plan, title, problem) in zip(self.items[:len(self.plans)], self.plans,
                                                strict=True):  # into the cue's strip
            if not self.on_screen(item).colliderect(self.viewport):
                continue  # out of sight: neither drawn nor in the text model
            self.draw_button(canvas, item, [
                (f"{item.number or ''}  {title}".strip(), big.body, "bold"),
                (problem or _plan_detail(plan), big.small, "regular"),
            ])
        canvas.surface.set_clip(previous_clip)
        # The text model is what shows: a plan's line clipped away under the edge is not.
        canvas.labels[drawn:] = [label for label in canvas.labels[drawn:]
                                 if label.rect.colliderect(self.viewport)]
        self.draw_scroll_cue(canvas)
        self.draw_header(canvas)

    def tools(self) -> list[Tool]:
        """Back to the title (or, opened by `cover-names facilitate`, Close), and Help."""
        return [Tool("back", "Close" if self.standalone else "Back", "Esc", self.back),
                Tool("report", "Class report", "R", self.class_report),
                Tool("help", "Help", "?", self.app.toggle_help)]

    def class_report(self) -> None:
        open_class_report(self.app)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_r:
            self.class_report()
            return True
        if event.key == pygame.K_d:
            self.on_devices = not self.on_devices
            self.app.dirty = True
            return True
        if event.key == pygame.K_a and self.on_devices:
            self.anonymous = not self.anonymous
            self.app.dirty = True
            return True
        return super().on_key(event)

    def back(self) -> None:
        if self.standalone:
            self.app.running = False
        else:
            self.app.pop()


def open_class_report(app: App) -> Path:
    """The "Class report" button: count this computer's records and session logs, write the
    report, and open it in the browser; the window says where it went."""
    import webbrowser

    from game.classroom.class_report import write_class_report

    written = write_class_report(app.story)
    opened = webbrowser.open(written.html.resolve().as_uri())
    app.notify(f"Class report: {written.students} records, {written.sessions} sessions"
               + (" (opened in the browser)" if opened else f" in {written.html.name}"), 8)
    return written.html


def _plan_detail(plan: Plan | None) -> str:
    if plan is None:
        return ""
    count = len(plan.scenes)
    reveal = "after each vote" if plan.reveal.value == "after_each_vote" else "at the end"
    minutes = f" · {plan.total_minutes} min" if plan.total_minutes else ""
    return f"{count} scene{'s' if count != 1 else ''} · the record {reveal}{minutes}"


def run_facilitator_window(
    plan: Plan | None, story: Story, log_dir: Path | None = None
) -> int:
    """`cover-names facilitate [PLAN]`: the projector screen, or the plan chooser without a plan."""
    from game.desktop.start import build_app

    app = build_app(story)
    if plan is None:
        app.push(PlanChooserScreen(app, log_dir, standalone=True))
    else:
        app.push(_end_on_own_page(app, FacilitatorScreen(app, start_session(plan, story,
                                                                            log_dir))))
    try:
        return app.run()
    finally:
        # However the window went (its close button with a message on top of the
        # projector, say), the session's log ends with session_ended.
        for screen in app.stack:
            if isinstance(screen, FacilitatorScreen):
                screen.session.end("window closed")


register_screen("facilitator", lambda app: PlanChooserScreen(app))
