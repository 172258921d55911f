"""The place card: entering a scene, and whenever the place or date changes.

A map of America or Europe with the scene's cities marked, the place and the
date as the scene gives them, and one line of context (the scene and who the
player is). Any key, a click or Enter goes on to the passage. The map is
drawn once and kept (`maps.MapPainter`), so the card's frames only blit it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas, Label
from game.desktop.maps import MapPainter, cities_in, view_for
from game.desktop.period import draw_folder
from game.desktop.screen import Item, Screen

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.engine import Passage
    from game.model import Scene

_PAINTERS: dict[int, MapPainter] = {}


class PlaceCardScreen(Screen):
    name = "place-card"

    def __init__(self, app: App, scene: Scene, passage: Passage) -> None:
        super().__init__(app)
        self.scene = scene
        self.place = passage.place
        self.date = passage.date
        # A place the atlas does not know ("Outside the Soviet Union") gets the scene's
        # part of the world, with no city marked rather than a wrong one.
        self.cities = cities_in(self.place)
        self.view = view_for(self.cities) or view_for(cities_in(scene.place))
        self.context = f"{scene.title} · You are {scene.role}"

    def _painter(self) -> MapPainter:
        key = id(self.app.cache)
        if key not in _PAINTERS:
            _PAINTERS.clear()
            _PAINTERS[key] = MapPainter(self.app.cache)
        return _PAINTERS[key]

    def layout(self, canvas: Canvas) -> None:
        sizes, cache = canvas.sizes, canvas.cache
        self.viewport = canvas.rect.copy()
        card = canvas.rect.inflate(-2 * sizes.margin, -2 * sizes.margin)
        card.width = min(card.width, sizes.body * 46)
        card.centerx = canvas.rect.centerx
        self._card = card
        place_h = cache.line_height(sizes.title, "period")
        date_h = cache.line_height(sizes.heading, "typewriter")
        text_w = card.width - sizes.gap * 8
        self._context = cache.layout(self.context, sizes.body, text_w)
        button_h = cache.line_height(sizes.body) + sizes.gap * 2
        words_h = (place_h + date_h + self._context.height + button_h
                   + sizes.gap * 6 + cache.line_height(sizes.small, "typewriter") * 2)
        room = card.height - words_h
        self._map_rect: pygame.Rect | None = None
        if self.view is not None and room > sizes.body * 6:
            map_w = min(text_w, round(room * self.view.aspect))
            map_h = min(room, round(map_w / self.view.aspect))
            self._map_rect = pygame.Rect(0, 0, map_w, map_h)
        button = pygame.Rect(0, 0, max(sizes.body * 9, cache.width("Continue (Enter)",
                                                                   sizes.body) + sizes.gap * 4),
                             button_h)
        button.midbottom = (card.centerx, card.bottom - sizes.gap * 2)
        self.items = [Item("continue", button, self.back, "Continue (Enter)", fixed=True)]
        self.content_bottom = card.bottom

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE):
            self.back()
            return True
        return False

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.back()  # a click anywhere goes on: the card is a moment, not a form
            return
        super().handle(event)

    def draw(self, canvas: Canvas) -> None:
        sizes, palette = canvas.sizes, canvas.palette
        inner = draw_folder(canvas, self._card, self.scene.title.upper())
        y = inner.top + sizes.gap
        if self._map_rect is not None and self.view is not None:
            surface = self._painter().surface(self.view, self._map_rect.size, palette,
                                              self.cities, sizes.small)
            rect = surface.get_rect(midtop=(inner.centerx, y))
            canvas.surface.blit(surface, rect)
            # The cities drawn into the map, in the text model too (tests, reading aloud).
            canvas.labels += [Label(city.name, rect, "map-city") for city in self.cities]
            y = rect.bottom + sizes.gap * 2
        y = canvas.text(self.place, (inner.centerx, y), sizes.title, palette.ink, "period",
                        "place", align="centre").bottom
        y = canvas.text(self.date, (inner.centerx, y + sizes.gap // 2), sizes.heading,
                        palette.ink, "typewriter", "date", align="centre").bottom + sizes.gap
        canvas.block(self._context, (inner.centerx - self._context_width(canvas) // 2, y),
                     sizes.body, colour=palette.muted, role="context")
        self.draw_button(canvas, self.items[0])

    def _context_width(self, canvas: Canvas) -> int:
        return max((run.x + run.width for run in self._context.runs), default=0)

    def speech_text(self) -> str:
        return f"{self.place}. {self.date}. {self.context}."
