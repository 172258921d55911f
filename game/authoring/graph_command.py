"""`cover-names graph SCENE [--format mermaid|dot] [--path FILE.json] [-o FILE]`: draw a scene.

SCENE is a scene id (looked up in the game's scenes/) or a scene file's path.
`--path` takes a save or an exported student record and draws the way that
playthrough took over the scene, its steps numbered.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.diagnostics import Diagnostic, Diagnostics, Location

if TYPE_CHECKING:
    from game.model import Scene


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scene", metavar="SCENE", help="a scene id, or the path of a scene file")
    parser.add_argument("--format", choices=["mermaid", "dot", "html", "svg"],
                        default="mermaid",
                        help="Mermaid (default; GitHub and many editors draw it), Graphviz DOT, "
                             "a self-contained HTML page (no network) or an SVG file")
    parser.add_argument("--html", dest="format", action="store_const", const="html",
                        help="the map as a self-contained HTML page: open it in any browser")
    parser.add_argument("--svg", dest="format", action="store_const", const="svg",
                        help="the map as an SVG picture, for documents")
    parser.add_argument("--path", type=Path, metavar="RECORD_SAVE_OR_WALKTHROUGH",
                        help="draw this saved playthrough's, record's or walkthrough's path "
                             "over the scene")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here instead of printing")
    parser.add_argument("--seeds", type=Path, default=None, help=argparse.SUPPRESS)


def read_path(
    file: Path, scene_id: str
) -> tuple[list[tuple[str, str]], str | None, Diagnostic | None]:
    """The (node, option) steps of a save or record file, the node it ended on, or a problem."""

    def problem(text: str) -> tuple[list[tuple[str, str]], str | None, Diagnostic]:
        return [], None, Diagnostics().add("CN651", Location(str(file)), file=str(file),
                                            problem=text)

    from game.guarded import Unreadable, guard, read_json
    from game.saves.slots import MAX_SAVE_BYTES

    try:
        document: Any = read_json(file, MAX_SAVE_BYTES)  # never waits on a named pipe
    except Unreadable as error:
        if isinstance(error.__cause__, (UnicodeError, json.JSONDecodeError)):
            return problem("it is not a JSON file")
        return problem(error.reason)
    try:
        with guard(file):
            return _path_in(document, scene_id, problem)
    except Unreadable as error:
        return problem(error.reason)


def _path_in(document: Any, scene_id: str, problem: Any) -> Any:
    """The steps of a parsed save or record (see `read_path`)."""
    refused = _version_problem(document)
    if refused:
        return problem(refused)
    body = document.get("playthrough", document) if isinstance(document, dict) else None
    if not isinstance(body, dict):
        return problem("it holds no playthrough")
    found_scene = body.get("scene", body.get("scene_id"))
    if isinstance(found_scene, dict):  # a student record: {"id": …, "title": …}
        found_scene = found_scene.get("id")
    if found_scene is not None and str(found_scene) != scene_id:
        return problem(f"it is a playthrough of '{found_scene}', not of '{scene_id}'")
    # A save keeps every step ('history'); a student record only the choices ('choices').
    history = body.get("history", body.get("choices", body.get("steps")))
    if not isinstance(history, list):
        return problem("it has no 'history' or 'choices'")
    steps: list[tuple[str, str]] = []
    for entry in history:
        if not isinstance(entry, dict):
            return problem("a step of its history is not a mapping")
        node = entry.get("node", entry.get("node_id"))
        option = entry.get("choice", entry.get("choice_id", entry.get("option")))
        if node is None or option is None:
            return problem("a step of its history names no node or choice")
        steps.append((str(node), str(option)))
    end = body.get("node")
    ending = body.get("ending")
    if end is None and isinstance(ending, dict):
        end = ending.get("node")
    return steps, str(end) if end is not None else None, None


def _read_any_path(
    file: Path, scene: Scene
) -> tuple[list[tuple[str, str]], str | None, Diagnostic | None]:
    """A save's or record's steps (JSON), or a walkthrough's, played through the engine."""
    if file.suffix not in (".yaml", ".yml"):
        return read_path(file, scene.id)
    from game.authoring.walkthrough_path import walkthrough_steps

    return walkthrough_steps(file, scene)


