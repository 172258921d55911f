"""Scene select: each scene's card (title, place, date, role, length, content notes, progress)."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.desktop.canvas import Canvas
from game.desktop.screen import Item, Screen
from game.desktop.widgets import column
from game.diagnostics import Diagnostic
from game.engine import Story
from game.model import Scene
from game.saves import autosave_slot, list_saves, read_save
from game.saves.slots import LoadedSave


def broken_scenes(story: Story) -> list[Diagnostic]:
    """The first error of each scene file that did not load, in file order: each gets a card,
    so an author sees at once why their scene is missing from the list."""
    loaded = {Path(scene.path) for scene in story.scenes.values()}
    first: dict[str, Diagnostic] = {}
    for diagnostic in story.diagnostics:
        file = diagnostic.where.file
        if diagnostic.is_error and Path(file) not in loaded and file not in first:
            first[file] = diagnostic
    return [first[file] for file in sorted(first)]


def broken_card_lines(diagnostic: Diagnostic) -> list[tuple[str, str, str]]:
    """(text, size name, style) lines of a broken scene's card."""
    lines = [(f"{Path(diagnostic.where.file).name} could not be loaded", "heading", "bold"),
             (f"{diagnostic.where}: {diagnostic.severity.value} {diagnostic.code}: "
              f"{diagnostic.message}", "small", "regular")]
    if diagnostic.hint:
        lines.append((f"Hint: {diagnostic.hint}", "small", "regular"))
    lines.append(("Fix the file, save it, and press F5 after fixing "
                  "('cover-names lint' lists every problem).", "small", "bold"))
    return lines


