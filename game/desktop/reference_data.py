"""The dossier and timeline's data: people, cover names, organisations and dated events.

The historian's `game.reference.load_reference(directory, library)` reads
reference/ through the safe, positioned YAML reader and proves every quote;
it is the only way reference data is read (never a raw `yaml.load`). This
module reads what it returns by attribute names (tolerating a list or a
mapping), so the dossier works as that data grows, and finds where a passage
mentions them. When the data cannot be read, or some entries had errors,
`Reference.problem` says so in plain words and the desktop shows it; the
entries that did load are still shown.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from game import paths
from game.desktop.text import Mark
from game.engine.met import Met, overlaps
from game.model import Citation

if TYPE_CHECKING:
    from game.engine import Story

KINDS = (("person", "People and cover names"), ("organisation", "Organisations"))


@dataclass(frozen=True)
class LaterPart:
    """A part of a card that tells how the scene `after` turns out (`later:` in people.yaml
    and organisations.yaml)."""

    after: str
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One dossier card or timeline event."""

    id: str
    kind: str  # person | organisation | event
    name: str
    aliases: tuple[str, ...] = ()
    summary: str = ""
    citations: tuple[Citation, ...] = ()
    date: str = ""  # as players read it
    scenes: tuple[str, ...] = ()
    cover_names: tuple[str, ...] = ()
    role: str = ""
    fate: str = ""
    sort_key: str = ""
    years: str = ""  # a person's years as their identity card shows them
    cover_note: str = ""  # how sure the link from cover name to person is, when unsure
    later: tuple[LaterPart, ...] = ()  # kept back until their scene is finished

    def as_of(self, finished: Collection[str] | None = None) -> Entry:
        """The card as a player may read it once the scenes `finished` are over (all of it
        when None): each `later` part joins the summary, with its quotes, once its scene is."""
        shown = [part for part in self.later if finished is None or part.after in finished]
        if not self.later:
            return self
        return replace(
            self,
            summary=" ".join([self.summary, *(part.text for part in shown)]).strip(),
            citations=self.citations + tuple(c for part in shown for c in part.citations),
            later=(),
        )

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.cover_names, *self.aliases)


