"""Make assets/maps/land.json, the land the place cards draw, from Natural Earth.

Natural Earth's 1:110m countries (public domain) as the geopandas 0.14 wheel
ships them (`geopandas/datasets/naturalearth_lowres/`), read with pyshp,
kept to the North Atlantic world of the scenes (North America and Europe),
simplified (Douglas-Peucker) and rounded to a tenth of a degree. Countries
are kept as separate rings but drawn without borders: the cards show land
and sea, not today's frontiers, which the 1930s did not have.

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl
    pip install pyshp
    python build/make_map_data.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

The game never needs pyshp or geopandas: it reads the JSON this writes.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import shapefile  # pyshp

OUT = Path(__file__).resolve().parent.parent / "assets" / "maps" / "land.json"
#: West, south, east, north: from the Pacific coast of North America to the Urals.
EXTENT = (-130.0, 20.0, 62.0, 72.0)
TOLERANCE = 0.12  # degrees
MIN_POINTS = 4


def simplify_ring(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A closed ring starts and ends on one point: simplify it as two open lines, split at
    the point furthest from its start."""
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    if far in (0, len(ring) - 1):
        return ring
    return simplify(ring[: far + 1], tolerance)[:-1] + simplify(ring[far:], tolerance)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative, on an open line."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        worst, where = 0.0, -1
        for index in range(first + 1, last):
            x, y = points[index]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if distance > worst:
                worst, where = distance, index
        if worst > tolerance and where > 0:
            keep[where] = True
            stack += [(first, where), (where, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def main(shp: str) -> int:
    west, south, east, north = EXTENT
    rings: list[list[int]] = []
    reader = shapefile.Reader(shp)
    for shape in reader.shapes():
        parts = [*shape.parts, len(shape.points)]
        for start, end in itertools.pairwise(parts):
            ring = [(round(x, 3), round(y, 3)) for x, y in shape.points[start:end]]
            xs, ys = [x for x, _ in ring], [y for _, y in ring]
            if max(xs) < west or min(xs) > east or max(ys) < south or min(ys) > north:
                continue
            ring = simplify_ring(ring, TOLERANCE)
            if len(ring) < MIN_POINTS:
                continue
            flat: list[int] = []
            for x, y in ring:
                flat += [round(x * 10), round(y * 10)]
            rings.append(flat)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": 1,
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4",
        "units": "tenths of a degree: [lon, lat, lon, lat, ...] per ring",
        "extent": list(EXTENT),
        "rings": rings,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rings)} rings, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
