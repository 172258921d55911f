"""`cover-names lint [PATHS] [--strict]`: load scenes and plans, run every check, print problems.

Exit status: 0 when clean, 1 when there are errors (or warnings, with
--strict). A crash inside the linter is printed as a diagnostic, never as a
traceback: an author cannot act on a traceback.
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
        "paths", nargs="*", type=Path, metavar="PATHS",
        help="scene files or folders, and plan folders (default: the game's scenes/ and plans/)",
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
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


def lint_paths(paths: list[Path], seeds_dir: Path | None = None) -> tuple[list[Diagnostic], int]:
    """Every diagnostic for the scenes and plans under `paths`, and how many files were read."""
    from game import paths as game_paths
    from game.authoring.lint import lint_scene
    from game.diagnostics import Diagnostics
    from game.loading import find_scene_files, load_scenes
    from game.loading.files import WALKTHROUGH_SUFFIX
    from game.sources import load_library

    diagnostics = Diagnostics()
    library = load_library(seeds_dir or game_paths.seeds_dir(), diagnostics)
    plan_paths = [path for path in paths if is_plan_path(path)]
    scene_files = [
        path for path in find_scene_files([path for path in paths if not is_plan_path(path)])
        if not path.name.endswith(WALKTHROUGH_SUFFIX)
    ]
    loaded = load_scenes(scene_files, library)
    diagnostics.extend(loaded.diagnostics)
    # The loaded scenes live until the command ends: keep the collector from rescanning
    # them on every allocation burst of the checks (a third of the time on a large corpus).
    gc.freeze()
    for scene in loaded.scenes.values():
        diagnostics.extend(lint_scene(scene, library))
    plan_files = _plan_files(plan_paths)
    if plan_files:
        diagnostics.extend(_lint_plans(plan_files, library, dict(loaded.scenes)))
    return list(diagnostics), len(scene_files) + len(plan_files)


def _lint_plans(
    files: list[Path], library: SourceLibrary, scenes: dict[str, Scene]
) -> list[Diagnostic]:
    """Plans name scenes: check them against the scenes given plus the shipped ones."""
    from game import paths as game_paths
    from game.engine import Story
    from game.loading import load_scenes

    try:
        from game.classroom.plans import lint_plan_files
    except ImportError:
        return []
    shipped = load_scenes([game_paths.scenes_dir()], library)
    known = {**shipped.scenes, **scenes}
    return list(lint_plan_files(files, Story(library, known)))


def run(args: argparse.Namespace) -> int:
    from game.authoring.report import counts, exit_code, plural, print_diagnostics
    from game.diagnostics import Diagnostics, Location

    paths = list(args.paths) or default_paths()
    try:
        diagnostics, files = lint_paths(paths, args.seeds)
    except Exception as error:  # never a traceback for an author
        diagnostics = [Diagnostics().add(
            "CN614", Location(str(paths[0])), check="lint",
            error=f"{type(error).__name__}: {error}",
            hint="please report this with the file that caused it")]
        files = 0
    print_diagnostics(diagnostics, sys.stdout)
    errors, warnings = counts(diagnostics)
    print(f"lint: {plural(files, 'file')} checked: {plural(errors, 'error')}, "
          f"{plural(warnings, 'warning')}", file=sys.stderr)
    return exit_code(diagnostics, args.strict)
