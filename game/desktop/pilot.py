"""Drives the real window headless: presses keys, clicks labels, resizes, and reads back the screen.

Tests, the screenshot script and the benchmark use it under SDL's dummy video
driver. Events are posted to pygame's own queue and handled by the app's own
loop (`App.pump`), so what is tested is what a player's keyboard reaches.
What is on screen is read from the app's text model: every label drawn in the
last frame, with its rectangle and role.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.desktop.app import App
from game.desktop.canvas import Label
from game.desktop.start import build_app
from game.engine import Story

_NAMED = {
    "enter": pygame.K_RETURN,
    "return": pygame.K_RETURN,
    "esc": pygame.K_ESCAPE,
    "escape": pygame.K_ESCAPE,
    "backspace": pygame.K_BACKSPACE,
    "tab": pygame.K_TAB,
    "space": pygame.K_SPACE,
    "up": pygame.K_UP,
    "down": pygame.K_DOWN,
    "left": pygame.K_LEFT,
    "right": pygame.K_RIGHT,
    "pageup": pygame.K_PAGEUP,
    "pagedown": pygame.K_PAGEDOWN,
    "home": pygame.K_HOME,
    "end": pygame.K_END,
    "f1": pygame.K_F1,
    "f5": pygame.K_F5,
    "f11": pygame.K_F11,
}


class Pilot:
    """A player at the keyboard and mouse of a real (headless) window."""

    def __init__(self, app: App) -> None:
        self.app = app
        app.render()

    @classmethod
    def start(
        cls,
        story: Story | None = None,
        size: tuple[int, int] = (1366, 768),
        scene_id: str | None = None,
    ) -> Pilot:
        return cls(build_app(story, size, scene_id))

    def close(self) -> None:
        self.app.voice.stop()
        pygame.display.quit()

    # -- acting ---------------------------------------------------------------------------
    def press(self, *keys: str, text_input: bool = True) -> None:
        """Press keys by name ("1", "enter", "esc", "down", "?", "shift+tab", "h") in order.

        As SDL does while text input is on (its default), a key that types a
        character sends a TEXTINPUT right after its KEYDOWN; `text_input=False`
        is a keyboard with text input turned off: no TEXTINPUT, and no
        character in the KEYDOWN either.
        """
        for name in keys:
            mod = 0
            if name.startswith("shift+"):
                mod, name = pygame.KMOD_SHIFT, name[6:]
            if name in _NAMED:
                key, text = _NAMED[name], ""
            elif name == "?":
                key, text, mod = pygame.K_SLASH, "?", pygame.KMOD_SHIFT
            elif len(name) == 1:
                key, text = ord(name.lower()), name
            else:
                raise ValueError(f"unknown key name {name!r}")
            if name == "space":
                text = " "
            if not text_input:
                text = ""
            pygame.event.post(
                pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text, scancode=0)
            )
            if text:
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, scancode=0))
            self.app.pump()

    def type(self, text: str) -> None:
        for char in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.app.pump()

    def move_to(self, pos: tuple[int, int]) -> None:
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        self.app.pump()

    def click(
        self, text: str | None = None, *, role: str | None = None, key: str | None = None
    ) -> Label:
        """Point at the first label matching, then click it; returns the label clicked."""
        label = self.find(text, role=role, key=key)
        pos = label.rect.center
        self.move_to(pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.app.pump()
        return label

    def scroll(self, clicks: int) -> None:
        """Turn the mouse wheel: positive scrolls up, as SDL reports it."""
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=clicks, flipped=False))
        self.app.pump()

    def resize(self, width: int, height: int) -> None:
        self.app.resize((width, height))
        self.app.pump()

    # -- reading the screen -----------------------------------------------------------------
    @property
    def screen(self) -> str:
        return self.app.top.name

    def labels(self, role: str | None = None) -> list[Label]:
        return [label for label in self.app.labels if role is None or label.role == role]

    def texts(self, role: str | None = None) -> list[str]:
        return [label.text for label in self.labels(role)]

    def text(self, role: str | None = None) -> str:
        """Everything visible (of a role), joined by spaces, as one string to search."""
        return " ".join(self.texts(role))

    def find(
        self, text: str | None = None, *, role: str | None = None, key: str | None = None
    ) -> Label:
        for label in self.labels(role):
            if text is not None and text not in label.text:
                continue
            if key is not None and not label.key.startswith(key):
                continue
            return label
        raise AssertionError(
            f"no label {text!r} (role {role}, key {key}) on {self.screen}; visible: {self.texts()}"
        )

    def has(self, text: str, role: str | None = None) -> bool:
        return text in self.text(role)
