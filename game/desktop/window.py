"""The window itself: the size it opens at, its smallest size, and full screen.

Kept apart from the app's loop and screens because it is what differs between
systems and SDL versions (see `open_window`).
"""

from __future__ import annotations

import warnings

import pygame

from game.desktop.settings import Settings

#: Below this the window does not shrink: every screen is laid out to fit it.
MIN_SIZE = (640, 480)
#: The first window, before the player has resized one: a laptop's screen, or less.
DEFAULT_SIZE = (1366, 768)


def open_window(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    """Open (or reopen) the window at `size`, with its minimum size, full screen if asked.

    Measured on X11 (pygame-ce 2.5.8): going back from full screen by
    `set_mode` leaves the window screen-sized, so full screen is switched
    on the window itself (`pygame.Window`), which restores the old size.
    """
    surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    window = display_window()
    if window is None:
        if fullscreen:
            surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return surface
    window.minimum_size = MIN_SIZE
    if fullscreen:
        window.set_fullscreen(desktop=True)
    return pygame.display.get_surface() or surface


def display_window() -> pygame.Window | None:
    """The display module's window as a `pygame.Window`, where this pygame has one."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return pygame.Window.from_display_module()
    except (AttributeError, pygame.error):
        return None


def first_window_size(settings: Settings, desktops: list[tuple[int, int]]) -> tuple[int, int]:
    """The size the window opens at: the one the player left it at, else 1366×768, never
    more than 90 % of the desktop (a school laptop's 1366×768 screen gets the largest
    window that fits inside its panels)."""
    wanted = (settings.window_width, settings.window_height) if settings.window_width else None
    if not desktops:
        return wanted or DEFAULT_SIZE
    desk_w, desk_h = desktops[0]
    if wanted is not None:
        width, height = min(wanted[0], desk_w), min(wanted[1], desk_h - 60)
    else:
        width, height = (
            min(DEFAULT_SIZE[0], desk_w * 9 // 10),
            min(DEFAULT_SIZE[1], desk_h * 9 // 10),
        )
    return max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])
