"""Loader figures, as medians: load + validate a generated corpus of 1,000 scenes × 10 nodes.

The loader's share of the engine's 2 s budget (load + validate + build the
machines) is meant to stay well under 1.5 s on this 2-core machine.
Each run uses a fresh source library, so quote proofs are not carried over
between runs.

Run: python benchmarks/bench_loading.py [--runs N] [--scenes N] [--nodes N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.corpus import generate_corpus  # noqa: E402
from game.loading import load_scenes  # noqa: E402
from game.sources import load_library  # noqa: E402


def bench(corpus: Path, runs: int, expected: int) -> list[float]:
    timings: list[float] = []
    for _ in range(runs):
        library = load_library(REPO / "seeds")  # fresh: no proofs cached from the last run
        start = time.perf_counter()
        loaded = load_scenes([corpus], library)
        timings.append(time.perf_counter() - start)
        assert len(loaded.scenes) == expected, [str(d) for d in loaded.diagnostics[:3]]
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scenes", type=int, default=1000)
    parser.add_argument("--nodes", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        generate_corpus(corpus, scenes=args.scenes, nodes_per_scene=args.nodes)
        size = sum(path.stat().st_size for path in corpus.iterdir())
        timings = bench(corpus, args.runs, args.scenes)
    print(f"load + validate {args.scenes} scenes x {args.nodes} nodes "
          f"({size / 1e6:.1f} MB), {args.runs} runs")
    print(f"  median {statistics.median(timings):.3f} s   "
          f"min {min(timings):.3f} s   max {max(timings):.3f} s   (goal: well under 1.5 s)")


if __name__ == "__main__":
    main()
