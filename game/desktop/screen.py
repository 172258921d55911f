"""The common Screen interface, keyboard focus over a screen's items, and the screen registry.

Every screen is a module of its own with the same small interface: `layout`
(on resize or when its state changes), `handle` (one event), `update` (time
passing; True while something animates) and `draw`. Most screens are a
scrolling column of focusable `Item`s; `Screen` gives them arrows, Tab,
Enter, 1–9, mouse hover, clicks and the wheel for free. Its header and
toolbar are `toolbar.py`'s; what every screen draws alike (a button, the
scrollbar, the "More below" cue) is `screen_drawing.py`'s.

Another part of the game can add a screen by name with `register_screen`. The
title screen's "Facilitator mode" opens the screen registered as
"facilitator"; until one is registered, `registered_screen` tries importing
the modules in `PLUGIN_MODULES` (which call `register_screen` when imported).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.desktop import screen_drawing
from game.desktop.canvas import Canvas
from game.desktop.toolbar import WithToolbar

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.desktop.header import Header


@dataclass
class Item:
    """Something the player can focus and activate: a button, an option, a link."""

    id: str
    rect: pygame.Rect  # in content coordinates: scrolled unless `fixed`
    action: Callable[[], None]
    text: str = ""
    enabled: bool = True
    hint: str = ""  # said when a disabled item is activated (a locked option's reason)
    fixed: bool = False  # stays put while the content scrolls (header and footer buttons)
    number: int = 0  # activated by this digit key, when not 0
    extra: dict[str, object] = field(default_factory=dict)
    #: A click does not move the keyboard focus here: links, citations and toolbar
    #: buttons open a panel, and back from it Enter should still do what it did before.
    keeps_focus: bool = False


class Screen(WithToolbar):
    """A screen: a column of items that scrolls inside `viewport`, with keyboard focus
    (and a header with its toolbar: `WithToolbar`)."""

    name = "screen"
    overlay = False  # drawn over the screen beneath it (help, messages)
    #: Typing goes to this screen (a name box): it gets every key first, and the keys
    #: that work everywhere (V, ?, F5) are not taken from it while it is on top.
    takes_text = False
    #: Draws a scrollbar and a "More below" cue (`draw_scroll_cue`) when it scrolls; the
    #: cue gets a strip of its own at the foot of the viewport, so it covers nothing.
    scroll_cue = False
    #: A menu: the pointer moves the keyboard focus, and a key press clears the hover,
    #: so the highlight and the focus ring never point at two different entries.
    focus_follows_pointer = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.items: list[Item] = []
        self.focus = 0
        self.hover = -1
        self.scroll = 0
        self.content_bottom = 0  # bottom of the content at scroll 0
        self.viewport = pygame.Rect(0, 0, 1, 1)
        self._layout_key: object = None
        self.pending_focus: str | None = None  # focus this item id after the next layout
        self.header: Header | None = None  # set by `make_header` in a screen's layout
        self._cue_rect: pygame.Rect | None = None  # the "more below" cue, clickable

    # -- the interface every screen implements -------------------------------------
    def layout(self, canvas: Canvas) -> None:
        """Place everything for the canvas's size and text sizes; build `self.items`."""

    def draw(self, canvas: Canvas) -> None:
        """Draw the screen; text goes through the canvas so it is recorded."""

    def on_key(self, event: pygame.event.Event) -> bool:
        """Screen-specific keys, tried before the common ones; True when used."""
        return False

    def update(self, dt: float) -> bool:
        """Time passes; return True while something is animating."""
        return False

    def on_show(self) -> None:
        """This screen is on top again (a screen above it closed)."""

    def back(self) -> None:
        self.app.pop()

    def speech_text(self) -> str:
        """What the self-voicing key reads on this screen."""
        return " ".join(
            item.text for item in self.items if item.text and item.extra.get("kind") != "tool"
        )

    # -- layout bookkeeping ---------------------------------------------------------
    def invalidate(self) -> None:
        self._layout_key = None

    def ensure_layout(self, canvas: Canvas, key: object) -> None:
        if self._layout_key != key:
            focused = (
                self.items[self.focus].id if self.items and self.focus < len(self.items) else None
            )
            self.layout(canvas)
            self._layout_key = key
            if self.scroll_cue and self.max_scroll() > 0:
                self.viewport.height -= screen_drawing.cue_room(canvas, canvas.sizes)
            ids = [item.id for item in self.items]
            wanted, self.pending_focus = self.pending_focus, None
            if wanted in ids:
                self.focus = ids.index(wanted)
                self.clamp_scroll()
                self.scroll_to_show(self.items[self.focus])
            elif focused in ids:
                self.focus = ids.index(focused)
            elif self.focus >= len(self.items):
                self.focus = 0
            self.clamp_scroll()
            self.update_hover()

    def update_hover(self) -> None:
        """Hover follows the pointer, not an index: after a new layout the item under it."""
        pointer = self.app.pointer
        self.hover = self._item_at(pointer) if pointer is not None else -1

    def on_screen(self, item: Item) -> pygame.Rect:
        return item.rect if item.fixed else item.rect.move(0, -self.scroll)

    def max_scroll(self) -> int:
        return max(0, self.content_bottom - self.viewport.bottom)

    def clamp_scroll(self) -> None:
        self.scroll = max(0, min(self.scroll, self.max_scroll()))

    def scroll_to_show(self, item: Item) -> None:
        if item.fixed:
            return
        margin = self.app.sizes.gap * 2
        top = item.rect.top - self.scroll
        bottom = item.rect.bottom - self.scroll
        if top < self.viewport.top + margin:
            self.scroll -= self.viewport.top + margin - top
        elif bottom > self.viewport.bottom - margin:
            self.scroll += min(
                bottom - (self.viewport.bottom - margin), top - self.viewport.top - margin
            )
        self.clamp_scroll()

    def show_group(self, group: list[Item], top: int) -> bool:
        """Scroll a group (a list of choices, `top` where its heading starts) into view: all
        of it, or as much as fits from its top, and the focus with it. False when that is
        in sight already, so the key that asked can do its own job instead."""
        if not group or all(self.viewport.contains(self.on_screen(item)) for item in group):
            return False
        margin = self.app.sizes.gap * 2
        from_top = top - self.viewport.top - margin
        all_of_it = group[-1].rect.bottom - (self.viewport.bottom - margin)
        before = self.scroll
        self.scroll = max(0, min(from_top, max(all_of_it, self.scroll), self.max_scroll()))
        if self.scroll == before and self._focus_visible():
            return False
        if not self._focus_visible() and self.focused is not None:
            self.scroll_to_show(self.focused)
        return True

    def set_focus(self, index: int) -> None:
        if not self.items:
            return
        self.focus = index % len(self.items)
        self.scroll_to_show(self.items[self.focus])

    def focus_id(self, item_id: str) -> None:
        for index, item in enumerate(self.items):
            if item.id == item_id:
                self.set_focus(index)
                return

    @property
    def focused(self) -> Item | None:
        return self.items[self.focus] if self.items and self.focus < len(self.items) else None

    def activate(self, item: Item) -> None:
        if item.enabled:
            item.action()
        elif item.hint:
            self.app.notify(item.hint)

    # -- events -------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            if self.focus_follows_pointer:
                self.hover = -1
            if self.on_key(event):
                return
            self._key(event)
        elif event.type == pygame.MOUSEMOTION:
            self.hover = self._item_at(event.pos)
            pointed = self.items[self.hover] if self.hover >= 0 else None
            if self.focus_follows_pointer and pointed is not None and not pointed.keeps_focus:
                self.focus = self.hover
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            index = self._item_at(event.pos)
            if index >= 0:
                item = self.items[index]
                if not item.keeps_focus:
                    self.focus = index
                self.activate(item)
            elif self._cue_rect is not None and self._cue_rect.collidepoint(event.pos):
                self.page(1)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll -= event.y * self.app.sizes.body * 3
            self.clamp_scroll()
            self.update_hover()  # the page moved under a pointer that did not
    def _focus_visible(self) -> bool:
        item = self.focused
        if item is None or item.fixed:
            return True
        return (
            self.viewport.contains(self.on_screen(item))
            or self.on_screen(item).height > self.viewport.height
        )

    def _read_on(self, direction: int) -> None:
        """Arrows while the focus is out of sight: focus what is in sight, or scroll on."""
        visible = [
            i for i, item in enumerate(self.items) if self.viewport.contains(self.on_screen(item))
        ]
        if visible:
            self.focus = visible[0] if direction > 0 else visible[-1]
            return
        self.scroll += direction * self.app.sizes.body * 3
        self.clamp_scroll()

    def _item_at(self, pos: tuple[int, int]) -> int:
        if self._cue_rect is not None and self._cue_rect.collidepoint(pos):
            return -1  # the "More below" cue is drawn over whatever is beneath it
        for index, item in enumerate(self.items):
            rect = self.on_screen(item)
            if rect.collidepoint(pos) and (item.fixed or self.viewport.collidepoint(pos)):
                return index
        return -1

    def page(self, direction: int) -> None:
        """Scroll a window's height, less three lines kept for context."""
        page = max(self.viewport.height - self.app.sizes.body * 3, self.app.sizes.body)
        self.scroll += direction * page
        self.clamp_scroll()

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key in (pygame.K_DOWN, pygame.K_UP) and not self._focus_visible():
            self._read_on(1 if key == pygame.K_DOWN else -1)
        elif key in (pygame.K_DOWN, pygame.K_TAB) and not (key == pygame.K_TAB and shift):
            self.set_focus(self.focus + 1)
        elif key == pygame.K_UP or (key == pygame.K_TAB and shift):
            self.set_focus(self.focus - 1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.focused is not None and not self._focus_visible():
                self.scroll_to_show(self.focused)  # show what Enter would do before doing it
            elif self.focused is not None:
                self.activate(self.focused)
        elif key == pygame.K_ESCAPE:
            self.back()
        elif key == pygame.K_PAGEDOWN:
            self.page(1)
        elif key == pygame.K_PAGEUP:
            self.page(-1)
        elif key == pygame.K_HOME:
            self.scroll = 0
        elif key == pygame.K_END:
            self.scroll = self.max_scroll()
        elif pygame.K_1 <= key <= pygame.K_9 or pygame.K_KP1 <= key <= pygame.K_KP9:
            number = key - (pygame.K_0 if key <= pygame.K_9 else pygame.K_KP1 - 1)
            for index, item in enumerate(self.items):
                if item.number == number:
                    self.focus = index
                    self.activate(item)
                    return

    # -- drawing (see screen_drawing) -----------------------------------------------------------
    def more_below(self) -> str:
        """What the cue at the foot of a scrolled page says; screens may name what is hidden."""
        return "More below"

    def scroll_marks(self) -> tuple[int, ...]:
        """Content y positions to mark on the scrollbar (the source viewer's quote)."""
        return ()

    def draw_scroll_cue(self, canvas: Canvas) -> None:
        """The scrollbar and the "More below" cue (`screen_drawing`); the cue is clickable."""
        self._cue_rect = screen_drawing.draw_scroll_cue(canvas, self)

    def draw_button(
        self,
        canvas: Canvas,
        item: Item,
        lines: list[tuple[str, int, str]] | None = None,
        role: str = "button",
        framed: bool = True,
    ) -> pygame.Rect:
        """A framed button with hover and focus states; `lines` are (text, size, style)."""
        return screen_drawing.draw_button(canvas, self, item, lines, role, framed)


ScreenFactory = Callable[["App"], Screen]
_REGISTRY: dict[str, ScreenFactory] = {}
#: Modules that register screens when imported, tried when their screen is first asked for.
PLUGIN_MODULES: dict[str, str] = {"facilitator": "game.desktop.projector.plan_chooser",
                                  "scene-map": "game.desktop.screens.scene_map"}


def register_screen(name: str, factory: ScreenFactory) -> None:
    """Make a screen openable by name (e.g. "facilitator" from the title screen)."""
    _REGISTRY[name] = factory


def registered_screen(name: str) -> ScreenFactory | None:
    if name not in _REGISTRY and name in PLUGIN_MODULES:
        try:
            importlib.import_module(PLUGIN_MODULES[name])
        except ImportError:
            return None
    return _REGISTRY.get(name)
