"""The story's frame: Hede Massing looking back, around and between the scenes.

The three scenes are one story told by the woman who lived it: an opening
before the first scene, a bridge after each scene leading to the next, and a
closing after the last that says what became of each person. The frame is
written in `reference/frame.yaml` (read by `frame_loader.py`) and kept apart
from the scenes: it is not a scene, has no choices and never changes play.

Like a passage, a part of a page with no citation is a dramatisation and is
labelled so wherever it is shown; a part with citations states only what its
quotes prove. What became of each person always quotes its source.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.diagnostics import Diagnostic, Location
from game.model import Citation

OPENING = "opening"
BRIDGE = "bridge"
CLOSING = "closing"


@dataclass(frozen=True)
class FramePart:
    """A paragraph of a frame page, with the quotes that back it (none: a dramatisation)."""

    text: str
    citations: tuple[Citation, ...]
    where: Location

    @property
    def dramatised(self) -> bool:
        """No quote backs this paragraph: it is shown labelled as dramatisation."""
        return not self.citations


@dataclass(frozen=True)
class Fate:
    """What became of one person, as far as the sources say, always quoted."""

    name: str
    text: str
    citations: tuple[Citation, ...]
    where: Location


@dataclass(frozen=True)
class FramePage:
    """The opening, a bridge or the closing: a title, paragraphs, and (closing) the fates.

    `after` is the scene the page follows ("" for the opening), `next` the scene
    it leads to ("" for the closing).
    """

    kind: str
    title: str
    parts: tuple[FramePart, ...]
    where: Location
    subtitle: str = ""
    after: str = ""
    next: str = ""
    fates: tuple[Fate, ...] = ()

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every quote on the page, in reading order."""
        found = [c for part in self.parts for c in part.citations]
        found += [c for fate in self.fates for c in fate.citations]
        return tuple(found)


@dataclass(frozen=True)
class Frame:
    """The frame as loaded: pages with errors are left out; `diagnostics` says why."""

    opening: FramePage | None = None
    bridges: tuple[FramePage, ...] = ()
    closing: FramePage | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def pages(self) -> tuple[FramePage, ...]:
        """Every page, in the order a class meets them."""
        first = (self.opening,) if self.opening is not None else ()
        last = (self.closing,) if self.closing is not None else ()
        return (*first, *self.bridges, *last)

    def opening_before(self, scene_id: str) -> FramePage | None:
        """The opening, when `scene_id` is the scene it leads into."""
        if self.opening is not None and self.opening.next == scene_id:
            return self.opening
        return None

    def after(self, scene_id: str) -> FramePage | None:
        """The page shown once `scene_id` is over: its bridge, or the closing."""
        for page in self.bridges:
            if page.after == scene_id:
                return page
        if self.closing is not None and self.closing.after == scene_id:
            return self.closing
        return None
