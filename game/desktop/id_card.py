"""A person's identity card in the dossier: a typed file card in a manila folder.

Name, cover names, role and years, typed as a 1930s file card would be (the
"typewriter" face, the name in the "period" face), in a folder with the
person's name on its tab. Each cover name is set beside the person it stood
for ("Fred" → Boris Bazarov) and stamped on the card, so the link from a
cover name in a passage to the person is visible at a glance. Where a file
card had a photograph, this one says that the sources hold none: the game
invents no likeness. Every field comes from reference/people.yaml, whose
`years` may only give years the person's own quotes state (CN724).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.desktop.canvas import Canvas, Label
from game.desktop.period import draw_folder, draw_stamp
from game.desktop.reference_data import Entry
from game.desktop.text import Block, TextCache
from game.desktop.theme import Sizes

#: What the card says where the sources give no years, and where a photograph would be.
NO_YEARS = "not given in these sources"
NO_PHOTOGRAPH = "No photograph in these sources"
_FIELDS = ("NAME", "COVER NAME", "ROLE", "YEARS")


def cover_line(cover: str, name: str) -> str:
    """How the card links a cover name to its person, in words: '“Fred” → Boris Bazarov'."""
    return f"“{cover}” → {name}"


@dataclass(frozen=True)
class _Line:
    """One value on the card: its wrapped text, face, size, role, and room kept below it."""

    block: Block
    style: str
    size: int
    role: str
    below: int = 0  # a cover name's arrow and person wrapped to the next line

    @property
    def height(self) -> int:
        return self.block.height + self.below


@dataclass
class IdCard:
    """A person's card laid out at a width: where each field goes, and its height."""

    entry: Entry
    sizes: Sizes
    width: int
    label_w: int
    value_w: int
    photo: pygame.Rect | None  # relative to the card's top-left; None when too narrow
    rows: list[tuple[str, int, list[_Line]]]  # each field: its name, its y, its lines
    height: int

    @staticmethod
    def lay_out(cache: TextCache, entry: Entry, width: int, sizes: Sizes) -> IdCard:
        small, body, gap = sizes.small, sizes.body, sizes.gap
        tab_h = cache.line_height(small, "typewriter") + gap // 2
        pad_x, pad_y = gap * 4, gap * 7 // 2  # the folder's margin, then the card's
        inner = width - 2 * pad_x
        label_w = max(cache.width(field, small, "typewriter-bold") for field in _FIELDS) + gap * 2
        photo_w = max(small * 7, inner // 5)
        photo: pygame.Rect | None = None
        value_w = inner - label_w
        if value_w - photo_w - gap * 2 >= small * 18:
            value_w -= photo_w + gap * 2
            photo = pygame.Rect(pad_x + inner - photo_w, tab_h + pad_y, photo_w,
                                photo_w * 4 // 3)
        arrow = (cache.width("  ", body, "typewriter") + cache.width("→", body, "typewriter") * 2
                 + cache.width(entry.name, body, "typewriter"))
        rows: list[tuple[str, int, list[_Line]]] = []
        y = tab_h + pad_y

        def field(name: str, lines: list[_Line]) -> None:
            nonlocal y
            rows.append((name, y, lines))
            y += sum(line.height for line in lines) + gap

        field("NAME", [_Line(cache.layout(entry.name, sizes.heading, value_w, "period"),
                             "period", sizes.heading, "card-name")])
        covers = []
        for cover in entry.cover_names:
            block = cache.layout(f"“{cover}”", body, value_w, "typewriter-bold")
            width = max((run.x + run.width for run in block.runs), default=0)
            # The arrow and the person's name follow on the line, or on the next.
            below = 0 if width + arrow <= value_w else block.line_height
            covers.append(_Line(block, "typewriter-bold", body, "card-cover", below))
        if not covers:
            covers.append(_Line(cache.layout("none in these sources", body, value_w,
                                             "typewriter"), "typewriter", body, "card-cover"))
        elif entry.cover_note:  # an identification, not a certainty: the card says so
            covers.append(_Line(cache.layout(f"({entry.cover_note})", small, value_w,
                                             "typewriter"), "typewriter", small, "card-cover-note"))
        field("COVER NAME", covers)
        field("ROLE", [_Line(cache.layout(entry.role or NO_YEARS, body, value_w, "typewriter"),
                             "typewriter", body, "card-role")])
        field("YEARS", [_Line(cache.layout(entry.years or NO_YEARS, body, value_w,
                                           "typewriter"), "typewriter", body, "card-years")])
        y -= gap
        stamp = small * 3 if entry.cover_names else 0  # under the photograph, or the years
        y = max(y, photo.bottom + stamp) if photo is not None else y + stamp
        height = y + pad_y + gap
        return IdCard(entry, sizes, width, label_w, value_w, photo, rows, height)

    def draw(self, canvas: Canvas, rect: pygame.Rect) -> None:
        """The folder, the card on it, its fields, the empty photograph box and the stamp."""
        palette, sizes = canvas.palette, self.sizes
        small, body, gap = sizes.small, sizes.body, sizes.gap
        surname = self.entry.name.split()[-1].upper() if self.entry.name else ""
        inside = draw_folder(canvas, rect, f"FILE · {surname}")
        card = pygame.Rect(inside.left - gap, inside.top - gap, inside.width + gap * 2,
                           rect.bottom - inside.top - gap)
        canvas.surface.fill(palette.typed_page, card)
        pygame.draw.rect(canvas.surface, palette.folder_edge, card, 1)
        left = inside.left + gap * 2  # as `lay_out` placed the fields
        value_x = left + self.label_w
        for field, y, lines in self.rows:
            top = rect.top + y
            canvas.text(field, (left, top + max(0, (body - small) // 2)), small, palette.muted,
                        "typewriter-bold", "card-field")
            for index, line in enumerate(lines):
                step = line.block.line_height
                for rule_y in range(top + step - 2, top + line.height, step):  # a ruled card
                    pygame.draw.line(canvas.surface, palette.folder_edge, (value_x, rule_y),
                                     (value_x + self.value_w, rule_y))
                if line.role == "card-cover" and self.entry.cover_names:
                    self._cover(canvas, line, (value_x, top), index)
                else:
                    canvas.block(line.block, (value_x, top), line.size, line.style,
                                 palette.ink, line.role)
                top += line.height
        if self.photo is not None:
            self._photo_box(canvas, self.photo.move(rect.topleft))
        if self.entry.cover_names:
            centre = (card.right - gap * 2 - small * 4, card.bottom - gap - small * 2)
            if self.photo is not None:
                centre = (self.photo.move(rect.topleft).centerx,
                          self.photo.move(rect.topleft).bottom + small)
            draw_stamp(canvas, f"“{self.entry.cover_names[0].upper()}”", centre,
                       max(14, (small + body) // 2), angle=-6.0)

    def _cover(self, canvas: Canvas, line: _Line, origin: tuple[int, int], index: int) -> None:
        """“Fred” → Boris Bazarov: the cover name, a drawn arrow (the typewriter face has
        none) and the person's name, on one line when it fits, else the name on the next.
        One label holds the whole link, as a reader takes it in."""
        cache, body, palette = canvas.cache, self.sizes.body, canvas.palette
        cover = self.entry.cover_names[index]
        block = line.block
        for run in block.runs:  # drawn without a label each: the link's label says it all
            canvas.surface.blit(cache.render(run.text, body, palette.ink, line.style),
                                (origin[0] + run.x, origin[1] + run.y))
        x = origin[0] + max((run.x + run.width for run in block.runs), default=0)
        y = origin[1] + (block.runs[-1].y if block.runs else 0)
        space = cache.width(" ", body, "typewriter")
        arrow_w = cache.width("→", body, "typewriter") * 2
        if line.below:
            x, y = origin[0], y + block.line_height
        mid = y + block.line_height // 2 - 2
        start, end = x + space, x + space + arrow_w
        width = max(2, body // 10)
        pygame.draw.line(canvas.surface, palette.ink, (start, mid), (end, mid), width)
        head = max(6, body * 2 // 5)
        pygame.draw.polygon(canvas.surface, palette.ink,
                            [(end + 1, mid), (end - head, mid - head // 2 - 1),
                             (end - head, mid + head // 2 + 1)])
        name = canvas.surface.blit(cache.render(self.entry.name, body, palette.ink, "typewriter"),
                                   (end + space, y))
        whole = pygame.Rect(origin[0], origin[1], max(name.right, x) - origin[0],
                            name.bottom - origin[1])
        canvas.labels.append(Label(cover_line(cover, self.entry.name), whole, "card-cover"))

    def _photo_box(self, canvas: Canvas, box: pygame.Rect) -> None:
        """Where a file card's photograph went: an empty frame saying there is none."""
        palette, cache, small = canvas.palette, canvas.cache, self.sizes.small
        canvas.surface.fill(palette.page, box)
        dash = max(4, small // 3)
        for x in range(box.left, box.right, dash * 2):
            pygame.draw.line(canvas.surface, palette.folder_edge, (x, box.top),
                             (min(x + dash, box.right), box.top))
            pygame.draw.line(canvas.surface, palette.folder_edge, (x, box.bottom - 1),
                             (min(x + dash, box.right), box.bottom - 1))
        for y in range(box.top, box.bottom, dash * 2):
            pygame.draw.line(canvas.surface, palette.folder_edge, (box.left, y),
                             (box.left, min(y + dash, box.bottom)))
            pygame.draw.line(canvas.surface, palette.folder_edge, (box.right - 1, y),
                             (box.right - 1, min(y + dash, box.bottom)))
        words = cache.layout(NO_PHOTOGRAPH, small, box.width - small, "typewriter")
        canvas.block(words, (box.left + small // 2, box.centery - words.height // 2), small,
                     "typewriter", palette.muted, "card-photo")
