"""The desktop window: its screens, its main loop, and the keys that work everywhere.

The loop draws only after something happened, and between looks at the
event queue it sleeps (see `App._nap` for why it does not use
`pygame.event.wait`), so an idle window uses next to no CPU. `pump` runs one turn of that loop
without waiting, for the pilot that drives the window in tests.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.desktop.canvas import Canvas, Label
from game.desktop.reference_data import Reference, load_reference_data
from game.desktop.screen import Screen
from game.desktop.settings import Settings, load_settings, save_settings
from game.desktop.speech import Voice
from game.desktop.text import TextCache
from game.desktop.theme import Palette, Sizes, palette_for
from game.engine import Player, Story
from game.saves import autosave_slot, write_save

#: After input the loop looks for more every 10 ms for this long, then every 40 ms.
ACTIVE_SECONDS = 1.5
ACTIVE_NAP = 0.01
IDLE_NAP = 0.04


#: Events that can change what is on screen; the rest (focus, pointer entering, key
#: releases) do not cost a frame. A mouse move redraws only when the hover changes.
_REDRAWN_BY = frozenset(
    {
        pygame.KEYDOWN,
        pygame.TEXTINPUT,
        pygame.MOUSEBUTTONDOWN,
        pygame.MOUSEBUTTONUP,
        pygame.MOUSEWHEEL,
        pygame.VIDEORESIZE,
        pygame.VIDEOEXPOSE,
        pygame.WINDOWEXPOSED,
        pygame.WINDOWSIZECHANGED,
        pygame.WINDOWRESTORED,
        pygame.WINDOWSHOWN,
        pygame.WINDOWMAXIMIZED,
    }
)


@dataclass
class Notice:
    """A short message at the foot of the window that goes away by itself."""

    text: str
    until: float


class App:
    """One window, a stack of screens, the story being played and the settings."""

    def __init__(
        self,
        story: Story | None = None,
        size: tuple[int, int] | None = None,
        settings_path: Path | None = None,
    ) -> None:
        # Measured on X11: SDL's default OpenGL-texture window framebuffer loads the
        # GL driver (about 110 MB more resident memory, ten times the frame time on a
        # software GL) for a window that only blits text; the plain framebuffer is enough.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        self.settings_path = settings_path
        self.settings, settings_problem = load_settings(settings_path)
        if size is None:
            size = (self.settings.window_width, self.settings.window_height)
            desktops = pygame.display.get_desktop_sizes()
            if desktops:
                size = (min(size[0], desktops[0][0]), min(size[1], desktops[0][1] - 60))
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        pygame.display.set_caption("Cover Names")
        pygame.key.set_repeat(400, 45)
        self.cache = TextCache()
        self._story = story
        self._reference: Reference | None = None
        self.stack: list[Screen] = []
        self.notices: list[Notice] = []
        self.labels: list[Label] = []
        self.running = True
        self.dirty = True
        self.voice = Voice()
        self._revision = 0
        self._active_until = 0.0
        self.sizes = Sizes.for_window(*size, self.settings.text_size)
        self.palette: Palette = palette_for(self.settings.high_contrast)
        if settings_problem:
            self.notify(settings_problem)
            save_settings(self.settings, settings_path)

    # -- what is being played ----------------------------------------------------------
    @property
    def story(self) -> Story:
        if self._story is None:
            from game.engine import load_story

            self._story = load_story()
        return self._story

    @story.setter
    def story(self, story: Story) -> None:
        self._story = story
        self._reference = None

    @property
    def reference(self) -> Reference:
        if self._reference is None:
            self._reference = load_reference_data(self.story)
        return self._reference

    def autosave(self, player: Player) -> None:
        try:
            write_save(player, autosave_slot(player.scene.id))
        except OSError as error:
            self.notify(f"Could not autosave: {error.strerror or error}")

    # -- screens -------------------------------------------------------------------------
    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.on_show()
        self.dirty = True

    def replace(self, *screens: Screen) -> None:
        """Start afresh from the title screen, then `screens` on top."""
        from game.desktop.screens.title import TitleScreen

        self.stack = [TitleScreen(self), *screens]
        self.top.on_show()
        self.dirty = True

    def open_play(self, player: Player) -> None:
        from game.desktop.screens.play import PlayScreen

        old = self.find_screen("play")
        if isinstance(old, PlayScreen) and old.player is not player:
            old.player.close()
        self.replace(PlayScreen(self, player))

    def find_screen(self, name: str) -> Screen | None:
        for screen in reversed(self.stack):
            if screen.name == name:
                return screen
        return None

    def notify(self, text: str, seconds: float = 4.0) -> None:
        self.notices = [*self.notices[-2:], Notice(text, time.monotonic() + seconds)]
        self.dirty = True

    # -- settings -------------------------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings.cleaned()
        save_settings(self.settings, self.settings_path)
        self.palette = palette_for(self.settings.high_contrast)
        self._resized(self.surface.get_size())

    def _resized(self, size: tuple[int, int]) -> None:
        self.surface = pygame.display.get_surface() or self.surface
        self.sizes = Sizes.for_window(*self.surface.get_size(), self.settings.text_size)
        self._revision += 1
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window (as the pilot and the window manager do) and reflow."""
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._resized(size)

    # -- the loop ---------------------------------------------------------------------------------
    def run(self) -> int:
        self.render()
        while self.running:
            events = pygame.event.get()
            now = time.monotonic()
            if events:
                self._active_until = now + ACTIVE_SECONDS
                self.process(events)
            elif self.notices and min(notice.until for notice in self.notices) <= now:
                self.process([])  # a notice ran out: draw the window without it
            animating = self._animating()
            if self.dirty or animating:
                self.render()
            elif not events:
                time.sleep(self._nap(now))
        width, height = self.surface.get_size()
        if (width, height) != (self.settings.window_width, self.settings.window_height):
            self.settings.window_width, self.settings.window_height = width, height
            save_settings(self.settings.cleaned(), self.settings_path)
        self.voice.stop()
        pygame.display.quit()
        return 0

    def pump(self) -> None:
        """One turn of the loop without waiting: handle what is queued, then draw."""
        self.process(pygame.event.get())
        self.render()

    def _nap(self, now: float) -> float:
        """How long to sleep before looking for input again.

        Measured on pygame-ce 2.5.8: `pygame.event.wait()` polls inside (about 2 % of
        a core on X11 while nothing happens), so the loop sleeps itself: briefly
        while the player is active, 40 ms once the window has been idle a moment,
        which keeps an idle window near 0.3 % of a core.
        """
        nap = ACTIVE_NAP if now < self._active_until else IDLE_NAP
        if self.notices:
            nap = min(nap, max(0.001, min(notice.until for notice in self.notices) - now))
        return nap

    def _animating(self) -> bool:
        return any(screen.update(0.0) for screen in self.stack[-1:])

    def process(self, events: list[pygame.event.Event]) -> None:
        for event in events:
            if event.type in _REDRAWN_BY:
                self.dirty = True
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.VIDEORESIZE:
                self._resized(event.size)
            elif event.type == pygame.KEYDOWN and self._global_key(event):
                continue
            elif self.stack:
                hover = self.top.hover
                self.top.handle(event)
                if self.top.hover != hover:
                    self.dirty = True
        now = time.monotonic()
        self.notices = [notice for notice in self.notices if notice.until > now]

    def _global_key(self, event: pygame.event.Event) -> bool:
        from game.desktop.screens.help import HelpScreen

        if event.key == pygame.K_F1 or event.unicode == "?":
            if isinstance(self.top, HelpScreen):
                self.pop()
            else:
                self.push(HelpScreen(self))
            return True
        if event.key == pygame.K_F5:
            from game.desktop.live_reload import reload_now

            reload_now(self)
            return True
        if event.key == pygame.K_v and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.notify(self.voice.say(self.top.speech_text()))
            return True
        return False

    def render(self) -> None:
        canvas = Canvas(self.surface, self.cache, self.palette, self.sizes)
        canvas.fill(self.palette.background)
        bottom = len(self.stack) - 1
        while bottom > 0 and self.stack[bottom].overlay:
            bottom -= 1
        key = (self._revision, canvas.rect.size)
        for screen in self.stack[bottom:]:
            if screen is self.top:
                canvas.labels = []  # the text model is what the top screen shows
            screen.ensure_layout(canvas, key)
            screen.draw(canvas)
        self._draw_notices(canvas)
        self.labels = canvas.labels
        pygame.display.flip()
        self.dirty = False

    def _draw_notices(self, canvas: Canvas) -> None:
        sizes, palette = self.sizes, self.palette
        y = canvas.rect.bottom - sizes.gap
        for notice in reversed(self.notices):
            width = min(canvas.rect.width - 2 * sizes.margin, sizes.column)
            block = self.cache.layout(notice.text, sizes.body, width - 2 * sizes.gap)
            rect = pygame.Rect(0, 0, width, block.height + 2 * sizes.gap)
            rect.midbottom = (canvas.rect.centerx, y)
            canvas.panel(rect, palette.header, palette.focus)
            canvas.block(
                block,
                (rect.left + sizes.gap, rect.top + sizes.gap),
                sizes.body,
                colour=palette.header_text,
                role="notice",
            )
            y = rect.top - sizes.gap // 2

    # -- the text model, for the pilot and tests ----------------------------------------
    def visible_text(self) -> list[str]:
        return [label.text for label in self.labels]


