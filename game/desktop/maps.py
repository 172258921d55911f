"""The place cards' maps: land and sea in a period style, with the scene's cities marked.

The land is Natural Earth's public-domain outline (assets/maps/land.json,
see its README), drawn without today's borders. A map is drawn once per
view, size and palette into a surface that is kept, so a card's frames only
blit it: a map costs no frame time after it is drawn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game import paths
from game.desktop.text import TextCache
from game.desktop.theme import Palette


@dataclass(frozen=True)
class City:
    name: str
    lon: float
    lat: float
    matches: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """A rectangle of the world in degrees: west, south, east, north."""

    name: str
    west: float
    south: float
    east: float
    north: float

    @property
    def aspect(self) -> float:
        """Width over height as drawn (longitude shrunk by the cosine of the middle latitude)."""
        middle = math.radians((self.south + self.north) / 2)
        return (self.east - self.west) * math.cos(middle) / (self.north - self.south)


@dataclass(frozen=True)
class Atlas:
    """Land rings (tenths of a degree), the cities, the views; empty when the files are missing."""

    rings: tuple[tuple[int, ...], ...]
    cities: tuple[City, ...]
    views: dict[str, View]
    problem: str = ""


@lru_cache(maxsize=1)
def atlas() -> Atlas:
    folder = paths.assets_dir() / "maps"
    try:
        land = json.loads((folder / "land.json").read_text(encoding="utf-8"))
        places = json.loads((folder / "places.json").read_text(encoding="utf-8"))
        rings = tuple(tuple(int(v) for v in ring) for ring in land["rings"])
        cities = tuple(City(str(p["name"]), float(p["lon"]), float(p["lat"]),
                            tuple(str(m) for m in p.get("matches", [p["name"]])))
                       for p in places["places"])
        views = {name: View(name, float(v["west"]), float(v["south"]), float(v["east"]),
                            float(v["north"])) for name, v in places["views"].items()}
    except (OSError, ValueError, KeyError, TypeError) as error:
        return Atlas((), (), {}, f"The maps could not be read ({error}).")
    return Atlas(rings, cities, views)


def cities_in(place: str) -> tuple[City, ...]:
    """The cities a scene's place names ("New York and Washington": both)."""
    wanted = place.casefold()
    return tuple(city for city in atlas().cities
                 if any(match.casefold() in wanted for match in city.matches))


def view_for(cities: tuple[City, ...]) -> View | None:
    """America, Europe, or the Atlantic between them when the cities are on both sides."""
    views = atlas().views
    if not cities or not views:
        return None
    west = all(city.lon < -30 for city in cities)
    east = all(city.lon >= -30 for city in cities)
    return views.get("america" if west else "europe" if east else "atlantic")


class MapPainter:
    """Draws and keeps map surfaces: one per view, size, palette and set of cities."""

    def __init__(self, cache: TextCache) -> None:
        self.cache = cache
        self._surfaces: dict[tuple[object, ...], pygame.Surface] = {}

    def surface(self, view: View, size: tuple[int, int], palette: Palette,
                cities: tuple[City, ...], label_size: int) -> pygame.Surface:
        key = (view, size, palette.name, cities, label_size)
        surface = self._surfaces.get(key)
        if surface is None:
            if len(self._surfaces) > 8:
                self._surfaces.clear()
            surface = self._draw(view, size, palette, cities, label_size)
            self._surfaces[key] = surface
        return surface

    def _draw(self, view: View, size: tuple[int, int], palette: Palette,
              cities: tuple[City, ...], label_size: int) -> pygame.Surface:
        width, height = size
        surface = pygame.Surface(size)
        surface.fill(palette.panel)
        scale_x = width / (view.east - view.west)
        scale_y = height / (view.north - view.south)

        def point(lon: float, lat: float) -> tuple[int, int]:
            return (round((lon - view.west) * scale_x), round((view.north - lat) * scale_y))

        # The graticule every ten degrees, faint: the period atlas's grid.
        grid = _mix(palette.panel, palette.folder_edge, 0.35)
        for lon in range(-180, 181, 10):
            if view.west < lon < view.east:
                x = point(lon, 0)[0]
                pygame.draw.line(surface, grid, (x, 0), (x, height))
        for lat in range(-80, 81, 10):
            if view.south < lat < view.north:
                y = point(0, lat)[1]
                pygame.draw.line(surface, grid, (0, y), (width, y))
        # Coasts without frontiers: every outline first, then every country's fill over
        # them, so an outline survives only where no land lies beyond it (the sea).
        coast = _mix(palette.land, palette.ink, 0.45)
        shapes = [[point(ring[i] / 10, ring[i + 1] / 10) for i in range(0, len(ring), 2)]
                  for ring in atlas().rings]
        shapes = [points for points in shapes if len(points) >= 3]
        for points in shapes:
            pygame.draw.lines(surface, coast, True, points, 3)
        for points in shapes:
            pygame.draw.polygon(surface, palette.land, points)
            pygame.draw.lines(surface, palette.land, True, points, 1)  # no seams between fills
        radius = max(4, label_size // 3)
        for city in cities:
            x, y = point(city.lon, city.lat)
            pygame.draw.circle(surface, palette.stamp, (x, y), radius + 3, 2)
            pygame.draw.circle(surface, palette.stamp, (x, y), radius - 1)
            words = self.cache.render(city.name, label_size, palette.ink, "period")
            spot = words.get_rect(midleft=(x + radius + 6, y))
            if spot.right > width - 4:
                spot.midright = (x - radius - 6, y)
            surface.blit(words, spot)
        pygame.draw.rect(surface, palette.folder_edge, surface.get_rect(), 3)
        pygame.draw.rect(surface, palette.folder_edge, surface.get_rect().inflate(-10, -10), 1)
        return surface


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    return (round(a[0] + (b[0] - a[0]) * share), round(a[1] + (b[1] - a[1]) * share),
            round(a[2] + (b[2] - a[2]) * share))
