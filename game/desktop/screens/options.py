"""The play screen's option list, laid out and drawn, and its passage links (kept apart
from the play logic): the decision's question, then the numbered options, locked ones
with room for their reason."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.desktop.canvas import Canvas
from game.desktop.flow import Flow, draw_number
from game.desktop.screen import Item, Screen
from game.desktop.text import Block, Mark
from game.engine import Player

LOCKED_HOVER = "Locked (focus or point at it to see why)"


def lay_out_links(
    flow: Flow,
    text: str,
    marks: list[Mark],
    text_rect: pygame.Rect,
    opener: Callable[[str], Callable[[], None]],
) -> None:
    """Each name the passage links to the dossier, as a focusable item over its words."""
    if not marks:
        return
    block = flow.cache.layout(text, flow.sizes.body, text_rect.width, "regular", marks)
    for run in block.runs:
        if run.tag.startswith("link:"):
            rect = pygame.Rect(text_rect.left + run.x, text_rect.top + run.y, run.width,
                               block.line_height)
            flow.items.append(Item(f"name:{text_rect.top}:{run.start}", rect,
                                   opener(run.tag[5:]), run.text, extra={"kind": "link"},
                                   keeps_focus=True))


def lay_out_options(
    flow: Flow, player: Player, chooser: Callable[[str], Callable[[], None]]
) -> None:
    """The question before the choice (`ask`), then every option as a numbered button."""
    sizes = flow.sizes
    options = player.options
    if player.ask and len(options) > 1:
        flow.para(player.ask, sizes.body, "bold", "accent", "ask")
        flow.space(sizes.gap)
    width = flow.inner - 4 * sizes.gap - flow.number_width(sizes.body)
    for option in options:
        hint = f"Locked: {option.locked_reason}" if option.locked_reason else "Locked"
        lines = 0
        if not option.available:
            lines = max(
                len({run.y for run in flow.cache.layout(text, sizes.small, width, "italic").runs})
                for text in (hint, LOCKED_HOVER)
            )
        item = flow.button(
            f"option:{option.id}",
            option.text,
            chooser(option.id),
            number=option.number,
            enabled=option.available,
            hint=hint,
            kind="option",
            extra_lines=lines,
        )
        item.extra["text_height"] = flow.cache.layout(option.text, sizes.body, width).height
    if player.playthrough.history:
        flow.space(sizes.gap)
        flow.text("Backspace goes back one choice; H lists every step.", sizes.small,
                  colour="muted", role="hint")


def draw_option(screen: Screen, canvas: Canvas, item: Item, rect: pygame.Rect) -> None:
    """A numbered option; a locked one greyed, its reason shown on focus or hover."""
    sizes, palette = canvas.sizes, canvas.palette
    index = screen.items.index(item)
    active = index in (screen.focus, screen.hover)
    canvas.panel(rect, palette.hover if index == screen.hover else palette.panel)
    colour = palette.text if item.enabled else palette.locked
    lead = int(item.extra["lead"])  # type: ignore[call-overload]
    draw_number(canvas, item, rect, colour)
    block = item.extra["block"]
    assert isinstance(block, Block)
    canvas.block(
        block,
        (rect.left + sizes.gap * 2 + lead, rect.top + sizes.gap),
        sizes.body,
        colour=colour,
        role="option",
        key=item.id,
    )
    if not item.enabled:
        reason = item.hint if active else LOCKED_HOVER
        width = rect.width - sizes.gap * 4 - lead
        block = canvas.cache.layout(reason, sizes.small, width, "italic")
        y = rect.top + sizes.gap + int(item.extra["text_height"])  # type: ignore[call-overload]
        canvas.block(
            block,
            (rect.left + sizes.gap * 2 + lead, y),
            sizes.small,
            "italic",
            palette.locked,
            "locked",
            key=item.id,
        )
    if index == screen.focus:
        canvas.focus_ring(rect)


def draw_link(screen: Screen, canvas: Canvas, item: Item, rect: pygame.Rect) -> None:
    """A name in the passage that opens the dossier: outlined on hover, inverted on focus.

    Focus fills the name's own box in the focus colour and redraws the name on
    it, instead of a ring around it: a ring reaches past the word and would hide
    the comma or full stop that follows.
    """
    palette, sizes = canvas.palette, canvas.sizes
    index = screen.items.index(item)
    if index == screen.focus:
        canvas.surface.fill(palette.focus, rect)
        words = canvas.cache.render(item.text, sizes.body, palette.focus_inner)
        canvas.surface.blit(words, rect.topleft)  # drawn over the label: not a second label
        underline = rect.top + words.get_height() - max(2, sizes.body // 10)
        pygame.draw.line(
            canvas.surface,
            palette.focus_inner,
            (rect.left, underline),
            (rect.right - 1, underline),
            max(1, sizes.body // 14),
        )
    elif index == screen.hover:
        pygame.draw.rect(canvas.surface, palette.link, rect.inflate(2, 2), 1, border_radius=3)
