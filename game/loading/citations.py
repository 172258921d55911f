"""Citations: read `cite:` lists and prove every quote against the source library.

Each proven quote takes its voice (who speaks there: a memoir, a report, the
article itself) from the span of seeds/voices.yaml it falls in; a quote that
runs across two voices is reported (CN508), since no one credit fits it.

Proofs are cached per library and (source, quote): a run that loads many
scenes quoting the same passage searches the source once. The cache is
attached weakly to the library, so a reloaded library (its texts changed)
starts afresh.
"""

from __future__ import annotations

import weakref

from game.diagnostics import Diagnostics
from game.diagnostics.core import did_you_mean
from game.loading.quote_difference import word_difference
from game.loading.shape import check_keys, wrong_type
from game.loading.yaml_tree import YList, YMap, YNode, YScalar
from game.model import Citation
from game.sources.library import MIN_QUOTE_LENGTH, SourceLibrary, Span, normalise

CITATION_KEYS = ("source", "quote", "account")
_CITATION_KEY_SET = frozenset(CITATION_KEYS)

#: A quote's normalised length, and its span in the source (None on a miss, with a hint
#: naming the closest passage). Unknown sources never reach the cache.
_Proof = tuple[int, Span | None, str]
_PROOFS: weakref.WeakKeyDictionary[SourceLibrary, dict[tuple[str, str], _Proof]] = (
    weakref.WeakKeyDictionary()
)


def prove(library: SourceLibrary, source_id: str, quote: str) -> _Proof:
    """Check one quote, once per library: its length, its span, or the closest passage."""
    cache = _PROOFS.get(library)
    if cache is None:
        cache = {}
        _PROOFS[library] = cache
    key = (source_id, quote)
    proof = cache.get(key)
    if proof is None:
        length = len(normalise(quote))
        span = library.prove(source_id, quote) if length >= MIN_QUOTE_LENGTH else None
        hint = ""
        if span is None and length >= MIN_QUOTE_LENGTH:
            passage = library[source_id].closest_passage(quote)
            if passage:
                hint = f'closest passage in \'{source_id}\': "{_shorten(passage)}"'
                difference = word_difference(quote, passage)
                if difference:
                    hint += f"\n          words that differ (quote → source): {difference}"
        proof = (length, span, hint)
        cache[key] = proof
    return proof


def _shorten(passage: str, limit: int = 240) -> str:
    return passage if len(passage) <= limit else passage[: limit - 1].rstrip() + "…"


def read_citations(
    node: YNode | None,
    key: str,
    library: SourceLibrary,
    diagnostics: Diagnostics,
) -> tuple[Citation, ...]:
    """Every citation in the list `node` (the value of `key`), each proven; bad ones reported."""
    if node is None:
        return ()
    if type(node) is not YList:
        wrong_type(key, node, "a list of citations", diagnostics)
        return ()
    assert isinstance(node, YList)
    citations: list[Citation] = []
    for item in node.items:
        citation = read_citation(item, library, diagnostics)
        if citation is not None:
            citations.append(citation)
    return tuple(citations)


def read_citation(
    item: YNode, library: SourceLibrary, diagnostics: Diagnostics
) -> Citation | None:
    """One `{source, quote, account}` mapping, proven; None (after diagnostics) when bad."""
    if type(item) is not YMap:
        wrong_type("cite", item, "a mapping with 'source' and 'quote'", diagnostics)
        return None
    assert isinstance(item, YMap)
    check_keys(item, ("source", "quote"), _CITATION_KEY_SET, "a citation", diagnostics)
    source_node = item.items.get("source")
    quote_node = item.items.get("quote")
    account_node = item.items.get("account")
    account = ""
    if account_node is not None:
        if isinstance(account_node, YScalar):
            account = account_node.raw
        else:
            wrong_type("account", account_node, "text", diagnostics)
    source_id = ""
    if source_node is not None:
        if not isinstance(source_node, YScalar):
            wrong_type("source", source_node, "a source id", diagnostics)
        elif source_node.raw not in library:
            diagnostics.add("CN501", source_node.where, source=source_node.raw,
                            hint=library.unknown_source_hint(source_node.raw)
                            or did_you_mean(source_node.raw, library.ids)
                            or f"known sources: {', '.join(library.ids) or 'none'}")
        else:
            source_id = source_node.raw
    if quote_node is None:
        return None
    if not isinstance(quote_node, YScalar):
        wrong_type("quote", quote_node, "text", diagnostics)
        return None
    quote = strip_typographic_delimiters(quote_node.raw)
    if not source_id:
        length = len(normalise(quote))
        if length < MIN_QUOTE_LENGTH:
            _too_short(quote_node, length, diagnostics)
        return None
    length, span, hint = prove(library, source_id, quote)
    if length < MIN_QUOTE_LENGTH:
        _too_short(quote_node, length, diagnostics)
        return None
    if span is None:
        diagnostics.add("CN502", quote_node.where, source=source_id, hint=hint)
        return None
    voice, crosses = library[source_id].voice_at(span.start, span.end)
    if crosses is not None:
        diagnostics.add("CN508", quote_node.where, first=voice.speaker, second=crosses.speaker,
                        hint="split it into one quote for each voice (seeds/voices.yaml marks "
                             "where each speaks), so each is credited to the right one")
    return Citation(source=source_id, quote=quote, start=span.start, end=span.end,
                    where=item.where, account=account, voice=voice, crosses=crosses)


#: Opening and closing typographic quotation marks a word processor pastes: English,
#: German, French and Swiss guillemets, the low-9 pairs, CJK corner brackets.
TYPOGRAPHIC_PAIRS = frozenset({
    ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u201e", "\u201c"), ("\u201e", "\u201d"),
    ("\u201a", "\u2018"), ("\u201a", "\u2019"), ("\u00ab", "\u00bb"), ("\u00bb", "\u00ab"),
    ("\u2039", "\u203a"), ("\u203a", "\u2039"), ("\u300c", "\u300d"), ("\u300e", "\u300f"),
    ("\u201d", "\u201d"),
})


def strip_typographic_delimiters(quote: str) -> str:
    """`“Boris, …”` → `Boris, …`: curly marks around a whole quote are taken as delimiters.

    YAML knows only straight quotes, so `quote: “…”` (what a word processor pastes)
    reaches us with the marks as part of the text; the author meant them as quotation
    marks, and the quote is proven without them (docs/authoring.md, tutorial step 2).
    """
    text = quote.strip()
    if len(text) >= 2 and (text[0], text[-1]) in TYPOGRAPHIC_PAIRS:
        return text[1:-1].strip()
    return quote


def _too_short(node: YScalar, length: int, diagnostics: Diagnostics) -> None:
    diagnostics.add("CN505", node.where, length=length,
                    hint=f"quote at least {MIN_QUOTE_LENGTH} characters, "
                         "enough to find the passage")
