"""Reads `seeds/voices.yaml`: who speaks where in each seed text, proven against the text.

Each span is anchored by the exact words it starts and ends with, so the
file reads as a marked-up copy of the articles rather than a list of
character offsets. Every anchor is proven as the library loads: a start that
is not in the seed, stands in it twice without a `line:`, or an end not
found after the start, and two spans that overlap, are diagnostics at their
line and column in voices.yaml (CN510-CN513), and the span is left out (its
text then counts as the article's own voice). A missing voices.yaml is no
error: every quote is then the article's own voice.

Imported lazily by `index.read_index`, like the index itself (the loader
imports the library).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from game.diagnostics import Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.loading.shape import (
    check_keys,
    enum_of,
    id_of,
    int_of,
    list_of,
    map_of,
    text_of,
    wrong_type,
)
from game.loading.yaml_tree import YMap, YScalar, read_yaml
from game.model.voice import Voice, VoiceKind
from game.sources.library import Source, Span, VoiceSpan

VOICES_FILE = "voices.yaml"
# Format 1. Promise: these keys keep their meaning; new optional keys may be added.
VOICES_FORMAT = 1
_TOP_KEYS = frozenset({"format", "works", "seeds"})
_WORK_KEYS = frozenset({"id", "author", "title", "date", "kind", "to", "retells", "note"})
_SEED_KEYS = frozenset({"own_voice", "spans"})
_SPAN_KEYS = frozenset({"work", "article", "from", "to", "line", "retells", "citing", "note"})
_WORK_KINDS = tuple(kind.value for kind in VoiceKind if not kind.is_article)
_ARTICLE_KINDS = tuple(kind.value for kind in VoiceKind if kind.is_article)


def read_voices(seeds_dir: Path, sources: list[Source], diagnostics: Diagnostics,
                listed: Collection[str] = ()) -> None:
    """Mark each source's voices from voices.yaml in `seeds_dir` (in place); problems reported.

    `listed` are the ids sources.yaml names: one that could not be loaded has
    already been reported there, so its voices are skipped without a word.
    """
    path = seeds_dir / VOICES_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        diagnostics.add("CN100", Location(str(path)), reason=reason,
                        hint="restore voices.yaml from version control")
        return
    root = read_yaml(data, str(path), diagnostics)
    if root is None:
        return
    check_keys(root, ("seeds",), _TOP_KEYS, VOICES_FILE, diagnostics)
    fmt = int_of(root, "format", diagnostics, default=VOICES_FORMAT)
    if fmt != VOICES_FORMAT:
        diagnostics.add("CN205", root.items["format"].where, value=fmt,
                        kind="voices format", allowed=str(VOICES_FORMAT),
                        hint="this game reads voices.yaml format 1")
        return
    works = _read_works(root, diagnostics)
    seeds = map_of(root, "seeds", diagnostics)
    if seeds is None:
        return
    by_id = {source.id: source for source in sources}
    for source_id, entry in seeds.items.items():
        source = by_id.get(source_id)
        if source is None and source_id in listed:
            continue
        if source is None:
            diagnostics.add("CN501", seeds.key_where(source_id), source=source_id,
                            hint=did_you_mean(source_id, tuple(by_id))
                            or f"known sources: {', '.join(by_id) or 'none'}")
            continue
        if type(entry) is not YMap:
            wrong_type(source_id, entry, "a mapping with 'spans'", diagnostics)
            continue
        assert isinstance(entry, YMap)
        _read_seed(entry, source, works, diagnostics)


def _read_works(root: YMap, diagnostics: Diagnostics) -> dict[str, Voice]:
    """`works:` by id, each as the voice of a stretch that quotes it (article not yet set)."""
    works: dict[str, Voice] = {}
    first_line: dict[str, int] = {}
    entries = list_of(root, "works", diagnostics)
    for item in entries.items if entries is not None else ():
        if type(item) is not YMap:
            wrong_type("works", item, "a mapping with 'id', 'author' and 'kind'", diagnostics)
            continue
        assert isinstance(item, YMap)
        work_id = id_of(item, "id", diagnostics)
        check_keys(item, ("id", "author", "kind"), _WORK_KEYS,
                   f"the work '{work_id}'" if work_id else "a work", diagnostics)
        kind = enum_of(item, "kind", _WORK_KINDS, "kind of work", diagnostics)
        if not work_id or not kind:
            continue
        if work_id in works:
            diagnostics.add("CN515", item.items["id"].where, id=work_id,
                            first_line=first_line[work_id], hint="give each work its own id")
            continue
        first_line[work_id] = item.items["id"].where.line
        works[work_id] = Voice(
            kind=VoiceKind(kind),
            article="",
            author=text_of(item, "author", diagnostics),
            title=text_of(item, "title", diagnostics),
            date=text_of(item, "date", diagnostics),
            to=text_of(item, "to", diagnostics),
            retells=text_of(item, "retells", diagnostics),
            note=" ".join(text_of(item, "note", diagnostics).split()),
        )
    return works


def _read_seed(entry: YMap, source: Source, works: dict[str, Voice],
               diagnostics: Diagnostics) -> None:
    """One seed's `own_voice` and `spans`, proven against its text, set on `source`."""
    check_keys(entry, (), _SEED_KEYS, f"the voices of '{source.id}'", diagnostics)
    own = enum_of(entry, "own_voice", _ARTICLE_KINDS, "article voice", diagnostics)
    if own:
        source.own_voice_kind = VoiceKind(own)
    spans_node = list_of(entry, "spans", diagnostics)
    spans: list[VoiceSpan] = []
    for item in spans_node.items if spans_node is not None else ():
        if type(item) is not YMap:
            wrong_type("spans", item, "a mapping with 'from', 'to' and 'work' or 'article'",
                       diagnostics)
            continue
        assert isinstance(item, YMap)
        span = _read_span(item, source, works, diagnostics)
        if span is not None:
            spans.append(span)
    spans.sort(key=lambda span: span.start)
    kept: list[VoiceSpan] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            diagnostics.add("CN513", span.where, other_line=kept[-1].where.line,
                            source=source.id,
                            hint="end one span before the next begins; a passage has one voice")
            continue
        kept.append(span)
    source.voices = tuple(kept)


