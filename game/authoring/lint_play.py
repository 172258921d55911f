"""Lint checks of the scene as a game: nothing given away before a choice, no early endings,
a choice that leaves the record plays out on its own.

CN616 (spoilers) compares what a decision shows before the choice (its
passage, every part of it whatever its condition, its `ask`, its citations)
with the records of its own options: the same quote, or six words in a row of
a record's note or quote, gives the outcome away. CN617 (early endings) walks
the linter's state search (`explore.py`, the same reachable states
`cover-names test --exhaustive` visits) for the fewest decisions before each
ending, and for an ending reached without passing the scene's `central` node.
CN618 (format 2) reports a `diverged` or `unrecorded` option that leads to the
very node the historical option beside it leads to: what the player did must
play out in a passage of its own before the story rejoins the record. All three
are warnings: a scene plays with them, `lint --strict` fails.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from game.authoring.explore import State, StateSpace
from game.diagnostics import Diagnostic, Diagnostics, Location
from game.model import Citation, Node, Record, Scene, Verdict
from game.sources.library import MIN_QUOTE_LENGTH, normalise

if TYPE_CHECKING:
    from game.authoring.lint import LintContext

#: This many words in a row, shared with a record, give the record away.
RUN_WORDS = 6

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def _issue(code: str, where: Location, hint: str = "", **values: object) -> Diagnostic:
    return Diagnostics().add(code, where, hint=hint, **values)


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(text).lower()))


@lru_cache(maxsize=8192)
def _grams(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every run of RUN_WORDS words: two texts share a run only if these sets meet."""
    return frozenset(words[start:start + RUN_WORDS] for start in range(len(words) - RUN_WORDS + 1))


def _shared_run(shown: tuple[str, ...], secret: tuple[str, ...]) -> str:
    """The longest run (of RUN_WORDS or more) of `secret` that `shown` repeats, or ""; a
    secret shorter than RUN_WORDS words counts when `shown` holds all of it."""
    if len(secret) < RUN_WORDS:
        text = " ".join(secret)
        return text if secret and re.search(rf"\b{re.escape(text)}\b", " ".join(shown)) else ""
    if _grams(shown).isdisjoint(_grams(secret)):
        return ""  # the common case, decided by one set test
    starts: dict[tuple[str, ...], int] = {}
    for start in range(len(shown) - RUN_WORDS + 1):
        starts.setdefault(shown[start:start + RUN_WORDS], start)
    best = ""
    start = 0
    while start <= len(secret) - RUN_WORDS:
        at = starts.get(secret[start:start + RUN_WORDS])
        if at is None:
            start += 1
            continue
        length = RUN_WORDS
        while (start + length < len(secret) and at + length < len(shown)
               and secret[start + length] == shown[at + length]):
            length += 1
        found = " ".join(secret[start:start + length])
        best = found if len(found) > len(best) else best
        start += length
    return best


def _shown_before(node: Node) -> Iterator[tuple[str, str, Location, Citation | None]]:
    """What a decision shows before the choice: (what, text, where, citation or None)."""
    for text, where in node.all_texts:
        yield "the passage", text, where, None
    if node.ask.strip():
        yield "the question ('ask')", node.ask, node.ask_where, None
    citations = list(node.citations) + [c for part in node.parts for c in part.citations]
    for citation in citations:
        yield "the passage's citation", citation.quote, citation.where, citation


def _as_written(run: str, text: str) -> str:
    """The words of `run` as `text` writes them (case, punctuation), for the hint."""
    pattern = r"\W+".join(re.escape(word) for word in run.split())
    found = re.search(pattern, normalise(text), flags=re.IGNORECASE)
    return found.group(0) if found else run


def _same_passage(one: Citation, other: Citation) -> bool:
    """Two citations quoting overlapping words of one source (at least a quote's worth)."""
    if one.source != other.source:
        return False
    return min(one.end, other.end) - max(one.start, other.start) >= MIN_QUOTE_LENGTH


def _spoiler(shown: str, citation: Citation | None, record: Record) -> str:
    """How `shown` gives `record` away, in a hint's words, or "" when it does not."""
    words = _words(shown)
    for quoted in record.citations:
        if citation is not None and _same_passage(citation, quoted):
            return f"it quotes the same passage as the record: \"{quoted.quote.strip()}\""
        run = _shared_run(words, _words(quoted.quote))
        if run:
            return f"it repeats the record's quote: \"{_as_written(run, quoted.quote)}\""
    run = _shared_run(words, _words(record.note))
    if run:
        return f"it repeats the record's note: \"{_as_written(run, record.note)}\""
    return ""


@lru_cache(maxsize=16384)
def _text_grams(text: str) -> frozenset[tuple[str, ...]] | None:
    """A text's runs of words; None for a text too short to have one (it needs a slower look)."""
    words = _words(text)
    return _grams(words) if len(words) >= RUN_WORDS or not words else None


