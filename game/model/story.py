"""Frozen dataclasses for a scene: nodes, choices, records, citations, endings.

Every part keeps `where`, the file, line and column it was written at, so any
later check (lint, walkthrough, reload) can point an author at it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

from game.diagnostics import Location
from game.model.voice import Voice

#: A variable's value. Its type is fixed by the value it is declared with.
Value = int | bool | str

#: A compiled condition: reads variables, answers true or false. Never `eval`.
ConditionFn = Callable[[Mapping[str, Value]], bool]


class Verdict(str, Enum):
    """What these sources say of a choice. Shown as a word, a colour and an icon.

    A verdict speaks of what the seed texts say, never of what "actually
    happened": the game knows only its sources, and teaches weighing them.
    """

    HISTORICAL = "historical"  # these sources say this happened
    DIVERGED = "diverged"  # these sources say otherwise; the note says what they say happened
    UNRECORDED = "unrecorded"  # these sources are silent: plausible invention, labelled so
    DISPUTED = "disputed"  # these sources disagree; the note gives each account

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self]

    @property
    def explanation(self) -> str:
        return _VERDICT_EXPLANATIONS[self]

    @property
    def citations_needed(self) -> int:
        """What a record with this verdict must quote: nothing when the sources are
        silent, a passage to show what happened (or did not), each side of a dispute."""
        return _CITATIONS_NEEDED[self]


_VERDICT_LABELS = {
    Verdict.HISTORICAL: "Historical",
    Verdict.DIVERGED: "Diverged",
    Verdict.UNRECORDED: "Unrecorded",
    Verdict.DISPUTED: "Disputed",
}
_CITATIONS_NEEDED = {
    Verdict.HISTORICAL: 1,
    Verdict.DIVERGED: 1,
    Verdict.UNRECORDED: 0,
    Verdict.DISPUTED: 2,
}
_VERDICT_EXPLANATIONS = {
    Verdict.HISTORICAL: "These sources say this is what happened.",
    Verdict.DIVERGED: "These sources say otherwise: here is what they say happened.",
    Verdict.UNRECORDED: "These sources are silent here: this is invention, labelled so.",
    Verdict.DISPUTED: "These sources disagree: here is each account.",
}


class EndingKind(str, Enum):
    """Whether an ending is what happened or what did not."""

    HISTORICAL = "historical"
    COUNTERFACTUAL = "counterfactual"


class VarType(str, Enum):
    """A variable's type, fixed by the value it is declared with."""

    INT = "int"
    BOOL = "bool"
    STR = "str"

    @property
    def words(self) -> str:
        """The type as an author reads it in a message: 'a whole number', 'true/false', 'text'."""
        return _TYPE_WORDS[self]

    @staticmethod
    def of(value: Value) -> VarType:
        # bool first: in Python a bool is also an int.
        if isinstance(value, bool):
            return VarType.BOOL
        if isinstance(value, int):
            return VarType.INT
        return VarType.STR


_TYPE_WORDS = {VarType.INT: "a whole number", VarType.BOOL: "true/false", VarType.STR: "text"}


@dataclass(frozen=True)
class Citation:
    """A quote proven to stand in a source, with its character span there."""

    source: str
    quote: str
    start: int  # span of the quote in the source's text, as characters
    end: int
    where: Location
    account: str = ""  # optional label, e.g. "Massing's memoir", for disputed records
    #: Who speaks in the quote, from the span of seeds/voices.yaml it falls in (never typed
    #: by authors); None only for a citation built in code without a library.
    voice: Voice | None = field(default=None, compare=False)
    #: A second voice the quote runs into (lint reports it, CN508); None when it keeps to one.
    crosses: Voice | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Record:
    """What the historical record says about one choice."""

    verdict: Verdict
    note: str
    citations: tuple[Citation, ...]
    where: Location


@dataclass(frozen=True)
class Condition:
    """An author's `if:` expression: its text, the variables it reads, and its compiled form."""

    text: str
    names: frozenset[str]
    test: ConditionFn = field(compare=False, repr=False)
    where: Location = field(compare=False, default=Location("<unknown>"))

    def __call__(self, variables: Mapping[str, Value]) -> bool:
        return self.test(variables)


@dataclass(frozen=True)
class Effect:
    """One `set:` entry: assign a value, or add a signed amount to a number."""

    name: str
    value: Value
    relative: bool  # True for "+1" / "-2": add to the current value
    where: Location

    def apply(self, variables: dict[str, Value]) -> None:
        if self.relative:
            current = variables[self.name]
            assert isinstance(current, int) and isinstance(self.value, int)
            variables[self.name] = current + self.value
        else:
            variables[self.name] = self.value

    def describe(self) -> str:
        if self.relative:
            sign = "+" if isinstance(self.value, int) and self.value >= 0 else ""
            return f"{self.name} {sign}{self.value}"
        return f"{self.name} = {self.value!r}"


