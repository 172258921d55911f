"""Loads `seeds/sources.yaml` and the texts it names, and proves quotes against them.

A quote is proven when it appears in the source after both are normalised:
runs of whitespace become one space, curly quotes become straight ones, and
every kind of dash becomes a hyphen. The proof returns the quote's span in the
original text, so the source viewer can scroll to it and highlight it.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.diagnostics import Diagnostics, Location
from game.model.voice import Voice, VoiceKind, article_voice

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)
_SPACE = re.compile(r"\s+")

#: Quotes shorter than this prove nothing: "he said" is in every text.
#: How much of a quote that is not found is matched to find its closest passage.
CLOSEST_MATCH_CHARACTERS = 400
MIN_QUOTE_LENGTH = 12


def normalise(text: str) -> str:
    """The form in which quotes are compared: straight quotes, hyphens, single spaces."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


@dataclass(frozen=True)
class Span:
    """Where a proven quote stands in a source's original text."""

    source: str
    start: int
    end: int


#: Quote marks and spaces at a quote's ends belong to no voice: a quote may begin at the
#: article's opening quotation mark and still be wholly the quoted work's words.
_NEUTRAL_ENDS = " \t\r\n\"'\u201c\u201d\u2018\u2019\u201e"


@dataclass(frozen=True)
class VoiceSpan:
    """A stretch of a source in which one voice speaks, and where voices.yaml marks it."""

    start: int
    end: int
    voice: Voice
    where: Location


@dataclass
class Source:
    """One seed text and what the game says about it."""

    id: str
    title: str
    kind: str
    provenance: str
    path: Path
    text: str
    known_slips: tuple[tuple[str, str], ...] = ()
    publisher: str = ""  # who published the article, as far as its text shows; "" if not
    #: The stretches voices.yaml marks, in text order; everything else is `own_voice`.
    voices: tuple[VoiceSpan, ...] = ()
    own_voice_kind: VoiceKind = VoiceKind.NARRATION
    _normal: str = field(init=False, repr=False, default="")
    _index: list[int] = field(init=False, repr=False, default_factory=list)

    def __post_init__(self) -> None:
        self._normal, self._index = _normalise_with_index(self.text)

    def find(self, quote: str) -> Span | None:
        """The span of `quote` in this text, or None when it is not there."""
        found = self.find_all(quote, limit=1)
        return found[0] if found else None

    def find_all(self, quote: str, after: int = 0, limit: int = 0) -> list[Span]:
        """Every span of `quote` starting at or after the character offset `after`."""
        wanted = normalise(quote)
        if not wanted:
            return []
        spans: list[Span] = []
        at = self._normal.find(wanted, bisect_left(self._index, after))
        while at >= 0:
            start = self._index[at]
            end = self._index[at + len(wanted) - 1] + 1
            spans.append(Span(self.id, start, end))
            if limit and len(spans) >= limit:
                break
            at = self._normal.find(wanted, at + 1)
        return spans

    @property
    def own_voice(self) -> Voice:
        """The article's own voice: what speaks wherever voices.yaml marks no other."""
        return article_voice(self.title, self.publisher, self.own_voice_kind)

    def voice_at(self, start: int, end: int) -> tuple[Voice, Voice | None]:
        """The voice of the text from `start` to `end`, and a second voice it runs into.

        Quote marks and spaces at either end are neutral, so a quote taken with
        the article's quotation marks keeps to the voice inside them.
        """
        while start < end and self.text[start] in _NEUTRAL_ENDS:
            start += 1
        while end > start and self.text[end - 1] in _NEUTRAL_ENDS:
            end -= 1
        own = self.own_voice
        voices: list[Voice] = []
        position = start
        for span in self.voices:
            if span.end <= start:
                continue
            if span.start >= end:
                break
            if span.start > position:
                voices.append(own)  # the article's own words before this span
            voices.append(span.voice)
            position = span.end
        if position < end:
            voices.append(own)
        first = voices[0] if voices else own
        second = next((voice for voice in voices[1:] if voice != first), None)
        return first, second

    def closest_passage(self, quote: str, width: int = 0) -> str:
        """The passage of this text most like `quote`, for an error message."""
        # Matching costs the text's length times the quote's: only the quote's start is
        # matched (a 180 KB quote took 68 s), which is where its passage is found anyway.
        wanted = normalise(quote)[:CLOSEST_MATCH_CHARACTERS]
        if not wanted:
            return ""
        matcher = difflib.SequenceMatcher(None, self._normal, wanted, autojunk=False)
        match = matcher.find_longest_match(0, len(self._normal), 0, len(wanted))
        if match.size == 0:
            return ""
        # Align the quote on its longest exact run, then widen to whole sentences.
        begin = max(match.a - match.b, 0)
        end = min(begin + max(len(wanted), width), len(self._normal))
        sentence_start = self._normal.rfind(". ", 0, begin + 1)
        begin = (
            sentence_start + 2 if sentence_start >= 0 and begin - sentence_start < 200 else begin
        )
        sentence_end = self._normal.find(". ", max(end - 2, begin))
        end = sentence_end + 1 if 0 <= sentence_end - end < 200 else end
        return self._normal[begin:end]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset in the original text."""
        return self.text.count("\n", 0, offset) + 1


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in any `text` (a passage that quotes it), compared as quotes are
    proven: (start, end) in `text`'s own characters, or None."""
    wanted = normalise(quote)
    if not wanted:
        return None
    normal, index = _normalise_with_index(text)
    at = normal.find(wanted)
    if at < 0:
        return None
    return index[at], index[at + len(wanted) - 1] + 1


