"""Play: the place and date, the speaker, the passage, the numbered options, and the record panel.

Before a choice the decision's question (`ask`) stands above the options;
after it the record panel (verdict as word, colour and icon; the note; the
citations, each opening the source viewer; then the question to discuss, and
"What if I had…" for the other options' records) stands below the passage
the choice was made at, until the player continues. With the record revealed at
the end, play goes straight on and the debrief shows every record. What the
record panel and the ending's panel hold is `record_panel.py`'s.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.documents import Document, segments
from game.desktop.flow import Flow
from game.desktop.header import Tool
from game.desktop.resume import forget_open_record, remember_open_record, restored_record
from game.desktop.screen import Screen
from game.desktop.screens.options import draw_link, draw_option, lay_out_links, lay_out_options
from game.desktop.screens.panels import play_panel
from game.desktop.screens.record_panel import lay_out_ending, lay_out_record
from game.desktop.widgets import citation_caption, column
from game.engine import ChoiceUnavailable, Outcome, Passage, Player
from game.engine.machine import CONTINUE
from game.model import Citation

if TYPE_CHECKING:
    from game.desktop.app import App

DRAMATISED = "Dramatisation: not quoted from the sources"
FADE_SECONDS = 0.18


class PlayScreen(Screen):
    name = "play"
    scroll_cue = True

    def __init__(self, app: App, player: Player) -> None:
        super().__init__(app)
        self.player = player
        self.pending: Outcome | None = None  # the record panel is showing this outcome
        self.what_if = False  # the records of the options not taken are open
        self.shown: Passage = player.passage
        self._faded_at = 0.0
        self._card_for: tuple[str, str] | None = None  # the place and date last announced
        self._carded: set[object] = set()  # the places of this scene a card has shown
        self._slip = False  # the header changed with this passage: a date slip tops it
        self._sounded = ""  # the node whose sound (and room) was started last
        self.sources_open = False  # the passage's sources, folded under it until asked for
        self._flow: Flow | None = None
        self.panel_top = 0
        self.options_top = 0  # where the option list (its prompt first) starts
        self._restore_record()
        app.autosave(player)

    def _restore_record(self) -> None:
        """Resuming where a record panel stood open (Esc → Continue) shows that record again."""
        if self.app.settings.reveal == "each":
            restored = restored_record(self.player)
            if restored is not None:
                self.shown, self.pending = restored

    # -- state changes ---------------------------------------------------------------------
    def replace_player(self, player: Player) -> None:
        """A reload or a load put another Playthrough in this screen."""
        self.player = player
        self.pending = None
        self._new_view()

    def _new_view(self) -> None:
        before = (self.shown.place, self.shown.date)
        self.shown = self.pending_passage()
        self._slip = before != (self.shown.place, self.shown.date)
        self.sources_open = False
        self.what_if = False
        self.scroll = 0
        self.pending_focus = None
        self.invalidate()
        if not self.app.settings.reduce_motion:
            self._faded_at = time.monotonic()

    def pending_passage(self) -> Passage:
        return self.shown if self.pending is not None else self.player.passage

    def choose(self, option_id: str) -> None:
        before = self.player.passage
        try:
            outcome = self.player.choose(option_id)
        except ChoiceUnavailable as error:
            self.app.notify(str(error))
            return
        self.app.autosave(self.player)
        if outcome.record is not None and self.app.settings.reveal == "each":
            self.pending = outcome
            self.shown = before
            remember_open_record(self.player)
        else:
            self.pending = None
            forget_open_record()
        self._new_view()

    def on_show(self) -> None:
        """Back from a source opened on the record panel: Enter is Continue again, as its
        button says, not the citation that was opened (the page is not scrolled)."""
        if self.pending is not None:
            for index, item in enumerate(self.items):
                if item.id == "continue":
                    self.focus = index

    def proceed(self) -> None:
        """Leave the record panel for the passage the choice led to."""
        self.pending = None
        forget_open_record()
        self._new_view()

    def rewind_last(self) -> None:
        history = self.player.history
        choices = [step for step in history if step.choice_id != CONTINUE]
        if not history:
            self.app.notify("Nothing to rewind yet: this is where the scene starts.")
            return
        step = choices[-1] if choices else history[0]
        self.rewind_to(step.index)

    def rewind_to(self, index: int) -> None:
        step = self.player.step_view(index)
        self.player.rewind(index)
        self.app.autosave(self.player)
        self.pending = None
        forget_open_record()
        self._new_view()
        self.app.notify(f"Rewound to before: {step.choice_text}")

    # -- layout -----------------------------------------------------------------------------
    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        passage = self.shown if self.pending is not None else self.player.passage
        self.shown = passage
        top = self.make_header(canvas, self.player.scene.title, f"{passage.place} · {passage.date}")
        self.viewport = pygame.Rect(0, top, canvas.rect.width, canvas.rect.height - top)
        col = column(canvas)
        flow = Flow(canvas, col.left, col.width, top + sizes.gap * 3)
        if self._slip and self.pending is None:
            flow.text(f"{passage.place} · {passage.date}".upper(), sizes.small,
                      "typewriter-bold", "muted", "date-slip")
            flow.space(sizes.gap)
        if passage.speaker:
            flow.text(passage.speaker, sizes.body, "bold", "accent", "speaker")
            flow.space(sizes.gap // 2)
        if passage.dramatised:
            flow.dramatised(DRAMATISED)
        self._passage_text(flow, passage)
        if passage.citations:
            # Folded to one line: the passage has just quoted them. Opened on demand.
            flow.space(sizes.gap)
            count = len(passage.citations)
            flow.button("sources", (f"From the sources: {count} quoted passage"
                                    f"{'s' if count > 1 else ''}, with who said them — "
                                    f"{'hide' if self.sources_open else 'show'}"),
                        self.toggle_sources, size=sizes.small, kind="cite")
            if self.sources_open:
                self._citations(flow, "cite", passage.citations)
        flow.space(sizes.gap * 2)
        if self.pending is not None:
            self.panel_top = flow.y
            others = tuple(other for other in self.player.records_at(
                self.pending.node_id, self.pending.choice_id) if not other.chosen)
            lay_out_record(flow, self.pending, self._citations, self.proceed, others,
                           self.toggle_what_if, self.what_if)
        elif self.player.is_over:
            ending = self.player.ending
            assert ending is not None
            lay_out_ending(flow, ending, self._citations, self._debrief, self.rewind_last)
        else:
            self._options(flow)
        self._flow = flow
        self.items = self.with_header_items(flow.items)
        self.content_bottom = flow.y + sizes.margin
        if self.pending_focus is None and self._layout_key is None:
            self.pending_focus = self._default_focus()

    def ensure_layout(self, canvas: Canvas, key: object) -> None:
        fresh = self._layout_key is None
        super().ensure_layout(canvas, key)
        if fresh:
            self.scroll = 0  # a new passage is read from its top, wherever the focus is
        if fresh and self.pending is not None:
            # The record is what the player wants to read now: bring "You chose" to the top
            # when the panel would otherwise start below the fold.
            panel_bottom = self.content_bottom - self.scroll
            if panel_bottom > self.viewport.bottom:
                self.scroll = self.panel_top - self.viewport.top - canvas.sizes.gap * 2
            # "What if I had…" just opened: its button on top, the other records below it.
            opened = next((i for i in self.items if i.id == "what-if" and self.what_if), None)
            if opened is not None and self.pending_focus is None and self.focused is opened:
                self.scroll = opened.rect.top - self.viewport.top - canvas.sizes.gap * 2
            self.clamp_scroll()

    def _default_focus(self) -> str | None:
        if self.pending is not None:
            return "continue"
        for item in self.items:
            if item.extra.get("kind") == "option" and item.enabled:
                return item.id
        for wanted in ("continue", "debrief"):
            if any(item.id == wanted for item in self.items):
                return wanted
        return None

    def _passage_text(self, flow: Flow, passage: Passage) -> None:
        """The passage: the game's words with names linked to the dossier, and the stretches
        that quote a document set as that document (`documents`)."""
        sizes = flow.sizes
        for number, segment in enumerate(segments(passage.text, passage.citations)):
            if number:
                flow.space(sizes.gap * 2)
            if segment.style:
                flow.document(Document.lay_out(flow.cache, segment, flow.inner, sizes.body,
                                               sizes.small))
                continue
            marks = self.app.reference.mentions(segment.text, self.player.scene.id)
            text_rect = flow.para(segment.text, sizes.body, role="passage", marks=marks)
            lay_out_links(flow, segment.text, marks, text_rect, self._dossier_opener)

    def _citations(self, flow: Flow, prefix: str, citations: tuple[Citation, ...]) -> None:
        for number, citation in enumerate(citations, start=1):
            caption = citation_caption(citation, limit=max(40, flow.inner * 2 // flow.sizes.small))
            flow.button(
                f"{prefix}:{number}",
                caption,
                self._source_opener(citation),
                size=flow.sizes.small,
                kind="cite",
            )

    def _options(self, flow: Flow) -> None:
        self.options_top = flow.y
        lay_out_options(flow, self.player, self._chooser)

    # -- actions ---------------------------------------------------------------------------
    def toggle_sources(self) -> None:
        """Open (or fold again) the passage's sources under it."""
        self.sources_open = not self.sources_open
        self.invalidate()
        self.pending_focus = "cite:1" if self.sources_open else "sources"

    def toggle_what_if(self) -> None:
        """Open (or close) the records of the options not taken; the path stays as it is."""
        if self.pending is None:
            return
        self.what_if = not self.what_if
        self.invalidate()
        if self.what_if:
            self.pending_focus = "what-if"

    def _chooser(self, option_id: str):  # type: ignore[no-untyped-def]
        return lambda: self.choose(option_id)

    def _source_opener(self, citation: Citation):  # type: ignore[no-untyped-def]
        def open_source() -> None:
            from game.desktop.screens.source import SourceScreen

            self.app.push(SourceScreen(self.app, citation))

        return open_source

    def _dossier_opener(self, entry_id: str):  # type: ignore[no-untyped-def]
        return lambda: self.app.push(play_panel(self, "dossier", entry_id))

    def _debrief(self) -> None:
        from game.desktop.screens.debrief import DebriefScreen

        self.app.push(DebriefScreen(self.app, self.player))

    def open_panel(self, name: str) -> None:
        self.app.push(play_panel(self, name))

    def on_key(self, event: pygame.event.Event) -> bool:
        panels = {
            pygame.K_h: "history",
            pygame.K_d: "dossier",
            pygame.K_t: "timeline",
            pygame.K_s: "saves",
        }
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False
        if event.key == pygame.K_BACKSPACE:
            self.rewind_last()
        elif event.key in panels:
            self.open_panel(panels[event.key])
        elif event.key == pygame.K_w and self.pending is not None:
            self.toggle_what_if()
        elif event.key == pygame.K_o and self.shown.citations:
            self._source_opener(self.shown.citations[0])()
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            focused = self.focused
            if self.pending is not None and focused is not None and focused.id == "what-if":
                self.proceed()  # Enter is Continue, as its button says; W is "What if"
                return True
            return self._show_options_first()
        else:
            return False
        return True

    def _show_options_first(self) -> bool:
        """Enter on a choice out of sight brings the whole list into view from its prompt
        (`Screen.show_group`), so option 1 is never taken before 2, 3… were seen."""
        focused = self.focused
        if focused is None or focused.extra.get("kind") != "option":
            return False
        options = [item for item in self.items if item.extra.get("kind") == "option"]
        return self.show_group(options, self.options_top)

    def back(self) -> None:
        self.app.pop()  # to the title; the autosave keeps the place

    def tools(self) -> list[Tool]:
        """Every key of play as a button, so the mouse alone reaches every panel."""
        app = self.app
        return [
            Tool("back", "Menu", "Esc", self.back),
            Tool("rewind", "Undo", "Bksp", self.rewind_last),
            Tool("history", "History", "H", lambda: self.open_panel("history")),
            Tool("dossier", "Dossier", "D", lambda: self.open_panel("dossier")),
            Tool("timeline", "Timeline", "T", lambda: self.open_panel("timeline")),
            Tool("saves", "Saves", "S", lambda: self.open_panel("saves")),
            Tool("voice", "Read aloud", "V", app.read_aloud),
            Tool("help", "Help", "?", app.toggle_help),
        ]

    def more_below(self) -> str:
        """Name what the window's foot hides when it is what the student needs next."""
        focused = self.focused
        if focused is not None and self.on_screen(focused).bottom > self.viewport.bottom:
            kind = focused.extra.get("kind")
            if kind == "option":
                return "Your choices are below: scroll, or press Enter"
            if focused.id == "continue":
                return "Continue is below: scroll, or press Enter"
            if focused.id == "debrief":
                return "Your path against the record is below: press Enter"
        return "More below"

    def update(self, dt: float) -> bool:
        if self._announce_place():
            return True
        return bool(self._faded_at) and time.monotonic() - self._faded_at < FADE_SECONDS

    def place_announced(self) -> None:
        """Count the place card of what is shown as seen (a screenshot of the passage itself)."""
        self._card_for = (self.shown.place, self.shown.date)

    def _announce_place(self) -> bool:
        """Entering the scene, and when the place or date changes: the place card first.
        Then the place's room tone, and the passage's own sound once it is in sight."""
        if self.app.top is not self:
            return False
        where = (self.shown.place, self.shown.date)
        if where == self._card_for:
            if self._sounded != self.shown.node_id:
                self._sounded = self.shown.node_id
                self.app.sound.set_place(self.shown.place)
                if self.shown.sound:
                    self.app.sound.play(self.shown.sound)
            return False
        self._card_for = where
        from game.desktop.maps import cities_in
        from game.desktop.screens.place_card import PlaceCardScreen

        # A card the first time the scene is at a place (a city, or a place no map knows);
        # a new date, or a return, is the date slip at the top of the passage instead.
        place = frozenset(city.name for city in cities_in(self.shown.place)) or self.shown.place
        if place in self._carded:
            return False
        self._carded.add(place)
        self.app.push(PlaceCardScreen(self.app, self.player.scene, self.shown))
        return True

    def speech_text(self) -> str:
        parts = [self.shown.speaker, self.shown.text]
        if self.pending is not None and self.pending.record is not None:
            record = self.pending.record
            parts += [
                f"You chose: {self.pending.choice_text}.",
                f"The record: {record.verdict.label}.",
                record.note,
                self.pending.discuss,
            ]
        else:
            parts.append(self.player.ask)
            parts += [
                f"Option {o.number}: {o.text}" + ("" if o.available else ", locked.")
                for o in self.player.options
            ]
        return " ".join(part for part in parts if part)

    # -- drawing ------------------------------------------------------------------------------
    def draw(self, canvas: Canvas) -> None:
        assert self._flow is not None
        self._flow.draw(
            canvas,
            self,
            {
                "option": lambda c, i, r: draw_option(self, c, i, r),
                "link": lambda c, i, r: draw_link(self, c, i, r),
            },
        )
        self._fade(canvas)
        self.draw_header(canvas)

    def _fade(self, canvas: Canvas) -> None:
        if not self._faded_at:
            return
        left = 1 - (time.monotonic() - self._faded_at) / FADE_SECONDS
        if left <= 0:
            self._faded_at = 0.0
            return
        veil = pygame.Surface(self.viewport.size)
        veil.fill(canvas.palette.background)
        veil.set_alpha(int(255 * left))
        canvas.surface.blit(veil, self.viewport)
