"""Engine figures, as medians over several runs (this machine is shared and noisy).

- load + validate + build machines for a generated corpus of 1,000 scenes × 10 nodes
  (goal: under 2 s on a 2-core machine);
- one `choose()` on a shipped scene (goal: under 50 µs).

Run: python benchmarks/bench_engine.py [--runs N]
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
from game.engine import Story, load_story  # noqa: E402


def bench_load(runs: int) -> list[float]:
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        generate_corpus(corpus, scenes=1000, nodes_per_scene=10)
        for _ in range(runs):
            start = time.perf_counter()
            story = load_story(corpus, REPO / "seeds")
            timings.append(time.perf_counter() - start)
            assert len(story.scenes) == 1000, story.diagnostics[:3]
    return timings


def bench_choose(story: Story, rounds: int) -> list[float]:
    """Play random-free loops: the first available option at every node, restarting at endings."""
    per_choice = []
    scene_ids = sorted(story.scenes)
    for _ in range(rounds):
        count = 0
        elapsed = 0.0
        for scene_id in scene_ids:
            player = story.new_player(scene_id)
            for _ in range(200):
                if player.is_over:
                    player.restart()
                option = next(o for o in player.options if o.available)
                start = time.perf_counter()
                player.choose(option.id)
                elapsed += time.perf_counter() - start
                count += 1
            player.close()
        per_choice.append(elapsed / count)
    return per_choice


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    loads = bench_load(args.runs)
    print(
        "load+validate+build machines, 1,000 scenes x 10 nodes: "
        f"median {statistics.median(loads):.3f} s "
        f"(min {min(loads):.3f}, max {max(loads):.3f}, {args.runs} runs; goal < 2 s)"
    )
    story = load_story()
    chooses = bench_choose(story, args.runs)
    print(
        f"choose(), shipped scenes: median {statistics.median(chooses) * 1e6:.1f} µs "
        f"(min {min(chooses) * 1e6:.1f}, max {max(chooses) * 1e6:.1f}; goal < 50 µs)"
    )


if __name__ == "__main__":
    main()