_RUNS = re.compile(r"\s+|\S+")


def _normalise_with_index(text: str) -> tuple[str, list[int]]:
    """Normalise `text`, keeping for each output character its offset in the input.

    A word at a time rather than a character at a time (loading the seeds was
    a fifth of the game's start): a word whose characters each map to one
    keeps its offsets as a range; one with a character that maps to none or
    several is walked character by character.
    """
    out: list[str] = []
    index: list[int] = []
    for match in _RUNS.finditer(text):
        run = match.group()
        start = match.start()
        if run[0].isspace():
            if out:  # leading whitespace is dropped, as in normalise()
                out.append(" ")
                index.append(start)
            continue
        translated = run.translate(_TRANSLATE)
        if len(translated) == len(run):
            out.append(translated)
            index.extend(range(start, start + len(run)))
            continue
        for offset, char in enumerate(run, start):
            for piece in char.translate(_TRANSLATE):
                out.append(piece)
                index.append(offset)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


class SourceLibrary:
    """All sources by id; proves quotes and explains misses."""

    def __init__(
        self,
        sources: Iterable[Source] = (),
        unavailable: Iterable[str] = (),
        index_problem: str = "",
    ) -> None:
        self.sources: dict[str, Source] = {source.id: source for source in sources}
        #: Ids sources.yaml lists whose entry or text could not be used (reported there).
        self.unavailable: frozenset[str] = frozenset(unavailable) - set(self.sources)
        #: Where the problem was reported, when sources.yaml itself could not be read.
        self.index_problem = index_problem
        #: What the built-scene cache knows this library by ("" until it is asked).
        self.cache_fingerprint = ""

    def unknown_source_hint(self, source_id: str) -> str:
        """Why `source_id` is not here, when the cause is sources.yaml rather than the scene."""
        if self.index_problem:
            return (f"no source could be loaded: fix the problem reported at "
                    f"{self.index_problem} first")
        if source_id in self.unavailable:
            return (f"'{source_id}' is listed in sources.yaml but could not be loaded; fix the "
                    "error reported there first")
        return ""

    def __contains__(self, source_id: object) -> bool:
        return source_id in self.sources

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.sources.values())

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.sources)

    def prove(self, source_id: str, quote: str) -> Span | None:
        source = self.sources.get(source_id)
        return source.find(quote) if source else None


def load_library(seeds_dir: Path, diagnostics: Diagnostics | None = None) -> SourceLibrary:
    """Read `sources.yaml` in `seeds_dir` and every text it names.

    Problems (a broken index, a missing file, a text whose hash changed)
    become diagnostics at their place in sources.yaml; the sources that did
    load are still returned. Never raises for a bad file. The library read from
    the same files last time is taken from the cache (`game.loading.cache`).
    """
    from game.loading import cache  # lazily: the loader imports this module
    from game.sources.index import read_index

    diagnostics = diagnostics if diagnostics is not None else Diagnostics()
    key = cache.seeds_key(seeds_dir) if cache.enabled() else None
    kept = cache.read_library(key) if key else None
    if kept is not None:
        library, found = kept
        diagnostics.extend(found)
        return library
    before = len(diagnostics.items)
    library = read_index(seeds_dir, diagnostics)
    if key:
        cache.write_library(key, library, tuple(diagnostics.items[before:]))
    return library
