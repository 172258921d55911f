"""The scene debrief: the player's path against the record, what happened next, and the export.

Every choice is listed with its verdict (word, colour and icon) and the note;
the epilogue follows with its sources. "Export my record" writes the file a
student hands in, in the classroom tools' record format.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow
from game.desktop.screen import Screen
from game.desktop.story_frame import frame_of
from game.desktop.widgets import citation_caption, column
from game.engine import Player
from game.model import Citation, EndingKind, Verdict

if TYPE_CHECKING:
    from game.desktop.app import App


class DebriefScreen(Screen):
    name = "debrief"
    scroll_cue = True

    def __init__(self, app: App, player: Player) -> None:
        super().__init__(app)
        self.player = player
        self.exported = ""
        self._saved_top = 0  # where "Saved as …" begins, in content coordinates
        self._show_saved = False  # just exported: bring that line into sight

    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        top = self.make_header(
            canvas,
            f"Debrief: {self.player.scene.title}",
            "Your path against the historical record",
        )
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        player = self.player
        steps = [step for step in player.history if step.record is not None]
        counts = Counter(step.record.verdict for step in steps if step.record is not None)
        ending = player.ending
        if ending is not None:
            historical = ending.kind is EndingKind.HISTORICAL
            flow.text(
                "Your ending: "
                + ("this is how it happened" if historical else "this did not happen"),
                sizes.heading,
                "bold",
                "accent",
                "ending",
            )
        else:
            flow.text("The scene is not finished yet", sizes.heading, "bold", "accent", "ending")
        summary = ", ".join(f"{counts[v]} {v.label.lower()}" for v in Verdict if counts[v])
        flow.para(f"You made {len(steps)} choices: {summary or 'none yet'}.", role="summary")
        flow.space(sizes.gap * 2)
        flow.button(
            "export", "Export my record (E): the file to hand in", self._export, style="bold"
        )
        if self.exported:
            path = Path(self.exported)
            self._saved_top = flow.para(
                f"Saved as {path.name}, in the folder {path.parent}. "
                "Hand this file in, or copy it from that folder.",
                sizes.small,
                role="exported",
            ).top
            flow.space(sizes.gap // 2)
            flow.button(
                "open-folder",
                "Open the folder",
                self._open_folder,
                size=sizes.small,
                width=sizes.body * 12,
            )
        flow.space(sizes.gap // 2)
        flow.button("send", "Send to the class (S): by the address on the projector",
                    self._send, size=sizes.small)
        flow.space(sizes.gap * 2)
        flow.text("Your path against the record", sizes.heading, "bold", "accent", "heading")
        flow.space()
        for number, step in enumerate(steps, start=1):
            record = step.record
            assert record is not None
            flow.panel_begin(f"verdict:{record.verdict.value}")
            flow.para(
                f"{number}. You chose: {step.choice_text}",
                sizes.body,
                "bold",
                role="debrief-choice",
            )
            flow.space(sizes.gap // 2)
            flow.badge(record.verdict, sizes.body)
            flow.para(record.note, sizes.body, role="debrief-note")
            self._citations(flow, f"step{number}", record.citations)
            discuss = self.player.scene.nodes[step.node_id].discuss  # after the record, as in play
            if discuss:
                flow.para("To discuss: " + discuss, sizes.body, "italic", "accent", "discuss")
            flow.panel_end()
        if ending is not None and ending.epilogue:
            flow.space(sizes.gap)
            flow.text("What the sources say happened next", sizes.heading, "bold", "accent",
                      "heading")
            flow.space()
            flow.para(ending.epilogue, sizes.body, role="epilogue")
            self._citations(flow, "epilogue", ending.citations)
        flow.space(sizes.gap * 2)
        flow.button("scene-map", "See the map of the scene: your path and the branches "
                    "still to find (P)", self._scene_map)
        flow.button("history", "Go back to any step and choose differently (H)", self._history)
        after = frame_of(self.app).after(player.scene.id) if player.is_over else None
        if after is not None:  # the story's frame: the bridge to the next scene, or the closing
            label = (f"Next: {self._title(after.next)} (N)" if after.next
                     else f"Afterwards: {after.title.lower()} (N)")
            flow.button("frame-next", label, self._frame_next, style="bold")
        flow.button("scenes", "Another scene", self._scenes)
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin

    def _citations(self, flow: Flow, prefix: str, citations: tuple[Citation, ...]) -> None:
        for number, citation in enumerate(citations, start=1):
            flow.button(
                f"{prefix}:cite:{number}",
                citation_caption(citation),
                self._source_opener(citation),
                size=flow.sizes.small,
                kind="cite",
            )

    def _source_opener(self, citation: Citation):  # type: ignore[no-untyped-def]
        def open_source() -> None:
            from game.desktop.screens.source import SourceScreen

            self.app.push(SourceScreen(self.app, citation))

        return open_source

    def _export(self) -> None:
        from game.desktop.screens.name_entry import NameEntryScreen

        self.app.push(NameEntryScreen(self.app, self._export_as))

    def _send(self) -> None:
        from game.desktop.screens.class_address import ClassAddressScreen

        self.app.push(ClassAddressScreen(self.app, self._send_to))

    def _send_to(self, address: str) -> None:
        """Hand the record to the classroom server (a few seconds at most, then it says why)."""
        from game.classroom.hand_in import HandInError, send_record
        from game.classroom.records import build_record

        try:
            send_record(build_record(self.player, self.app.settings.student_name), address,
                        timeout=5.0)
        except HandInError as error:
            self.app.notify(f"Not sent: {error}", 10.0)
            return
        self.app.notify("Sent to the class: your teacher has your record.", 8.0)

    def _export_as(self, name: str) -> None:
        from game.desktop.records import export_record

        try:
            path = export_record(self.player, name)
        except OSError as error:
            self.app.notify(f"Could not export: {error.strerror or error}")
            return
        self.exported = str(path)
        self.invalidate()
        self.pending_focus = "open-folder"
        self._show_saved = True
        self.app.notify(f"Record exported: {path.name}. Hand this file in.")

    def ensure_layout(self, canvas: Canvas, key: object) -> None:
        super().ensure_layout(canvas, key)
        if self._show_saved and self._layout_key is not None:
            # Focus moved to "Open the folder"; the line saying where the file went, just
            # above it, must not be left under the header.
            self._show_saved = False
            margin = canvas.sizes.gap * 2
            if self._saved_top - self.scroll < self.viewport.top + margin:
                self.scroll = self._saved_top - self.viewport.top - margin
                self.clamp_scroll()

    def _open_folder(self) -> None:
        from game.desktop import folders

        problem = folders.open_folder(Path(self.exported).parent)
        self.app.notify(problem or "The folder is opening in a window of its own.", 8.0)

    def _history(self) -> None:
        from game.desktop.screens.history import HistoryScreen
        from game.desktop.screens.play import PlayScreen

        play = self.app.find_screen("play")
        if isinstance(play, PlayScreen):  # over the debrief: its Back comes back here
            self.app.push(HistoryScreen(self.app, play))

    def _title(self, scene_id: str) -> str:
        scene = self.app.story.scenes.get(scene_id)
        return scene.title if scene is not None else scene_id

    def _frame_next(self) -> None:
        from game.desktop.story_frame import open_after

        open_after(self.app, self.player.scene.id)

    def _scenes(self) -> None:
        from game.desktop.screens.scenes import ScenesScreen

        self.app.replace(ScenesScreen(self.app))

    def _scene_map(self) -> None:
        from game.desktop.screen import registered_screen

        factory = registered_screen("scene-map")
        screen = factory(self.app) if factory is not None else None
        if screen is not None:
            self.app.push(screen)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_p:
            self._scene_map()
        elif event.key == pygame.K_e:
            self._export()
        elif event.key == pygame.K_s:
            self._send()
        elif event.key == pygame.K_h:
            self._history()
        elif event.key == pygame.K_n and self.player.is_over and frame_of(self.app).after(
                self.player.scene.id):
            self._frame_next()
        else:
            return False
        return True

    def draw(self, canvas: Canvas) -> None:
        self._flow.draw(canvas, self)
        self.draw_header(canvas)

    def speech_text(self) -> str:
        parts = []
        for step in self.player.history:
            if step.record is not None:
                record = step.record
                parts.append(
                    f"You chose: {step.choice_text}. {record.verdict.label}. {record.note}"
                )
        return " ".join(parts)