def _clean(shown: list[tuple[str, str, Location, Citation | None]],
           records: list[tuple[str, Record]]) -> bool:
    """A quick proof that nothing shown repeats a record (most decisions): no run of words
    in common, no secret too short for runs, and no citation of a record's passage."""
    quoted = [c for _id, record in records for c in record.citations]
    secret_grams = [_text_grams(record.note) for _id, record in records]
    secret_grams += [_text_grams(c.quote) for c in quoted]
    if None in secret_grams:
        return False
    secret = frozenset().union(*secret_grams)  # type: ignore[arg-type]
    for _what, text, _where, citation in shown:
        grams = _text_grams(text)
        if grams is not None and not secret.isdisjoint(grams):
            return False
        if citation is not None and any(_same_passage(citation, other) for other in quoted):
            return False
    return True


def check_spoilers(context: LintContext) -> Iterator[Diagnostic]:
    """CN616: text shown before a choice that repeats one of its own options' records."""
    for node in context.scene.nodes.values():
        records = [(choice.id, choice.record) for choice in node.choices
                   if choice.record is not None]
        if not records:
            continue
        shown = list(_shown_before(node))
        if _clean(shown, records):
            continue
        for what, text, where, citation in shown:
            for choice_id, record in records:
                how = _spoiler(text, citation, record)
                if how:
                    yield _issue("CN616", where, what=what, node=node.id, choice=choice_id,
                                 hint=f"{how}; keep it for the record, shown after the choice, "
                                      "or say only what has happened so far")
                    break  # one report per text is enough to send the author there


def _path(scene: Scene, parents: dict[State, State | None], state: State) -> list[str]:
    """The node ids from the start to `state`, one per passage (repeats dropped)."""
    nodes: list[str] = []
    current: State | None = state
    while current is not None:
        nodes.append(current[0])
        current = parents.get(current)
    nodes.reverse()
    return [node for index, node in enumerate(nodes) if index == 0 or node != nodes[index - 1]]


def _fewest_decisions(
    space: StateSpace, avoid: str = ""
) -> tuple[dict[State, int], dict[State, State | None]]:
    """For every state reached (not passing `avoid`), the fewest decisions from the start
    and the state before it on such a path: a 0-1 breadth-first search, a decision
    (a node with two or more options) costing one."""
    scene = space.scene
    best: dict[State, int] = {space.start: 0}
    parents: dict[State, State | None] = {space.start: None}
    if space.start[0] == avoid:
        return {}, {}
    queue: deque[State] = deque([space.start])
    while queue:
        state = queue.popleft()
        cost = best[state] + (1 if scene.nodes[state[0]].is_decision else 0)
        for _option, after in space.moves.get(state, ()):
            if after[0] == avoid or (after in best and best[after] <= cost):
                continue
            best[after] = cost
            parents[after] = state
            if cost == best[state]:
                queue.appendleft(after)
            else:
                queue.append(after)
    return best, parents


def check_early_endings(context: LintContext) -> Iterator[Diagnostic]:
    """CN617: a path that reaches an ending after fewer than `min_decisions` decisions, or
    without passing `central`. Format-2 scenes only: format 1 promised neither."""
    scene = context.scene
    if scene.format < 2:
        return
    space = context.space
    endings = {node.id for node in scene.endings}
    if scene.min_decisions > 0:
        best, parents = _fewest_decisions(space)
        fewest: dict[str, State] = {}
        for state, count in best.items():
            if state[0] in endings and (state[0] not in fewest or count < best[fewest[state[0]]]):
                fewest[state[0]] = state
        for ending, state in fewest.items():
            if best[state] < scene.min_decisions:
                path = " → ".join(_path(scene, parents, state))
                yield _issue("CN617", scene.nodes[ending].where, ending=ending,
                             problem=f"after only {best[state]} decision(s), fewer than "
                                     f"min_decisions ({scene.min_decisions})",
                             hint=f"the path {path}; give it more decisions before the end, "
                                  "or lower 'min_decisions'")
    if scene.central and scene.central in scene.nodes:
        best, parents = _fewest_decisions(space, avoid=scene.central)
        skipped: dict[str, State] = {}
        for state in best:
            if state[0] in endings and state[0] not in skipped:
                skipped[state[0]] = state
        for ending, state in skipped.items():
            path = " → ".join(_path(scene, parents, state))
            yield _issue("CN617", scene.nodes[ending].where, ending=ending,
                         problem=f"without passing the central moment '{scene.central}'",
                         hint=f"the path {path}; lead it through '{scene.central}', or have "
                              "the scene say in play why the moment did not come")


#: Verdicts of an option that stays with the record, and of one that leaves it.
_ON_RECORD = frozenset({Verdict.HISTORICAL, Verdict.DISPUTED})
_OFF_RECORD = frozenset({Verdict.DIVERGED, Verdict.UNRECORDED})


def check_own_consequences(context: LintContext) -> Iterator[Diagnostic]:
    """CN618: an option that leaves the record but goes where the historical one goes, so
    the story carries on as if the player had done what really happened. Format 2 only."""
    if context.scene.format < 2:
        return
    for node in context.scene.decision_points:
        recorded = {choice.goto: choice.id for choice in node.choices
                    if choice.record is not None and choice.record.verdict in _ON_RECORD}
        for choice in node.choices:
            if (choice.record is not None and choice.record.verdict in _OFF_RECORD
                    and choice.goto in recorded):
                yield _issue("CN618", choice.where, choice=choice.id, node=node.id,
                             target=choice.goto, other=recorded[choice.goto],
                             hint="lead it to a passage of its own (a dramatisation of what "
                                  "the player did) before the story rejoins the record or ends")
