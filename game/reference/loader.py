"""Loads `reference/` (people, organisations, timeline) safely, proving every quote.

The files are read with the same safe, positioned YAML reader as scenes
(`game.loading.yaml_tree.read_yaml`), their shape is checked with the scene
loader's helpers, and every citation is proven against the source library.
Problems are collected as diagnostics, never raised; an entry with an error
is left out and the rest still load.

The file formats are documented at the top of each file in `reference/` and in
docs/history.md. Format 1 promises that its keys keep their meaning; new
optional keys may be added.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from game.diagnostics import Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.guarded import read_bytes, reported
from game.loading.citations import read_citations
from game.loading.shape import check_keys, id_of, int_of, list_of, text_of, texts_of
from game.loading.yaml_tree import MAX_BYTES, YMap, read_yaml
from game.model import Citation
from game.reference.model import Event, Later, Organisation, Person, Reference
from game.sources import SourceLibrary

#: The newest reference format this game reads.
REFERENCE_FORMAT = 1

PEOPLE_FILE = "people.yaml"
ORGANISATIONS_FILE = "organisations.yaml"
TIMELINE_FILE = "timeline.yaml"

_PERSON_KEYS = frozenset(
    {"id", "name", "cover_names", "cover_note", "aliases", "scenes", "role", "years", "summary",
     "fate", "cite", "later"}
)
_LATER_KEYS = frozenset({"after", "text", "cite"})
_ORGANISATION_KEYS = frozenset({"id", "name", "aliases", "scenes", "summary", "cite", "later"})
_EVENT_KEYS = frozenset({"id", "date", "display", "text", "scenes", "cite"})

#: Sortable dates: a year, a month or a day, as precise as the sources allow.
_DATE = re.compile(r"^(1[89]\d\d|20\d\d)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

@dataclass
class _Context:
    """What every entry reader needs: the library, known scenes, ids seen so far."""

    library: SourceLibrary
    diagnostics: Diagnostics
    scene_ids: Collection[str] | None
    ids: dict[str, Location]


def load_reference(
    directory: Path,
    library: SourceLibrary,
    scene_ids: Collection[str] | None = None,
) -> Reference:
    """Read people.yaml, organisations.yaml and timeline.yaml from `directory`.

    Every quote is proven with `library`. When `scene_ids` is given, every
    `scenes:` entry must name one of them (CN702).
    """
    diagnostics = Diagnostics()
    entry_ids: dict[str, Location] = {}  # people and organisations share one namespace
    context = _Context(library, diagnostics, scene_ids, entry_ids)
    people = tuple(
        person
        for item in _entries(directory / PEOPLE_FILE, "people", diagnostics)
        if (person := _read_person(item, context)) is not None
    )
    organisations = tuple(
        organisation
        for item in _entries(directory / ORGANISATIONS_FILE, "organisations", diagnostics)
        if (organisation := _read_organisation(item, context)) is not None
    )
    event_context = _Context(library, diagnostics, scene_ids, {})
    events = tuple(
        event
        for item in _entries(directory / TIMELINE_FILE, "events", diagnostics)
        if (event := _read_event(item, event_context)) is not None
    )
    _check_order(events, diagnostics)
    return Reference(people, organisations, events, tuple(diagnostics))


def _entries(path: Path, key: str, diagnostics: Diagnostics) -> list[YMap]:
    """The mappings listed under `key` in one file; problems reported."""
    data: bytes | None = None
    with reported(path, diagnostics):  # a pipe, a folder, 2 GB: a diagnostic, no traceback
        data = read_bytes(path, MAX_BYTES)
    if data is None:
        return []
    root = read_yaml(data, str(path), diagnostics)
    if root is None:
        return []
    check_keys(root, (key,), frozenset({"format", key}), f"the file {path.name}",
               diagnostics)
    found = int_of(root, "format", diagnostics, default=REFERENCE_FORMAT)
    if found > REFERENCE_FORMAT:
        diagnostics.add("CN720", root.key_where("format"),
             hint="update the game, or write 'format: 1'",
             found=found, supported=REFERENCE_FORMAT)
        return []
    items = list_of(root, key, diagnostics)
    if items is None:
        return []
    entries: list[YMap] = []
    for item in items.items:
        if isinstance(item, YMap):
            entries.append(item)
        else:
            diagnostics.add("CN203", item.where, key=key, expected="a list of mappings",
                            found=item.kind)
    return entries


def _read_id(item: YMap, context: _Context) -> str:
    """The entry's snake_case id, reported when it repeats an earlier one."""
    entry_id = id_of(item, "id", context.diagnostics)
    if not entry_id:
        return ""
    where = item.items["id"].where
    first = context.ids.get(entry_id)
    if first is not None:
        context.diagnostics.add("CN721", where,
             hint="every entry needs an id of its own",
             id=entry_id, first_line=first.line)
        return ""
    context.ids[entry_id] = where
    return entry_id


def _read_scenes(item: YMap, context: _Context) -> tuple[str, ...]:
    scenes = texts_of(item, "scenes", context.diagnostics)
    if context.scene_ids is not None:
        known = sorted(context.scene_ids)
        for scene in scenes:
            if scene not in context.scene_ids:
                context.diagnostics.add(
                    "CN702", item.items["scenes"].where, scene=scene,
                    hint=did_you_mean(scene, known) or f"known scenes: {', '.join(known)}",
                )
    return scenes


def _read_cite(item: YMap, context: _Context) -> tuple[Citation, ...]:
    """The entry's proven citations; an empty `cite:` is reported (every entry quotes)."""
    before = len(context.diagnostics)
    node = item.items.get("cite")
    citations = read_citations(node, "cite", context.library, context.diagnostics)
    if node is not None and not citations and len(context.diagnostics) == before:
        context.diagnostics.add("CN206", node.where, what="'cite'",
                                hint="every reference entry quotes its source")
    return citations


