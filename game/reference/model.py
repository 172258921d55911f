"""The reference data the game shows around the scenes: people, organisations, events.

Frozen dataclasses, like the story model: loaded once, never changed. Every
entry keeps its proven citations and where it was written, so the dossier can
open the quoted source and an author's error can point at the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.diagnostics import Diagnostic, Location
from game.model import Citation


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """Names in order, each once, ignoring blanks."""
    seen: dict[str, None] = {}
    for name in names:
        if name.strip():
            seen.setdefault(name, None)
    return tuple(seen)


@dataclass(frozen=True)
class Later:
    """A part of a person's or an organisation's summary that tells how a scene turns out:
    the dossier shows it only once the scene `after` is finished, so a card read mid-scene
    gives nothing away."""

    after: str  # a scene id, one of the entry's `scenes`
    text: str
    citations: tuple[Citation, ...]
    where: Location


@dataclass(frozen=True)
class Person:
    """Someone the scenes or sources mention: real name, cover names, role and fate."""

    id: str
    name: str
    role: str
    summary: str
    citations: tuple[Citation, ...]
    where: Location
    cover_names: tuple[str, ...] = ()  # "Fred", "Ernst", "Redhead" …
    aliases: tuple[str, ...] = ()  # other names and spellings found in passages
    scenes: tuple[str, ...] = ()  # scene ids; settles a shared alias ("Helen")
    fate: str = ""  # empty when the sources do not say
    years: str = ""  # "1893–1939", "in the United States in the 1930s": only years quoted
    cover_note: str = ""  # how sure the cover names' link is, when the sources are not
    later: tuple[Later, ...] = ()  # parts shown once their scene is finished

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a passage may use for this person: the name, cover names, aliases."""
        return _unique((self.name, *self.cover_names, *self.aliases))


@dataclass(frozen=True)
class Organisation:
    """A service, party or office the scenes or sources mention."""

    id: str
    name: str
    summary: str
    citations: tuple[Citation, ...]
    where: Location
    aliases: tuple[str, ...] = ()  # abbreviations and other names ("AST", "ADT")
    scenes: tuple[str, ...] = ()
    later: tuple[Later, ...] = ()  # parts shown once their scene is finished

    @property
    def names(self) -> tuple[str, ...]:
        return _unique((self.name, *self.aliases))


@dataclass(frozen=True)
class Event:
    """A dated event for the timeline.

    `date` is sortable text (`1937`, `1937-09` or `1937-09-04`), as precise as the
    sources and no more; `display` is how a player reads it ("By the summer of
    1937"). The file's order is the timeline's order, and the loader checks that
    dates never go backwards in it.
    """

    id: str
    date: str
    display: str
    text: str
    citations: tuple[Citation, ...]
    where: Location
    scenes: tuple[str, ...] = ()

    @property
    def year(self) -> int:
        return int(self.date[:4])


Entry = Person | Organisation


@dataclass(frozen=True)
class Reference:
    """Everything in `reference/`, with what was wrong with it.

    Entries that had errors are left out; `diagnostics` says why.
    """

    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    events: tuple[Event, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def person(self, person_id: str) -> Person:
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)

    def organisation(self, organisation_id: str) -> Organisation:
        for organisation in self.organisations:
            if organisation.id == organisation_id:
                return organisation
        raise KeyError(organisation_id)

    def named(self, name: str, scene_id: str = "") -> tuple[Entry, ...]:
        """The people and organisations a passage means by `name`.

        Matching ignores case. When several share the name ("Helen" is both
        Helen Boyd and, in Massing's memoir, Elizabeth Zarubina) and `scene_id`
        is given, those listed for that scene are preferred.
        """
        wanted = name.casefold()
        entries: tuple[Entry, ...] = (*self.people, *self.organisations)
        found = tuple(
            entry for entry in entries if any(n.casefold() == wanted for n in entry.names)
        )
        if len(found) > 1 and scene_id:
            in_scene = tuple(entry for entry in found if scene_id in entry.scenes)
            if in_scene:
                return in_scene
        return found

    def names(self) -> dict[str, tuple[str, ...]]:
        """Every name, cover name and alias, to the ids of the entries it can mean."""
        index: dict[str, list[str]] = {}
        entries: tuple[Entry, ...] = (*self.people, *self.organisations)
        for entry in entries:
            for name in entry.names:
                ids = index.setdefault(name, [])
                if entry.id not in ids:
                    ids.append(entry.id)
        return {name: tuple(ids) for name, ids in index.items()}

    def events_for(self, scene_id: str) -> tuple[Event, ...]:
        """The timeline events that belong to one scene, in timeline order."""
        return tuple(event for event in self.events if scene_id in event.scenes)
