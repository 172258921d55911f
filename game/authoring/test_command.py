"""`cover-names test [PATHS]`: random or exhaustive playthroughs, and walkthrough files.

Random playthroughs (`--runs`, `--seed`) and the exhaustive search
(`--exhaustive`) report node, option and ending coverage per scene and every
runtime error with the choices that led to it. `--walkthroughs` also plays
the walkthrough files found in PATHS, beside the scenes, and in
tests/walkthroughs/. Exit status 0 when everything passed, 1 when anything
failed, 2 when PATHS hold nothing to test (an empty folder, `test ""`, an
unknown scene id): "0 scenes, 0 errors" would read as a pass.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.printable import raw_stream

if TYPE_CHECKING:
    from game.authoring.playtest import Coverage, Progress
    from game.diagnostics import Diagnostic
    from game.engine import Story


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATHS",
                        help="scene files, folders or ids, and walkthrough files "
                             "(default: the game's scenes/)")
    parser.add_argument("--runs", type=int, default=10_000,
                        help="random playthroughs per scene (default 10000; 0 for none)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same runs")
    parser.add_argument("--exhaustive", action="store_true",
                        help="visit every reachable (node, variables) state instead")
    parser.add_argument("--walkthroughs", action="store_true",
                        help="also play every walkthrough file found")
    parser.add_argument("--jobs", type=int, default=0,
                        help="processes for random runs (default: one per core)")
    parser.add_argument("--seeds", type=Path, default=None, help=argparse.SUPPRESS)


class ProgressBar:
    """A one-line bar on a terminal; silent when output is a file or a pipe."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.last = 0.0

    def __call__(self, label: str, done: int, total: int) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r  {label:<24} [{'#' * filled}{'-' * (width - filled)}] "
                          f"{done:>7,}/{total:,}")
        self.stream.flush()

    def clear(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 78 + "\r")
            self.stream.flush()


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part // max(whole, 1)}%)"


def coverage_report(coverage: Coverage, mode: str) -> list[str]:
    """The lines printed for one scene."""
    nodes, all_nodes = coverage.node_coverage
    options, all_options = coverage.option_coverage
    lines = [f"{coverage.scene.id}: {mode}",
             f"  nodes    {_percent(nodes, all_nodes)}",
             f"  options  {_percent(options, all_options)}"]
    if coverage.states:
        lines.append(f"  states   {coverage.states:,}"
                     + ("" if coverage.complete else " (stopped at the limit)"))
    finished = sum(coverage.endings.values())
    if coverage.states:  # exhaustive: each ending once per state that reaches it
        endings = ", ".join(sorted(coverage.endings))
    else:
        endings = ", ".join(
            f"{node} {100 * count / max(finished, 1):.1f}%"
            for node, count in sorted(coverage.endings.items(), key=lambda item: -item[1]))
    lines.append(f"  endings  {endings or 'none reached'}")
    for label, missed in (("never reached", coverage.missed_nodes),
                          ("never chosen", coverage.missed_options),
                          ("endings never reached", coverage.missed_endings)):
        if missed:
            lines.append(f"  {label}: {', '.join(missed)}")
    if coverage.errors:
        lines.append(f"  runtime errors: {len(coverage.errors)} (below)")
    return lines


def exhaustive_report(
    story: Story, scene_id: str, limit: int = 0, progress: Progress | None = None
) -> tuple[list[str], list[Diagnostic]]:
    """Every reachable state of one scene: the report's lines, and its problems.

    A search that stops at its limit says so as a warning (CN631), as lint's
    CN613 does: what was not visited was not tested.
    """
    from game.authoring.playtest import EXHAUSTIVE_LIMIT, exhaustive_playthroughs
    from game.diagnostics import Diagnostics

    limit = limit or EXHAUSTIVE_LIMIT
    coverage = exhaustive_playthroughs(story.machine(scene_id), limit, progress)
    problems = list(coverage.errors)
    if coverage.complete and not coverage.endings:  # every state seen, and none an ending
        problems.append(Diagnostics().add(
            "CN603", coverage.scene.where, node=coverage.scene.start,
            hint="give some path an ending: a node with 'ending: historical' or "
                 "'ending: counterfactual'"))
    if not coverage.complete:
        problems.append(Diagnostics().add(
            "CN631", coverage.scene.where, scene=scene_id, limit=f"{limit:,}",
            hint="a whole number that grows each time round a loop makes the states endless; "
                 "cap it with a condition, or use true/false"))
    return coverage_report(coverage, "every reachable state"), problems