def _version_problem(document: Any) -> str:
    """Why a save or record cannot be read by this game ('' when it can): never misread one."""
    from game.classroom.records import RECORD_FORMAT, RECORD_VERSION
    from game.saves import SAVE_FORMAT, SAVE_VERSION, version_problem

    if not isinstance(document, dict) or "format" not in document:
        return ""  # a bare playthrough, as tests and tools write them
    kinds = {SAVE_FORMAT: ("save", SAVE_VERSION), RECORD_FORMAT: ("record", RECORD_VERSION)}
    found = document["format"]
    known = kinds.get(found) if isinstance(found, str) else None  # a list is no format
    if known is None:
        shown = f" (its format is {found[:80]!r})" if isinstance(found, str) else ""
        return f"it is not a Cover Names save or record{shown}"
    kind, supported = known
    refused = version_problem(document.get("version"), supported)
    return f"the {kind} is {refused}" if refused else ""


def check_path(scene: Scene, steps: list[tuple[str, str]], end: str | None) -> str:
    """Why these steps are not a way through `scene` ('' when they are): never drop a step.

    The same check a save gets when it is loaded (`saves.fit.path_problem`). A
    step naming a passage or an option the scene does not have means the file
    is damaged, or the scene has changed since it was played.
    """
    from game.saves.fit import path_problem

    problem = path_problem(scene, steps, end)
    return (f"{problem}; the file is damaged, or the scene has changed since it was played"
            if problem else "")


def fill_continues(
    scene: Scene, steps: list[tuple[str, str]], end: str | None
) -> list[tuple[str, str]]:
    """Put back the 'continue' steps a student record leaves out, by following `next:`."""
    from game.engine.machine import CONTINUE

    filled: list[tuple[str, str]] = []
    targets = [node for node, _option in steps[1:]] + ([end] if end else [])
    for (node_id, option), target in zip(steps, [*targets, None], strict=False):
        filled.append((node_id, option))
        node = scene.nodes.get(node_id)
        choice = next((c for c in node.choices if c.id == option), None) if node else None
        here = choice.goto if choice is not None else None
        guard = 0
        while here and here != target and guard < len(scene.nodes):
            passage = scene.nodes.get(here)
            if passage is None or not passage.next:
                break
            filled.append((here, CONTINUE))
            here, guard = passage.next, guard + 1
    return filled


def _find_scene(name: str, seeds: Path | None) -> tuple[Any, list[Diagnostic]]:
    from game import paths
    from game.diagnostics.core import did_you_mean
    from game.loading import load_scene, load_scenes
    from game.sources import load_library

    diagnostics = Diagnostics()
    library = load_library(seeds or paths.seeds_dir(), diagnostics)
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        result = load_scene(candidate, library)
        return result.scene, [*diagnostics, *result.diagnostics]
    loaded = load_scenes([paths.scenes_dir()], library)
    scene = loaded.scenes.get(name)
    found = [*diagnostics, *loaded.diagnostics]
    if scene is None:
        found.append(Diagnostics().add("CN650", Location(name), scene=name,
                                       hint=did_you_mean(name, loaded.scenes)
                                       or f"known scenes: {', '.join(sorted(loaded.scenes))}"))
    return scene, found


def _run(args: argparse.Namespace) -> int:
    from game.authoring.report import exit_code, print_diagnostics
    from game.engine.diagram import draw

    scene, diagnostics = _find_scene(args.scene, args.seeds)
    if scene is None:
        print_diagnostics(diagnostics or [Diagnostics().add(
            "CN650", Location(args.scene), scene=args.scene)], sys.stderr)
        return 1
    steps: list[tuple[str, str]] = []
    end = None
    if args.path is not None:
        steps, end, problem = _read_any_path(args.path, scene)
        mismatch = check_path(scene, steps, end) if problem is None else ""
        if mismatch:
            problem = Diagnostics().add("CN651", Location(str(args.path)), file=str(args.path),
                                        problem=mismatch)
        steps = fill_continues(scene, steps, end)
        if problem is not None:
            diagnostics.append(problem)
            print_diagnostics(diagnostics, sys.stderr)
            return 1
    print_diagnostics(diagnostics, sys.stderr)
    if args.format in ("html", "svg"):
        from game.scenemap import lay_out
        from game.scenemap.svg import render_html, render_svg

        render = render_html if args.format == "html" else render_svg
        text = render(lay_out(scene), steps, end)
        if args.output is None:
            args.output = Path(f"{scene.id}.{args.format}")
    else:
        text = draw(scene, args.format, steps, end)
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
        print(f"graph: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return exit_code(diagnostics)


def run(args: argparse.Namespace) -> int:
    """Run the command; an unexpected failure is printed as a diagnostic, never a traceback."""
    from game.authoring.report import run_reporting_crashes

    return run_reporting_crashes("graph", _run, args)