def _read_person(item: YMap, context: _Context) -> Person | None:
    diagnostics = context.diagnostics
    before = len(diagnostics)
    check_keys(item, ("id", "name", "role", "summary", "cite"), _PERSON_KEYS, "a person",
               diagnostics)
    entry_id = _read_id(item, context)
    name = text_of(item, "name", diagnostics)
    role = text_of(item, "role", diagnostics)
    summary = text_of(item, "summary", diagnostics)
    fate = text_of(item, "fate", diagnostics, allow_empty=True)
    years = text_of(item, "years", diagnostics)
    cover_note = text_of(item, "cover_note", diagnostics)
    cover_names = texts_of(item, "cover_names", diagnostics)
    aliases = texts_of(item, "aliases", diagnostics)
    scenes = _read_scenes(item, context)
    citations = _read_cite(item, context)
    _check_years(item, years, citations, diagnostics)
    later = _read_later(item, scenes, context)
    if len(diagnostics) > before or not entry_id:
        return None
    return Person(
        id=entry_id, name=name, role=role, summary=_plain(summary), citations=citations,
        where=item.where, cover_names=cover_names, aliases=aliases, scenes=scenes,
        fate=_plain(fate), years=years, cover_note=_plain(cover_note), later=later,
    )


def _read_later(item: YMap, scenes: tuple[str, ...], context: _Context) -> tuple[Later, ...]:
    """The parts of a person's or an organisation's summary that tell how a scene turns
    out, each shown only once the scene `after` names is finished; that scene must be one
    of the entry's own (CN725)."""
    diagnostics = context.diagnostics
    if "later" not in item.items:
        return ()
    parts = list_of(item, "later", diagnostics)
    if parts is None:
        return ()
    later: list[Later] = []
    for part in parts.items:
        if not isinstance(part, YMap):
            diagnostics.add("CN203", part.where, key="later", expected="a list of mappings",
                            found=part.kind)
            continue
        check_keys(part, ("after", "text", "cite"), _LATER_KEYS, "a later part", diagnostics)
        after = id_of(part, "after", diagnostics)
        if after and after not in scenes:
            diagnostics.add("CN725", part.items["after"].where, scene=after,
                            hint="add the scene to this entry's 'scenes:', or name one "
                                 f"of them ({', '.join(scenes) or 'none listed'})")
        text = text_of(part, "text", diagnostics)
        citations = _read_cite(part, context)
        later.append(Later(after, _plain(text), citations, part.where))
    return tuple(later)


_YEAR = re.compile(r"(?<!\d)1[89]\d\d(?!\d)")


def _check_years(item: YMap, years: str, citations: tuple[Citation, ...],
                 diagnostics: Diagnostics) -> None:
    """Every year a person's `years` gives must be in one of their own quotes (CN724):
    the identity card states nothing the sources do not."""
    quoted = " ".join(citation.quote for citation in citations)
    for year in _YEAR.findall(years):
        if not re.search(rf"(?<!\d){year}(?!\d)", quoted):
            diagnostics.add("CN724", item.items["years"].where, year=year,
                            hint="quote the source that gives it in 'cite:', or leave it out")


def _read_organisation(item: YMap, context: _Context) -> Organisation | None:
    diagnostics = context.diagnostics
    before = len(diagnostics)
    check_keys(item, ("id", "name", "summary", "cite"), _ORGANISATION_KEYS, "an organisation",
               diagnostics)
    entry_id = _read_id(item, context)
    name = text_of(item, "name", diagnostics)
    summary = text_of(item, "summary", diagnostics)
    aliases = texts_of(item, "aliases", diagnostics)
    scenes = _read_scenes(item, context)
    citations = _read_cite(item, context)
    later = _read_later(item, scenes, context)
    if len(diagnostics) > before or not entry_id:
        return None
    return Organisation(
        id=entry_id, name=name, summary=_plain(summary), citations=citations,
        where=item.where, aliases=aliases, scenes=scenes, later=later,
    )


def _read_event(item: YMap, context: _Context) -> Event | None:
    diagnostics = context.diagnostics
    before = len(diagnostics)
    check_keys(item, ("id", "date", "display", "text", "cite"), _EVENT_KEYS, "an event",
               diagnostics)
    entry_id = _read_id(item, context)
    date = text_of(item, "date", diagnostics)
    if date and not _DATE.match(date):
        diagnostics.add("CN722", item.items["date"].where,
             hint="write the date as 1937, 1937-09 or 1937-09-04",
             value=date)
    display = text_of(item, "display", diagnostics)
    text = text_of(item, "text", diagnostics)
    scenes = _read_scenes(item, context)
    citations = _read_cite(item, context)
    if len(diagnostics) > before or not entry_id:
        return None
    return Event(
        id=entry_id, date=date, display=display, text=_plain(text), citations=citations,
        where=item.where, scenes=scenes,
    )


def _check_order(events: tuple[Event, ...], diagnostics: Diagnostics) -> None:
    """The file's order is the timeline's: a date may never be earlier than the one before.

    Dates are compared only as precisely as both are written, so "1938" may
    follow "1938-02-17" (the sources do not say when in 1938) but "1937-05"
    may not follow "1938".
    """
    for previous, event in itertools.pairwise(events):
        width = min(len(previous.date), len(event.date))
        if event.date[:width] < previous.date[:width]:
            diagnostics.add("CN723", event.where,
                 hint=f"move '{event.id}' before '{previous.id}', or correct its date",
                 id=event.id, date=event.date, previous=previous.date)


def _plain(text: str) -> str:
    """Folded YAML text as one paragraph: single spaces, no trailing newline."""
    return " ".join(text.split())