class ScenesScreen(Screen):
    name = "scenes"
    scroll_cue = True

    def on_show(self) -> None:
        self.invalidate()

    def _progress(self) -> dict[str, tuple[str, LoadedSave | None]]:
        """For each scene: words for its progress, and its autosave when it can be resumed."""
        story = self.app.story
        found: dict[str, tuple[str, LoadedSave | None]] = {}
        saves = {slot.slot: slot for slot in list_saves()}
        for scene in story.ordered:
            slot = saves.get(autosave_slot(scene.id))
            if slot is None or slot.problem:
                found[scene.id] = ("Not started", None)
                continue
            loaded = read_save(slot.path, story)
            if loaded.playthrough is None:
                found[scene.id] = ("Not started (the old autosave no longer fits this scene)", None)
            elif scene.nodes[loaded.playthrough.node].ending is not None:
                found[scene.id] = (
                    f"Finished ({slot.steps} steps). Choose to see your debrief.",
                    loaded,
                )
            else:
                found[scene.id] = (f"In progress: {slot.steps} steps taken, autosaved", loaded)
        return found

    def _card_lines(self, scene: Scene, progress: str) -> list[tuple[str, str, str]]:
        """(text, size name, style) lines of a card, wrapped later."""
        facts = f"{scene.place} · {scene.date} · you are {scene.role}"
        if scene.length_minutes:
            facts += f" · about {scene.length_minutes} minutes"
        lines = [
            (scene.title, "heading", "bold"),
            (facts, "small", "regular"),
            (scene.summary, "body", "regular"),
        ]
        if scene.content_notes:
            lines.append(("Content notes: " + ", ".join(scene.content_notes), "small", "italic"))
        lines.append((progress, "small", "bold"))
        return lines

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        col = column(canvas)
        broken = broken_scenes(self.app.story)
        shown = len(self.app.story.ordered)
        count = f"{shown} scene{'' if shown == 1 else 's'}, in historical order"
        if broken:
            count += f" · {len(broken)} could not be loaded"
        top = self.make_header(canvas, "Choose a scene", count)
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        y = top + sizes.gap * 3
        self.items, self._cards = [], []
        progress = self._progress()
        inner = col.width - 4 * sizes.gap
        size_of = {"heading": sizes.heading, "small": sizes.small, "body": sizes.body}
        for number, scene in enumerate(self.app.story.ordered, start=1):
            words, loaded = progress[scene.id]
            lines = self._card_lines(scene, words)
            height = (
                sum(
                    cache.layout(text, size_of[s], inner, style).height + sizes.gap // 2
                    for text, s, style in lines
                )
                + 3 * sizes.gap
            )
            rect = pygame.Rect(col.left, y, col.width, height)
            self.items.append(
                Item(scene.id, rect, self._starter(scene, loaded), scene.title, number=number)
            )
            self._cards.append((rect, lines))
            y = rect.bottom + sizes.gap
            if loaded is not None:
                again_h = cache.line_height(sizes.small) + sizes.gap * 2
                again = pygame.Rect(col.left, y, col.width // 2, again_h)
                self.items.append(
                    Item(
                        f"restart:{scene.id}",
                        again,
                        self._restarter(scene),
                        f"Start '{scene.title}' again",
                    )
                )
                y = again.bottom + sizes.gap
            y += sizes.gap * 2
        for diagnostic in broken:
            lines = broken_card_lines(diagnostic)
            height = sum(cache.layout(text, size_of[s], inner, style).height + sizes.gap // 2
                         for text, s, style in lines) + 3 * sizes.gap
            rect = pygame.Rect(col.left, y, col.width, height)
            self.items.append(Item(f"broken:{diagnostic.where.file}", rect, lambda: None,
                                   lines[0][0], enabled=False,
                                   hint="Fix the file, save it, and press F5."))
            self._cards.append((rect, lines))
            y = rect.bottom + sizes.gap * 3
        # The story's frame around the scenes: its opening always, its closing once the
        # scene it follows is finished (it tells what became of everyone in it). The frame
        # names that scene: a scene added after it does not hide the closing.
        y = self._frame_item("opening", "Read the opening: Hede Massing looking back", col, y,
                             canvas)
        from game.desktop.story_frame import frame_of

        closing = frame_of(self.app).closing
        last = closing.after if closing is not None else ""
        if last in progress and progress[last][0].startswith("Finished"):
            y = self._frame_item("closing", "Read the closing: what became of them", col, y,
                                 canvas)
        if not self.items:
            self._cards = []
        self.content_bottom = y
        self.items = self.with_header_items(self.items)

    def _frame_item(self, which: str, text: str, col: pygame.Rect, y: int,
                    canvas: Canvas) -> int:
        """A line-high button for a page of the story's frame, when the frame has it."""
        from game.desktop.story_frame import frame_of

        frame = frame_of(self.app)
        page = frame.opening if which == "opening" else frame.closing
        if page is None:
            return y
        sizes = canvas.sizes
        rect = pygame.Rect(col.left, y, col.width // 2,
                           canvas.cache.line_height(sizes.small) + sizes.gap * 2)
        self.items.append(Item(f"frame:{which}", rect, self._frame_opener(which), text))
        return rect.bottom + sizes.gap

    def _frame_opener(self, which: str):  # type: ignore[no-untyped-def]
        def open_page() -> None:
            from game.desktop.story_frame import frame_of, open_after, open_opening, start_scene

            frame = frame_of(self.app)
            if which == "opening" and frame.opening is not None:
                first = frame.opening.next
                open_opening(self.app, lambda: start_scene(self.app, first))
            elif frame.closing is not None:
                open_after(self.app, frame.closing.after)

        return open_page

    def _restarter(self, scene: Scene):  # type: ignore[no-untyped-def]
        """Starting again moves the scene's autosave aside (`write_save`), so it asks first
        and says where the old place will be."""

        def ask() -> None:
            from game.desktop.screens.confirm import ConfirmScreen

            self.app.push(
                ConfirmScreen(
                    self.app,
                    f"Start '{scene.title}' again?",
                    "Your autosaved place is kept as this scene's earlier run: Load a saved "
                    "game lists it under Autosaves, to go back to (only the latest earlier "
                    "run is kept). Saves in the numbered slots are kept too.",
                    "Start again (Y)",
                    self._starter(scene, None),
                    "Keep my place (Esc)",
                )
            )

        return ask

    def _starter(self, scene: Scene, loaded: LoadedSave | None):  # type: ignore[no-untyped-def]
        """Play the scene; starting the first scene afresh, the story's opening comes first
        once (`story_frame.opening_due`), with Skip."""

        def start_or_open() -> None:
            from game.desktop.story_frame import open_opening, opening_due

            if loaded is None and opening_due(self.app, scene.id):
                open_opening(self.app, start, before_scene=True)
            else:
                start()

        def start() -> None:
            story = self.app.story
            if loaded is not None and loaded.playthrough is not None:
                player = story.resume(loaded.playthrough)
            else:
                player = story.new_player(scene.id)
            self.app.open_play(player)
            if loaded is not None and player.is_over:
                from game.desktop.screens.debrief import DebriefScreen

                self.app.push(DebriefScreen(self.app, player))

        return start_or_open

    def draw(self, canvas: Canvas) -> None:
        sizes, palette, cache = canvas.sizes, canvas.palette, canvas.cache
        size_of = {"heading": sizes.heading, "small": sizes.small, "body": sizes.body}
        clip = self.viewport
        card_items = [item for item in self.items
                      if not item.id.startswith(("restart:", "tool:", "frame:"))]
        for item, (_, lines) in zip(card_items, self._cards, strict=True):
            rect = self.draw_button(canvas, item, [])
            y = rect.top + sizes.gap * 2
            for text, size_name, style in lines:
                size = size_of[size_name]
                colour = (
                    palette.accent
                    if size_name == "heading" and item.enabled
                    else (
                        palette.muted if size_name == "small" and style != "bold" else palette.text
                    )
                )
                block = cache.layout(text, size, rect.width - 4 * sizes.gap, style)
                canvas.block(
                    block, (rect.left + 2 * sizes.gap, y), size, style, colour, "card", clip
                )
                y += block.height + sizes.gap // 2
        for item in self.items:
            if item.id.startswith(("restart:", "frame:")):
                self.draw_button(canvas, item, [(item.text, sizes.small, "regular")])
        self.draw_scroll_cue(canvas)
        if not any(item.enabled for item in card_items):
            canvas.text(
                "No scenes could be loaded. Run 'cover-names lint' to see why.",
                (column(canvas).left, self.viewport.top + sizes.margin),
                role="message",
            )
        self.draw_header(canvas)

    def speech_text(self) -> str:
        return ". ".join(
            [f"{scene.title}, {scene.place}, {scene.date}. {scene.summary}"
             for scene in self.app.story.ordered]
            + [" ".join(text for text, _, _ in broken_card_lines(diagnostic))
               for diagnostic in broken_scenes(self.app.story)]
        )
