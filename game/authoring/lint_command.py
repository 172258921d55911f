"""`cover-names lint [PATHS] [--strict]`: load scenes, plans and the frame; check; print problems.

Exit status: 0 when clean, 1 when there are errors (or warnings, with
--strict), 2 when PATHS name nothing to check (an empty folder, `lint ""`).
A crash inside the linter is printed as a diagnostic, never as a traceback:
an author cannot act on a traceback. A scene id stands for its file in the
game's scenes/; a walkthrough given in PATHS is checked as a walkthrough;
only regular files are read (a named pipe would wait for ever), each once.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.diagnostics import Diagnostic
    from game.model import Scene
    from game.sources import SourceLibrary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATHS",
        help="scene files, folders or ids, walkthrough files, and plan folders "
             "(default: the game's scenes/ and plans/)",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--seeds", type=Path, default=None,
                        help="the folder holding sources.yaml (default: the game's seeds/)")


def default_paths() -> list[Path]:
    from game import paths

    found = [paths.scenes_dir()]
    if paths.plans_dir().is_dir():
        found.append(paths.plans_dir())
    return found


def is_plan_path(path: Path) -> bool:
    """Plans live in a folder named `plans`; everything else given is read as scenes."""
    return "plans" in path.parts


def _plan_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            files.append(path)
    return files


def lint_paths(
    paths: list[Path], seeds_dir: Path | None = None, walkthroughs: list[Path] | None = None
) -> tuple[list[Diagnostic], int]:
    """Every diagnostic for the scenes, plans and frame under `paths` (and the walkthrough
    files `walkthroughs`), and how many files were read. The game's own scenes folder
    brings its frame (reference/frame.yaml) with it."""
    from game import paths as game_paths
    from game.authoring.lint import lint_file_name, lint_scene
    from game.authoring.lint_frame import frame_file, is_frame_path, is_shipped_scenes
    from game.authoring.walkthrough import read_walkthrough
    from game.diagnostics import Diagnostics
    from game.loading import find_scene_files, load_scenes
    from game.loading.files import WALKTHROUGH_SUFFIX
    from game.reference.frame_loader import FRAME_FILE
    from game.regular_files import once
    from game.sources import load_library

    diagnostics = Diagnostics()
    library = load_library(seeds_dir or game_paths.seeds_dir(), diagnostics)
    frame_files = once([frame_file(path) for path in paths if is_frame_path(path)])
    paths = [path for path in paths if not is_frame_path(path)]
    if any(is_shipped_scenes(path) for path in paths):
        frame_files = once([*frame_files, game_paths.reference_dir() / FRAME_FILE])
    plan_paths = [path for path in paths if is_plan_path(path)]
    scene_files = once([
        path for path in find_scene_files([path for path in paths if not is_plan_path(path)])
        if not path.name.endswith(WALKTHROUGH_SUFFIX)
    ])
    walkthrough_files = once(walkthroughs or [])
    for file in walkthrough_files:
        diagnostics.extend(read_walkthrough(file)[1])
    loaded = load_scenes(scene_files, library)
    diagnostics.extend(loaded.diagnostics)
    # The loaded scenes live until the command ends: keep the collector from rescanning
    # them on every allocation burst of the checks (a third of the time on a large corpus).
    gc.freeze()
    for scene in loaded.scenes.values():
        diagnostics.extend(lint_file_name(scene))
        diagnostics.extend(lint_scene(scene, library))
    plan_files = once(_plan_files(plan_paths))
    if plan_files:
        diagnostics.extend(_lint_plans(plan_files, library, dict(loaded.scenes)))
    frame_files = [file for file in frame_files if file.exists()]
    if frame_files:
        diagnostics.extend(_lint_frame(frame_files, library, set(loaded.scenes)))
    return list(diagnostics), (len(scene_files) + len(plan_files) + len(walkthrough_files)
                               + len(frame_files))


def _lint_frame(files: list[Path], library: SourceLibrary, scenes: set[str]) -> list[Diagnostic]:
    """The frame names scenes: check them against the scenes given plus the shipped ones."""
    from game import paths as game_paths
    from game.authoring.lint_frame import lint_frame
    from game.loading import load_scenes

    known = scenes | set(load_scenes([game_paths.scenes_dir()], library).scenes)
    return [found for file in files for found in lint_frame(file, library, known)]


def _lint_plans(
    files: list[Path], library: SourceLibrary, scenes: dict[str, Scene]
) -> list[Diagnostic]:
    """Plans name scenes: check them against the scenes given plus the shipped ones."""
    from game import paths as game_paths
    from game.engine import Story
    from game.loading import load_scenes

    try:
        from game.classroom.plans import lint_plan_files, scenes_in_no_plan
    except ImportError:
        return []
    shipped = load_scenes([game_paths.scenes_dir()], library)
    known = {**shipped.scenes, **scenes}
    story = Story(library, known)
    # Only the scenes given are held to the plans given: `lint scenes plans` asks for both.
    return [*lint_plan_files(files, story), *scenes_in_no_plan(files, story, scenes.values())]


def run(args: argparse.Namespace) -> int:
    from game.authoring.report import counts, exit_code, plural, print_diagnostics
    from game.authoring.targets import sort_paths
    from game.diagnostics import Diagnostics, Location

    given = list(args.paths)
    targets = sort_paths(given) if given else None
    paths = targets.scenes if targets is not None else default_paths()
    for note in targets.notes if targets is not None else ():
        print(f"lint: {note}", file=sys.stderr)
    try:
        diagnostics, files = lint_paths(paths, args.seeds,
                                        targets.walkthroughs if targets else None)
        if targets is not None:
            diagnostics = [*targets.problems, *diagnostics]
    except Exception as error:  # never a traceback for an author
        diagnostics = [Diagnostics().add(
            "CN614", Location(str(paths[0]) if paths else "lint"), check="lint",
            error=f"{type(error).__name__}: {error}",
            hint="please report this with the file that caused it")]
        files = 0
    print_diagnostics(diagnostics, sys.stdout)
    if files == 0 and not any(d.code == "CN614" for d in diagnostics):
        named = ", ".join(repr(text) for text in given) or "the default folders"
        print(f"lint: nothing to check in {named}: no scene (*.yaml), plan or walkthrough "
              "file was found", file=sys.stderr)
        return 2
    errors, warnings = counts(diagnostics)
    print(f"lint: {plural(files, 'file')} checked: {plural(errors, 'error')}, "
          f"{plural(warnings, 'warning')}", file=sys.stderr)
    return exit_code(diagnostics, args.strict)
