"""Reads `reference/frame.yaml`, the story's frame, safely, proving every quote.

The file goes through the same safe, positioned YAML reader as scenes and the
other reference files, its shape is checked with the scene loader's helpers,
and every citation is proven against the source library (and given its voice,
so every screen credits it). Problems are collected as diagnostics with their
file, line and column, never raised: a page with an error is left out and the
rest of the frame, and the game, go on. A missing file is no frame, not an error.

The format is documented in docs/scene-format.md ("The story's frame"). Format
1 promises that its keys keep their meaning; new optional keys may be added.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from game.diagnostics import Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.guarded import read_bytes, reported
from game.loading.citations import read_citations
from game.loading.shape import check_keys, int_of, list_of, map_of, text_of, wrong_type
from game.loading.yaml_tree import MAX_BYTES, YMap, YNode, read_yaml
from game.model import Citation
from game.reference.frame import BRIDGE, CLOSING, OPENING, Fate, Frame, FramePage, FramePart
from game.sources import SourceLibrary

#: The newest frame format this game reads.
FRAME_FORMAT = 1
FRAME_FILE = "frame.yaml"

_TOP_KEYS = frozenset({"format", OPENING, "bridges", CLOSING})
_PAGE_KEYS = {
    OPENING: frozenset({"title", "subtitle", "next", "parts"}),
    BRIDGE: frozenset({"title", "subtitle", "after", "next", "parts"}),
    CLOSING: frozenset({"title", "subtitle", "after", "parts", "fates"}),
}
_PAGE_REQUIRED = {
    OPENING: ("title", "next", "parts"),
    BRIDGE: ("title", "after", "next", "parts"),
    CLOSING: ("title", "after", "parts"),
}
_PART_KEYS = frozenset({"text", "cite"})
_FATE_KEYS = frozenset({"name", "text", "cite"})


@dataclass
class _Context:
    library: SourceLibrary
    diagnostics: Diagnostics
    scene_ids: Collection[str] | None


def load_frame(
    path: Path, library: SourceLibrary, scene_ids: Collection[str] | None = None
) -> Frame:
    """Read the frame file at `path`; every quote proven with `library`.

    When `scene_ids` is given, every scene a page names (`next`, `after`) must
    be one of them (CN702). A missing file is an empty frame with no diagnostics.
    """
    diagnostics = Diagnostics()
    if not path.exists():
        return Frame()
    data: bytes | None = None
    with reported(path, diagnostics):  # a folder, a pipe, 2 GB: a diagnostic, no traceback
        data = read_bytes(path, MAX_BYTES)
    root = read_yaml(data, str(path), diagnostics) if data is not None else None
    if root is None:
        return Frame(diagnostics=tuple(diagnostics))
    check_keys(root, (OPENING,), _TOP_KEYS, f"the file {path.name}", diagnostics)
    found = int_of(root, "format", diagnostics, default=FRAME_FORMAT)
    if found > FRAME_FORMAT:
        diagnostics.add("CN730", root.key_where("format"),
                        hint=f"update the game, or write 'format: {FRAME_FORMAT}'",
                        found=found, supported=FRAME_FORMAT)
        return Frame(diagnostics=tuple(diagnostics))
    context = _Context(library, diagnostics, scene_ids)
    opening_node = map_of(root, OPENING, diagnostics)
    opening = _read_page(opening_node, OPENING, context) if opening_node else None
    closing_node = map_of(root, CLOSING, diagnostics)
    closing = _read_page(closing_node, CLOSING, context) if closing_node else None
    bridges: list[FramePage] = []
    listed = list_of(root, "bridges", diagnostics)
    for item in listed.items if listed is not None else ():
        if isinstance(item, YMap):
            page = _read_page(item, BRIDGE, context)
            if page is not None:
                bridges.append(page)
        else:
            wrong_type("bridges", item, "a list of mappings", diagnostics)
    _check_one_page_after_each_scene((*bridges, *([closing] if closing else [])), diagnostics)
    return Frame(opening, tuple(bridges), closing, tuple(diagnostics))


def _read_page(node: YMap, kind: str, context: _Context) -> FramePage | None:
    """One page; None (after its diagnostics) when anything on it is wrong."""
    diagnostics = context.diagnostics
    before = len(diagnostics)
    check_keys(node, _PAGE_REQUIRED[kind], _PAGE_KEYS[kind], f"the {kind}", diagnostics)
    title = text_of(node, "title", diagnostics)
    subtitle = text_of(node, "subtitle", diagnostics, allow_empty=True)
    after = _scene(node, "after", context) if kind != OPENING else ""
    following = _scene(node, "next", context) if kind != CLOSING else ""
    parts = tuple(
        part for item in _mappings(node, "parts", diagnostics)
        if (part := _read_part(item, context)) is not None
    )
    fates = tuple(
        fate for item in _mappings(node, "fates", diagnostics)
        if (fate := _read_fate(item, context)) is not None
    )
    if len(diagnostics) > before:
        return None
    return FramePage(kind=kind, title=_plain(title), parts=parts, where=node.where,
                     subtitle=_plain(subtitle), after=after, next=following, fates=fates)


def _mappings(node: YMap, key: str, diagnostics: Diagnostics) -> list[YMap]:
    listed = list_of(node, key, diagnostics)
    found: list[YMap] = []
    for item in listed.items if listed is not None else ():
        if isinstance(item, YMap):
            found.append(item)
        else:
            wrong_type(key, item, "a list of mappings", diagnostics)
    return found


def _scene(node: YMap, key: str, context: _Context) -> str:
    """A scene id under `key`, reported (CN702) when it names no scene of the game."""
    scene = text_of(node, key, context.diagnostics)
    value = node.items.get(key)
    if scene and context.scene_ids is not None and scene not in context.scene_ids:
        known = sorted(context.scene_ids)
        where = value.where if value is not None else node.where
        context.diagnostics.add(
            "CN702", where, scene=scene,
            hint=did_you_mean(scene, known) or f"known scenes: {', '.join(known) or 'none'}")
    return scene


def _read_part(item: YMap, context: _Context) -> FramePart | None:
    """A paragraph: its text and (optional) quotes; no quotes makes it a dramatisation."""
    check_keys(item, ("text",), _PART_KEYS, "a part of the frame", context.diagnostics)
    text = text_of(item, "text", context.diagnostics)
    citations = _cite(item, context, required=False)
    return FramePart(_plain(text), citations, item.where) if text else None


def _read_fate(item: YMap, context: _Context) -> Fate | None:
    """What became of one person: a fact about the past, so it must quote its source."""
    check_keys(item, ("name", "text", "cite"), _FATE_KEYS, "a fate", context.diagnostics)
    name = text_of(item, "name", context.diagnostics)
    text = text_of(item, "text", context.diagnostics)
    citations = _cite(item, context, required=True)
    if not (name and text and citations):
        return None
    return Fate(_plain(name), _plain(text), citations, item.where)


def _cite(item: YMap, context: _Context, *, required: bool) -> tuple[Citation, ...]:
    before = len(context.diagnostics)
    node: YNode | None = item.items.get("cite")
    citations = read_citations(node, "cite", context.library, context.diagnostics)
    if node is not None and not citations and len(context.diagnostics) == before:
        context.diagnostics.add(
            "CN206", node.where, what="'cite'",
            hint="quote the source, or leave 'cite' out to mark the part as dramatisation"
            if not required else "what became of someone always quotes the source that says it")
    return citations


def _check_one_page_after_each_scene(
    pages: tuple[FramePage, ...], diagnostics: Diagnostics
) -> None:
    """A scene is followed by one page at most (a bridge or the closing), or the game
    could not tell which to show."""
    seen: dict[str, Location] = {}
    for page in pages:
        first = seen.get(page.after)
        if first is not None:
            diagnostics.add("CN731", page.where, scene=page.after, first_line=first.line,
                            hint="keep one page after each scene: merge the two")
        else:
            seen[page.after] = page.where


def _plain(text: str) -> str:
    """Folded YAML text as one paragraph: single spaces, no trailing newline."""
    return " ".join(text.split())

