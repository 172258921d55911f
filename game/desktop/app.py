"""The desktop window: its screens, its main loop, and the keys that work everywhere.

The loop draws only after something happened, and between looks at the
event queue it sleeps (see `App._nap` for why it does not use
`pygame.event.wait`), so an idle window uses next to no CPU. `pump` runs one turn of that loop
without waiting, for the pilot that drives the window in tests. Opening the
window on its first screens is `start.py`'s.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pygame

from game.desktop.canvas import Canvas, Label
from game.desktop.notices import Notice, draw_notice
from game.desktop.reference_data import Reference, load_reference_data
from game.desktop.screen import Screen
from game.desktop.settings import Settings, load_settings, save_settings
from game.desktop.sound import Soundscape
from game.desktop.speech import Voice
from game.desktop.text import TextCache
from game.desktop.theme import Palette, Sizes, palette_for
from game.desktop.window import MIN_SIZE, display_window, first_window_size, open_window
from game.engine import Player, Story
from game.saves import autosave_slot, take_moved_aside_notices, write_save

#: After input the loop looks for more every 10 ms for this long, then every 40 ms.
ACTIVE_SECONDS = 1.5
ACTIVE_NAP = 0.01
IDLE_NAP = 0.04


#: The window hidden or minimised (sound stops), and shown again (it may start).
_HIDDEN_BY = frozenset({pygame.WINDOWHIDDEN, pygame.WINDOWMINIMIZED})
_SHOWN_BY = frozenset({pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED})

#: A second click this soon, this close to a click that changed the screen, is the
#: second half of a double click: it is dropped rather than pressing whatever the new
#: screen has there ("Back" in the source viewer, then "Menu" on play, left the scene).
DOUBLE_CLICK_SECONDS = 0.45
DOUBLE_CLICK_PIXELS = 6

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
        self.fullscreen = False
        if size is None:
            size = first_window_size(self.settings, pygame.display.get_desktop_sizes())
            self.fullscreen = self.settings.fullscreen
        self.windowed_size = size
        self.surface = open_window(size, self.fullscreen)
        pygame.display.set_caption("Cover Names")
        pygame.key.set_repeat(400, 45)
        self.cache = TextCache()
        self._story = story
        self._reference: Reference | None = None
        self.stack: list[Screen] = []
        self.notices: list[Notice] = []  # at most one: a newer notice replaces the old
        self.pointer: tuple[int, int] | None = None  # where the mouse is, once it has moved
        self._swallow_text: str | None = None
        self._screen_changing_click: tuple[float, tuple[int, int]] | None = None
        self.labels: list[Label] = []
        self.running = True
        self.dirty = True
        self.voice = Voice()
        self.sound = Soundscape()
        self._configure_sound()
        self._revision = 0
        self._active_until = 0.0
        self._discovered_problem = ""
        self.sizes = Sizes.for_window(*size, self.settings.text_size)
        self.palette: Palette = palette_for(self.settings.high_contrast)
        if settings_problem:
            self.notify(" ".join(filter(None, [settings_problem, self.remember_settings()])))

    # -- what is being played ----------------------------------------------------------
    @property
    def story(self) -> Story:
        if self._story is None:
            from game.desktop.live_reload import report_broken_scenes
            from game.engine import load_story

            self._story = load_story()
            report_broken_scenes(self._story, "at start")
        return self._story

    @story.setter
    def story(self, story: Story) -> None:
        self._story = story
        self._reference = None

    @property
    def story_loaded(self) -> bool:
        """Whether the scenes are loaded yet: the title screen counts their problems only
        once they are, and never loads them just for that."""
        return self._story is not None

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
        # The scene map's "found on earlier runs" grows at every choice, as the autosave does.
        from game.saves.discovered import remember

        found = remember(player)
        if found.problem and found.problem != self._discovered_problem:
            self._discovered_problem = found.problem
            self.notify(f"The scene map's record of branches found: {found.problem}.")

    # -- screens -------------------------------------------------------------------------
    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)
        self.dirty = True

    def _quiet_without_a_scene(self) -> None:
        if self.find_screen("play") is None:
            self.sound.leave_scene()  # back at the title: the scene's room falls quiet

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self._quiet_without_a_scene()
            self.top.on_show()
            self.top.update_hover()
        self.dirty = True

    def read_aloud(self) -> None:
        """V, and the toolbar's Read aloud: the top screen, through the speech engine."""
        self.notify(self.voice.say(self.top.speech_text()))

    def toggle_help(self) -> None:
        """? and F1, and the toolbar's Help: open the keys list, or close it when open."""
        from game.desktop.screens.help import HelpScreen

        if isinstance(self.top, HelpScreen):
            self.pop()
        else:
            self.push(HelpScreen(self))

    def replace(self, *screens: Screen) -> None:
        """Start afresh from the title screen, then `screens` on top."""
        from game.desktop.screens.title import TitleScreen

        self.stack = [TitleScreen(self), *screens]
        self._quiet_without_a_scene()
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
        """Show `text` at the foot of the window for a while; it replaces any notice shown."""
        self.notices = [Notice(text, time.monotonic() + seconds)]
        self.dirty = True

    # -- settings -------------------------------------------------------------------------------
    def remember_settings(self) -> str:
        """Write the settings file; '' when it worked, else a sentence saying it did not.

        A school's read-only profile must not end the game, as a failed
        autosave does not: the settings still hold until the window closes.
        """
        try:
            save_settings(self.settings.cleaned(), self.settings_path)
        except OSError as error:
            return (f"Your settings could not be saved ({error.strerror or error}): "
                    "they hold until the game closes.")
        return ""

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings.cleaned()
        problem = self.remember_settings()
        if problem:
            self.notify(problem)
        self.palette = palette_for(self.settings.high_contrast)
        self._configure_sound()
        self._resized(self.surface.get_size())

    def _configure_sound(self) -> None:
        self.sound.configure(self.settings.sound_on, self.settings.volume / 100)

    def toggle_mute(self) -> None:
        """M: sound off, or back on; remembered, like every setting."""
        self.settings.muted = not self.settings.muted
        self._configure_sound()
        problem = self.remember_settings()
        if self.settings.muted:
            said = "Sound off: M turns it back on."
        elif self.settings.sound_on:
            said = "Sound on: M turns it off."
        else:
            said = "Not muted, but sound is off in the settings (with Projector text it is off)."
        self.notify(f"{said} {problem}".strip())

    def _resized(self, size: tuple[int, int]) -> None:
        self.surface = pygame.display.get_surface() or self.surface
        self.sizes = Sizes.for_window(*self.surface.get_size(), self.settings.text_size)
        self._revision += 1
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window (as the pilot and the window manager do) and reflow."""
        size = (max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1]))
        self.fullscreen = False
        self.windowed_size = size
        self.surface = open_window(size, self.fullscreen)
        self._resized(size)

    def toggle_fullscreen(self) -> None:
        """F11: fill the screen (for a projector) or go back to the window; remembered."""
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.windowed_size = self.surface.get_size()
        window = display_window()
        if window is None:  # no window object: reopen the display instead
            self.surface = open_window(self.windowed_size, self.fullscreen)
        elif self.fullscreen:
            window.set_fullscreen(desktop=True)
        else:
            window.set_windowed()
        self.settings.fullscreen = self.fullscreen
        problem = self.remember_settings()
        self._resized(self.surface.get_size())
        said = ("Full screen: F11 goes back to a window." if self.fullscreen
                else "Back in a window: F11 fills the screen.")
        self.notify(f"{said} {problem}".strip())

    # -- the loop ---------------------------------------------------------------------------------
    def run(self) -> int:
        self.render()
        while self.running:
            self.turn()
        width, height = self.surface.get_size() if not self.fullscreen else self.windowed_size
        if (width, height) != (self.settings.window_width, self.settings.window_height):
            self.settings.window_width, self.settings.window_height = width, height
            self.remember_settings()  # the window is closing: nowhere left to say it failed
        self.voice.stop()
        self.sound.close()
        pygame.display.quit()
        return 0

    def turn(self) -> None:
        """One turn of the loop: handle what is queued, draw if anything changed, else nap."""
        events = pygame.event.get()
        now = time.monotonic()
        if events:
            self._active_until = now + ACTIVE_SECONDS
            self.process(events)
        else:
            self._expire_notices(now)  # a notice that ran out asks for a frame without it
        animating = self._animating()  # time passes for the top screen on every turn
        if self.dirty or animating:
            self.render()
        elif not events:
            time.sleep(self._nap(now))

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
            if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                self.pointer = event.pos
            elif event.type == pygame.WINDOWLEAVE:
                self.pointer = None
            if event.type in _HIDDEN_BY:
                self.sound.show_window(False)  # nothing plays in a hidden window
            elif event.type in _SHOWN_BY:
                self.sound.show_window(True)
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.VIDEORESIZE:
                self._resized(event.size)
            elif event.type == pygame.TEXTINPUT and self._swallowed(event):
                continue
            elif event.type == pygame.KEYDOWN:
                self._swallow_text = None
                self._screen_changing_click = None  # a key between two clicks: no double click
                before = self.top
                if not before.takes_text and self._global_key(event):
                    continue
                self._to_top(event)
                if self.top is not before and self.top.takes_text and event.unicode:
                    # The key that opened a text box also sends its character as a
                    # TEXTINPUT right behind it: that E must not be typed into the name.
                    self._swallow_text = event.unicode
            elif self.stack:
                self._to_top(event)
        self._expire_notices(time.monotonic())

    def _expire_notices(self, now: float) -> None:
        """Drop the notices whose time is up; the window is redrawn without them."""
        kept = [notice for notice in self.notices if notice.until > now]
        if len(kept) != len(self.notices):
            self.notices = kept
            self.dirty = True

    def _to_top(self, event: pygame.event.Event) -> None:
        top = self.top
        if self._second_half_of_a_double_click(event):
            return
        hover = top.hover
        top.handle(event)
        if top is not self.top or top.hover != hover:
            self.dirty = True
            if event.type == pygame.MOUSEBUTTONUP and top is not self.top:
                self._screen_changing_click = (time.monotonic(), event.pos)

    def _second_half_of_a_double_click(self, event: pygame.event.Event) -> bool:
        if event.type not in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return False
        if self._screen_changing_click is None:
            return False
        at, (x, y) = self._screen_changing_click
        near = (abs(event.pos[0] - x) <= DOUBLE_CLICK_PIXELS
                and abs(event.pos[1] - y) <= DOUBLE_CLICK_PIXELS)
        if time.monotonic() - at <= DOUBLE_CLICK_SECONDS and near:
            if event.type == pygame.MOUSEBUTTONUP:
                self._screen_changing_click = None  # one click dropped, not every one after
            return True
        self._screen_changing_click = None
        return False

    def _swallowed(self, event: pygame.event.Event) -> bool:
        """True for the TEXTINPUT of the very key press that opened a text box."""
        wanted, self._swallow_text = self._swallow_text, None
        return wanted is not None and event.text == wanted

    def _global_key(self, event: pygame.event.Event) -> bool:
        """Keys that work on every screen (except while a text box takes the keys)."""
        if event.key == pygame.K_F1 or is_question_mark(event):
            self.toggle_help()
            return True
        if event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if event.key == pygame.K_F5:
            from game.desktop.live_reload import reload_now

            reload_now(self)
            return True
        if event.key == pygame.K_v and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.read_aloud()
            return True
        if event.key == pygame.K_m and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.toggle_mute()
            return True
        return False

    def render(self) -> None:
        canvas = Canvas(self.surface, self.cache, self.palette, self.sizes)
        canvas.fill(self.palette.background)
        bottom = len(self.stack) - 1
        while bottom > 0 and self.stack[bottom].overlay:
            bottom -= 1
        key = (self._revision, canvas.rect.size)
        # The screen beneath and the top dialog only: a dialog under another (the name box
        # under "Export without a name?") would show as grey bands through the one veil.
        for screen in dict.fromkeys((self.stack[bottom], self.top)):
            if screen is self.top:
                canvas.labels = []  # the text model is what the top screen shows
            screen.ensure_layout(canvas, key)
            screen.draw(canvas)
        for notice in take_moved_aside_notices():  # a damaged autosave met while listing
            shown = [each.text for each in self.notices]  # never hide what is being said
            self.notify(" ".join([*shown, notice]), 12.0)
        self._draw_notices(canvas)
        self.labels = canvas.labels
        pygame.display.flip()
        self.dirty = False

    def _draw_notices(self, canvas: Canvas) -> None:
        for notice in self.notices[-1:]:
            draw_notice(canvas, notice.text, self.top, self.sizes, self.palette, self.cache)

    # -- the text model, for the pilot and tests ----------------------------------------
    def visible_text(self) -> list[str]:
        return [label.text for label in self.labels]


def is_question_mark(event: pygame.event.Event) -> bool:
    """? by its character, or by its key (Shift and /), which still works when text input is off."""
    shift = bool(event.mod & pygame.KMOD_SHIFT)
    return (
        event.unicode == "?"
        or event.key == pygame.K_QUESTION
        or (event.key == pygame.K_SLASH and shift)
    )
