"""Settings: text size (laptop to projector), high contrast, reduce motion, when the record shows.

Each change takes effect at once and is saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pygame

from game import paths
from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.screen import Screen
from game.desktop.settings import REVEAL_CHOICES, SOUND_CHOICES, Settings
from game.desktop.theme import TEXT_SIZE_LABELS, TEXT_SIZES
from game.desktop.widgets import column

REVEAL_LABELS = {"each": "after each choice", "end": "at the end of the scene"}
SOUND_LABELS = {"auto": "on at a desk, off with Projector text", "on": "on", "off": "off"}


def _volume_step(volume: int, step: int) -> int:
    """Left and Right by tens, stopping at 0 and 100; Enter goes round."""
    if step == 0:
        return 0 if volume >= 100 else volume + 10
    return max(0, min(100, volume + 10 * step))


def _step(values: tuple[str, ...], current: str, step: int) -> str:
    """Enter (step 0) goes round to the next value; Left and Right (-1, 1) stop at the ends,
    so Right from Projector stays Projector instead of jumping back to Small."""
    index = values.index(current) if current in values else 0
    if step == 0:
        return values[(index + 1) % len(values)]
    return values[max(0, min(len(values) - 1, index + step))]


class SettingsScreen(Screen):
    name = "settings"
    scroll_cue = True

    def _rows(self) -> list[tuple[str, str, Callable[[Settings, int], Settings]]]:
        s = self.app.settings
        sizes = tuple(TEXT_SIZES)
        return [
            (
                "text_size",
                f"Text size: {TEXT_SIZE_LABELS[s.text_size]}",
                lambda v, step: replace(v, text_size=_step(sizes, v.text_size, step)),
            ),
            (
                "high_contrast",
                f"High contrast: {'on' if s.high_contrast else 'off'}",
                lambda v, step: replace(v, high_contrast=not v.high_contrast),
            ),
            (
                "reduce_motion",
                f"Reduce motion: {'on' if s.reduce_motion else 'off'}",
                lambda v, step: replace(v, reduce_motion=not v.reduce_motion),
            ),
            (
                "reveal",
                f"Show the record: {REVEAL_LABELS[s.reveal]}",
                lambda v, step: replace(v, reveal=_step(REVEAL_CHOICES, v.reveal, step)),
            ),
            (
                "sound",
                f"Sound: {SOUND_LABELS[s.sound]}",
                lambda v, step: replace(v, sound=_step(SOUND_CHOICES, v.sound, step)),
            ),
            (
                "volume",
                f"Volume: {s.volume}%",
                lambda v, step: replace(v, volume=_volume_step(v.volume, step)),
            ),
            (
                "muted",
                f"Mute (M): {'on' if s.muted else 'off'}",
                lambda v, step: replace(v, muted=not v.muted),
            ),
        ]

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        top = self.make_header(canvas, "Settings", "Remembered between runs")
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        for number, (setting, text, change) in enumerate(self._rows(), start=1):
            flow.button(setting, text, self._changer(change, 0), number=number)
        flow.space(sizes.gap * 2)
        flow.para(
            "Enter, or the Left and Right arrows, changes a setting. Changes are saved at once, in "
            f"{paths.settings_path()}.",
            sizes.small,
            colour="muted",
            role="hint",
        )
        flow.para(
            "Text size grows with the window too: 'Projector' is for the back row of a classroom.",
            sizes.small,
            colour="muted",
            role="hint",
        )
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y

    def _changer(
        self, change: Callable[[Settings, int], Settings], step: int
    ) -> Callable[[], None]:
        def apply() -> None:
            self.app.apply_settings(change(self.app.settings, step))

        return apply

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key not in (pygame.K_LEFT, pygame.K_RIGHT) or self.focused is None:
            return False
        step = -1 if event.key == pygame.K_LEFT else 1
        for setting, _, change in self._rows():
            if setting == self.focused.id:
                self._changer(change, step)()
                return True
        return False

    def draw(self, canvas: Canvas) -> None:
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def speech_text(self) -> str:
        return "Settings. " + ". ".join(text for _, text, _ in self._rows())
