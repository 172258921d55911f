"""The help overlay: every key, grouped by where it works, opened with ? or F1 from any screen.

The keys are grouped by screen ("Everywhere", "While playing", "In the
source viewer"...) because H, D, T, S and O work only in play, and E only in
the debrief. On a wide window the groups stand in two columns; when they
still do not fit, the list scrolls with the usual scrollbar and "More below"
cue, so no key is ever silently cut off.
"""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.widgets import draw_dialog

SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("Up Down Tab", "move between options, buttons and names"),
            ("Enter  Space", "choose what is focused"),
            ("1 – 9", "choose an option or a menu entry"),
            ("Esc", "back; from play, the title menu (autosaved)"),
            ("Page Up / Down", "scroll; the mouse wheel works too"),
            ("Home  End", "to the top or the end of the page"),
            ("V", "read this screen aloud; V again stops"),
            ("M", "sound off or on (mute); the volume is in the settings"),
            ("? or F1", "this list"),
            ("F11", "full screen on or off"),
            ("F5", "reload the scenes (for authors)"),
        ],
    ),
    (
        "In the settings",
        [("Left  Right", "change the focused setting"), ("Enter", "its next value")],
    ),
    ("On the title menu", [("C", "continue where you left off")]),
    (
        "While playing",
        [
            ("Backspace", "go back one choice"),
            ("H", "history: every step; rewind to any"),
            ("D", "dossier: people and cover names"),
            ("T", "timeline of dated events"),
            ("S", "saves: save to a slot or load one"),
            ("O", "open the passage's first source"),
            ("W", "after a choice: what if I had chosen otherwise?"),
            ("H D T S", "again: close the panel it opened"),
        ],
    ),
    (
        "In the source viewer",
        [
            ("Q  Enter", "back to the quote"),
            ("Up  Down", "scroll the text"),
            ("Backspace", "back to where you were"),
        ],
    ),
    (
        "In the debrief",
        [("E", "export your record to hand in"), ("H", "go back to any step"),
         ("P", "the scene's map: your paths, and what is left to find")],
    ),
]


def split(heights: list[int]) -> int:
    """Where to cut the groups into two columns so that the taller column is shortest."""
    total = sum(heights)
    return min(
        range(1, len(heights)),
        key=lambda cut: max(sum(heights[:cut]), total - sum(heights[:cut])),
    )


Group = tuple[str, list[tuple[str, str]], list[int], int]  # title, keys, row heights, height


class HelpScreen(Screen):
    name = "help"
    scroll_cue = True
    overlay = True

    def layout(self, canvas: Canvas) -> None:
        """Two columns where they fit; the window's text size, or smaller where it would scroll.

        Projector text is for reading a passage from the back row; the list of
        keys is for whoever works the keyboard, so it may step down a size or two
        to fit the window whole. Only when even that does not fit does it scroll.
        """
        sizes = canvas.sizes
        for body in sorted(
            {sizes.body, sizes.small, max(14, round(sizes.body * 0.7))}, reverse=True
        ):
            fits = self._plan(canvas, body)
            if fits:
                break
        gap = self._gap
        button_h = canvas.cache.line_height(sizes.body) + gap * 2
        footer = button_h + gap * 3
        height = min(self._content_h + gap * 2 + footer, canvas.rect.height - 2 * gap)
        self.box = pygame.Rect(0, 0, self._width, height)
        self.box.center = canvas.rect.center
        self._column_x = [
            self.box.left + gap * 2 + index * (self._column_width + gap * 2)
            for index in range(len(self._columns))
        ]
        self.viewport = pygame.Rect(
            self.box.left, self.box.top + gap, self._width, height - footer - gap
        )
        self.content_bottom = self.viewport.top + gap + self._content_h
        close = pygame.Rect(0, 0, min(self._width - gap * 4, sizes.body * 12), button_h)
        close.midbottom = (self.box.centerx, self.box.bottom - gap * 2)
        self.items = [Item("close", close, self.back, "Close (Esc)", fixed=True)]

    def _plan(self, canvas: Canvas, body: int) -> bool:
        """Measure the list at text size `body`; True when it fits the window unscrolled."""
        sizes, cache = canvas.sizes, canvas.cache
        gap = self._gap = max(6, body // 2)
        self._body, self._small = body, max(13, round(body * 0.82))
        self._heading = round(body * 1.3)
        keys = [key for _, entries in SECTIONS for key, _ in entries]
        key_width = max(cache.width(key, body, "bold") for key in keys) + gap * 2
        one_column = key_width + body * 18
        available = canvas.rect.width - 2 * gap
        columns = 2 if available >= 2 * one_column + gap * 6 else 1
        self._width = min(available, columns * (key_width + body * 26) + gap * 4 * columns)
        self._column_width = (self._width - gap * 4 - gap * 2 * (columns - 1)) // columns
        self._key_width = key_width
        self._text_width = self._column_width - key_width
        heading_h = cache.line_height(self._small, "bold") + gap // 2
        groups: list[Group] = []
        for title, entries in SECTIONS:
            heights = [
                cache.layout(text, body, self._text_width).height + gap // 3 for _, text in entries
            ]
            groups.append((title, entries, heights, heading_h + sum(heights) + gap))
        # Whole groups in each column, cut where the two columns come out most even.
        cut = split([group[3] for group in groups]) if columns == 2 else len(groups)
        self._columns = [groups[:cut], groups[cut:]] if columns == 2 else [groups]
        title_h = cache.line_height(self._heading, "bold") + gap
        self._content_h = title_h + max(sum(g[3] for g in column) for column in self._columns)
        footer = cache.line_height(sizes.body) + gap * 5
        return self._content_h + gap * 3 + footer <= canvas.rect.height - 2 * gap

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_BACKSPACE):
            self.back()
            return True
        if event.key in (pygame.K_DOWN, pygame.K_UP):
            self.scroll += self.app.sizes.body * 2 * (1 if event.key == pygame.K_DOWN else -1)
            self.clamp_scroll()
            return True
        return False

    def draw(self, canvas: Canvas) -> None:
        palette, cache = canvas.palette, canvas.cache
        body = self._body
        draw_dialog(canvas, self.box)
        clip = self.viewport
        top = clip.top + self._gap - self.scroll
        if top >= clip.top:
            canvas.text(
                "Keys, and where they work",
                (self._column_x[0], top),
                self._heading,
                palette.accent,
                "bold",
                "title",
            )
        top += cache.line_height(self._heading, "bold") + self._gap
        heading_h = cache.line_height(self._small, "bold")
        for x, groups in zip(self._column_x, self._columns, strict=True):
            y = top
            for title, entries, heights, _ in groups:
                if clip.top <= y and y + heading_h <= clip.bottom:
                    canvas.text(title, (x, y), self._small, palette.accent, "bold", "help-group")
                y += heading_h + self._gap // 2
                for (key, text), height in zip(entries, heights, strict=True):
                    if clip.top <= y and y + height <= clip.bottom:
                        canvas.text(key, (x, y), body, palette.text, "bold", "key")
                        block = cache.layout(text, body, self._text_width)
                        canvas.block(block, (x + self._key_width, y), body, role="help")
                    y += height
                y += self._gap
        self.draw_scroll_cue(canvas)
        self.draw_button(canvas, self.items[0])

    def speech_text(self) -> str:
        return ". ".join(
            f"{title}: " + "; ".join(f"{key}: {text}" for key, text in entries)
            for title, entries in SECTIONS
        )
