"""The title screen: continue, scenes, load, facilitator mode, settings, quit."""

from __future__ import annotations

import pygame

from game.desktop.canvas import Canvas
from game.desktop.fitting import fit
from game.desktop.header import Tool
from game.desktop.screen import Item, Screen, registered_screen
from game.desktop.widgets import draw_paragraph
from game.saves import SaveSlot, list_saves, read_save

TAGLINE = (
    "Interactive history of the 1930s Soviet intelligence apparatus. "
    "Every choice is checked against the record."
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

    def layout(self, canvas: Canvas) -> None:
        """The menu, centred; its numbers never change (Continue, when there is one, is C).

        The key hint goes below the menu when there is room for it, and is left
        out when there is not, so it never sits on a button.
        """
        sizes, cache = canvas.sizes, canvas.cache
        bar = self._bar = self.make_header(canvas, "", "")  # Help and Quit, for a mouse user
        width = min(canvas.rect.width - 2 * sizes.margin, sizes.body * 26)
        left = (canvas.rect.width - width) // 2
        self._left, self._width = left, width
        title_h = cache.line_height(sizes.title, "bold")
        tagline_h = cache.layout(TAGLINE, sizes.body, width).height
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
        button_h = cache.line_height(sizes.body) + sizes.gap * 2
        hint_h = cache.layout(self._hint(), sizes.small, canvas.rect.width - 2 * sizes.margin
                              ).height + sizes.gap
        room = canvas.rect.height - bar - 2 * sizes.margin - hint_h
        head = title_h + tagline_h + sizes.gap * 4
        # The whole menu in sight: one column; else closer buttons; else two columns.
        columns, step = 1, button_h + sizes.gap
        if head + step * len(entries) > room:
            step = button_h + sizes.gap // 3
        if head + step * len(entries) > room and canvas.rect.width >= sizes.body * 24:
            columns, step = 2, button_h + sizes.gap
            width = min(canvas.rect.width - 2 * sizes.margin, max(width, sizes.body * 40))
            left = (canvas.rect.width - width) // 2
        rows = -(-len(entries) // columns)
        total = head + step * rows
        top = bar + max(sizes.margin, (canvas.rect.height - bar - total - hint_h) // 2)
        self._title_y = top
        self._tagline_y = top + title_h + sizes.gap
        self.notice_top = self._tagline_y  # a notice never covers the "Cover Names" heading
        menu_top = self._tagline_y + tagline_h + sizes.gap * 3
        column_w = (width - sizes.gap * 2 * (columns - 1)) // columns
        self.items = []
        for index, (item_id, text, action, number) in enumerate(entries):
            column, row = divmod(index, rows)
            x = left + column * (column_w + sizes.gap * 2)
            rect = pygame.Rect(x, menu_top + row * step, column_w, button_h)
            self.items.append(Item(item_id, rect, action, text, number=number))  # type: ignore[arg-type]
        self.items = self.with_header_items(self.items)
        y = menu_top + rows * step
        self.viewport = pygame.Rect(0, bar, canvas.rect.width, canvas.rect.height - bar)
        self.content_bottom = y + hint_h
        self._hint_y = y

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
        canvas.text(
            "Cover Names",
            (canvas.rect.centerx, self._title_y - self.scroll),
            sizes.title,
            palette.accent,
            "bold",
            "title",
            align="centre",
        )
        block = canvas.cache.layout(TAGLINE, sizes.body, self._width)
        canvas.block(
            block,
            (self._left, self._tagline_y - self.scroll),
            sizes.body,
            colour=palette.muted,
            role="subtitle",
        )
        for item in self.items:
            if item.extra.get("kind") == "tool":
                continue
            key = str(item.number) if item.number else "C"
            label = fit(f"{key}  {item.text}", item.rect.width - sizes.gap * 3,
                        lambda text: canvas.cache.width(text, sizes.body))
            self.draw_button(canvas, item, [(label, sizes.body, "regular")])
        width, hint = canvas.rect.width - 2 * sizes.margin, self._hint()
        y = self._hint_y - self.scroll
        if canvas.cache.width(hint, sizes.small) <= width:
            canvas.text(hint, (canvas.rect.centerx, y), sizes.small, palette.muted,
                        role="hint", align="centre")
        else:  # too wide for one line: wrapped, never cut off
            canvas.block(canvas.cache.layout(hint, sizes.small, width), (sizes.margin, y),
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
