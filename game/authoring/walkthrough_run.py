"""Playing a walkthrough through the real engine and saying, readably, where it went wrong.

The same runner serves `cover-names test --walkthroughs` and pytest
(tests/test_walkthroughs.py). Optionally it saves and reloads the game after
one step, through the real save files, so a state that does not survive
saving fails the walkthrough too.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path

from game.authoring.walkthrough import Expectation, Step, Walkthrough, diagnostic
from game.diagnostics import Diagnostic
from game.diagnostics.core import did_you_mean
from game.engine import Outcome, Player, Story
from game.loading import load_scene
from game.model import Value

_INDENT = "\n" + " " * 10  # lines up under "    hint: "


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value)


def _clip(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def story_for(walkthrough: Walkthrough, story: Story) -> tuple[Story, str, list[Diagnostic]]:
    """The story holding the walkthrough's scene (loading a scene file it names), and its id."""
    scene_file = walkthrough.scene_file
    if scene_file is None:
        return story, walkthrough.scene, []
    result = load_scene(scene_file, story.library)
    if result.scene is None:
        return story, "", list(result.diagnostics)
    return Story(story.library, {result.scene.id: result.scene}), result.scene.id, []


def _option_list(player: Player) -> str:
    return ", ".join(
        f"{option.number} {option.id}" + ("" if option.available else " (locked)")
        for option in player.options
    ) or "none"


def choose_step(step: Step, player: Player) -> Outcome | Diagnostic:
    node = player.playthrough.node
    if player.is_over:
        return diagnostic("CN624", step.where, step=step.label, node=node,
                          hint="delete the steps after the ending")
    options = player.options
    if isinstance(step.choose, int):
        match = [option for option in options if option.number == step.choose]
    else:
        match = [option for option in options if option.id == step.choose]
    if not match:
        return diagnostic("CN621", step.where, step=step.label, option=step.choose, node=node,
                          hint=f"options at '{node}': {_option_list(player)}")
    option = match[0]
    if not option.available:
        return diagnostic("CN622", step.where, step=step.label, option=option.id, node=node,
                          reason=option.locked_reason or "its condition is false",
                          hint=f"variables now: {_show_vars(player.variables)}")
    return player.choose(option.id)


def _show_vars(variables: Mapping[str, Value]) -> str:
    items = variables.items()
    return ", ".join(f"{name} = {_show(value)}" for name, value in items) or "none"


def _mismatch(step: Step, expectation: Expectation, what: str, expected: str,
              actual: str, name: str = "") -> Diagnostic:
    where = expectation.place_of(name) if name else expectation.where
    return diagnostic("CN623", where, step=step.label, what=what,
                      hint=f"expected: {expected}{_INDENT}     got: {actual}")


