"""The scene linter: checks beyond loading, one `check_*` function per kind of problem.

Loading already proves a scene's shape, references, conditions and quotes,
and that every option has a record citing enough for its verdict (CN608,
CN610, CN611: a scene file without them does not load). These checks ask
what only the whole scene answers: can every passage be reached, can the
player get stuck, has every decision a discussion prompt (CN609), does a
decision give its answer away or a path end too early (`lint_play.py`), does the
historical option stand at the same place nearly every time (`lint_order.py`); the record
checks run again here, through the loader's own functions, for a scene built
in code. Each check takes a `LintContext` and yields diagnostics;
`lint_scene` runs them all and turns a check that crashes into a diagnostic
(CN614), never a traceback.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path

from game.authoring.explore import DEFAULT_LIMIT, StateSpace, explore
from game.authoring.lint_headers import check_headers
from game.authoring.lint_order import check_option_order
from game.authoring.lint_play import check_early_endings, check_own_consequences, check_spoilers
from game.diagnostics import Diagnostic, Diagnostics, Location
from game.loading.evidence import report_missing_record, report_thin_evidence
from game.model import Citation, Node, Scene, Verdict
from game.sources import SourceLibrary

#: A record quote this many characters from every passage the scene quotes is suspicious.
FAR_CHARACTERS = 3000


def issue(code: str, where: Location, hint: str = "", **values: object) -> Diagnostic:
    """One diagnostic from the code table (message from its template)."""
    return Diagnostics().add(code, where, hint=hint, **values)


class LintContext:
    """One scene under check, with what several checks share computed once, lazily."""

    def __init__(self, scene: Scene, library: SourceLibrary, limit: int = DEFAULT_LIMIT) -> None:
        self.scene = scene
        self.library = library
        self.limit = limit

    @cached_property
    def space(self) -> StateSpace:
        return explore(self.scene, self.limit)

    @cached_property
    def linked(self) -> set[str]:
        """Nodes some 'goto' or 'next' leads to from the start, conditions ignored."""
        nodes = self.scene.nodes
        seen = {self.scene.start}
        queue = deque([self.scene.start])
        while queue:
            node = nodes.get(queue.popleft())
            if node is None:
                continue
            targets = [choice.goto for choice in node.choices]
            if node.next:
                targets.append(node.next)
            for target in targets:
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    @cached_property
    def read_names(self) -> set[str]:
        """Variables some condition reads: an option's `if`, or a passage part's."""
        conditions = [
            condition
            for node in self.scene.nodes.values()
            for condition in (*(c.condition for c in node.choices),
                              *(p.condition for p in node.parts))
            if condition is not None
        ]
        return {name for condition in conditions for name in condition.names}

    @cached_property
    def set_names(self) -> set[str]:
        return {
            effect.name
            for node in self.scene.nodes.values()
            for choice in node.choices
            for effect in choice.effects
        }

    @cached_property
    def _file_text(self) -> str:
        try:
            return Path(self.scene.where.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def variable_where(self, name: str) -> Location:
        """Where `name` is declared under `vars:` (the model keeps values only).

        A text search of the `vars:` block rather than a second parse: parsing
        every file twice would double the linter's time on a large corpus. The
        block is searched once for every name (`_variable_places`): searching it
        again per reported name took minutes for 20,000 unused variables.
        """
        return self._variable_places.get(name, self.scene.where)

    @cached_property
    def _variable_places(self) -> dict[str, Location]:
        text = self._file_text
        block = re.search(r"^vars[ \t]*:", text, flags=re.MULTILINE)
        if block is None:
            return {}
        after = re.search(r"^\S", text[block.end():], flags=re.MULTILINE)
        end = block.end() + after.start() if after else len(text)
        places: dict[str, Location] = {}
        line = text.count("\n", 0, block.end()) + 1
        line_start = text.rfind("\n", 0, block.end()) + 1
        counted_to = block.end()
        for found in _VARIABLE_KEY.finditer(text, block.end(), end):
            name = found.group(1)
            if name in places:
                continue
            newlines = text.count("\n", counted_to, found.start())
            if newlines:
                line += newlines
                line_start = text.rfind("\n", counted_to, found.start()) + 1
            counted_to = found.start()
            places[name] = Location(self.scene.where.file, line, found.start() - line_start + 1,
                                    len(name))
        return places


#: A key in the `vars:` block: a name not inside another word, then a colon.
_VARIABLE_KEY = re.compile(r"(?<![\w-])([^\W\d][\w-]*)[ \t]*:")


def check_unreachable(context: LintContext) -> Iterator[Diagnostic]:
    """CN601: a node no path from the start leads to."""
    scene = context.scene
    for node in scene.nodes.values():
        if node.id not in context.linked:
            yield issue("CN601", node.where, node=node.id, start=scene.start,
                        hint="add a 'goto' or 'next' that leads here, or delete the node")


def check_dead_ends(context: LintContext) -> Iterator[Diagnostic]:
    """CN602: a reachable state where every option is locked and the scene is not over."""
    space = context.space
    reported: set[str] = set()
    for state, moves in space.moves.items():
        node = context.scene.nodes[state[0]]
        if moves or node.ending is not None or node.id in reported:
            continue
        reported.add(node.id)
        locked = ", ".join(f"'{c.id}' ({c.condition.text if c.condition else ''})"
                           for c in node.choices)
        yield issue("CN602", node.where, node=node.id, state=space.describe(state),
                    hint=f"locked: {locked}; add an option with no 'if', or loosen a condition")


def check_endless(context: LintContext) -> Iterator[Diagnostic]:
    """CN603: a loop of reachable states with no way out to an ending, once per loop."""
    space = context.space
    if not space.complete:
        return
    reported: set[frozenset[str]] = set()
    for loop in space.loops(space.trapped()):
        names = list(dict.fromkeys(state[0] for state in loop))
        if frozenset(names) in reported:
            continue  # the same passages, with other variable values
        reported.add(frozenset(names))
        node = context.scene.nodes[names[0]]
        yield issue("CN603", node.where, node=node.id,
                    hint=f"the loop {' → '.join([*names, names[0]])}, when "
                         f"{space.describe(loop[0])}, has no way out; add a choice that leads "
                         "towards an ending")


def check_never_unlocked(context: LintContext) -> Iterator[Diagnostic]:
    """CN604: an option whose condition is false in every reachable state of its node."""
    space = context.space
    if not space.complete:
        return
    open_at: dict[str, set[str]] = {}
    for state, moves in space.moves.items():
        open_at.setdefault(state[0], set()).update(option for option, _after in moves)
    for node in context.scene.nodes.values():
        if node.id not in open_at:
            continue  # never reached: CN601 says so
        for choice in node.choices:
            if choice.condition is not None and choice.id not in open_at[node.id]:
                states = space.states_at(node.id)
                seen = "; ".join(space.describe(state) for state in states[:3])
                yield issue("CN604", choice.condition.where, choice=choice.id, node=node.id,
                            hint=f"'{choice.condition.text}' is false whenever the player is "
                                 f"here ({seen})")


def check_unused_variables(context: LintContext) -> Iterator[Diagnostic]:
    """CN605: a variable no condition reads (its value never matters)."""
    for name in context.scene.variables:
        if name not in context.read_names:
            hint = ("it is set but nothing reads it; use it in an 'if', or remove it and its 'set's"
                    if name in context.set_names else "remove it from 'vars'")
            yield issue("CN605", context.variable_where(name), name=name, hint=hint)


def check_unset_variables(context: LintContext) -> Iterator[Diagnostic]:
    """CN606: a variable conditions read but no effect changes (it is a constant)."""
    for name in context.scene.variables:
        if name in context.read_names and name not in context.set_names:
            yield issue("CN606", context.variable_where(name), name=name,
                        hint=f"add 'set: {{{name}: ...}}' to the choice that should change it")


def check_epilogues(context: LintContext) -> Iterator[Diagnostic]:
    """CN607: an ending with no epilogue (students are left without 'what happened next')."""
    for node in context.scene.endings:
        assert node.ending is not None
        if not node.ending.epilogue.strip():
            yield issue("CN607", node.ending.where, node=node.id,
                        hint="add 'epilogue:' with 'text:' and 'cite:' saying what happened next")


def check_records(context: LintContext) -> Iterator[Diagnostic]:
    """CN608: an option with no record of what history says about it.

    A scene file with one does not load (the loader reports it through the same
    function); this guards a scene built in code.
    """
    found = Diagnostics()
    for node in context.scene.nodes.values():
        for choice in node.choices:
            if choice.record is None:
                report_missing_record(found, choice.id, node.id, choice.where)
    yield from found


def check_discussion(context: LintContext) -> Iterator[Diagnostic]:
    """CN609: a decision point (two or more options) with no discussion prompt."""
    for node in context.scene.decision_points:
        if not node.discuss.strip():
            yield issue("CN609", node.where, node=node.id,
                        hint="add 'discuss:' with a question a class can argue about")


def check_citations(context: LintContext) -> Iterator[Diagnostic]:
    """CN610, CN611: a record quoting less than its verdict needs (nothing for a choice
    presented as what happened, one side of a dispute). As CN608, for scenes built in code."""
    found = Diagnostics()
    for node, choice_id, record_where, verdict, citations in _records(context.scene):
        report_thin_evidence(found, node.id, choice_id, verdict, len(citations), record_where)
    yield from found


def check_quote_distance(context: LintContext) -> Iterator[Diagnostic]:
    """CN612: a record's quote far from every passage this scene's text quotes.

    The passages' own citations mark the part of each source the scene is
    built on. A record quoting the same source thousands of characters away
    is usually a different episode (or a copy-paste slip). Not judged:
    sources the passages never quote, `disputed` records (each account is
    quoted wherever it stands) and epilogues (they tell what happened later).
    """
    covered: dict[str, list[Citation]] = {}
    for node in context.scene.nodes.values():
        # a passage written in parts (format 2) cites in its parts as well
        parts = (citation for part in node.parts for citation in part.citations)
        for citation in (*node.citations, *parts):
            covered.setdefault(citation.source, []).append(citation)
    for _node, _choice_id, _where, verdict, citations in _records(context.scene):
        if verdict is Verdict.DISPUTED:
            continue
        for citation in citations:
            near = covered.get(citation.source)
            if not near or any(_gap(citation, other) <= FAR_CHARACTERS for other in near):
                continue
            nearest = min(near, key=lambda other: _gap(citation, other))
            source = context.library.sources.get(citation.source)
            line = source.line_of(citation.start) if source else 0
            nearest_line = source.line_of(nearest.start) if source else 0
            yield issue("CN612", citation.where, line=line, source=citation.source,
                        hint=f"the nearest passage the scene quotes is at line {nearest_line} "
                             f"(cited at {nearest.where}); check this is the passage you meant")


def _gap(one: Citation, other: Citation) -> int:
    """Characters between two quotes' spans in their source (0 when they overlap)."""
    return max(other.start - one.end, one.start - other.end, 0)


