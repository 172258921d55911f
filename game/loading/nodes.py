"""Builds a scene's nodes, choices, records and endings from the positioned YAML tree.

Each reader reports what is wrong with its own part and returns what it
could build, so one pass finds every problem. References between nodes
(`goto`, `next`) are only collected here; `scene.py` checks them once every
node is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from game.diagnostics import Diagnostics, Location
from game.loading.citations import read_citations
from game.loading.effects import parse_effect
from game.loading.evidence import report_missing_record, report_thin_evidence
from game.loading.expressions import default_locked_reason, parse_condition
from game.loading.positions import Locator, Place, scalar_locator
from game.loading.shape import (
    check_id,
    check_keys,
    enum_of,
    id_of,
    list_of,
    map_of,
    text_of,
    wrong_type,
)
from game.loading.yaml_tree import YList, YMap, YNode, YScalar
from game.model import (
    Choice,
    Citation,
    Condition,
    Effect,
    Ending,
    EndingKind,
    Node,
    Record,
    TextPart,
    VarType,
    Verdict,
)
from game.sources.library import SourceLibrary

# Every key of each part, in the order docs/scene-format.md lists them (the JSON
# schema in game/authoring/schema.py is built from these: keep them together).
NODE_KEYS = ("text", "speaker", "place", "date", "cite", "ask", "discuss",
             "choices", "next", "ending", "epilogue", "sound")
#: A part of a passage written as a list (format 2): its text, when it shows, its evidence.
PART_KEYS = ("text", "if", "cite")
#: Node keys a scene may use only once it says `format: 2` (a format-1 reader refuses them).
FORMAT_2_NODE_KEYS = ("ask", "sound")
# A missing 'record' is CN608 and too few citations for a verdict CN610/CN611 (see
# evidence.py), each with its own code rather than a generic "required" error; a decision
# without 'discuss' is only lint's warning (CN609): the scene plays without it.
CHOICE_REQUIRED = ("id", "text", "goto")
CHOICE_KEYS = ("id", "text", "goto", "if", "locked", "set", "record")
RECORD_KEYS = ("verdict", "note", "cite")
EPILOGUE_KEYS = ("text", "cite")
# The same as sets, for check_keys' fast test.
_NODE_KEY_SET, _CHOICE_KEY_SET, _RECORD_KEY_SET, _EPILOGUE_KEY_SET, _PART_KEY_SET = (
    frozenset(keys) for keys in (NODE_KEYS, CHOICE_KEYS, RECORD_KEYS, EPILOGUE_KEYS, PART_KEYS))
VERDICTS = tuple(verdict.value for verdict in Verdict)
ENDINGS = tuple(kind.value for kind in EndingKind)
#: Sounds a passage may start where its sources put them (game/desktop/sound.py makes them).
SOUNDS = ("telephone", "knock", "typewriter", "train")


@dataclass
class SceneContext:
    """What every node reader needs: the library, the variable types, and the references."""

    library: SourceLibrary
    variables: Mapping[str, VarType]
    diagnostics: Diagnostics
    #: (target node id, the scalar that names it), checked once all nodes are read.
    references: list[tuple[str, YScalar]] = field(default_factory=list)
    #: The file's content, decoded only when a position inside a scalar is needed.
    source: bytes | str = b""
    #: The scene's `format:`; keys of a later format are reported in an earlier one.
    format: int = 1
    _document: str | None = None

    def needs_format_2(self, key: str, where: Location) -> None:
        """Report CN210 when a format-2 feature is used in a file that says format 1."""
        if self.format < 2:
            self.diagnostics.add("CN210", where, key=key,
                                 hint="write 'format: 2' at the top of the scene")

    def document(self) -> str:
        """The file as text, for mapping a condition's offsets back onto what was typed.

        Without a leading byte-order mark (Notepad writes one): YAML's positions
        do not count it, so keeping it would put every mark one character late.
        """
        if self._document is None:
            source = self.source
            text = source if isinstance(source, str) else source.decode("utf-8-sig", "replace")
            self._document = text.removeprefix("\ufeff")
        return self._document


def read_node(node_id: str, key: YScalar, body: YNode, context: SceneContext) -> Node | None:
    """One entry of `nodes:`: its passage, evidence and exactly one way on."""
    diagnostics = context.diagnostics
    check_id(node_id, key, diagnostics)
    if type(body) is not YMap:
        wrong_type(node_id, body, "a mapping with 'text' and 'choices', 'next' or 'ending'",
                   diagnostics)
        return None
    assert isinstance(body, YMap)
    label = f"node '{node_id}'"
    check_keys(body, ("text",), _NODE_KEY_SET, label, diagnostics)
    ways = [way for way in ("choices", "next", "ending") if way in body.items]
    if len(ways) > 1:
        diagnostics.add("CN208", body.key_where(ways[1]),
                        conflict=" and ".join(f"'{way}'" for way in ways),
                        hint="a node has exactly one of 'choices', 'next' or 'ending'")
    elif not ways:
        diagnostics.add("CN208", key.where, conflict="none of 'choices', 'next' or 'ending'",
                        hint="add 'next: <node>' to continue, or 'ending: historical'")
    if "epilogue" in body.items and "ending" not in body.items:
        diagnostics.add("CN208", body.key_where("epilogue"),
                        conflict="an 'epilogue' but no 'ending'",
                        hint="only an ending node has an epilogue")
    for key_name in FORMAT_2_NODE_KEYS:
        if key_name in body.items:
            context.needs_format_2(key_name, body.key_where(key_name))
    choices = _read_choices(node_id, body, context)
    text, parts = _read_text(body, context)
    ask_node = body.items.get("ask")
    next_id = ""
    next_node = body.items.get("next")
    if next_node is not None:
        next_id = id_of(body, "next", diagnostics)
        if next_id and isinstance(next_node, YScalar):
            context.references.append((next_id, next_node))
    return Node(
        id=node_id,
        text=text,
        where=key.where,
        speaker=text_of(body, "speaker", diagnostics),
        place=text_of(body, "place", diagnostics),
        date=text_of(body, "date", diagnostics),
        citations=read_citations(body.items.get("cite"), "cite", context.library, diagnostics),
        choices=choices,
        next=next_id,
        ending=_read_ending(body, context),
        ask=text_of(body, "ask", diagnostics),
        ask_where=ask_node.where if ask_node is not None else key.where,
        discuss=text_of(body, "discuss", diagnostics),
        parts=parts,
        sound=enum_of(body, "sound", SOUNDS, "sound", diagnostics),
    )


def _read_text(body: YMap, context: SceneContext) -> tuple[str, tuple[TextPart, ...]]:
    """`text:` as one string, or (format 2) a list of parts, each a string or a mapping
    with `text`, an optional `if:` and optional `cite:`.

    Returns the text every player reads (the parts without a condition, joined as
    paragraphs) and every part with where it was written.
    """
    diagnostics = context.diagnostics
    node = body.items.get("text")
    if node is None:
        return "", ()  # reported by check_keys as missing
    if type(node) is YScalar:
        text = text_of(body, "text", diagnostics)
        return text, (TextPart(text=text, where=node.where),)
    if type(node) is not YList:
        wrong_type("text", node, "text, or a list of parts", diagnostics)
        return "", ()
    assert isinstance(node, YList)
    context.needs_format_2("text as a list of parts", node.where)
    if not node.items:
        diagnostics.add("CN206", node.where, what="'text'",
                        hint="write the passage, or a list with at least one part")
        return "", ()
    parts = tuple(part for item in node.items
                  if (part := _read_part(item, context)) is not None)
    always = "\n\n".join(part.text.strip() for part in parts if part.condition is None)
    return always, parts


def _read_part(item: YNode, context: SceneContext) -> TextPart | None:
    """One part of a passage written as a list."""
    diagnostics = context.diagnostics
    if type(item) is YScalar:
        assert isinstance(item, YScalar)
        if not item.raw.strip():
            diagnostics.add("CN206", item.where, what="a part of 'text'")
            return None
        return TextPart(text=item.raw, where=item.where)
    if type(item) is not YMap:
        wrong_type("text", item, "a part: text, or a mapping with 'text' and 'if'", diagnostics)
        return None
    assert isinstance(item, YMap)
    check_keys(item, ("text",), _PART_KEY_SET, "a part of 'text'", diagnostics)
    text = text_of(item, "text", diagnostics)
    text_node = item.items.get("text")
    return TextPart(
        text=text,
        where=text_node.where if text_node is not None else item.where,
        condition=_read_condition(item, context),
        citations=read_citations(item.items.get("cite"), "cite", context.library, diagnostics),
    )


def _read_choices(node_id: str, body: YMap, context: SceneContext) -> tuple[Choice, ...]:
    diagnostics = context.diagnostics
    items = list_of(body, "choices", diagnostics)
    if items is None:
        return ()
    if not items.items:
        diagnostics.add("CN206", body.key_where("choices"), what="'choices'",
                        hint="give at least one choice, or use 'next:' instead")
        return ()
    choices: list[Choice] = []
    seen: set[str] = set()
    for item in items.items:
        choice = _read_choice(node_id, item, context)
        if choice is None:
            continue
        if choice.id and choice.id in seen:
            id_node = item.items.get("id") if isinstance(item, YMap) else None
            diagnostics.add("CN303", id_node.where if id_node else item.where,
                            id=choice.id, node=node_id, hint="give each choice its own id")
        seen.add(choice.id)
        choices.append(choice)
    return tuple(choices)


def _read_choice(node_id: str, item: YNode, context: SceneContext) -> Choice | None:
    diagnostics = context.diagnostics
    if type(item) is not YMap:
        wrong_type("choices", item, "a mapping with 'id', 'text', 'goto' and 'record'",
                   diagnostics)
        return None
    assert isinstance(item, YMap)
    choice_id = id_of(item, "id", diagnostics)
    label = f"choice '{choice_id}'" if choice_id else "a choice"
    check_keys(item, CHOICE_REQUIRED, _CHOICE_KEY_SET, label, diagnostics)
    goto = id_of(item, "goto", diagnostics)
    goto_node = item.items.get("goto")
    if goto and isinstance(goto_node, YScalar):
        context.references.append((goto, goto_node))
    condition = _read_condition(item, context)
    locked = text_of(item, "locked", diagnostics)
    if not locked and condition is not None:
        locked = default_locked_reason(condition)
    record_node = item.items.get("record")
    record = None
    if record_node is None:
        report_missing_record(diagnostics, choice_id, node_id, item.where)
    else:
        record = _read_record(record_node, context, node_id, choice_id)
    return Choice(
        id=choice_id,
        text=text_of(item, "text", diagnostics),
        goto=goto,
        where=item.where,
        condition=condition,
        locked_reason=locked,
        effects=_read_effects(item, context),
        record=record,
    )


def _read_condition(item: YMap, context: SceneContext) -> Condition | None:
    node = item.items.get("if")
    if node is None:
        return None
    if not isinstance(node, YScalar):
        wrong_type("if", node, "a condition (text)", context.diagnostics)
        return None
    where = node.at(node.text_offset)
    located: list[Locator] = []

    def locate(offset: int, length: int = 1) -> Place:
        # Built on first use: only a condition with a problem (or on several lines) needs it.
        if not located:
            located.append(scalar_locator(node, context.document()))
        return located[0](offset, length)

    if node.event.start_mark.line != node.event.end_mark.line:  # folded or wrapped
        line, column, length = locate(0, len(node.raw.split("\n", 1)[0]) or 1)
        where = Location(where.file, line, column, length)
    return parse_condition(node.raw, context.variables, where, context.diagnostics, locate)


def _read_effects(item: YMap, context: SceneContext) -> tuple[Effect, ...]:
    effects_map = map_of(item, "set", context.diagnostics)
    if effects_map is None:
        return ()
    effects: list[Effect] = []
    for name, value in effects_map.items.items():
        if not isinstance(value, YScalar):
            wrong_type(name, value, "a value", context.diagnostics)
            continue
        effect = parse_effect(name, value, context.variables, context.diagnostics)
        if effect is not None:
            effects.append(effect)
    return tuple(effects)


def _read_record(
    node: YNode, context: SceneContext, node_id: str, choice_id: str
) -> Record | None:
    """The `record:` of the choice `choice_id` at the node `node_id`."""
    diagnostics = context.diagnostics
    if type(node) is not YMap:
        wrong_type("record", node, "a mapping with 'verdict', 'note' and 'cite'", diagnostics)
        return None
    assert isinstance(node, YMap)
    check_keys(node, RECORD_KEYS, _RECORD_KEY_SET, "a record", diagnostics)
    verdict_text = enum_of(node, "verdict", VERDICTS, "verdict", diagnostics)
    citations = read_citations(node.items.get("cite"), "cite", context.library, diagnostics)
    note = text_of(node, "note", diagnostics)
    if not verdict_text:
        return None
    verdict = Verdict(verdict_text)
    cite_node = node.items.get("cite")
    if isinstance(cite_node, YList):  # a missing or misshapen 'cite' is reported already
        _check_record_evidence(verdict, cite_node, node, (node_id, choice_id), diagnostics)
    return Record(verdict=verdict, note=note, citations=citations, where=node.where)


def _check_record_evidence(
    verdict: Verdict, cite: YList, node: YMap, choice: tuple[str, str], diagnostics: Diagnostics
) -> None:
    """Enough citations for the verdict (CN610, CN611), each side of a dispute named (CN209).

    The citations are counted as written, proven or not: a quote the source
    does not hold is reported on its own (CN502), not again as "cites nothing".
    """
    node_id, choice_id = choice  # whose record this is, for the messages
    report_thin_evidence(diagnostics, node_id, choice_id, verdict, len(cite.items), node.where)
    if verdict is not Verdict.DISPUTED:
        return
    if any(isinstance(c, YMap) and "account" not in c.items for c in cite.items):
        diagnostics.add("CN209", node.key_where("cite"), verdict=verdict.value,
                        needed="an 'account' on each citation",
                        hint="label each side, e.g. account: Massing's memoir (1951)")


def _read_ending(body: YMap, context: SceneContext) -> Ending | None:
    diagnostics = context.diagnostics
    if "ending" not in body.items:
        return None
    kind_text = enum_of(body, "ending", ENDINGS, "ending", diagnostics)
    epilogue = map_of(body, "epilogue", diagnostics)
    text = ""
    citations: tuple[Citation, ...] = ()
    if epilogue is not None:
        check_keys(epilogue, ("text",), _EPILOGUE_KEY_SET, "an epilogue", diagnostics)
        text = text_of(epilogue, "text", diagnostics)
        citations = read_citations(epilogue.items.get("cite"), "cite", context.library,
                                   diagnostics)
    if not kind_text:
        return None
    ending_node = body.items["ending"]
    return Ending(kind=EndingKind(kind_text), epilogue=text, citations=citations,
                  where=ending_node.where)
