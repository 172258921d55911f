"""`cover-names --self-check`: prove that this copy of the game works, headless, in one run.

Meant for the frozen bundle (CI runs it on every build, a teacher can run it on
a school laptop) but it runs the same from a checkout. It loads and lints every
shipped scene, plan and reference file, plays each scene's historical path,
saves and restores a game in a throwaway user folder, renders every desktop
screen with SDL's dummy drivers, and draws each scene's graph. The classroom
part (`self_check_classroom`) renders the facilitator's screens, runs every
shipped plan through a facilitated session, and builds the class debrief from
exported records and from the session logs. It prints one line per check, `ok` or `FAIL` with
the reason, and returns 0 only when every check passed.

A part of the game that is missing counts as a failure, never as a skip: a
bundle that lacks something must not pass.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from game import __version__, paths
from game.historical_path import HistoricalPathError
from game.self_check_classroom import (
    check_classroom_server,
    check_facilitated_plans,
    check_facilitator_screens,
    check_records_and_debrief,
)
from game.self_check_results import (
    SCREEN_SIZE,
    CheckContext,
    Result,
    diagnostics_result,
    fail,
    ok,
)

#: The folders every build ships (keep in step with DATA_FOLDERS in build/cover-names.spec).
DATA_FOLDERS = ("scenes", "seeds", "assets", "plans", "reference")


# -- the checks ---------------------------------------------------------------------------------
# Each yields Results; an exception inside one is turned into a FAIL and the rest still run.


def check_data_folders(context: CheckContext) -> Iterator[Result]:
    root = paths.resource_root()
    for folder in DATA_FOLDERS:
        path = root / folder
        if not path.is_dir():
            yield fail(f"data {folder}/", f"missing (looked in {path})")
            continue
        files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")]
        if not files:
            yield fail(f"data {folder}/", f"empty (looked in {path})")
        else:
            yield ok(f"data {folder}/", f"{len(files)} files")


def check_scenes_load(context: CheckContext) -> Iterator[Result]:
    from game.engine import load_story
    from game.loading import find_scene_files

    story = load_story()
    context.story = story
    errors = [d for d in story.diagnostics if d.is_error]
    scene_files = find_scene_files([paths.scenes_dir()])
    if errors:
        shown = "; ".join(str(d).replace("\n", " ") for d in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        yield fail("scenes load", f"{len(errors)} errors: {shown}{more}")
    elif not story.scenes:
        yield fail("scenes load", f"no scenes found in {paths.scenes_dir()}")
    elif len(story.scenes) < len(scene_files):
        yield fail("scenes load", f"{len(scene_files)} scene files but {len(story.scenes)} scenes")
    else:
        yield ok("scenes load", f"{len(story.scenes)} scenes ({', '.join(sorted(story.scenes))})")


def check_scenes_lint(context: CheckContext) -> Iterator[Result]:
    story = context.loaded_story()
    try:
        from game.authoring.lint import lint_scene
    except ImportError as error:
        yield fail("scene lint", f"the scene linter is not available ({error})")
        return
    for scene in story.ordered:
        diagnostics = list(lint_scene(scene, story.library))
        yield diagnostics_result(f"lint scene {scene.id}", diagnostics)


def check_plans_lint(context: CheckContext) -> Iterator[Result]:
    story = context.loaded_story()
    plan_files = sorted(paths.plans_dir().glob("*.yaml"))
    if not plan_files:
        yield fail("plans lint", f"no plan files in {paths.plans_dir()}")
        return
    try:
        from game.classroom.plans import lint_plan_files
    except ImportError as error:
        yield fail("plans lint", f"the plan linter is not available ({error})")
        return
    for plan_file in plan_files:
        yield diagnostics_result(
            f"lint plan {plan_file.name}", lint_plan_files([plan_file], story)
        )


def check_reference(context: CheckContext) -> Iterator[Result]:
    """The dossier's people and organisations and the timeline's events load with proven quotes."""
    from game.reference import load_reference

    story = context.loaded_story()
    reference = load_reference(paths.reference_dir(), story.library, set(story.scenes))
    result = diagnostics_result("reference data", reference.diagnostics)
    if result.ok and not (reference.people and reference.events):
        result = fail("reference data", f"no people or no events in {paths.reference_dir()}")
    elif result.ok:
        counts = (
            f"{len(reference.people)} people, {len(reference.organisations)} organisations, "
            f"{len(reference.events)} events"
        )
        result = ok("reference data", f"{counts}; {result.detail}")
    yield result


def check_frame(context: CheckContext) -> Iterator[Result]:
    """The story's frame (opening, bridges, closing) ships and loads with proven quotes."""
    from game.reference.frame_loader import FRAME_FILE, load_frame

    story = context.loaded_story()
    frame = load_frame(paths.reference_dir() / FRAME_FILE, story.library, set(story.scenes))
    result = diagnostics_result("story frame", frame.diagnostics)
    if result.ok and frame.opening is None:
        result = fail("story frame", f"no opening in {paths.reference_dir() / FRAME_FILE}")
    elif result.ok:
        result = ok("story frame", f"{len(frame.pages)} pages; {result.detail}")
    yield result


def check_historical_paths(context: CheckContext) -> Iterator[Result]:
    story = context.loaded_story()
    for scene in story.ordered:
        name = f"historical path {scene.id}"
        try:
            path = context.historical_path(scene.id)
        except HistoricalPathError as error:
            yield fail(name, str(error))
        else:
            yield ok(name, path.summary())


