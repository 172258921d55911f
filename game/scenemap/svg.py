"""The scene map as SVG, and as a self-contained HTML page: `cover-names graph --svg/--html`.

Draws a `SceneMap` (game/scenemap/layout.py). No script and no network: the
page is one file a teacher can open from a USB stick on a school network that
blocks online renderers. Hovering a choice shows its text, verdict, condition
and effects (SVG `<title>`, which every browser shows as a tooltip); a
playthrough's path is drawn over the map, its steps numbered.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from game.model import Verdict
from game.scenemap.layout import MapEdge, MapNode, SceneMap
from game.verdict_colours import PAPER_VERDICTS, hex_colour

BOX_W, BOX_H = 210, 66
GAP_X, GAP_Y = 36, 64
MARGIN = 24
LEGEND_H = 70
MIN_WIDTH = 1000  # the legend's width: a narrow scene's map still shows all of it

#: One colour per verdict, the same words and colours as the game's record panel uses.
VERDICT_COLOURS = {verdict: hex_colour(colour) for verdict, colour in PAPER_VERDICTS.items()}
CONTINUE_COLOUR = "#303030"
PATH_COLOUR = "#0b57d0"
KIND_FILLS = {
    "start": "#e8f0fe",
    "passage": "#ffffff",
    "decision": "#fff6d6",
    "ending_historical": "#d6f0d9",
    "ending_counterfactual": "#fde3cf",
}
KIND_WORDS = {
    "start": "start",
    "passage": "passage",
    "decision": "decision",
    "ending_historical": "historical ending",
    "ending_counterfactual": "counterfactual ending",
}


def _centre(node: MapNode) -> tuple[float, float]:
    return (MARGIN + node.x * (BOX_W + GAP_X) + BOX_W / 2,
            LEGEND_H + MARGIN + node.layer * (BOX_H + GAP_Y) + BOX_H / 2)


def size_of(scene_map: SceneMap) -> tuple[int, int]:
    width = max(MARGIN * 2 + max(scene_map.width, 1) * (BOX_W + GAP_X) - GAP_X + 60,
                MIN_WIDTH)
    height = LEGEND_H + MARGIN * 2 + max(scene_map.layers, 1) * (BOX_H + GAP_Y) - GAP_Y
    return int(width), int(height)


def _edge_path(scene_map: SceneMap, edge: MapEdge, lane: int) -> str:
    sx, sy = _centre(scene_map.node(edge.source))
    tx, ty = _centre(scene_map.node(edge.target))
    if edge.back or ty <= sy:  # a loop back up: out of the right side, round, and in again
        right = max(sx, tx) + BOX_W / 2 + 18 + 10 * lane
        return (f"M{sx + BOX_W / 2:.1f},{sy:.1f} C{right:.1f},{sy:.1f} {right:.1f},{ty:.1f} "
                f"{tx + BOX_W / 2:.1f},{ty:.1f}")
    spread = (lane - 0.5) * 14
    sy, ty = sy + BOX_H / 2, ty - BOX_H / 2
    middle = (sy + ty) / 2
    return (f"M{sx + spread:.1f},{sy:.1f} C{sx + spread:.1f},{middle:.1f} {tx:.1f},{middle:.1f} "
            f"{tx:.1f},{ty:.1f}")


def _tooltip(edge: MapEdge) -> str:
    lines = [edge.text]
    if edge.verdict is not None:
        lines.append(f"verdict: {edge.verdict.value}")
    if edge.condition:
        lines.append(f"if: {edge.condition}")
    if edge.effects:
        lines.append(f"set: {edge.effects}")
    lines.append(f"{edge.source} → {edge.target}")
    return "\n".join(lines)


def render_svg(
    scene_map: SceneMap, steps: Sequence[tuple[str, str]] = (), end: str | None = None,
    heading: bool = True,
) -> str:
    """The map as a standalone SVG document; `steps` (node, option) and `end` are a path."""
    width, height = size_of(scene_map)
    on_path_nodes = {step_node for step_node, _ in steps} | ({end} if end else set())
    step_of: dict[tuple[str, str], int] = {}
    for count, (step_node, step_option) in enumerate(steps, start=1):
        step_of.setdefault((step_node, step_option), count)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" font-family="Georgia, serif" font-size="13" '
             f'role="img" aria-label="Map of the scene {escape(scene_map.title)}">',
             "<style>.edge:hover path{stroke-width:5}.box:hover rect{stroke-width:3}"
             "text{pointer-events:none}</style>",
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
             'fill="context-stroke"/></marker></defs>',
             f'<rect width="{width}" height="{height}" fill="#fbfaf6"/>']
    parts.append(_legend(scene_map, bool(steps or end), heading))
    lanes: dict[str, int] = {}
    for edge in scene_map.edges:
        key = edge.source
        lane = lanes.get(key, 0)
        lanes[key] = lane + 1
        option = edge.choice_id or "continue"
        number = step_of.get((edge.source, option))
        colour = VERDICT_COLOURS.get(edge.verdict, CONTINUE_COLOUR) if edge.verdict else (
            CONTINUE_COLOUR)
        width_px = 2.2 if edge.verdict else 1.4
        dash = ' stroke-dasharray="6 4"' if edge.back else ""
        kind = edge.verdict.value if edge.verdict else "continue"
        path = _edge_path(scene_map, edge, lane)
        parts.append(f'<g class="edge {kind}{" on-path" if number else ""}" '
                     f'data-choice="{escape(edge.source)}:{escape(option)}">'
                     f"<title>{escape(_tooltip(edge))}</title>")
        if number:
            parts.append(f'<path d="{path}" fill="none" stroke="{PATH_COLOUR}" '
                         'stroke-width="7" stroke-opacity="0.35"/>')
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width_px}"'
                     f'{dash} marker-end="url(#arrow)"/>')
        if number:
            tx, ty = _centre(scene_map.node(edge.target))
            parts.append(f'<circle cx="{tx - BOX_W / 2 - 2:.1f}" cy="{ty - BOX_H / 2 - 2:.1f}" '
                         f'r="10" fill="{PATH_COLOUR}"/><text x="{tx - BOX_W / 2 - 2:.1f}" '
                         f'y="{ty - BOX_H / 2 + 2:.1f}" fill="#fff" font-size="11" '
                         f'text-anchor="middle" font-family="sans-serif">{number}</text>')
        parts.append("</g>")
    for box in scene_map.nodes:
        parts.append(_box(box, box.id in on_path_nodes))
    parts.append("</svg>")
    return "".join(parts)


def _box(node: MapNode, on_path: bool) -> str:
    cx, cy = _centre(node)
    left, top = cx - BOX_W / 2, cy - BOX_H / 2
    fill = KIND_FILLS[node.kind]
    stroke, stroke_w = (PATH_COLOUR, 3) if on_path else ("#444", 1.2)
    radius = 16 if node.kind.startswith("ending") else 5
    words = _wrap(node.label, 30, 2)
    tip = f"{node.id} ({KIND_WORDS[node.kind]})\n{node.place} · {node.date}\n{node.label}"
    text = "".join(f'<text x="{left + 8:.1f}" y="{top + 34 + 15 * i:.1f}">{escape(line)}</text>'
                   for i, line in enumerate(words))
    return (f'<g class="box {node.kind}{" on-path" if on_path else ""}" '
            f'data-node="{escape(node.id)}"><title>{escape(tip)}</title>'
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{BOX_W}" height="{BOX_H}" rx="{radius}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{stroke_w}"/>'
            f'<text x="{left + 8:.1f}" y="{top + 17:.1f}" font-weight="bold" '
            f'font-family="sans-serif" font-size="12">{escape(node.id)}</text>{text}</g>')


def _wrap(text: str, width: int, lines: int) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split():
        if len(line) + len(word) + 1 > width and line:
            out.append(line)
            line = word
            if len(out) == lines:
                break
        else:
            line = f"{line} {word}".strip()
    if len(out) < lines and line:
        out.append(line)
    if len(out) == lines and len(" ".join(out)) < len(text):
        out[-1] = out[-1].rstrip("…") + "…"
    return out[:lines]


def _legend(scene_map: SceneMap, with_path: bool, heading: bool) -> str:
    items = [(VERDICT_COLOURS[v], v.value) for v in Verdict] + [(CONTINUE_COLOUR, "continue")]
    if with_path:
        items.append((PATH_COLOUR, "the path played"))
    parts = [f'<text x="{MARGIN}" y="28" font-size="20" font-weight="bold">'
             f"{escape(scene_map.title)}</text>"] if heading else []
    x = MARGIN
    for colour, word in items:
        parts.append(f'<line x1="{x}" y1="52" x2="{x + 28}" y2="52" stroke="{colour}" '
                     f'stroke-width="4"/><text x="{x + 34}" y="56">{escape(word)}</text>')
        x += 44 + 8 * len(word)
    parts.append(f'<text x="{x + 10}" y="56" fill="#555">dashed: back to an earlier passage'
                 " · hover for details</text>")
    return "".join(parts)


def render_html(
    scene_map: SceneMap, steps: Sequence[tuple[str, str]] = (), end: str | None = None
) -> str:
    """A self-contained page: the SVG inline, its own styles, no script, nothing fetched."""
    title = escape(f"Map of the scene: {scene_map.title}")
    path_note = (f"<p>The path drawn in blue: {len(steps)} step(s), numbered where each "
                 "leads.</p>" if steps else "")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title>"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<style>body{margin:0;background:#fbfaf6;color:#222;font-family:Georgia,serif}"
            "header{padding:12px 24px}h1{font-size:1.3em;margin:0 0 4px}"
            "p{margin:4px 0;max-width:60em}main{overflow:auto}</style></head><body>"
            f"<header><h1>{title}</h1><p>Each box is a passage; each line a way on, coloured "
            "by what the record says of that choice. Rounded boxes are endings.</p>"
            f"{path_note}</header><main>{render_svg(scene_map, steps, end, heading=False)}</main>"
            "</body></html>\n")
