"""Walkthrough files: an author's scripted playthrough, read and checked like a scene.

A walkthrough names a scene and lists steps. Each step chooses an option (by
id, or by the number the player sees) and may say what must then be true:

```yaml
scene: exit_visa              # a scene id, or a scene file's path (relative to this file)
title: The historical path    # optional
steps:
  - expect: {node: the_request, locked: []}    # a step may only check
  - choose: ask_peter
    expect:
      node: no_authority
      verdict: historical
      text: he does not have the authority
      variables: {resolve: 0}
  - 1                         # shorthand: choose option 1, check nothing
  - choose: continue
    expect: {ending: historical}
```

Expectations: `node`, `text` (text or a list; each must appear in the
passage), `speaker`, `verdict` and `note` (of the choice just made; `note`,
like `text`, takes a list whose every text must appear),
`variables` (only those named are compared), `options` (every option shown,
in order), `available`, `locked`, `ending` (`historical`, `counterfactual`
or `none`) and `over` (true or false).

Files are read with `read_yaml`, so every problem, in the file or in the
play, is a diagnostic with the walkthrough's file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.diagnostics import CODES, Diagnostic, Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.guarded import read_bytes, reported
from game.loading import YList, YMap, YNode, YScalar, read_yaml
from game.loading.files import WALKTHROUGH_SUFFIX
from game.loading.yaml_tree import MAX_BYTES

#: The loader skips these when it reads a folder of scenes.
SUFFIX = WALKTHROUGH_SUFFIX
TOP_KEYS = ("format", "scene", "title", "steps")
STEP_KEYS = ("choose", "expect")
EXPECT_KEYS = ("node", "text", "speaker", "verdict", "note", "variables", "options",
               "available", "locked", "ending", "over")
_LISTS = ("text", "note", "options", "available", "locked")
#: What each expectation takes, and an example, for the message when it is given
#: something else (a list where one value is wanted, a mapping, nothing).
_FORMS = {
    "node": ("a node id", "node: the_call"),
    "text": ("text, or a list of texts", "text: [a large envelope, Fred]"),
    "speaker": ("text", "speaker: Narrator"),
    "verdict": ("a verdict", "verdict: historical"),
    "note": ("text, or a list of texts", "note: [the Fields, the American Legation]"),
    "options": ("an option id, or a list of them", "options: [threaten, plead]"),
    "available": ("an option id, or a list of them", "available: [threaten, plead]"),
    "locked": ("an option id, or a list of them", "locked: [threaten]"),
    "ending": ("historical, counterfactual or none", "ending: historical"),
    "over": ("true or false", "over: true"),
}


def diagnostic(code: str, at: Location, hint: str = "", **values: object) -> Diagnostic:
    """A diagnostic from the code table (built here: some templates take a `where` value)."""
    spec = CODES[code]
    return Diagnostic(code, at, spec.template.format(**values), hint, spec.severity)


@dataclass(frozen=True)
class Expectation:
    key: str
    value: object  # str, int, bool, tuple[str, ...] or dict[str, value]
    where: Location
    #: where each value is written: each variable of `variables`, each text of a list
    places: tuple[tuple[str, Location], ...] = ()

    def place_of(self, name: str) -> Location:
        return dict(self.places).get(name, self.where)


@dataclass(frozen=True)
class Step:
    number: int  # 1-based, as the author counts
    choose: str | int | None
    where: Location
    expects: tuple[Expectation, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.number}" if self.choose is None else f"{self.number} (choose {self.choose})"


@dataclass(frozen=True)
class Walkthrough:
    path: Path
    scene: str  # an id, or a scene file's path resolved against the walkthrough's folder
    title: str
    steps: tuple[Step, ...]
    where: Location  # of the `scene:` value

    @property
    def scene_file(self) -> Path | None:
        if self.scene.endswith((".yaml", ".yml")):
            return (self.path.parent / self.scene).resolve()
        return None

    @property
    def name(self) -> str:
        return self.title or self.path.name


def find_walkthroughs(paths: list[Path]) -> list[Path]:
    """Walkthrough files under `paths`: `*.walkthrough.yaml` anywhere given, and every
    `*.yaml` in a folder named `walkthroughs`."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.name.endswith(SUFFIX) or (
                        path.name == "walkthroughs" and child.suffix == ".yaml"):
                    found.append(child)
        elif path.name.endswith(SUFFIX) or path.parent.name == "walkthroughs":
            found.append(path)
    return found


def _scalar(node: YNode) -> object:
    return node.value if isinstance(node, YScalar) else None


def _unknown_keys(node: YMap, allowed: tuple[str, ...], what: str) -> list[Diagnostic]:
    return [
        diagnostic("CN202", node.key_where(key), key=key, context=what,
                   hint=did_you_mean(key, allowed) or "expected one of " + ", ".join(allowed))
        for key in node if key not in allowed
    ]


