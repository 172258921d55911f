"""The debrief's time for 1,000 student records, as a median over several runs.

Goal (issue 6): reading 1,000 record files, counting them against the shipped
scenes, and writing the HTML report and the CSV takes at most 2 s. The
records are made once, by real playthroughs of the shipped scenes
(`game.classroom.sample`), plus one projected session's log; the story is
loaded once, as `cover-names debrief` loads it once per run.

Run: python benchmarks/bench_debrief.py [--records N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.classroom.debrief import gather
from game.classroom.report import render_csv, render_html
from game.classroom.sample import write_class
from game.engine import load_story
from game.saves import atomic_write_text

GOAL_SECONDS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    story = load_story()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "class"
        made = time.perf_counter()
        write_class(story, folder, count=args.records, seed=1)
        print(f"made {args.records} records in {time.perf_counter() - made:.1f} s")
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            debrief = gather([folder], story)
            atomic_write_text(Path(temp) / "report.html", render_html(debrief))
            atomic_write_text(Path(temp) / "report.csv", render_csv(debrief))
            times.append(time.perf_counter() - start)
        assert len(debrief.students) == args.records, len(debrief.students)
        size = (Path(temp) / "report.html").stat().st_size
    median = statistics.median(times)
    verdict = "within" if median <= GOAL_SECONDS else "OVER"
    print(f"debrief of {args.records} records: median {median:.3f} s over {args.runs} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}); report {size / 1024:.0f} KB; "
          f"{verdict} the goal of {GOAL_SECONDS:.0f} s")
    return 0 if median <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