@dataclass(frozen=True)
class Choice:
    """One option at a node: its text, guard, effects, destination and record."""

    id: str
    text: str
    goto: str
    where: Location
    condition: Condition | None = None
    locked_reason: str = ""  # shown when the condition is false; a default is derived
    effects: tuple[Effect, ...] = ()
    record: Record | None = None


@dataclass(frozen=True)
class TextPart:
    """One paragraph of a passage written as a list (format 2): shown only while its
    `if:` holds, with citations that are shown only with it."""

    text: str
    where: Location
    condition: Condition | None = None
    citations: tuple[Citation, ...] = ()

    def shown(self, variables: Mapping[str, Value]) -> bool:
        return self.condition is None or self.condition(variables)


@dataclass(frozen=True)
class Ending:
    """How a path ends: historical or counterfactual, with a cited epilogue."""

    kind: EndingKind
    epilogue: str
    citations: tuple[Citation, ...]
    where: Location


@dataclass(frozen=True)
class Node:
    """One passage of a scene and the ways on from it.

    A node has exactly one of: `choices` (a decision or a single option),
    `next` (a passage that simply continues), or `ending`.
    """

    id: str
    text: str  # the passage every player reads: the parts without an `if:`, joined
    where: Location
    speaker: str = ""
    #: This passage's header; carried forward from the passages before it as the scene
    #: loads (game/loading/headers.py), so "" means the scene's own.
    place: str = ""
    date: str = ""
    citations: tuple[Citation, ...] = ()  # none means the passage is dramatised
    choices: tuple[Choice, ...] = ()
    next: str = ""
    ending: Ending | None = None
    ask: str = ""  # the question shown before the choice: it asks, never tells
    ask_where: Location = field(default=Location("<unknown>"), compare=False)
    discuss: str = ""  # the discussion prompt shown after the record is revealed
    sound: str = ""  # a sound where the sources put one: telephone, knock, typewriter, train
    #: The passage as written in parts (format 2's list form); empty when `text` is a string.
    parts: tuple[TextPart, ...] = ()

    @property
    def is_decision(self) -> bool:
        return len(self.choices) >= 2

    @property
    def is_dramatised(self) -> bool:
        """No citation backs this passage: the UI labels it as dramatisation."""
        return not self.citations and not any(part.citations for part in self.parts)

    def text_for(self, variables: Mapping[str, Value]) -> str:
        """The passage as a player with these variables reads it: the parts whose
        conditions hold, joined as paragraphs."""
        if not self.parts or (len(self.parts) == 1 and self.parts[0].condition is None):
            return self.text
        return "\n\n".join(part.text.strip() for part in self.parts if part.shown(variables))

    def citations_for(self, variables: Mapping[str, Value]) -> tuple[Citation, ...]:
        """The node's citations, then those of each part shown to these variables."""
        if not self.parts:
            return self.citations
        shown = tuple(c for part in self.parts if part.shown(variables) for c in part.citations)
        return self.citations + shown

    @property
    def all_texts(self) -> tuple[tuple[str, Location], ...]:
        """Every paragraph that may be shown, with where it was written: for checks
        that must see all of a passage whatever the player did."""
        if not self.parts:
            return ((self.text, self.where),) if self.text else ()
        return tuple((part.text, part.where) for part in self.parts)

    def choice(self, choice_id: str) -> Choice:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise KeyError(choice_id)


@dataclass(frozen=True)
class Scene:
    """A whole scene: its card (title, place, date, role …), variables and nodes."""

    id: str
    title: str
    place: str
    date: str
    role: str
    summary: str
    start: str
    nodes: Mapping[str, Node]
    where: Location
    content_hash: str  # sha256 of the file's bytes: a save from another version is detected
    variables: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))
    content_notes: tuple[str, ...] = ()
    length_minutes: int = 0
    #: Position in the historical sequence; scene lists sort by it, then by title. A decimal
    #: (1.5) puts a scene between two others without renumbering them.
    order: float = 0
    format: int = 1
    #: Every path from the start to an ending passes at least this many decisions (lint).
    min_decisions: int = 4
    #: The node of the moment the scene is named for; every path to an ending passes it.
    central: str = ""

    @property
    def path(self) -> str:
        return self.where.file

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    @property
    def decision_points(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes.values() if node.is_decision)

    @property
    def endings(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes.values() if node.ending is not None)
