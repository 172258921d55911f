"""The bar at the top of every screen: what this is, where and when, and a toolbar of buttons.

The keys that open a panel or leave the screen (Esc, H, D, T, S), read it
aloud (V) or list the keys (?) are buttons here too, so a student with only a
mouse or a touchpad is never stuck. The other keys are not, because the
mouse has its own way to do what they do: O opens the passage's first source,
as clicking its quote does; Backspace goes back a choice, as the history's
steps and the ending's "Go back" button do; F11 is the window's own full
screen, and F5 reloads scenes for authors at the keyboard. Each button shows
its key, so the mouse teaches the keyboard too. The
buttons sit right of the title when they fit; on a narrow window they move to
rows of their own below it, and the header grows, so nothing is clipped.
The buttons are fixed `Item`s (they never scroll) appended after a screen's
own items, so Tab reaches them last and a screen's first focus is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.fitting import fit
from game.desktop.screen import Item

if TYPE_CHECKING:
    from game.desktop.toolbar import WithToolbar


@dataclass(frozen=True)
class Tool:
    """A toolbar button: what it says, the key that does the same, what it does."""

    id: str  # without the "tool:" prefix: "back", "history", "help"
    label: str
    key: str  # shown on the button's key cap: "Esc", "H", "?"
    action: Callable[[], None]


class Header:
    """One layout of the header: its height, the title lines and the toolbar's items."""

    def __init__(self, canvas: Canvas, title: str, subtitle: str, tools: list[Tool]) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        gap, small = sizes.gap, sizes.small
        width = canvas.rect.width
        self.button_h = cache.line_height(small) + gap
        self._pad = max(4, gap // 2)
        self._cap_widths = [
            max(cache.width(tool.key, small, "bold") + self._pad * 2, self.button_h - gap // 2)
            for tool in tools
        ]
        widths = [
            self._pad * 3 + cap + cache.width(tool.label, small)
            for tool, cap in zip(tools, self._cap_widths, strict=True)
        ]
        spacing = max(4, gap // 2)
        row_width = sum(widths) + spacing * max(0, len(tools) - 1)
        text_h = cache.line_height(sizes.body, "bold") + (
            cache.line_height(small) if subtitle else 0
        )
        left = min(sizes.margin, max(gap, width // 40))
        words_width = max(cache.width(title, sizes.body, "bold"), cache.width(subtitle, small))
        self.one_row = left + words_width + gap * 3 + row_width + left <= width
        if self.one_row:
            text_width = width - 2 * left - row_width - gap * 3
            self.height = max(text_h, self.button_h) + gap * 2
            x = width - left - row_width
            y = (self.height - self.button_h) // 2
            rects = []
            for button_w in widths:
                rects.append(pygame.Rect(x, y, button_w, self.button_h))
                x += button_w + spacing
        else:
            text_width = width - 2 * left
            rects, x, y = [], left, gap + text_h + gap // 2
            for button_w in widths:
                if x > left and x + button_w > width - left:
                    x, y = left, y + self.button_h + spacing
                rects.append(pygame.Rect(x, y, min(button_w, width - 2 * left), self.button_h))
                x += button_w + spacing
            self.height = (y + self.button_h + gap) if tools else gap * 2 + text_h
        self.title = fit(title, text_width, lambda text: cache.width(text, sizes.body, "bold"))
        self.subtitle = fit(subtitle, text_width, lambda text: cache.width(text, small))
        self.text_y = gap if not self.one_row else (self.height - text_h) // 2
        self.left = left
        self.items = [
            Item(
                f"tool:{tool.id}",
                rect,
                tool.action,
                tool.label,
                fixed=True,
                keeps_focus=True,
                extra={"kind": "tool", "key": tool.key, "cap": cap},
            )
            for tool, rect, cap in zip(tools, rects, self._cap_widths, strict=True)
        ]

    def draw(self, canvas: Canvas, screen: WithToolbar) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        bar = pygame.Rect(0, 0, canvas.rect.width, self.height)
        canvas.fill(palette.header, bar)
        pygame.draw.line(canvas.surface, palette.panel_border, bar.bottomleft, bar.bottomright)
        title = canvas.text(
            self.title, (self.left, self.text_y), sizes.body, palette.header_text, "bold", "header"
        )
        if self.subtitle:
            canvas.text(
                self.subtitle,
                (self.left, title.bottom),
                sizes.small,
                palette.header_text,
                role="header",
            )
        for item in self.items:
            draw_tool(canvas, screen, item, self._pad)


def draw_tool(canvas: Canvas, screen: WithToolbar, item: Item, pad: int) -> None:
    """A toolbar button: its key in a cap, then its label; hover and focus as everywhere."""
    sizes, palette = canvas.sizes, canvas.palette
    index = screen.items.index(item)
    rect = item.rect
    canvas.surface.fill(palette.hover if index == screen.hover else palette.panel, rect)
    pygame.draw.rect(canvas.surface, palette.panel_border, rect, 1, border_radius=4)
    cap_width = int(item.extra["cap"])  # type: ignore[call-overload]
    cap = pygame.Rect(rect.left + pad, rect.top + 3, cap_width, rect.height - 6)
    pygame.draw.rect(canvas.surface, palette.accent, cap, 1, border_radius=3)
    line = canvas.cache.line_height(sizes.small)
    text_y = rect.top + (rect.height - line) // 2 + line // 10
    canvas.text(
        str(item.extra["key"]),
        (cap.centerx, text_y),
        sizes.small,
        palette.accent,
        "bold",
        "tool-key",
        item.id,
        align="centre",
    )
    label_x = cap.right + pad
    available = rect.right - pad - label_x
    label = fit(item.text, available, lambda text: canvas.cache.width(text, sizes.small))
    canvas.text(label, (label_x, text_y), sizes.small, palette.text, role="tool", key=item.id)
    if index == screen.focus:
        canvas.focus_ring(rect)
