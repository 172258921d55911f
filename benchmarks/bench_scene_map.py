"""The scene map's layout and its pages, as medians: the shipped scenes and a 1,000-passage one.

One layout (game/scenemap/layout.py) serves `cover-names graph --html/--svg`
and the desktop's map screen, so it must be quick for the shipped scenes
(goal: under 10 ms each, it runs when a student opens the map) and
reasonable at 1,000 passages (goal: under 1 s). The 1,000-passage scene is
generated here: a chain of decisions, each with a way on and a way back three
passages up (so loops too), small enough for the loader's size limit.

Run: python benchmarks/bench_scene_map.py [--runs N] [--nodes N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from game.engine import load_story  # noqa: E402
from game.loading import load_scene_text  # noqa: E402
from game.scenemap import lay_out  # noqa: E402
from game.scenemap.svg import render_html  # noqa: E402


def median_ms(work: object, runs: int) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        work()  # type: ignore[operator]
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--nodes", type=int, default=1000)
    args = parser.parse_args()
    print(f"scene map benchmarks, {args.runs} runs each, medians")
    story = load_story()
    for scene in story.ordered:
        layout = median_ms(lambda scene=scene: lay_out(scene), args.runs)
        page = median_ms(lambda scene=scene: render_html(lay_out(scene)), args.runs)
        print(f"  {scene.id} ({len(scene.nodes)} passages): layout {layout:.2f} ms, "
              f"HTML page {page:.2f} ms   goal layout < 10 ms")
    big = load_scene_text(big_scene(args.nodes), "big.yaml", story.library).scene
    assert big is not None
    layout = median_ms(lambda: lay_out(big), max(1, args.runs // 2))
    page = median_ms(lambda: render_html(lay_out(big)), max(1, args.runs // 2))
    print(f"  generated scene ({len(big.nodes)} passages): layout {layout:.0f} ms, "
          f"HTML page {page:.0f} ms   goal layout < 1,000 ms")


def big_scene(count: int) -> str:
    lines = ["id: big", "title: Big", "place: Moscow", "date: '1938'", "role: Hede Massing",
             "summary: A generated scene.", "start: n0", "nodes:"]
    record = "record: {verdict: unrecorded, note: Invented., cite: []}"
    for index in range(count - 1):
        lines += [f"  n{index}:", f"    text: Passage {index}.", "    choices:",
                  f"      - {{id: on, text: On., goto: n{index + 1}, {record}}}",
                  f"      - {{id: back, text: Back., goto: n{max(index - 3, 0)}, {record}}}"]
    lines += [f"  n{count - 1}:", "    text: The end.", "    ending: historical"]
    return "\n".join(lines) + "\n"

if __name__ == "__main__":
    main()
