"""The help overlay: every key, opened with ? or F1 from any screen."""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen

KEYS: list[tuple[str, str]] = [
    ("1 – 9", "choose an option (or a menu entry)"),
    ("Up Down Tab", "move between options, buttons and names"),
    ("Enter  Space", "choose what is focused; continue after the record"),
    ("Backspace", "rewind one choice (in the source viewer: back)"),
    ("Esc", "back; from play, the title menu (your place is autosaved)"),
    ("H", "history: every step so far, rewind to any of them"),
    ("D", "dossier: people, cover names and organisations"),
    ("T", "timeline of dated events"),
    ("S", "saves: save to a slot or load one"),
    ("O", "open the passage's first source"),
    ("V", "read this screen aloud"),
    ("Page Up / Down", "scroll long pages; the mouse wheel works too"),
    ("? or F1", "this list"),
    ("F5", "reload scenes from disk (for authors)"),
]


class HelpScreen(Screen):
    name = "help"
    overlay = True

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        line = cache.line_height(sizes.body)
        key_width = max(cache.width(key, sizes.body, "bold") for key, _ in KEYS) + sizes.gap * 3
        width = min(canvas.rect.width - 2 * sizes.gap, key_width + sizes.body * 26)
        self._key_width = key_width
        self._text_width = width - key_width - sizes.gap * 4
        heights = [cache.layout(text, sizes.body, self._text_width).height for _, text in KEYS]
        body = (
            sizes.gap * 3
            + cache.line_height(sizes.heading, "bold")
            + sum(height + sizes.gap // 2 for height in heights)
        )
        height = body + line * 2
        self.box = pygame.Rect(0, 0, width, min(height, canvas.rect.height - 2 * sizes.gap))
        self.box.center = canvas.rect.center
        self._heights = heights
        self.viewport = pygame.Rect(self.box.left, self.box.top, width, self.box.height - line * 2)
        self.content_bottom = self.box.top + body
        self.items = [
            Item(
                "close",
                pygame.Rect(self.box.left, self.box.bottom - line * 2, width, line * 2),
                self.back,
                "Close",
                fixed=True,
            )
        ]

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_BACKSPACE):
            self.back()
            return True
        return False

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        veil = pygame.Surface(canvas.rect.size, pygame.SRCALPHA)
        veil.fill((0, 0, 0, 150))
        canvas.surface.blit(veil, (0, 0))
        canvas.panel(self.box, palette.panel, palette.focus)
        x = self.box.left + sizes.gap * 2
        y = self.box.top + sizes.gap * 2 - self.scroll
        y = (
            canvas.text("Keys", (x, y), sizes.heading, palette.accent, "bold", "title").bottom
            + sizes.gap
        )
        clip = self.viewport
        for (key, text), height in zip(KEYS, self._heights, strict=True):
            if clip.top <= y <= clip.bottom - height:
                canvas.text(key, (x, y), sizes.body, palette.text, "bold", "key")
                block = canvas.cache.layout(text, sizes.body, self._text_width)
                canvas.block(block, (x + self._key_width, y), sizes.body, role="help", clip=clip)
            y += height + sizes.gap // 2
        close = self.items[0].rect
        canvas.text(
            "Esc, Enter or ? closes this list",
            (close.centerx, close.top + sizes.gap // 2),
            sizes.small,
            palette.muted,
            role="hint",
            align="centre",
        )

    def speech_text(self) -> str:
        return ". ".join(f"{key}: {text}" for key, text in KEYS)