@dataclass
class Reference:
    entries: list[Entry] = field(default_factory=list)
    events: list[Entry] = field(default_factory=list)
    problem: str = ""
    _patterns: dict[str, tuple[re.Pattern[str], dict[str, str]] | None] = field(
        default_factory=dict
    )

    def entry(self, entry_id: str) -> Entry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None

    def _pattern(self, scene_id: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
        """One regex of every name; a name two entries share goes to the one in this scene."""
        if scene_id not in self._patterns:
            by_name: dict[str, tuple[int, str]] = {}
            for entry in self.entries:
                rank = 0 if scene_id in entry.scenes else 1 if not entry.scenes else 2
                for name in entry.names:
                    if len(name) >= 3 and (name not in by_name or rank < by_name[name][0]):
                        by_name[name] = (rank, entry.id)
            names = sorted(by_name, key=len, reverse=True)
            pattern = (
                re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
                if names
                else None
            )
            self._patterns[scene_id] = (
                (pattern, {n: e for n, (_, e) in by_name.items()}) if pattern else None
            )
        return self._patterns[scene_id]

    def named_in(self, texts: Iterable[str], scene_id: str = "") -> set[str]:
        """The ids of every entry some text names."""
        return {mark.tag[5:] for text in texts for mark in self.mentions(text, scene_id)}

    def met_entries(self, met: Met, finished: frozenset[str] = frozenset()) -> list[Entry]:
        """The dossier's entries a player may see now (docs/scene-format.md, "The dossier and
        timeline while playing"): those named in what they have read in this scene, those of
        scenes already finished, and once the scene has ended, the rest of it."""
        shown = self.named_in(met.texts, met.scene_id)
        if met.ended:
            shown |= self.named_in(met.all_texts, met.scene_id)
        done = finished | {met.scene_id} if met.ended else finished
        return [entry.as_of(done) for entry in self.entries
                if entry.id in shown or set(entry.scenes) & finished
                or (met.ended and (met.scene_id in entry.scenes or not entry.scenes))]

    def met_events(self, met: Met, finished: frozenset[str] = frozenset()) -> list[Entry]:
        """The timeline's events a player may see now: the scene's own up to the last one
        whose every quote its passages and records have shown, the background events (of
        no scene) before that point, and every event of a scene already finished; all but
        other scenes' once this one has ended."""
        events = self.events
        own = [index for index, event in enumerate(events) if met.scene_id in event.scenes]
        reached = [index for index in own if events[index].citations  # every quote met
                   and all(any(overlaps(quote, seen) for seen in met.citations)
                           for quote in events[index].citations)]
        now = len(events) if met.ended or not own else (
            reached[-1] + 1 if reached else own[0])
        return [event for index, event in enumerate(events)
                if set(event.scenes) & finished
                or (index < now and (not event.scenes or met.scene_id in event.scenes))]

    def mentions(self, text: str, scene_id: str = "") -> list[Mark]:
        """Where `text` first names each dossier entry, as link marks (one link each is calmer)."""
        found = self._pattern(scene_id)
        if found is None:
            return []
        pattern, by_name = found
        marks: dict[str, Mark] = {}
        for match in pattern.finditer(text):
            entry_id = by_name[match.group()]
            marks.setdefault(entry_id, Mark(match.start(), match.end(), "link:" + entry_id))
        return sorted(marks.values(), key=lambda mark: mark.start)


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def _values(collection: Any) -> Iterable[Any]:
    if collection is None:
        return ()
    if isinstance(collection, dict):
        return collection.values()
    return collection


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(_get(value, "name", "text", default=value))


def _entry(obj: Any, kind: str, prove: Any = None) -> Entry:
    names = _get(obj, "names", default=None)
    name = _text(_get(obj, "name", "title", default="")) or (str(names[0]) if names else "")
    covers = [_text(cover) for cover in _values(_get(obj, "cover_names", default=()))]
    aliases = [_text(alias) for alias in _values(_get(obj, "aliases", default=()))]
    if names:
        aliases = [str(n) for n in names if str(n) != name] + aliases
    raw_citations = _values(_get(obj, "citations", "cite", default=()))
    citations = tuple(prove(c) if prove else c for c in raw_citations)
    scenes = _get(obj, "scenes", "scene", default=())
    date = _text(_get(obj, "date", "when", default=""))
    return Entry(
        id=str(_get(obj, "id", default=name)),
        kind=kind,
        name=name,
        aliases=tuple(dict.fromkeys(a for a in aliases if a and a != name and a not in covers)),
        summary=_text(_get(obj, "summary", "description", "text", "note", default="")),
        citations=tuple(c for c in citations if isinstance(c, Citation)),
        date=_text(_get(obj, "display", default="")) or date,
        scenes=(scenes,) if isinstance(scenes, str) else tuple(str(s) for s in scenes or ()),
        cover_names=tuple(c for c in covers if c),
        role=_text(_get(obj, "role", default="")),
        fate=_text(_get(obj, "fate", default="")),
        sort_key=date,
        years=_text(_get(obj, "years", default="")),
        cover_note=_text(_get(obj, "cover_note", default="")),
        later=tuple(_later(part, prove) for part in _values(_get(obj, "later", default=()))),
    )


def _later(obj: Any, prove: Any = None) -> LaterPart:
    raw = _values(_get(obj, "citations", "cite", default=()))
    citations = tuple(prove(c) if prove else c for c in raw)
    return LaterPart(
        after=str(_get(obj, "after", default="")),
        text=_text(_get(obj, "text", default="")),
        citations=tuple(c for c in citations if isinstance(c, Citation)),
    )


def build_reference(data: Any, prove: Any = None) -> Reference:
    """A `Reference` from the historian's data, read by attribute names."""
    if isinstance(data, tuple):
        data = data[0]
    entries = [_entry(obj, "person", prove) for obj in _values(_get(data, "people", default=()))]
    entries += [
        _entry(obj, "organisation", prove)
        for obj in _values(_get(data, "organisations", default=()))
    ]
    events = [_entry(obj, "event", prove) for obj in _values(_get(data, "events", default=()))]
    events.sort(key=lambda event: event.sort_key)
    return Reference(entries, events)


def load_reference_data(story: Story) -> Reference:
    """The dossier and timeline, read safely; a problem becomes a message, never a crash."""
    try:
        from game.reference import load_reference
    except ImportError as error:
        return Reference(problem=f"The dossier and timeline are not part of this build ({error}).")
    try:
        loaded = load_reference(paths.reference_dir(), story.library)
        reference = build_reference(loaded)
    except Exception as error:  # the reference data is another team's; never crash on it
        return Reference(problem=f"The reference data could not be read: "
                                 f"{type(error).__name__}: {error}")
    errors = [d for d in getattr(loaded, "diagnostics", ()) if d.is_error]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        reference.problem = (f"Some reference entries had errors and are left out: {errors[0]}"
                             f"{more}. Run 'cover-names lint' to see each.")
    return reference