def _start_screens(app: App, scene_id: str | None) -> list[Screen]:
    from game.desktop.screens.message import MessageScreen

    if scene_id is None:
        return []
    if scene_id not in app.story.scenes:
        known = ", ".join(sorted(app.story.scenes)) or "none"
        return [
            MessageScreen(
                app, "No such scene", [f"There is no scene '{scene_id}'. Scenes: {known}."]
            )
        ]
    from game.desktop.screens.play import PlayScreen

    return [PlayScreen(app, app.story.new_player(scene_id))]


def build_app(
    story: Story | None = None, size: tuple[int, int] | None = None, scene_id: str | None = None
) -> App:
    app = App(story, size)
    app.replace(*_start_screens(app, scene_id))
    return app


def run_desktop(scene_id: str | None = None) -> int:
    """`cover-names` and `cover-names play [SCENE]`: open the window and play."""
    app = build_app(scene_id=scene_id)
    return app.run()


def render_every_screen(size: tuple[int, int]) -> list[str]:
    """Build the app on the shipped story under SDL's dummy driver and draw every screen once.

    It plays a little (autosaves, a settings file), so it runs in a temporary
    user folder and never touches the player's own saves.
    """
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.desktop.tour import tour

    previous = os.environ.get("COVER_NAMES_HOME")
    with tempfile.TemporaryDirectory(prefix="cover-names-screens-") as home:
        os.environ["COVER_NAMES_HOME"] = home
        try:
            app = build_app(size=size)
            return [name for name, _ in tour(app)]
        finally:
            pygame.display.quit()
            if previous is None:
                os.environ.pop("COVER_NAMES_HOME", None)
            else:
                os.environ["COVER_NAMES_HOME"] = previous
