"""Reference data: the people, organisations and dated events the game shows around scenes.

`load_reference(directory, library)` reads `reference/` safely and proves every
quote; the dossier and the timeline show what it returns.
"""

from __future__ import annotations

from game.reference.loader import REFERENCE_FORMAT, load_reference
from game.reference.model import Entry, Event, Organisation, Person, Reference

__all__ = [
    "REFERENCE_FORMAT",
    "Entry",
    "Event",
    "Organisation",
    "Person",
    "Reference",
    "load_reference",
]
