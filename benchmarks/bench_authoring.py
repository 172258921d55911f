"""Authoring figures, as medians: lint of a 10,000-node corpus, and 10,000 random playthroughs.

- lint: `cover-names lint` on a generated corpus (benchmarks/corpus.py) of
  1,000 scenes x 10 nodes, loading included (goal: 2 s), and the lint checks
  alone on the loaded scenes;
- random playthroughs of the shipped scenes through the real engine:
  10,000 in all, shared between the scenes (goal: 5 s on this 2-core
  machine), and 10,000 per scene as `cover-names test` runs by default.

Run: python benchmarks/bench_authoring.py [--runs N] [--scenes N] [--nodes N] [--jobs N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.corpus import generate_corpus  # noqa: E402
from game.authoring.lint import lint_scene  # noqa: E402
from game.authoring.lint_command import lint_paths  # noqa: E402
from game.authoring.playtest_pool import random_many  # noqa: E402
from game.engine import load_story  # noqa: E402
from game.loading import find_scene_files, load_scenes  # noqa: E402
from game.sources import load_library  # noqa: E402


def median_of(runs: int, work: Callable[[], object]) -> tuple[float, float, float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), min(timings), max(timings)


def show(label: str, figures: tuple[float, float, float], goal: str = "") -> None:
    median, low, high = figures
    print(f"  {label:<66} median {median:6.3f} s   (min {low:.3f}, max {high:.3f})"
          + (f"   goal {goal}" if goal else ""))


def bench_lint(corpus: Path, runs: int) -> None:
    def lint_all() -> None:
        diagnostics, files = lint_paths([corpus])
        assert files and not any(d.is_error for d in diagnostics), diagnostics[:3]

    show("lint (load + every check), as `cover-names lint`", median_of(runs, lint_all), "2 s")
    library = load_library(REPO / "seeds")
    scenes = list(load_scenes([corpus], library).scenes.values())
    gc.freeze()  # as lint_paths does: the loaded scenes are never collected
    show("the lint checks alone, on the loaded scenes",
         median_of(runs, lambda: [lint_scene(scene, library) for scene in scenes]))


def bench_playthroughs(runs: int, jobs: int) -> None:
    scene_files = find_scene_files([REPO / "scenes"])
    story = load_story(scene_files, REPO / "seeds")
    count = len(story.scenes)
    share = -(-10_000 // count)
    show(f"10,000 random playthroughs in all ({count} scenes x {share:,}), {jobs} jobs",
         median_of(runs, lambda: random_many(story, scene_files, None, share, 1, jobs)), "5 s")
    show(f"10,000 random playthroughs per scene ({count * 10_000:,}), {jobs} jobs",
         median_of(max(runs // 2, 1),
                   lambda: random_many(story, scene_files, None, 10_000, 1, jobs)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenes", type=int, default=1000)
    parser.add_argument("--nodes", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        generate_corpus(corpus, scenes=args.scenes, nodes_per_scene=args.nodes)
        print(f"lint: {args.scenes} scenes x {args.nodes} nodes "
              f"= {args.scenes * args.nodes:,} nodes, {args.runs} runs")
        bench_lint(corpus, args.runs)
    print(f"random playthroughs of the shipped scenes, {args.runs} runs")
    bench_playthroughs(args.runs, args.jobs)


if __name__ == "__main__":
    main()
