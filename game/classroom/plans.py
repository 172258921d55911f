"""Session plans: which scenes a facilitator runs, in what order, with what prompts.

A plan is a small YAML file in `plans/`, read through the same safe,
positioned reader as scenes (`read_yaml`), so its problems print as
`file:line:col` with a stable code (CN1xx for the file, CN2xx for its shape,
CN7xx for plan-specific problems) and a "did you mean …?" hint.

```yaml
format: 1                       # optional; the plan format version
title: The Exit Visa in one lesson
reveal: after_each_vote         # or at_end: records revealed at the end of each scene
minutes: {introduction: 5, debrief: 10}
scenes:
  - scene: exit_visa
    minutes: 25
    prompts:                    # extra discussion prompts, by decision node id
      the_request: Whom would you have asked?        # text, or a list of texts
```
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from game.diagnostics import Diagnostic, Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.guarded import read_bytes, reported
from game.loading.yaml_tree import MAX_BYTES, YList, YMap, YNode, YScalar, read_yaml

if TYPE_CHECKING:
    from game.engine import Story
    from game.model import Scene

# Version 1. Promise: every key keeps its meaning in later versions; new
# optional keys may be added. A plan that says a newer format is refused (CN701).
PLAN_FORMAT = 1
#: No part of a lesson is planned longer than this.
MAX_MINUTES = 240
#: A plan longer than this is warned about (CN708): a double lesson is about 90.
LONG_PLAN_MINUTES = 120

_TOP_KEYS = ("format", "title", "summary", "reveal", "minutes", "scenes")
_PART_KEYS = ("scene", "minutes", "prompts")
_MINUTE_KEYS = ("introduction", "debrief")


class Reveal(str, Enum):
    """When the class sees the record of a choice."""

    AFTER_EACH_VOTE = "after_each_vote"
    AT_END = "at_end"  # all of a scene's records together, when the scene ends


@dataclass(frozen=True)
class PlanScene:
    """One scene of a plan: its id, the minutes set aside, and extra prompts by node."""

    scene_id: str
    where: Location
    minutes: int = 0
    prompts: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )


@dataclass(frozen=True)
class Plan:
    """A whole session plan, checked against the scenes this game has."""

    title: str
    scenes: tuple[PlanScene, ...]
    where: Location
    reveal: Reveal = Reveal.AFTER_EACH_VOTE
    summary: str = ""
    introduction_minutes: int = 0
    debrief_minutes: int = 0
    content_hash: str = ""  # sha256 of the file's bytes, logged with every session
    format: int = PLAN_FORMAT

    @property
    def path(self) -> str:
        return self.where.file

    @property
    def total_minutes(self) -> int:
        return (
            self.introduction_minutes
            + self.debrief_minutes
            + sum(part.minutes for part in self.scenes)
        )

    def prompts_for(self, scene_id: str, node_id: str) -> tuple[str, ...]:
        """The plan's extra prompts for one decision point (none when it has none)."""
        for part in self.scenes:
            if part.scene_id == scene_id and node_id in part.prompts:
                return part.prompts[node_id]
        return ()

    @staticmethod
    def of_story(story: Story, title: str = "Every scene, in historical order") -> Plan:
        """The plan used when a facilitator names none: every scene, records after each vote."""
        parts = tuple(
            PlanScene(scene.id, Location("<built-in plan>"), scene.length_minutes)
            for scene in story.ordered
        )
        return Plan(title=title, scenes=parts, where=Location("<built-in plan>"))


def load_plan(path: Path, story: Story) -> tuple[Plan | None, list[Diagnostic]]:
    """Read and check one plan file; the plan is None when any error was found."""
    diagnostics = Diagnostics()
    filename = str(path)
    plan = None
    with reported(filename, diagnostics):  # a pipe, 2 GB, anything: a diagnostic, no traceback
        data = read_bytes(path, MAX_BYTES)
        plan = parse_plan(data, filename, story, diagnostics)
    if diagnostics.has_errors:
        return None, diagnostics.items
    return plan, diagnostics.items


def lint_plan_files(paths: Iterable[Path], story: Story) -> list[Diagnostic]:
    """Every problem in every plan file (what `cover-names lint` prints for plans)."""
    found: list[Diagnostic] = []
    for path in paths:
        _plan, diagnostics = load_plan(path, story)
        found.extend(diagnostics)
    return found


