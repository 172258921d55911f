"""The scene's map: a flowchart of the whole scene, the path taken, the branches still to find.

Opened after an ending (the debrief's "Scene map", P) and from the history
(P). It draws the same layout as `cover-names graph --html`
(game/scenemap/layout.py): passages as boxes in rows, every choice a line in
its verdict's colour. Passages reached on this run or an earlier one
(game/saves/discovered.py) show their first words; the rest are locked
shapes, so a student sees at a glance how far they strayed from the record
and what is left to find. Choices taken are drawn thick, this run's path
outlined.

Arrows move between boxes (Up/Down by row, Left/Right along one), Tab goes
through them in order, the mouse hovers and the wheel scrolls; the box in
focus is described in the strip at the foot. The lines and box shapes are
drawn once into a kept surface per size and palette, so a frame only blits
it and draws the visible labels (benchmarks/bench_desktop.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

from game.desktop.canvas import Canvas
from game.desktop.fitting import fit
from game.desktop.screen import Item, Screen, register_screen
from game.engine import Player
from game.model import Verdict
from game.saves.discovered import Found, merge, read_discovered, steps_of
from game.scenemap import MapNode, SceneMap, lay_out

if TYPE_CHECKING:
    from game.desktop.app import App

#: Layouts by scene and content hash: laid out once per scene per session.
_LAYOUTS: dict[tuple[str, str], SceneMap] = {}
KIND_WORDS = {"start": "The opening", "passage": "A passage", "decision": "A decision",
              "ending_historical": "An ending: what happened",
              "ending_counterfactual": "An ending: what did not happen"}


def layout_for(player: Player) -> SceneMap:
    key = (player.scene.id, player.scene.content_hash)
    if key not in _LAYOUTS:
        _LAYOUTS[key] = lay_out(player.scene)
    return _LAYOUTS[key]


class SceneMapScreen(Screen):
    name = "scene-map"
    scroll_cue = True
    #: The strip at the foot describes one box: the one the pointer moved to, or the one
    #: the arrows moved to since, never a box the pointer merely rests on.
    focus_follows_pointer = True

    def __init__(self, app: App, player: Player) -> None:
        super().__init__(app)
        self.player = player
        self.map = layout_for(player)
        saved = read_discovered()
        nodes, choices = steps_of(player)
        self.found: Found = merge(saved.of(player.scene.id), nodes, choices)
        self.path_nodes = nodes
        self.path_choices = choices
        self._boxes: dict[str, pygame.Rect] = {}
        self._surface: pygame.Surface | None = None
        self._surface_key: object = None
        self._origin = (0, 0)
        if saved.problem:
            app.notify(f"Branches found on earlier runs: {saved.problem}.")

    # -- layout ---------------------------------------------------------------------------
    def layout(self, canvas: Canvas) -> None:
        sizes = canvas.sizes
        scene_map = self.map
        found_nodes = sum(1 for node in scene_map.nodes if node.id in self.found.nodes)
        found_choices = sum(1 for edge in scene_map.edges
                            if (edge.source, edge.choice_id or "continue") in self.found.choices)
        choices = sum(1 for edge in scene_map.edges)
        top = self.make_header(
            canvas, f"Map of the scene: {scene_map.title}",
            f"Found {found_nodes} of {len(scene_map.nodes)} passages and {found_choices} of "
            f"{choices} ways on · arrows move · Esc goes back")
        self._strip_h = sizes.small * 4 + sizes.gap * 3
        self.viewport = pygame.Rect(0, top, canvas.rect.width,
                                    canvas.rect.height - top - self._strip_h)
        width = canvas.rect.width - 2 * sizes.margin
        columns = max(scene_map.width, 1)
        gap_x = sizes.gap * 3
        box_w = min(sizes.small * 14, (width - gap_x * (columns - 1)) // columns)
        line = canvas.cache.line_height(sizes.small)
        box_h = line * 3 + sizes.gap * 2  # two lines of the passage, and "You are here"
        gap_y = sizes.gap * 4  # room for the lines between rows, and no more: more rows show
        self._gaps = (gap_x, gap_y)
        left = sizes.margin + (width - (columns * box_w + (columns - 1) * gap_x)) // 2
        y0 = top + sizes.gap * 3
        self._boxes = {}
        items: list[Item] = []
        ordered = sorted(scene_map.nodes, key=lambda n: (n.layer, n.x))
        for node in ordered:
            rect = pygame.Rect(round(left + node.x * (box_w + gap_x)),
                               y0 + node.layer * (box_h + gap_y), box_w, box_h)
            self._boxes[node.id] = rect
            known = node.id in self.found.nodes
            items.append(Item(f"node:{node.id}", rect, self._describe(node),
                              node.label if known else "Not found yet", enabled=True,
                              extra={"kind": "map-node"}))
        self.content_bottom = y0 + scene_map.layers * (box_h + gap_y) + sizes.margin
        self._box_size = (box_w, box_h)
        self.items = self.with_header_items(items)
        if self._layout_key is None and self.pending_focus is None:
            here = self.player.playthrough.node
            self.pending_focus = f"node:{here}"

    def _describe(self, node: MapNode):  # type: ignore[no-untyped-def]
        def describe() -> None:
            self.app.notify(self.detail(node), 6.0)

        return describe

    def detail(self, node: MapNode) -> str:
        """What the strip at the foot says of a box."""
        if node.id not in self.found.nodes:
            return "A passage you have not reached yet. Play the scene again to find it."
        where = f"{node.place} · {node.date}".strip(" ·")
        here = " You are here." if node.id == self.player.playthrough.node else ""
        taken = " On this run's path." if node.id in self.path_nodes else ""
        return f"{KIND_WORDS[node.kind]} ({where}): {node.label}{taken}{here}"

    # -- drawing --------------------------------------------------------------------------
    def _map_surface(self, canvas: Canvas) -> pygame.Surface:
        """Lines and box shapes for the whole map, drawn once per layout and palette."""
        key = (self._layout_key, canvas.palette.name, canvas.rect.size, len(self.found.nodes))
        if self._surface is not None and self._surface_key == key:
            return self._surface
        palette, sizes = canvas.palette, canvas.sizes
        top = self.viewport.top
        # Same pixel format as the window's surface, so a frame's blit is a plain copy.
        surface = pygame.Surface((canvas.rect.width, max(1, self.content_bottom - top)), 0,
                                 canvas.surface)
        surface.fill(palette.background)
        boxes = {node_id: rect.move(0, -top) for node_id, rect in self._boxes.items()}
        thin, thick = max(1, sizes.small // 12), max(3, sizes.small // 5)
        for edge, points in zip(self.map.edges, self.routes(-top), strict=True):
            option = (edge.source, edge.choice_id or "continue")
            taken = option in self.found.choices
            colour = (palette.verdicts[edge.verdict] if edge.verdict is not None
                      else palette.muted)
            if not taken:
                colour = _faded(colour, palette.background)
            if option in self.path_choices:
                pygame.draw.lines(surface, palette.focus, False, points, thick + 4)
            pygame.draw.lines(surface, colour, False, points, thick if taken else thin)
            _arrow_head(surface, colour, points[-2], points[-1], sizes.gap)
        radius = max(4, sizes.gap)
        for node in self.map.nodes:
            rect = boxes[node.id]
            known = node.id in self.found.nodes
            if known:
                fill = palette.panel
                border = palette.accent if node.id in self.path_nodes else palette.panel_border
                rounded = radius * 2 if node.kind.startswith("ending") else radius // 2
                pygame.draw.rect(surface, fill, rect, border_radius=rounded)
                pygame.draw.rect(surface, border, rect, 3 if node.id in self.path_nodes else 1,
                                 border_radius=rounded)
                if node.kind.startswith("ending"):
                    mark = (palette.verdicts[_ENDING_VERDICT[node.kind]])
                    pygame.draw.rect(surface, mark, rect.inflate(-6, -6), 2,
                                     border_radius=rounded)
            else:
                _locked_shape(surface, rect, palette.locked, palette.background)
        self._surface, self._surface_key = surface, key
        return surface

    def routes(self, shift: int = 0) -> list[list[tuple[int, int]]]:
        """Each edge's line, in the order of `self.map.edges`, as laid out (moved down by
        `shift`): a line that skips a row runs in a gap between that row's boxes, never
        under one, so a way taken is never drawn through a box it does not pass."""
        gap = self.app.sizes.gap
        gap_x, gap_y = self._gaps
        boxes = {node_id: rect.move(0, shift) for node_id, rect in self._boxes.items()}
        rows: dict[int, list[pygame.Rect]] = {}
        for node in self.map.nodes:
            rows.setdefault(node.layer, []).append(boxes[node.id])
        lines = []
        for edge in self.map.edges:
            source, target = boxes[edge.source], boxes[edge.target]
            first, last = self.map.node(edge.source).layer, self.map.node(edge.target).layer
            between = [rect for layer in range(first + 1, last) for rect in rows.get(layer, ())]
            lines.append(_route(source, target, edge.back, gap, between, gap_x, gap_y))
        return lines

    def draw(self, canvas: Canvas) -> None:
        palette, sizes = canvas.palette, canvas.sizes
        view = self.viewport
        surface = self._map_surface(canvas)
        area = pygame.Rect(0, self.scroll, view.width, view.height)
        shown = canvas.surface.blit(surface, view.topleft, area)
        if shown.height < view.height:  # a short map: the rest of the view is plain paper
            canvas.fill(palette.background, pygame.Rect(view.left, shown.bottom, view.width,
                                                        view.bottom - shown.bottom))
        box_w, _ = self._box_size
        for item in self.items:
            if not item.id.startswith("node:"):
                continue
            rect = self.on_screen(item)
            if rect.bottom < view.top or rect.top > view.bottom:
                continue
            node_id = item.id[5:]
            known = node_id in self.found.nodes
            if rect.top >= view.top and rect.bottom <= view.bottom:
                if known:
                    block = canvas.cache.layout(item.text, sizes.small, box_w - sizes.gap * 2,
                                                "regular")
                    line = canvas.cache.line_height(sizes.small)
                    # Two lines at most: a third would start below this clip, and is skipped.
                    clip = pygame.Rect(rect.left, rect.top, rect.width, sizes.gap + line * 2 - 1)
                    canvas.block(block, (rect.left + sizes.gap, rect.top + sizes.gap),
                                 sizes.small, "regular", palette.text, "map-node", clip,
                                 node_id)
                else:
                    canvas.text("?", rect.center, sizes.heading, palette.background, "bold",
                                "map-locked", node_id, align="centre")
                if node_id == self.player.playthrough.node:
                    canvas.text("You are here", (rect.left + sizes.gap, rect.bottom - sizes.gap
                                                 - canvas.cache.line_height(sizes.small)),
                                sizes.small, palette.accent, "bold", "map-here")
        focused = self.items[self.focus] if self.items else None
        if focused is not None and focused.id.startswith("node:"):
            rect = self.on_screen(focused)
            if view.contains(rect):
                canvas.focus_ring(rect)
        hovered = self.items[self.hover] if 0 <= self.hover < len(self.items) else None
        described = hovered if hovered is not None and hovered.id.startswith("node:") else focused
        self._draw_strip(canvas, described)
        self.draw_scroll_cue(canvas)
        self.draw_header(canvas)

    def _draw_strip(self, canvas: Canvas, item: Item | None) -> None:
        palette, sizes = canvas.palette, canvas.sizes
        strip = pygame.Rect(0, canvas.rect.height - self._strip_h, canvas.rect.width,
                            self._strip_h)
        canvas.panel(strip)
        legend_y = strip.top + sizes.gap
        x = sizes.margin
        for verdict, colour in palette.verdicts.items():
            pygame.draw.line(canvas.surface, colour, (x, legend_y + sizes.small // 2),
                             (x + sizes.body * 2, legend_y + sizes.small // 2), 4)
            x = canvas.text(verdict.label, (x + sizes.body * 2 + sizes.gap, legend_y),
                            sizes.small, colour, "bold", "legend").right + sizes.gap * 3
        note = fit("? not found yet · thick: a way you have taken · outlined: this run",
                   strip.right - sizes.margin - x, lambda t: canvas.cache.width(t, sizes.small))
        if note:
            canvas.text(note, (x, legend_y), sizes.small, palette.muted, "regular", "legend")
        if item is not None and item.id.startswith("node:"):
            node = self.map.node(item.id[5:])
            block = canvas.cache.layout(self.detail(node), sizes.body,
                                        strip.width - 2 * sizes.margin, "regular")
            canvas.block(block, (sizes.margin, legend_y + sizes.small + sizes.gap), sizes.body,
                         "regular", palette.text, "map-detail", strip)

    # -- keys -------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        moves = {pygame.K_LEFT: (0, -1), pygame.K_RIGHT: (0, 1), pygame.K_UP: (-1, 0),
                 pygame.K_DOWN: (1, 0)}
        if event.key == pygame.K_p:
            self.back()
            return True
        if event.key not in moves or not self.items:
            return False
        current = self.items[self.focus]
        if not current.id.startswith("node:"):
            return False
        here = self.map.node(current.id[5:])
        rows, step = moves[event.key]
        target = _neighbour(self.map, here, rows, step)
        if target is not None:
            ids = [item.id for item in self.items]
            self.focus = ids.index(f"node:{target.id}")
            self.scroll_to_show(self.items[self.focus])
            self.app.dirty = True
        return True

    def speech_text(self) -> str:
        node = self.map.node(self.player.playthrough.node)
        return (f"Map of the scene {self.map.title}. "
                f"{self.detail(node)} Use the arrow keys to move through the map.")


_ENDING_VERDICT = {"ending_historical": Verdict.HISTORICAL,
                   "ending_counterfactual": Verdict.DIVERGED}


def _neighbour(scene_map: SceneMap, here: MapNode, rows: int, step: int) -> MapNode | None:
    """The box beside `here` (step ±1 along its row) or nearest it in the next row (rows ±1)."""
    if rows == 0:
        row = sorted((n for n in scene_map.nodes if n.layer == here.layer), key=lambda n: n.x)
        index = row.index(here) + step
        return row[index] if 0 <= index < len(row) else None
    layer = here.layer + rows
    while 0 <= layer < scene_map.layers:
        row = [n for n in scene_map.nodes if n.layer == layer]
        if row:
            return min(row, key=lambda n: (abs(n.x - here.x), n.x))
        layer += rows
    return None


def _faded(colour: tuple[int, int, int], background: tuple[int, int, int]
           ) -> tuple[int, int, int]:
    return (
        (colour[0] + background[0] * 2) // 3,
        (colour[1] + background[1] * 2) // 3,
        (colour[2] + background[2] * 2) // 3,
    )


def _route(source: pygame.Rect, target: pygame.Rect, back: bool, gap: int,
           between: Sequence[pygame.Rect] = (), gap_x: int = 0, gap_y: int = 0
           ) -> list[tuple[int, int]]:
    """A line from box to box: down between rows, or round the right side for a loop back.

    Going down, the line leaves its box into the gap below that row, runs down a lane that
    no box of the rows it skips (`between`) stands in, and enters its target from the gap
    above. The lane is the free one that bends least: straight below the source or above
    the target when those are free, else the middle of a gap beside a box in the way."""
    if back or target.top <= source.top:
        side = max([source.right, target.right, *(rect.right for rect in between)]) + gap * 2
        return [(source.right, source.centery), (side, source.centery),
                (side, target.centery), (target.right, target.centery)]
    if not between:
        middle = (source.bottom + target.top) // 2
        return [(source.centerx, source.bottom), (source.centerx, middle),
                (target.centerx, middle), (target.centerx, target.top)]
    below, above = source.bottom + gap_y // 2, target.top - gap_y // 2
    half = max(1, gap_x // 2)
    lanes = [source.centerx, target.centerx,
             *(x for rect in between for x in (rect.left - half, rect.right + half))]

    def free(x: int) -> bool:
        return not any(rect.left - 2 <= x <= rect.right + 2 for rect in between)

    lane = min((x for x in lanes if free(x)),
               key=lambda x: (abs(x - source.centerx) + abs(x - target.centerx), x),
               default=max(rect.right for rect in between) + half)
    return [(source.centerx, source.bottom), (source.centerx, below), (lane, below),
            (lane, above), (target.centerx, above), (target.centerx, target.top)]


def _arrow_head(surface: pygame.Surface, colour: tuple[int, int, int], start: tuple[int, int],
                end: tuple[int, int], size: int) -> None:
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = max(1.0, (dx * dx + dy * dy) ** 0.5)
    ux, uy = dx / length, dy / length
    back = (end[0] - ux * size, end[1] - uy * size)
    left = (back[0] - uy * size / 2, back[1] + ux * size / 2)
    right = (back[0] + uy * size / 2, back[1] - ux * size / 2)
    pygame.draw.polygon(surface, colour, [end, left, right])


def _locked_shape(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int],
                  paper: tuple[int, int, int]) -> None:
    """A locked box: filled in the locked colour, a padlock at its top right."""
    pygame.draw.rect(surface, colour, rect, border_radius=6)
    size = max(10, rect.height // 3)
    body = pygame.Rect(0, 0, size, size * 3 // 4)
    body.topright = (rect.right - size // 2, rect.top + size * 3 // 4)
    shackle = pygame.Rect(0, 0, size * 2 // 3, size)
    shackle.midtop = (body.centerx, body.top - size // 2)
    pygame.draw.ellipse(surface, paper, shackle, max(2, size // 6))
    pygame.draw.rect(surface, paper, body, border_radius=2)
    pygame.draw.circle(surface, colour, (body.centerx, body.centery), max(2, size // 8))


def open_scene_map(app: App) -> Screen | None:
    """The map of the scene being played (from the debrief or the history), by name."""
    from game.desktop.screens.play import PlayScreen

    play = app.find_screen("play")
    if not isinstance(play, PlayScreen):
        return None
    return SceneMapScreen(app, play.player)


register_screen("scene-map", open_scene_map)  # type: ignore[arg-type]