def check_save_round_trip(context: CheckContext) -> Iterator[Result]:
    """For each scene: save half-way along its historical path, read it back, finish from it."""
    from game.saves import read_save, write_save

    story = context.loaded_story()
    if not story.scenes:
        yield fail("save and restore", "no scene to save")
    for scene in story.ordered:
        name = f"save and restore {scene.id}"
        try:
            path_taken = context.historical_path(scene.id).choices
        except HistoricalPathError as error:
            yield fail(name, f"no historical path to save along ({error})")
            continue
        half = len(path_taken) // 2
        player = story.new_player(scene.id)
        try:
            for option_id in path_taken[:half]:
                player.choose(option_id)
            before = player.playthrough.snapshot()
            saved = write_save(player, f"self-check-{scene.id}"[:40])
        finally:
            player.close()
        loaded = read_save(saved, story)
        if loaded.playthrough is None:
            yield fail(name, f"the save could not be read back: {loaded.problem}")
            continue
        resumed = story.resume(loaded.playthrough)
        try:
            if resumed.playthrough.snapshot() != before:
                yield fail(name, f"the restored game differs from the one saved in {saved}")
                continue
            for option_id in path_taken[half:]:
                resumed.choose(option_id)
            if not resumed.is_over:
                yield fail(name, "the restored game did not reach the ending")
                continue
        finally:
            resumed.close()
        yield ok(name, f"saved at step {half} of {len(path_taken)}, read back, finished")


def check_screens(context: CheckContext) -> Iterator[Result]:
    try:
        from game.desktop.start import render_every_screen
    except ImportError as error:
        yield fail("screens", f"the desktop game is not available ({error})")
        return
    rendered = list(render_every_screen(SCREEN_SIZE))
    if not rendered:
        yield fail("screens", "no screen was rendered")
    else:
        width, height = SCREEN_SIZE
        yield ok("screens", f"{len(rendered)} rendered at {width}x{height}: {', '.join(rendered)}")


def check_scene_graphs(context: CheckContext) -> Iterator[Result]:
    """`cover-names graph` for each scene, in both formats, with its historical path drawn on.

    The diagrams are drawn by optional extensions of the state-machine
    library: the part of a dependency a trimmed bundle is most likely to lose.
    """
    from game.engine.diagram import draw

    story = context.loaded_story()
    for scene in story.ordered:
        with context.played(scene.id) as player:
            steps = [(step.node_id, step.choice_id) for step in player.playthrough.history]
            end = player.node.id
        sizes = [len(draw(scene, fmt, steps, end)) for fmt in ("mermaid", "dot")]
        yield ok(f"graph {scene.id}", f"Mermaid {sizes[0]} and DOT {sizes[1]} characters")


CHECKS: tuple[tuple[str, Callable[[CheckContext], Iterable[Result]]], ...] = (
    ("data folders", check_data_folders),
    ("scenes load", check_scenes_load),
    ("scene lint", check_scenes_lint),
    ("plans lint", check_plans_lint),
    ("reference data", check_reference),
    ("story frame", check_frame),
    ("historical paths", check_historical_paths),
    ("save and restore", check_save_round_trip),
    ("screens", check_screens),
    ("facilitator screens", check_facilitator_screens),
    ("records and debrief", check_records_and_debrief),
    ("facilitated plans", check_facilitated_plans),
    ("classroom server", check_classroom_server),
    ("scene graphs", check_scene_graphs),
)


# -- running ------------------------------------------------------------------------------------


def headless() -> None:
    """SDL's dummy drivers: no window, no sound card. Must run before pygame opens a display."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def run_checks(out: Callable[[str], None] = print) -> list[Result]:
    """Run every check in a throwaway user folder; print each result as it comes."""
    headless()
    results: list[Result] = []
    context = CheckContext()
    saved_home = os.environ.get("COVER_NAMES_HOME")
    with tempfile.TemporaryDirectory(prefix="cover-names-self-check-") as home:
        # Saves and settings go to the throwaway folder, never the student's own.
        os.environ["COVER_NAMES_HOME"] = home
        try:
            for name, check in CHECKS:
                started = time.perf_counter()
                try:
                    found = list(check(context))
                except Exception as error:  # one broken part must not hide the rest
                    where = traceback.extract_tb(error.__traceback__)[-1]
                    found = [
                        fail(
                            name,
                            f"{type(error).__name__}: {error} "
                            f"({Path(where.filename).name}:{where.lineno})",
                        )
                    ]
                seconds = time.perf_counter() - started
                for result in found:
                    out(result.line())
                if seconds > 1:
                    out(f"     ({name} took {seconds:.1f} s)")
                results.extend(found)
        finally:
            if saved_home is None:
                os.environ.pop("COVER_NAMES_HOME", None)
            else:
                os.environ["COVER_NAMES_HOME"] = saved_home
    return results


def run(args: argparse.Namespace | None = None) -> int:
    """The `--self-check` command: 0 when every check passed, 1 otherwise."""
    # A Windows console or CI pipe may not take every character a scene holds:
    # a result line must never crash on its own printing.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"cover-names {__version__} self-check ({frozen}), data in {paths.resource_root()}")
    started = time.perf_counter()
    results = run_checks()
    failed = [result for result in results if not result.ok]
    seconds = time.perf_counter() - started
    if failed:
        print(
            f"self-check FAILED: {len(failed)} of {len(results)} checks ({seconds:.1f} s): "
            + ", ".join(result.name for result in failed)
        )
        return 1
    print(f"self-check passed: {len(results)} checks ({seconds:.1f} s)")
    return 0