def scenes_in_no_plan(
    paths: Iterable[Path], story: Story, scenes: Iterable[Scene]
) -> list[Diagnostic]:
    """A warning at each of `scenes` that no plan in `paths` lists (CN709).

    A warning, not an error: a new scene plays without a plan, and an author
    may leave the lesson to a teacher; but `lint` says so, so nobody finds out
    in front of a class.
    """
    listed: set[str] = set()
    for path in paths:
        plan, _ = load_plan(path, story)
        if plan is not None:
            listed |= {part.scene_id for part in plan.scenes}
    diagnostics = Diagnostics()
    for scene in scenes:
        if scene.id not in listed:
            diagnostics.add(
                "CN709", scene.where, scene=scene.id,
                hint=f"add '- scene: {scene.id}' to a plan's 'scenes' in plans/, or write "
                     f"plans/{scene.id}.yaml (docs/authoring.md, 'Plans')")
    return list(diagnostics)


def parse_plan(
    data: bytes | str, filename: str, story: Story, diagnostics: Diagnostics
) -> Plan | None:
    """Build a Plan from a file's bytes, reporting every problem into `diagnostics`."""
    root = read_yaml(data, filename, diagnostics)
    if root is None:
        return None
    _check_keys(root, ("title", "scenes"), _TOP_KEYS, "a plan", diagnostics)
    version = _whole_number(root, "format", diagnostics, PLAN_FORMAT)
    if version > PLAN_FORMAT:
        diagnostics.add("CN701", root.key_where("format"), found=version, supported=PLAN_FORMAT,
                        hint="update the game, or write 'format: 1'")
        return None
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    introduction, debrief = _lesson_minutes(root, diagnostics)
    plan = Plan(
        title=_text(root, "title", diagnostics),
        summary=_text(root, "summary", diagnostics),
        reveal=_reveal(root, diagnostics),
        scenes=_parts(root, story, diagnostics),
        where=Location(filename, 1, 1),
        introduction_minutes=introduction,
        debrief_minutes=debrief,
        content_hash=hashlib.sha256(raw).hexdigest(),
        format=version,
    )
    if plan.total_minutes > LONG_PLAN_MINUTES:
        diagnostics.add("CN708", root.key_where("scenes"), total=plan.total_minutes,
                        limit=LONG_PLAN_MINUTES, hint="split it into two plans, one per lesson")
    return plan


def _check_keys(
    node: YMap, required: Iterable[str], known: tuple[str, ...], context: str,
    diagnostics: Diagnostics,
) -> None:
    for key in node.items:
        if key not in known:
            diagnostics.add("CN202", node.key_where(key), hint=did_you_mean(key, known),
                            key=key, context=context)
    for key in required:
        if key not in node.items:
            diagnostics.add("CN201", node.where, key=key, context=context)


def _scalar(node: YNode | None) -> object:
    return node.value if isinstance(node, YScalar) else node


def _text(parent: YMap, key: str, diagnostics: Diagnostics) -> str:
    node = parent.get(key)
    if node is None:
        return ""
    if not isinstance(node, YScalar):
        diagnostics.add("CN203", node.where, key=key, expected="text", found=node.kind)
        return ""
    if not node.raw.strip():
        diagnostics.add("CN206", node.where, what=f"'{key}'")
    return node.raw.strip()


def _whole_number(parent: YMap, key: str, diagnostics: Diagnostics, default: int) -> int:
    node = parent.get(key)
    if node is None:
        return default
    value = _scalar(node)
    if isinstance(value, bool) or not isinstance(value, int):
        diagnostics.add("CN203", node.where, key=key, expected="a whole number",
                        found=node.kind)
        return default
    return value


def _minutes(parent: YMap, key: str, diagnostics: Diagnostics) -> int:
    node = parent.get(key)
    if node is None:
        return 0
    value = _scalar(node)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MINUTES:
        found = repr(node.raw) if isinstance(node, YScalar) else node.kind
        diagnostics.add("CN707", node.where, limit=MAX_MINUTES, found=found,
                        hint="write the minutes as a number, like 'minutes: 20'")
        return 0
    return value