def _split(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Scene files, and walkthrough files, named by PATHS (walkthroughs beside scenes too)."""
    from game.authoring.walkthrough import find_walkthroughs
    from game.loading import find_scene_files
    from game.loading.files import WALKTHROUGH_SUFFIX

    scene_like = [p for p in paths if p.name != "walkthroughs" and p.parent.name != "walkthroughs"
                  and not p.name.endswith(WALKTHROUGH_SUFFIX)]
    scenes = [p for p in find_scene_files(scene_like) if not p.name.endswith(WALKTHROUGH_SUFFIX)]
    return scenes, find_walkthroughs(paths)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run_walkthroughs(files: list[Path], story: Story) -> tuple[list[Diagnostic], list[str]]:
    """Play each walkthrough twice: straight, then with a save and reload half-way."""
    from game.authoring.walkthrough import read_walkthrough
    from game.authoring.walkthrough_run import middle_step, run_walkthrough

    problems: list[Diagnostic] = []
    lines: list[str] = []
    for file in files:
        walkthrough, found = read_walkthrough(file)
        problems.extend(found)
        if walkthrough is None:
            lines.append(f"walkthrough {file}: cannot be read")
            continue
        failed = run_walkthrough(walkthrough, story)
        if not failed:
            failed = run_walkthrough(walkthrough, story, middle_step(walkthrough))
        problems.extend(failed)
        verdict = "FAILED" if failed else "passed (and again with a save and reload)"
        lines.append(f"walkthrough {walkthrough.name} [{_relative(file)}]: {verdict}")
    return problems, lines


def _with_shipped(story: Story, seeds: Path | None) -> Story:
    """The story plus the shipped scenes it lacks: walkthroughs may name either."""
    from game import paths as game_paths
    from game.engine import Story, load_story

    shipped = load_story(_split([game_paths.scenes_dir()])[0], seeds)
    extra = {k: v for k, v in shipped.scenes.items() if k not in story.scenes}
    return Story(story.library, {**story.scenes, **extra}) if extra else story


def _run(args: argparse.Namespace) -> int:
    from game import paths as game_paths
    from game.authoring.playtest_pool import default_jobs, random_many
    from game.authoring.report import counts, exit_code, plural, print_diagnostics
    from game.authoring.targets import sort_paths
    from game.engine import load_story
    from game.loading import find_scene_files

    targets = sort_paths(list(args.paths) or [str(game_paths.scenes_dir())])
    for note in targets.notes:
        print(f"test: {note}", file=sys.stderr)
    scene_files = find_scene_files(targets.scenes)
    walkthrough_files = targets.walkthroughs
    if not scene_files and not walkthrough_files:
        print_diagnostics(targets.problems, sys.stdout)
        named = ", ".join(repr(text) for text in args.paths) or "the game's scenes/"
        print(f"test: nothing to test in {named}: no scene (*.yaml) or walkthrough file "
              "was found", file=sys.stderr)
        return 2
    if args.walkthroughs:
        default_dir = game_paths.resource_root() / "tests" / "walkthroughs"
        beside = _split([file.parent for file in scene_files])[1]
        extra = sorted(default_dir.glob("*.yaml")) if default_dir.is_dir() else []
        walkthrough_files = list(dict.fromkeys([*walkthrough_files, *beside, *extra]))
    story = load_story(scene_files, args.seeds)
    problems: list[Diagnostic] = [*targets.problems, *story.diagnostics]
    bar = ProgressBar(raw_stream(sys.stderr))  # its '\r' is deliberate
    out: list[str] = []
    started = time.perf_counter()
    if args.exhaustive:
        for scene_id in story.scenes:

            def progress(done: int, total: int, scene: str = scene_id) -> None:
                bar(scene, done, total)

            lines, found = exhaustive_report(story, scene_id, progress=progress)
            bar.clear()
            out += lines
            problems += found
    elif args.runs > 0:
        results = random_many(story, scene_files, args.seeds, args.runs, args.seed,
                              args.jobs or default_jobs(), bar)
        bar.clear()
        for coverage in results.values():
            out += coverage_report(
                coverage, f"{coverage.runs:,} random playthroughs (seed {args.seed})")
            problems += coverage.errors
    if walkthrough_files:
        found, lines = run_walkthroughs(walkthrough_files, _with_shipped(story, args.seeds))
        problems += found
        out += lines
    print("\n".join(out))
    print_diagnostics(problems, sys.stdout)
    errors, warnings = counts(problems)
    print(f"test: {plural(len(story.scenes), 'scene')} in {time.perf_counter() - started:.1f} s: "
          f"{plural(errors, 'error')}, {plural(warnings, 'warning')}", file=sys.stderr)
    return exit_code(problems)


def run(args: argparse.Namespace) -> int:
    """Run the command; an unexpected failure is printed as a diagnostic, never a traceback."""
    from game.authoring.report import run_reporting_crashes

    return run_reporting_crashes("test", _run, args)
