"""The title screen: continue, scenes, load, facilitator mode, settings, quit."""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas
from game.desktop.fitting import fit
from game.desktop.header import Tool
from game.desktop.period import draw_folder, draw_stamp
from game.desktop.screen import Item, Screen, registered_screen
from game.desktop.text import Block
from game.desktop.widgets import draw_paragraph
from game.saves import SaveSlot, list_saves, read_save

TAGLINE = (
    "Interactive history of the 1930s Soviet intelligence apparatus. "
    "Every choice is set beside what its sources say, and every quote says who said it."
)


class TitleScreen(Screen):
    name = "title"
    scroll_cue = True
    focus_follows_pointer = True

    def _latest_autosave(self) -> SaveSlot | None:
        for slot in list_saves():
            if slot.slot.startswith("autosave-") and not slot.problem:
                return slot
        return None

    def on_show(self) -> None:
        self.invalidate()

    def update(self, dt: float) -> bool:
        """After the first frame, load the scenes for the cover's list (a frame later)."""
        if not self.app.story_loaded and self._layout_key is not None:
            self.app.story  # noqa: B018  (loads the scenes: the cover names them)
            self.invalidate()
            return True
        return False

    def _cover_lines(self) -> list[tuple[str, str]]:
        """The file's contents, typed on the cover: each scene, then its place and years."""
        if not self.app.story_loaded:
            return []
        scenes = sorted(self.app.story.scenes.values(), key=lambda scene: scene.order)
        return [(f"{number}. {scene.title}", f"{scene.place}, {scene.date}")
                for number, scene in enumerate(scenes, 1)]

    def layout(self, canvas: Canvas) -> None:
        """The dossier's cover beside the menu (or above it in a narrow window).

        The menu's numbers never change (Continue, when there is one, is C). The
        key hint goes below the menu, wrapped, never on a button.
        """
        sizes, cache = canvas.sizes, canvas.cache
        bar = self._bar = self.make_header(canvas, "", "")  # Help and Quit, for a mouse user
        self._saved = self._latest_autosave()
        entries: list[tuple[str, str, object, int]] = []
        if self._saved is not None:
            entries.append(("continue", f"Continue: {self._saved.scene_title}", self._continue, 0))
        entries += [
            ("scenes", "Scenes", self._scenes, 1),
            ("load", "Load a saved game", self._load, 2),
            ("facilitator", "Facilitator mode", self._facilitator, 3),
            ("settings", "Settings", self._settings, 4),
            ("quit", "Quit", self._quit, 5),
        ]
        area = pygame.Rect(sizes.margin, bar + sizes.gap * 2, canvas.rect.width - 2 * sizes.margin,
                           canvas.rect.height - bar - sizes.gap * 4)
        button_h = cache.line_height(sizes.body) + sizes.gap * 2
        menu_w = min(sizes.body * 22, area.width * 2 // 5)
        cover_w = min(sizes.body * 30, area.width - menu_w - sizes.margin)
        self._wide = cover_w >= sizes.body * 16
        hint_w = menu_w if self._wide else area.width
        hint_h = cache.layout(self._hint(), sizes.small, hint_w).height + sizes.gap
        if self._wide:
            left = area.left + (area.width - cover_w - menu_w - sizes.margin) // 2
            height = self._lay_out_cover(canvas, pygame.Rect(left, area.top, cover_w,
                                                             area.height)).height
            top = area.top + max(0, (area.height - height) // 2)  # the cover centred
            self._cover = self._lay_out_cover(canvas, pygame.Rect(left, top, cover_w, height))
            menu = pygame.Rect(self._cover.right + sizes.margin, area.top, menu_w, area.height)
        else:
            self._cover = self._lay_out_cover(canvas, pygame.Rect(
                area.left, area.top, area.width, 0))
            menu = pygame.Rect(area.left + (area.width - menu_w) // 2,
                               self._cover.bottom + sizes.gap * 2, menu_w,
                               area.bottom - self._cover.bottom - sizes.gap * 2)
        room = menu.height - hint_h
        # The whole menu in sight: one column; else closer buttons; else two columns.
        columns, step = 1, button_h + sizes.gap
        if step * len(entries) > room:
            step = button_h + sizes.gap // 3
        if (step * len(entries) > room and not self._wide
                and canvas.rect.width >= sizes.body * 24):
            columns, step = 2, button_h + sizes.gap
            menu.width = min(area.width, max(menu.width, sizes.body * 40))
            menu.left = area.left + (area.width - menu.width) // 2
        rows = -(-len(entries) // columns)
        used = step * rows + hint_h
        menu_top = menu.top + max(0, (menu.height - used) // 2) if self._wide else menu.top
        column_w = (menu.width - sizes.gap * 2 * (columns - 1)) // columns
        self.items = []
        for index, (item_id, text, action, number) in enumerate(entries):
            column, row = divmod(index, rows)
            x = menu.left + column * (column_w + sizes.gap * 2)
            rect = pygame.Rect(x, menu_top + row * step, column_w, button_h)
            self.items.append(Item(item_id, rect, action, text, number=number))  # type: ignore[arg-type]
        self.items = self.with_header_items(self.items)
        self._menu = menu
        self._hint_y = menu_top + rows * step
        self._hint_w = hint_w if self._wide else canvas.rect.width - 2 * sizes.margin
        self.notice_top = self._title_y  # a notice never covers the "Cover Names" heading
        self.viewport = pygame.Rect(0, bar, canvas.rect.width, canvas.rect.height - bar)
        self.content_bottom = max(self._hint_y + hint_h, self._cover.bottom + sizes.gap)

    def _lay_out_cover(self, canvas: Canvas, rect: pygame.Rect) -> pygame.Rect:
        """Where the cover's heading, typed lines and stamp go; the cover's own rectangle.

        A zero-height `rect` is the narrow window's band: the heading and the
        tagline only, as short as they can be.
        """
        sizes, cache = canvas.sizes, canvas.cache
        band = rect.height == 0
        title_size = sizes.title if not band else round(sizes.title * 0.85)
        inner_w = rect.width - sizes.gap * 4
        tab_h = cache.line_height(sizes.small, "typewriter") + sizes.gap // 2
        y = rect.top + tab_h + sizes.gap * 2
        self._title_size = title_size
        self._title_y = y
        y += cache.line_height(title_size, "period") + sizes.gap
        self._tagline_size = sizes.small
        self._tagline_y = y
        self._tagline = cache.layout(TAGLINE, self._tagline_size, inner_w, "typewriter")
        y += self._tagline.height + sizes.gap * 2
        self._lines: list[tuple[int, Block, str]] = []
        if not band:
            for title, where in self._cover_lines():
                for text, style in ((title, "typewriter-bold"), (where, "typewriter")):
                    block = cache.layout(text, sizes.small, inner_w, style)
                    self._lines.append((y, block, style))
                    y += block.height
                y += sizes.gap // 2
        bottom = y + sizes.gap * 2
        return pygame.Rect(rect.left, rect.top, rect.width, bottom - rect.top)

    def _hint(self) -> str:
        """The keys under the menu (wrapped to the window, never cut)."""
        hint = "Arrows and Enter, or the numbers" + (" (C continues)" if self._saved else "")
        return hint + " · ? or F1: every key"

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_c, pygame.K_0, pygame.K_KP0) and self._saved is not None:
            self.focus_id("continue")
            self._continue()
            return True
        return False

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        self._draw_cover(canvas)
        for item in self.items:
            if item.extra.get("kind") == "tool":
                continue
            key = str(item.number) if item.number else "C"
            label = fit(f"{key}  {item.text}", item.rect.width - sizes.gap * 3,
                        lambda text: canvas.cache.width(text, sizes.body))
            self.draw_button(canvas, item, [(label, sizes.body, "regular")])
        hint, y = self._hint(), self._hint_y - self.scroll
        if canvas.cache.width(hint, sizes.small) <= self._hint_w:
            x = self._menu.centerx if self._wide else canvas.rect.centerx
            canvas.text(hint, (x, y), sizes.small, palette.muted, role="hint", align="centre")
        else:  # too wide for one line: wrapped, never cut off
            left = self._menu.left if self._wide else sizes.margin
            canvas.block(canvas.cache.layout(hint, sizes.small, self._hint_w), (left, y),
                         sizes.small, colour=palette.muted, role="hint")
        self.draw_scroll_cue(canvas)
        self.draw_header(canvas)
        problems = len(self.app.story.diagnostics) if self.app.story_loaded else 0
        if problems:
            draw_paragraph(
                canvas,
                f"{problems} problem(s) kept some scenes out: run 'cover-names lint'.",
                (sizes.margin, self._bar + sizes.gap),
                canvas.rect.width - 2 * sizes.margin,
                sizes.small,
                colour=palette.muted,
                role="warning",
            )

    def _draw_cover(self, canvas: Canvas) -> None:
        """The game's name set as a period file: a folder, typed lines and a stamp."""
        sizes, palette = canvas.sizes, canvas.palette
        cover = self._cover.move(0, -self.scroll)
        inner = draw_folder(canvas, cover, "FILE 1934–1938")
        left = inner.left
        canvas.text("Cover Names", (left, self._title_y - self.scroll), self._title_size,
                    palette.ink, "period", "title")
        canvas.block(self._tagline, (left, self._tagline_y - self.scroll), self._tagline_size,
                     "typewriter", palette.ink, "subtitle")
        for y, block, style in self._lines:
            canvas.block(block, (left, y - self.scroll), sizes.small, style, palette.ink,
                         "cover-scene")
        # The stamp beside the heading, where it covers no word.
        cache = canvas.cache
        size = max(sizes.small, round(self._title_size * 0.45))
        stamp_w = cache.width("SECRET", size, "period") + size * 2
        title_w = cache.width("Cover Names", self._title_size, "period")
        if title_w + stamp_w + sizes.gap * 6 <= inner.width:
            centre = (inner.right - stamp_w // 2 - sizes.gap,
                      self._title_y - self.scroll + cache.line_height(self._title_size, "period")
                      // 2)
            draw_stamp(canvas, "SECRET", centre, size)

    def back(self) -> None:
        """Esc on the title does nothing: quitting is a button, never an accident."""

    def tools(self) -> list[Tool]:
        """No Back here (there is nowhere to go back to): Help, and Quit as menu entry 5."""
        return [Tool("help", "Help", "?", self.app.toggle_help),
                Tool("quit", "Quit", "5", self._quit)]

    def speech_text(self) -> str:
        return "Cover Names. " + ". ".join(
            item.text for item in self.items if item.extra.get("kind") != "tool")

    # -- actions ----------------------------------------------------------------------
    def _continue(self) -> None:
        if self._saved is None:
            return
        loaded = read_save(self._saved.path, self.app.story)
        if loaded.playthrough is None:
            self.app.notify(loaded.problem)
            return
        self.app.open_play(self.app.story.resume(loaded.playthrough))
        if loaded.problem:
            self.app.notify(loaded.problem)

    def _scenes(self) -> None:
        from game.desktop.screens.scenes import ScenesScreen

        self.app.push(ScenesScreen(self.app))

    def _load(self) -> None:
        from game.desktop.screens.saves import SavesScreen

        self.app.push(SavesScreen(self.app, None))

    def _facilitator(self) -> None:
        factory = registered_screen("facilitator")
        if factory is not None:
            self.app.push(factory(self.app))
            return
        from game.desktop.screens.message import MessageScreen

        self.app.push(
            MessageScreen(
                self.app,
                "Facilitator mode",
                [
                    "Facilitator mode is coming with 'cover-names facilitate'.",
                    "It will show projector-sized text, the discussion prompt at each choice, "
                    "a vote tally filled from a show of hands, and then the record.",
                ],
            )
        )

    def _settings(self) -> None:
        from game.desktop.screens.settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def _quit(self) -> None:
        self.app.running = False
