"""Figures for inputs at the edges, each a median of several runs in a fresh process.

- lint and print 2,500 diagnostics (a scene with 2,500 unused variables);
- a 10,000-node scene: cold load (no cache), warm load (from the built-scene
  cache; then with every passage read, as they are when first reached), and the
  memory each loaded node keeps (traced, every passage read);
- start from a 300,000-step save: read, check and resume it;
- `cover-names test` of the shipped scenes with 1 job and with 2.

Run: python benchmarks/bench_hardening.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_peers import scene_yaml, story_shape  # noqa: E402


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=REPO,
                          capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})})
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def lint_many(folder: Path, runs: int) -> float:
    source = (REPO / "tests" / "fixtures" / "scenes" / "demo_call.yaml").read_text()
    declared = "".join(f"  v{number}: {number}\n" for number in range(2_500))
    scene = folder / "lint" / "demo_call.yaml"
    scene.parent.mkdir()
    scene.write_text(source.replace("vars:\n", "vars:\n" + declared, 1), encoding="utf-8")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "game", "lint", str(scene)], cwd=REPO,
                       capture_output=True, check=False)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


_LOAD = """
    import gc, json, sys, time, tracemalloc
    from pathlib import Path
    from game.engine import load_story
    if sys.argv[2] == "memory":  # traced allocation is slow: never in a timed run
        tracemalloc.start()
    started = time.perf_counter()
    story = load_story(Path(sys.argv[1]), Path("seeds"))
    elapsed = time.perf_counter() - started
    for scene in story.scenes.values():  # every passage read, as a cached scene reads
        for node in scene.nodes.values():  # them when first reached
            pass
    whole = time.perf_counter() - started
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    assert story.scenes, story.diagnostics[:3]
    print(json.dumps({"load": elapsed, "whole": whole, "kept": kept, "peak": peak}))
"""


def big_scene(folder: Path, runs: int, nodes: int = 10_000) -> dict[str, float]:
    scenes = folder / "big"
    scenes.mkdir()
    (scenes / "peers.yaml").write_text(scene_yaml(story_shape(nodes)), encoding="utf-8")
    cache = {"COVER_NAMES_CACHE": str(folder / "cache")}
    off = {**cache, "COVER_NAMES_SCENE_CACHE": "off"}
    cold = [_python(_LOAD, str(scenes), "time", env=off) for _ in range(runs)]
    traced_cold = _python(_LOAD, str(scenes), "memory", env=off)
    _python(_LOAD, str(scenes), "time", env=cache)  # fills the cache
    warm = [_python(_LOAD, str(scenes), "time", env=cache) for _ in range(runs)]
    traced_warm = _python(_LOAD, str(scenes), "memory", env=cache)
    return {"cold": statistics.median(r["load"] for r in cold),
            "warm": statistics.median(r["load"] for r in warm),
            "warm_whole": statistics.median(r["whole"] for r in warm),
            "kept_per_node": traced_warm["kept"] / nodes,
            "peak_per_node": traced_cold["peak"] / nodes}


_SAVE = """
    import json, sys, time
    from pathlib import Path
    import game.saves.slots as slots
    from game.engine import load_story
    from game.saves import list_saves, read_save, write_save
    story = load_story(Path("tests/classroom/fixtures/scenes"), Path("seeds"))
    player = story.new_player("classroom_demo")
    while player.node.id != "asking":
        player.choose(player.options[0].id)
    folder = Path(sys.argv[1])
    path = write_save(player, "autosave-classroom_demo", folder)
    document = json.loads(path.read_text())
    body = document["playthrough"]
    at = "2026-01-01T00:00:00+00:00"
    ask = {"chosen_at": at, "node": "asking", "choice": "wait"}
    back = {"chosen_at": at, "node": "waiting", "choice": "give_up_waiting"}
    body["history"] += [
        {**ask, "variables_before": {"waited": k > 0}} if k % 2 == 0 else
        {**back, "variables_before": {"waited": True}}
        for k in range(300_000)]
    body["variables"] = {"waited": True}
    path.write_text(json.dumps(document))
    slots._last_read.clear()
    started = time.perf_counter()
    [slot] = [s for s in list_saves(folder) if s.slot == "autosave-classroom_demo"]
    loaded = read_save(slot.path, story)
    resumed = story.resume(loaded.playthrough)
    resumed.passage
    elapsed = time.perf_counter() - started
    assert len(resumed.playthrough.history) > 300_000, loaded.problem
    print(json.dumps({"start": elapsed, "bytes": path.stat().st_size}))
"""


def long_save(folder: Path, runs: int) -> dict[str, float]:
    results = []
    for run in range(runs):
        where = folder / f"saves-{run}"
        where.mkdir()
        results.append(_python(_SAVE, str(where)))
    return {"start": statistics.median(r["start"] for r in results),
            "bytes": results[0]["bytes"]}


def test_jobs(runs: int) -> dict[int, float]:
    figures = {}
    for jobs in (1, 2):
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "game", "test", "scenes", "--jobs", str(jobs)],
                           cwd=REPO, capture_output=True, check=False)
            timings.append(time.perf_counter() - started)
        figures[jobs] = statistics.median(timings)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.environ["COVER_NAMES_CACHE"] = str(folder / "cache-lint")
        print(f"lint + print 2,500 diagnostics: {lint_many(folder, args.runs):.2f} s")
        big = big_scene(folder, args.runs)
        print(f"10,000-node scene: cold load {big['cold']:.2f} s, warm {big['warm']:.2f} s "
              f"({big['warm_whole']:.2f} s with every passage read); "
              f"kept {big['kept_per_node'] / 1024:.1f} KB a node (peak while loading "
              f"{big['peak_per_node'] / 1024:.1f} KB)")
        save = long_save(folder, args.runs)
        print(f"start from a 300,000-step save ({save['bytes'] / 1e6:.0f} MB): "
              f"{save['start']:.1f} s")
        jobs = test_jobs(args.runs)
        print(f"cover-names test scenes: 1 job {jobs[1]:.1f} s, 2 jobs {jobs[2]:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