def _lesson_minutes(root: YMap, diagnostics: Diagnostics) -> tuple[int, int]:
    node = root.get("minutes")
    if node is None:
        return 0, 0
    if not isinstance(node, YMap):
        diagnostics.add("CN203", node.where, key="minutes",
                        expected="a mapping like {introduction: 5, debrief: 10}",
                        found=node.kind)
        return 0, 0
    _check_keys(node, (), _MINUTE_KEYS, "the lesson's minutes", diagnostics)
    return _minutes(node, "introduction", diagnostics), _minutes(node, "debrief", diagnostics)


def _reveal(root: YMap, diagnostics: Diagnostics) -> Reveal:
    node = root.get("reveal")
    if node is None:
        return Reveal.AFTER_EACH_VOTE
    value = _scalar(node)
    allowed = [reveal.value for reveal in Reveal]
    if isinstance(value, str) and value in allowed:
        return Reveal(value)
    shown = value if isinstance(value, str) else node.kind
    diagnostics.add("CN706", node.where, value=shown, allowed=", ".join(allowed),
                    hint=did_you_mean(str(shown), allowed))
    return Reveal.AFTER_EACH_VOTE


def _parts(root: YMap, story: Story, diagnostics: Diagnostics) -> tuple[PlanScene, ...]:
    node = root.get("scenes")
    if node is None:
        return ()
    if not isinstance(node, YList):
        diagnostics.add("CN203", node.where, key="scenes", expected="a list of scenes",
                        found=node.kind)
        return ()
    if not node.items:
        diagnostics.add("CN206", node.where, what="'scenes'")
    parts: list[PlanScene] = []
    seen: set[str] = set()
    for item in node.items:
        if not isinstance(item, YMap):
            diagnostics.add("CN203", item.where, key="scenes",
                            expected="a list of mappings like '- scene: exit_visa'",
                            found=item.kind)
            continue
        part = _part(item, story, diagnostics)
        if part is None:
            continue
        if part.scene_id in seen:
            diagnostics.add("CN705", part.where, scene=part.scene_id,
                            hint="remove one, or make a second plan")
        seen.add(part.scene_id)
        parts.append(part)
    return tuple(parts)


def _part(item: YMap, story: Story, diagnostics: Diagnostics) -> PlanScene | None:
    _check_keys(item, ("scene",), _PART_KEYS, "a plan's scene", diagnostics)
    scene_node = item.get("scene")
    if scene_node is None:
        return None
    scene_id = _text(item, "scene", diagnostics)
    scene = story.scenes.get(scene_id)
    if scene is None:
        if scene_id:
            diagnostics.add("CN702", scene_node.where, scene=scene_id,
                            hint=did_you_mean(scene_id, story.scenes)
                            or f"the scenes are: {', '.join(sorted(story.scenes)) or 'none'}")
        return None
    prompts: dict[str, tuple[str, ...]] = {}
    prompts_node = item.get("prompts")
    if prompts_node is not None and not isinstance(prompts_node, YMap):
        diagnostics.add("CN203", prompts_node.where, key="prompts",
                        expected="a mapping from node ids to prompts", found=prompts_node.kind)
    elif isinstance(prompts_node, YMap):
        for node_id, value in prompts_node.items.items():
            where = prompts_node.key_where(node_id)
            node = scene.nodes.get(node_id)
            if node is None:
                decisions = [n.id for n in scene.decision_points]
                diagnostics.add("CN703", where, node=node_id, scene=scene_id,
                                hint=did_you_mean(node_id, scene.nodes)
                                or f"its decision points are: {', '.join(decisions)}")
                continue
            if not node.is_decision:
                diagnostics.add("CN704", where, node=node_id, scene=scene_id,
                                hint="put prompts on a node with two or more choices")
            texts = _prompt_texts(node_id, value, diagnostics)
            if texts:
                prompts[node_id] = texts
    return PlanScene(
        scene_id=scene_id,
        where=scene_node.where,
        minutes=_minutes(item, "minutes", diagnostics),
        prompts=MappingProxyType(prompts),
    )


def _prompt_texts(node_id: str, value: YNode, diagnostics: Diagnostics) -> tuple[str, ...]:
    items = value.items if isinstance(value, YList) else [value]
    texts: list[str] = []
    for entry in items:
        if not isinstance(entry, YScalar) or not isinstance(entry.value, str):
            diagnostics.add("CN203", entry.where, key=node_id, expected="a prompt as text",
                            found=entry.kind)
        elif not entry.raw.strip():
            diagnostics.add("CN206", entry.where, what="a prompt")
        else:
            texts.append(" ".join(entry.raw.split()))
    return tuple(texts)