def _check(step: Step, expectation: Expectation, player: Player,
           outcome: Outcome | None) -> list[Diagnostic]:
    key, value = expectation.key, expectation.value
    node = player.node
    if key == "node":
        return [] if node.id == value else [_mismatch(step, expectation, "the node",
                                                      str(value), node.id)]
    if key == "speaker":
        return [] if node.speaker == value else [_mismatch(step, expectation, "the speaker",
                                                           str(value), node.speaker or "none")]
    if key == "text":
        shown = player.passage.text  # the parts whose conditions hold now
        passage = " ".join(shown.split())
        missing = [str(piece) for piece in value  # type: ignore[attr-defined]
                   if " ".join(str(piece).split()) not in passage]
        return [diagnostic("CN623", expectation.place_of(piece), step=step.label,
                           what="the passage text",
                           hint=f"expected it to contain: \"{piece}\"{_INDENT}"
                                f"the passage at '{node.id}' reads: \"{_clip(shown)}\"")
                for piece in missing]
    if key in ("verdict", "note"):
        record = outcome.record if outcome is not None else None
        if record is None:
            return [_mismatch(step, expectation, f"the {key}", _show(value),
                              "no record (nothing was chosen, or it was 'continue')")]
        if key == "verdict":
            actual = record.verdict.value
            return [] if actual == value else [_mismatch(step, expectation, "the verdict",
                                                         str(value), actual)]
        note = " ".join(record.note.split())
        return [_mismatch(step, expectation, "the record's note",
                          f"a note containing \"{piece}\"", f"\"{_clip(record.note)}\"",
                          str(piece))
                for piece in value  # type: ignore[attr-defined]
                if " ".join(str(piece).split()) not in note]  # each text of a list
    if key == "variables":
        found = []
        actual_vars = player.variables
        for name, wanted in value.items():  # type: ignore[attr-defined]
            if name not in actual_vars:
                found.append(_mismatch(step, expectation, f"the variable '{name}'",
                                       _show(wanted), "no such variable in the scene", name))
            elif actual_vars[name] != wanted or type(actual_vars[name]) is not type(wanted):
                found.append(_mismatch(step, expectation, f"the variable '{name}'",
                                       _show(wanted), _show(actual_vars[name]), name))
        return found
    if key in ("options", "available", "locked"):
        options = player.options
        actual_ids = [option.id for option in options
                      if key == "options" or option.available == (key == "available")]
        wanted_ids = list(value)  # type: ignore[call-overload]
        same = actual_ids == wanted_ids if key == "options" else sorted(actual_ids) == sorted(
            wanted_ids)
        words = {"options": "the list of options shown",
                 "available": "the list of available options",
                 "locked": "the list of locked options"}
        return [] if same else [_mismatch(step, expectation, words[key], _show(wanted_ids),
                                          _show(actual_ids))]
    if key == "ending":
        actual = node.ending.kind.value if node.ending is not None else "none"
        return [] if actual == str(value) else [_mismatch(step, expectation, "the ending",
                                                          str(value), f"{actual} (at '{node.id}')")]
    if key == "over":
        if player.is_over == value:
            return []
        return [_mismatch(step, expectation, "whether the scene is over", _show(value),
                          _show(player.is_over))]
    return []


def _save_and_reload(player: Player, story: Story, directory: Path) -> Player:
    from game.saves import read_save, write_save

    path = write_save(player, "walkthrough", directory)
    loaded = read_save(path, story)
    if loaded.playthrough is None:
        raise RuntimeError(f"the save could not be read back: {loaded.problem}")
    player.close()
    return story.resume(loaded.playthrough)


def run_walkthrough(
    walkthrough: Walkthrough,
    story: Story,
    reload_after: int | None = None,
    save_dir: Path | None = None,
) -> list[Diagnostic]:
    """Play the walkthrough; [] when every step went as expected.

    `reload_after` saves and reloads the game after that step (1-based).
    Stops at the first step that fails: what follows would only echo it.
    """
    story, scene_id, problems = story_for(walkthrough, story)
    if problems:
        return problems
    if scene_id not in story.scenes:
        return [diagnostic("CN620", walkthrough.where, scene=walkthrough.scene,
                           hint=did_you_mean(walkthrough.scene, story.scenes)
                           or "scenes loaded: " + ", ".join(sorted(story.scenes)))]
    player = story.new_player(scene_id)
    with tempfile.TemporaryDirectory() as temporary:
        directory = save_dir or Path(temporary)
        try:
            for step in walkthrough.steps:
                outcome: Outcome | None = None
                if step.choose is not None:
                    try:
                        result = choose_step(step, player)
                    except Exception as error:  # an engine failure is a finding, not a crash
                        return [diagnostic(
                            "CN630", step.where, node=player.playthrough.node,
                            steps=len(player.playthrough.history),
                            error=f"{type(error).__name__}: {error}")]
                    if isinstance(result, Diagnostic):
                        return [result]
                    outcome = result
                failures = [found for expectation in step.expects
                            for found in _check(step, expectation, player, outcome)]
                if failures:
                    return failures
                if reload_after == step.number:
                    try:
                        player = _save_and_reload(player, story, directory)
                    except Exception as error:
                        return [diagnostic(
                            "CN630", step.where, node=player.playthrough.node,
                            steps=len(player.playthrough.history),
                            error=f"saving and reloading failed: {type(error).__name__}: {error}")]
        finally:
            player.close()
    return []


def middle_step(walkthrough: Walkthrough) -> int | None:
    """The step after which the save-and-reload run reloads: half-way, when there are steps."""
    count = len(walkthrough.steps)
    return max(count // 2, 1) if count else None
