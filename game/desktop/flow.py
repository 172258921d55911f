"""A top-to-bottom layout of text, panels, verdict badges and buttons in the reading column.

Screens describe their content once per layout (`Flow.text`, `para`,
`button`, `panel_begin`/`panel_end`); the flow keeps the positions as draw
operations and `Item`s, so drawing a frame is a replay of blits, and the
focusable things are laid out by the same code that draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pygame

from game.desktop.canvas import Canvas
from game.desktop.documents import Document
from game.desktop.screen import Item, Screen
from game.desktop.text import Block, Mark
from game.model import Verdict


class Drawing(Protocol):
    """Anything laid out once at a width that draws itself into a rectangle that tall."""

    height: int

    def draw(self, canvas: Canvas, rect: pygame.Rect) -> None: ...


@dataclass
class Op:
    """One thing to draw: kind is text, block, panel, fill, badge, dramatised, document or
    drawn."""

    kind: str
    x: int
    y: int
    data: dict[str, object] = field(default_factory=dict)


def colour_of(canvas: Canvas, name: str) -> tuple[int, int, int]:
    palette = canvas.palette
    if name.startswith("verdict:"):
        return palette.verdicts[Verdict(name.split(":", 1)[1])]
    colour: tuple[int, int, int] = getattr(palette, name)
    return colour


class Flow:
    """Lays content out downwards from `y` inside a column at `left`, `width` wide."""

    def __init__(self, canvas: Canvas, left: int, width: int, y: int) -> None:
        self.canvas = canvas
        self.sizes = canvas.sizes
        self.cache = canvas.cache
        self.left = left
        self.width = width
        self.indent = 0
        self.y = y
        self.ops: list[Op] = []
        self.items: list[Item] = []
        self._panels: list[tuple[int, int, str]] = []

    @property
    def x(self) -> int:
        return self.left + self.indent

    @property
    def inner(self) -> int:
        return self.width - 2 * self.indent

    def space(self, pixels: int | None = None) -> None:
        self.y += self.sizes.gap if pixels is None else pixels

    def text(
        self,
        text: str,
        size: int | None = None,
        style: str = "regular",
        colour: str = "text",
        role: str = "text",
    ) -> pygame.Rect:
        size = size or self.sizes.body
        width = self.cache.width(text, size, style)
        if width > self.inner:
            return self.para(text, size, style, colour, role)
        self.ops.append(
            Op(
                "text",
                self.x,
                self.y,
                {"text": text, "size": size, "style": style, "colour": colour, "role": role},
            )
        )
        rect = pygame.Rect(self.x, self.y, width, self.cache.line_height(size, style))
        self.y = rect.bottom
        return rect

    def para(
        self,
        text: str,
        size: int | None = None,
        style: str = "regular",
        colour: str = "text",
        role: str = "text",
        marks: Sequence[Mark] = (),
    ) -> pygame.Rect:
        size = size or self.sizes.body
        block = self.cache.layout(text, size, self.inner, style, marks)
        self.ops.append(
            Op(
                "block",
                self.x,
                self.y,
                {"block": block, "size": size, "style": style, "colour": colour, "role": role},
            )
        )
        rect = pygame.Rect(self.x, self.y, self.inner, block.height)
        self.y = rect.bottom
        return rect

    def document(self, document: Document) -> pygame.Rect:
        """A quoted stretch set as its document (a book's page, a typed sheet)."""
        rect = pygame.Rect(self.x, self.y, self.inner, document.height)
        self.ops.append(Op("document", rect.x, rect.y, {"document": document, "rect": rect}))
        self.y = rect.bottom
        return rect

    def drawn(self, drawing: Drawing) -> pygame.Rect:
        """Something the game draws itself at the column's width (an identity card)."""
        rect = pygame.Rect(self.x, self.y, self.inner, drawing.height)
        self.ops.append(Op("drawn", rect.x, rect.y, {"drawing": drawing, "rect": rect}))
        self.y = rect.bottom
        return rect

    def badge(self, verdict: Verdict, size: int | None = None) -> None:
        size = size or self.sizes.body
        self.ops.append(Op("badge", self.x, self.y, {"verdict": verdict, "size": size}))
        self.y += round(size * 1.25) + self.sizes.gap // 2

    def dramatised(self, text: str) -> None:
        size = self.sizes.small
        self.ops.append(Op("dramatised", self.x, self.y, {"text": text, "size": size}))
        self.y += self.cache.line_height(size, "italic") + self.sizes.gap

    def panel_begin(self, stripe: str = "") -> None:
        self._panels.append((len(self.ops), self.y, stripe))
        self.indent += self.sizes.gap * 2
        self.y += self.sizes.gap * 2

    def panel_end(self) -> pygame.Rect:
        index, top, stripe = self._panels.pop()
        self.indent -= self.sizes.gap * 2
        self.y += self.sizes.gap
        rect = pygame.Rect(self.x, top, self.inner, self.y - top)
        self.ops.insert(index, Op("panel", rect.x, rect.y, {"rect": rect, "stripe": stripe}))
        self.y += self.sizes.gap
        return rect

    def button(
        self,
        item_id: str,
        text: str,
        action: Callable[[], None],
        *,
        size: int | None = None,
        style: str = "regular",
        number: int = 0,
        enabled: bool = True,
        hint: str = "",
        kind: str = "button",
        extra_lines: int = 0,
        width: int | None = None,
    ) -> Item:
        """A framed button whose text wraps; `extra_lines` reserves small lines below it."""
        size = size or self.sizes.body
        gap = self.sizes.gap
        lead = self.number_width(size) if number else 0
        button_width = min(width or self.inner, self.inner)
        block = self.cache.layout(text, size, button_width - 4 * gap - lead, style)
        height = block.height + 2 * gap + extra_lines * self.cache.line_height(self.sizes.small)
        rect = pygame.Rect(self.x, self.y, button_width, height)
        item = Item(
            item_id,
            rect,
            action,
            text,
            enabled,
            hint,
            number=number,
            extra={"block": block, "size": size, "style": style, "kind": kind, "lead": lead},
            keeps_focus=kind == "cite",  # a citation opens the source viewer over this screen
        )
        self.items.append(item)
        self.y = rect.bottom + gap
        return item

    def number_width(self, size: int) -> int:
        return round(size * 2.0)

    # -- drawing -------------------------------------------------------------------------
    def draw(
        self,
        canvas: Canvas,
        screen: Screen,
        custom: dict[str, Callable[[Canvas, Item, pygame.Rect], None]] | None = None,
    ) -> None:
        """Replay the ops and draw the items, scrolled and clipped to the screen's viewport."""
        clip = screen.viewport
        dy = -screen.scroll
        previous_clip = canvas.surface.get_clip()
        canvas.surface.set_clip(clip)
        for op in self.ops:
            self._draw_op(canvas, op, dy, clip)
        for item in self.items:
            rect = screen.on_screen(item)
            if not rect.colliderect(clip):
                continue
            kind = str(item.extra.get("kind"))
            drawer = (custom or {}).get(kind)
            if drawer is not None:
                drawer(canvas, item, rect)
            elif kind == "cite":
                draw_cite_button(canvas, screen, item, rect)
            else:
                draw_flow_button(canvas, screen, item, rect)
        canvas.surface.set_clip(previous_clip)
        screen.draw_scroll_cue(canvas)

    def _draw_op(self, canvas: Canvas, op: Op, dy: int, clip: pygame.Rect) -> None:
        data = op.data
        y = op.y + dy
        if op.kind == "document":
            rect = pygame.Rect(data["rect"]).move(0, dy)  # type: ignore[call-overload]
            document = data["document"]
            assert isinstance(document, Document)
            if rect.colliderect(clip):
                document.draw(canvas, rect, canvas.sizes.small)
            return
        if op.kind == "drawn":
            rect = pygame.Rect(data["rect"]).move(0, dy)  # type: ignore[call-overload]
            drawing = data["drawing"]
            if rect.colliderect(clip):
                drawing.draw(canvas, rect)  # type: ignore[attr-defined]
            return
        if op.kind == "panel":
            rect = pygame.Rect(data["rect"]).move(0, dy)  # type: ignore[call-overload]
            if not rect.colliderect(clip):
                return
            canvas.panel(rect)
            if data["stripe"]:
                stripe = rect.copy()
                stripe.width = max(6, canvas.sizes.gap)
                canvas.fill(colour_of(canvas, str(data["stripe"])), stripe)
            return
        if op.kind == "fill":  # a plain coloured rectangle, e.g. behind a stretch of text
            rect = pygame.Rect(data["rect"]).move(0, dy)  # type: ignore[call-overload]
            if rect.colliderect(clip):
                canvas.fill(colour_of(canvas, str(data["colour"])), rect)
            return
        size = int(data.get("size", canvas.sizes.body))  # type: ignore[call-overload]
        if op.kind in ("text", "badge", "dramatised") and (
            y > clip.bottom or y + size * 2 < clip.top
        ):
            return
        if op.kind == "text":
            canvas.text(
                str(data["text"]),
                (op.x, y),
                size,
                colour_of(canvas, str(data["colour"])),
                str(data["style"]),
                str(data["role"]),
            )
        elif op.kind == "block":
            block = data["block"]
            assert isinstance(block, Block)
            canvas.block(
                block,
                (op.x, y),
                size,
                str(data["style"]),
                colour_of(canvas, str(data["colour"])),
                str(data["role"]),
                clip,
            )
        elif op.kind == "badge":
            verdict = data["verdict"]
            assert isinstance(verdict, Verdict)
            canvas.verdict_badge(verdict, (op.x, y), size)
        elif op.kind == "dramatised":
            text = str(data["text"])
            rect = canvas.text(
                text, (op.x + size // 2, y), size, canvas.palette.muted, "italic", "dramatised"
            )
            pygame.draw.rect(
                canvas.surface, canvas.palette.muted, rect.inflate(size, 4), 1, border_radius=4
            )


def draw_cite_button(canvas: Canvas, screen: Screen, item: Item, rect: pygame.Rect) -> None:
    """A citation: a quiet quote bar and the caption in link colour; it opens the source viewer."""
    palette, gap = canvas.palette, canvas.sizes.gap
    index = screen.items.index(item)
    if index == screen.hover:
        canvas.fill(palette.hover, rect)
    bar = pygame.Rect(rect.left, rect.top + gap // 2, max(3, gap // 3), rect.height - gap)
    canvas.fill(palette.panel_border, bar)
    block = item.extra["block"]
    assert isinstance(block, Block)
    size = int(item.extra["size"])  # type: ignore[call-overload]
    canvas.block(
        block,
        (rect.left + 2 * gap, rect.top + gap),
        size,
        "regular",
        palette.link,
        "citation",
        key=item.id,
    )
    if index == screen.focus:
        canvas.focus_ring(rect)


def draw_flow_button(
    canvas: Canvas, screen: Screen, item: Item, rect: pygame.Rect, role: str = "button"
) -> None:
    """A framed, wrapped button with hover and focus states."""
    palette, gap = canvas.palette, canvas.sizes.gap
    index = screen.items.index(item)
    canvas.panel(rect, palette.hover if index == screen.hover else palette.panel)
    block = item.extra["block"]
    assert isinstance(block, Block)
    size = int(item.extra["size"])  # type: ignore[call-overload]
    colour = palette.text if item.enabled else palette.locked
    lead = int(item.extra.get("lead", 0))  # type: ignore[call-overload]
    if item.number:
        draw_number(canvas, item, rect, colour)
    canvas.block(
        block,
        (rect.left + 2 * gap + lead, rect.top + gap),
        size,
        str(item.extra["style"]),
        colour,
        role,
        key=item.id,
    )
    if index == screen.focus:
        canvas.focus_ring(rect)


def draw_number(
    canvas: Canvas, item: Item, rect: pygame.Rect, colour: tuple[int, int, int]
) -> None:
    """The boxed digit at the left of a numbered button: press it to choose the button."""
    sizes = canvas.sizes
    lead = int(item.extra["lead"])  # type: ignore[call-overload]
    number = pygame.Rect(
        rect.left + sizes.gap,
        rect.top + sizes.gap,
        lead - sizes.gap,
        canvas.cache.line_height(sizes.body),
    )
    pygame.draw.rect(canvas.surface, colour, number, 2, border_radius=4)
    digit_y = (
        number.top + (number.height - canvas.cache.font(sizes.body, "bold").get_linesize()) // 2
    )
    canvas.text(
        str(item.number),
        (number.centerx, digit_y),
        sizes.body,
        colour,
        "bold",
        "number",
        item.id,
        align="centre",
    )