def _read_span(item: YMap, source: Source, works: dict[str, Voice],
               diagnostics: Diagnostics) -> VoiceSpan | None:
    """One span: its voice and where its anchors stand in the seed; None when unusable."""
    check_keys(item, ("from", "to"), _SPAN_KEYS, "a span", diagnostics)
    voice = _span_voice(item, source, works, diagnostics)
    start = _anchor_start(item, source, diagnostics)
    if start is None or voice is None:
        return None
    end_text = text_of(item, "to", diagnostics)
    ends = source.find_all(end_text, after=start.start, limit=1) if end_text else []
    if not ends:
        if end_text:
            to_node = item.items["to"]
            diagnostics.add("CN510", to_node.where, which="end", text=_short(end_text),
                            source=source.id,
                            hint=f"it must stand after the start, at line "
                                 f"{source.line_of(start.start)} of {source.path.name}; copy "
                                 "the last words of the stretch exactly")
        return None
    return VoiceSpan(start.start, ends[0].end, voice, item.where)


def _span_voice(item: YMap, source: Source, works: dict[str, Voice],
                diagnostics: Diagnostics) -> Voice | None:
    """The voice a span names: a work of `works:`, or the article's own narration or claim."""
    has_work, has_article = "work" in item.items, "article" in item.items
    if has_work == has_article:
        diagnostics.add("CN514", item.where,
                        hint="write 'work: <id>' for a work the article quotes, or "
                             "'article: narration' or 'article: claim' for its own words")
        return None
    if has_work:
        if "retells" in item.items or "citing" in item.items:
            key = "retells" if "retells" in item.items else "citing"
            diagnostics.add("CN202", item.key_where(key), key=key, context="a work's span",
                            hint="a work's 'retells' goes under 'works:'; 'citing' is for "
                                 "the article's own claims")
        work_node = item.items["work"]
        work_id = work_node.raw if isinstance(work_node, YScalar) else ""
        work = works.get(work_id)
        if work is None:
            diagnostics.add("CN512", work_node.where, work=work_id,
                            hint=did_you_mean(work_id, tuple(works))
                            or "list it under 'works:' first")
            return None
        return replace(work, article=source.title, publisher=source.publisher)
    kind = enum_of(item, "article", _ARTICLE_KINDS, "article voice", diagnostics)
    if not kind:
        return None
    return Voice(kind=VoiceKind(kind), retells=text_of(item, "retells", diagnostics),
                 citing=text_of(item, "citing", diagnostics),
                 note=" ".join(text_of(item, "note", diagnostics).split()),
                 article=source.title, publisher=source.publisher)


def _anchor_start(item: YMap, source: Source, diagnostics: Diagnostics) -> Span | None:
    """Where the span's `from` stands: once in the seed, or on the seed line `line:` names."""
    start_text = text_of(item, "from", diagnostics)
    if not start_text:
        return None
    from_node = item.items["from"]
    found = source.find_all(start_text)
    line = int_of(item, "line", diagnostics, default=0)
    if line:
        found = [span for span in found if source.line_of(span.start) == line]
    if not found:
        near = f"line {line}" if line else "the seed"
        passage = source.closest_passage(start_text)
        diagnostics.add("CN510", from_node.where, which="start", text=_short(start_text),
                        source=source.id,
                        hint=(f'not on {near}; closest: "{_short(passage, 80)}"' if passage
                              else "copy the first words of the stretch exactly"))
        return None
    if len(found) > 1:
        lines = ", ".join(str(source.line_of(span.start)) for span in found)
        diagnostics.add("CN511", from_node.where, text=_short(start_text), source=source.id,
                        count=len(found),
                        hint=f"it stands at lines {lines}; add 'line:' with the one you mean, "
                             "or quote more words")
        return None
    return found[0]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