def _wrong_form(key: str, node: YNode) -> Diagnostic:
    """'note' must be text, or a list of texts, not a mapping: said at the value, with an
    example of the form it takes."""
    expected, example = _FORMS[key]
    return diagnostic("CN203", node.where, key=key, expected=expected, found=node.kind,
                      hint=f"write it as '{example}'")


def _expectation(key: str, node: YNode, problems: list[Diagnostic]) -> Expectation | None:
    where = node.where
    if key == "variables":
        if not isinstance(node, YMap):
            problems.append(diagnostic("CN203", where, key=key, expected="a mapping",
                                       found=node.kind, hint="variables: {resolve: 1}"))
            return None
        values = {name: _scalar(value) for name, value in node.items.items()}
        places = tuple((name, value.where) for name, value in node.items.items())
        return Expectation(key, values, where, places)
    if key in _LISTS and isinstance(node, YList):
        for item in node:  # each a text or an id: a mapping or a list in it is a mistake
            if not isinstance(item, YScalar) or item.value is None:
                problems.append(_wrong_form(key, item))
                return None
        # each text of a list is reported where it is written
        places = tuple((str(_scalar(item)), item.where) for item in node)
        return Expectation(key, tuple(piece for piece, _ in places), where, places)
    value = _scalar(node)
    if value is None and not (isinstance(node, YScalar) and key == "ending"):
        problems.append(_wrong_form(key, node))
        return None
    if key in _LISTS:  # one text or id: a list of one
        return Expectation(key, (str(value),), where)
    if key == "over" and not isinstance(value, bool):
        problems.append(_wrong_form(key, node))
        return None
    return Expectation(key, value if isinstance(value, (bool, int)) else str(value), where)


def _step(number: int, node: YNode, problems: list[Diagnostic]) -> Step | None:
    if isinstance(node, YScalar):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            problems.append(diagnostic("CN203", node.where, key="choose",
                                       expected="an option id or number", found=node.kind))
            return None
        return Step(number, value, node.where)
    if not isinstance(node, YMap):
        problems.append(diagnostic("CN203", node.where, key=f"step {number}",
                                   expected="a mapping or an option", found=node.kind))
        return None
    problems.extend(_unknown_keys(node, STEP_KEYS, f"step {number}"))
    choose: str | int | None = None
    chosen = node.get("choose")
    if chosen is not None:
        picked = _scalar(chosen)
        if isinstance(picked, bool) or not isinstance(picked, (int, str)):
            problems.append(diagnostic("CN203", chosen.where, key="choose",
                                       expected="an option id or number", found=chosen.kind))
        else:
            choose = picked
    expects: list[Expectation] = []
    expect = node.get("expect")
    if isinstance(expect, YMap):
        problems.extend(_unknown_keys(expect, EXPECT_KEYS, "expect"))
        for key, value_node in expect.items.items():
            if key in EXPECT_KEYS:
                found = _expectation(key, value_node, problems)
                if found is not None:
                    expects.append(found)
    elif expect is not None:
        problems.append(diagnostic("CN203", expect.where, key="expect",
                                   expected="a mapping", found=expect.kind))
    if chosen is None and expect is None:
        problems.append(diagnostic("CN201", node.where, key="choose' or 'expect",
                                   context=f"step {number}"))
    where = chosen.where if chosen is not None else node.where
    return Step(number, choose, where, tuple(expects))


def read_walkthrough(path: Path) -> tuple[Walkthrough | None, list[Diagnostic]]:
    """Read one walkthrough file; None (and the reasons) when it cannot be run."""
    diagnostics = Diagnostics()
    with reported(path, diagnostics):  # never a folder, a pipe, nor a 2 GB file read whole
        return _read_walkthrough(path, read_bytes(path, MAX_BYTES), diagnostics)
    return None, list(diagnostics.items)


def _read_walkthrough(path: Path, data: bytes,
                      diagnostics: Diagnostics) -> tuple[Walkthrough | None, list[Diagnostic]]:
    root = read_yaml(data, str(path), diagnostics)
    problems = list(diagnostics.items)
    if root is None:
        return None, problems
    problems.extend(_unknown_keys(root, TOP_KEYS, "the walkthrough"))
    scene_node = root.get("scene")
    scene = _scalar(scene_node) if scene_node is not None else None
    if scene_node is None or not isinstance(scene, str):
        problems.append(diagnostic("CN201", root.where, key="scene", context="the walkthrough",
                                   hint="name the scene to play: 'scene: exit_visa'"))
    steps_node = root.get("steps")
    steps: list[Step] = []
    if not isinstance(steps_node, YList):
        problems.append(diagnostic("CN201", root.where, key="steps", context="the walkthrough",
                                   hint="list the options to choose under 'steps:'"))
    else:
        for number, item in enumerate(steps_node, start=1):
            step = _step(number, item, problems)
            if step is not None:
                steps.append(step)
    title_node = root.get("title")
    title = str(_scalar(title_node) or "") if title_node is not None else ""
    if any(problem.is_error for problem in problems) or scene_node is None:
        return None, problems
    return Walkthrough(path, str(scene), title, tuple(steps), scene_node.where), problems