def _records(scene: Scene) -> Iterator[tuple[Node, str, Location, Verdict, tuple[Citation, ...]]]:
    for node in scene.nodes.values():
        for choice in node.choices:
            if choice.record is not None:
                record = choice.record
                yield node, choice.id, record.where, record.verdict, record.citations


def check_exploration(context: LintContext) -> Iterator[Diagnostic]:
    """CN613: the state search hit its limit, so CN603 and CN604 were not decided."""
    if not context.space.complete:
        yield issue("CN613", context.scene.where, scene=context.scene.id, limit=context.limit,
                    hint="a whole number that grows each time round a loop makes endless "
                         "states; cap it with a condition, or use true/false")


def lint_file_name(scene: Scene) -> list[Diagnostic]:
    """CN615: a scene file not named after its id (the id is how saves, records and
    `cover-names play ID` find it). Only for files on disk: scenes built in code or
    from text have no name to judge."""
    path = Path(scene.where.file)
    if path.suffix != ".yaml" or path.stem == scene.id or not path.is_file():
        return []
    return [issue("CN615", scene.where, file=path.name, id=scene.id,
                  hint=f"rename the file to {scene.id}.yaml, or change 'id:' to "
                       f"'{path.stem}' if that is the name you meant")]


Check = Callable[[LintContext], Iterable[Diagnostic]]

#: Every check, in the order their findings are printed.
CHECKS: tuple[Check, ...] = (
    check_unreachable,
    check_dead_ends,
    check_endless,
    check_never_unlocked,
    check_unused_variables,
    check_unset_variables,
    check_epilogues,
    check_records,
    check_discussion,
    check_citations,
    check_quote_distance,
    check_spoilers,
    check_early_endings,
    check_own_consequences,
    check_option_order,
    check_exploration,
    check_headers,
)


def lint_scene(
    scene: Scene,
    library: SourceLibrary,
    limit: int = DEFAULT_LIMIT,
    checks: Iterable[Check] = CHECKS,
) -> list[Diagnostic]:
    """Every problem the checks find in a loaded scene; a crashing check becomes CN614."""
    context = LintContext(scene, library, limit)
    found: list[Diagnostic] = []
    for check in checks:
        try:
            found.extend(check(context))
        except Exception as error:  # a linter bug must not hide the other findings
            found.append(issue("CN614", scene.where, check=check.__name__,
                               error=f"{type(error).__name__}: {error}"))
    return found
