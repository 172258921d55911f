"""Cover Names' engine beside two ink runtimes, on one story written in both formats.

The story: 1,000 passages (`--nodes`), each with two options: one always
open that adds to a number and moves on, one behind a condition on that
number that sets a flag and jumps ahead; the last passage is the ending. It
is written as a scene (records included, as every scene has them) and as ink
source with the same passages, options, conditions and effects.

Figures, each a median of several runs: one choice (ours: `Player.choose`;
ink: `ChooseChoiceIndex` then `ContinueMaximally`), loading the story (ours:
read + validate + build the machine, cold and from the built-scene cache,
which reads a passage when it is first reached, so also the load followed by
reading every passage; ink: load the compiled JSON, which holds every
passage), 10,000 random playthroughs, a new playthrough,
and the peak resident memory of a process that has loaded the story.

The peers are optional and never needed by the test suite:

- inkjs: `npm install inkjs@2.4.0` in a folder, then `--inkjs FOLDER/node_modules/inkjs`
  (needs `node`; its compiler also turns the ink source into JSON for bink);
- bink (Blade Ink, in Rust, through its Python binding): `pip install bink==0.7.1`
  into any Python 3 environment, then `--bink-python THAT/bin/python`.

Without them it prints our figures alone. Run: python benchmarks/bench_peers.py
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_PASSAGE = ("The interrogation is over, and you and Paul have been taken into the social and "
            "family life of the NKVD. Peter listens, then spreads his hands.")


def story_shape(nodes: int) -> list[dict[str, object]]:
    """The story both formats are written from: one entry per passage."""
    shape: list[dict[str, object]] = []
    for k in range(nodes):
        if k == nodes - 1:
            shape.append({"id": f"n{k}", "text": f"{_PASSAGE} The end ({k}).", "ending": True})
            continue
        shape.append({
            "id": f"n{k}",
            "text": f"{_PASSAGE} Passage {k}.",
            "a": {"text": "Ask Peter to take you to someone who has the authority.",
                  "goto": f"n{k + 1}"},
            "b": {"text": "Say nothing more. Wait, and hope the papers come.",
                  "if": k % 3, "goto": f"n{min(k + 25, nodes - 1)}"},
        })
    return shape


def scene_yaml(shape: list[dict[str, object]]) -> str:
    out = ["format: 1\nid: peers\ntitle: Peers\norder: 1\nplace: Moscow\ndate: early 1938\n"
           "role: Hede Massing\nsummary: The same story as the ink version.\nlength_minutes: 20\n"
           "content_notes: []\nstart: n0\nvars:\n  trust: 0\n  waited: false\nnodes:\n"]
    for node in shape:
        out.append(f"  {node['id']}:\n    text: {json.dumps(node['text'])}\n")
        if node.get("ending"):
            out.append("    ending: historical\n")
            continue
        a, b = node["a"], node["b"]
        assert isinstance(a, dict) and isinstance(b, dict)
        out.append(
            "    choices:\n"
            f"      - id: ask\n        text: {json.dumps(a['text'])}\n        goto: {a['goto']}\n"
            "        set: {trust: +1}\n"
            "        record: {verdict: unrecorded, note: Invented for the benchmark., cite: []}\n"
            f"      - id: wait\n        text: {json.dumps(b['text'])}\n"
            f"        if: \"trust >= {b['if']}\"\n        goto: {b['goto']}\n"
            "        set: {waited: true}\n"
            "        record: {verdict: unrecorded, note: Invented for the benchmark., cite: []}\n")
    return "".join(out)


def ink_source(shape: list[dict[str, object]]) -> str:
    out = ["VAR trust = 0\nVAR waited = false\n-> n0\n"]
    for node in shape:
        out.append(f"=== {node['id']} ===\n{node['text']}\n")
        if node.get("ending"):
            out.append("-> END\n")
            continue
        a, b = node["a"], node["b"]
        assert isinstance(a, dict) and isinstance(b, dict)
        out.append(f"+ [{a['text']}]\n    ~ trust = trust + 1\n    -> {a['goto']}\n")
        out.append(f"+ {{trust >= {b['if']}}} [{b['text']}]\n    ~ waited = true\n"
                   f"    -> {b['goto']}\n")
    return "".join(out)


# -- ours ---------------------------------------------------------------------------------

_OURS = textwrap.dedent("""
    import gc, json, random, resource, statistics, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from game.engine import load_story
    folder, runs, playthroughs = Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    import os
    if sys.argv[5] != "1":
        os.environ["COVER_NAMES_SCENE_CACHE"] = "off"
    loads, wholes = [], []
    story = None
    for _ in range(runs):
        story = None  # the last story is freed before the clock starts, not inside a load
        started = time.perf_counter()
        story = load_story(folder, Path(sys.argv[1]) / "seeds")
        loads.append(time.perf_counter() - started)
        for node in story.scenes["peers"].nodes.values():  # every passage, as ink holds them
            pass
        wholes.append(time.perf_counter() - started)
    assert not [d for d in story.diagnostics if d.is_error], story.diagnostics[:3]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    news = []
    for _ in range(200):
        started = time.perf_counter()
        player = story.new_player("peers")
        news.append(time.perf_counter() - started)
        player.close()
    rng = random.Random(7)
    chooses = []
    started_all = time.perf_counter()
    choices = 0
    player = story.new_player("peers")
    for _ in range(playthroughs):
        player.restart()
        while not player.is_over:
            options = [o.id for o in player.options if o.available]
            pick = options[rng.randrange(len(options))]
            t = time.perf_counter()
            player.choose(pick)
            chooses.append(time.perf_counter() - t)
            choices += 1
    total = time.perf_counter() - started_all
    print(json.dumps({"load": statistics.median(loads), "whole": statistics.median(wholes),
                      "rss": rss,
                      "new_player": statistics.median(news),
                      "choose": statistics.median(chooses) if chooses else 0.0,
                      "playthroughs": total, "choices": choices}))
""")


def run_ours(folder: Path, runs: int, playthroughs: int, cache: bool) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _OURS, str(REPO), str(folder), str(runs),
                           str(playthroughs), "1" if cache else "0"],
                          capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- inkjs --------------------------------------------------------------------------------

_INKJS = textwrap.dedent("""
    const fs = require("fs");
    const { Story } = require(process.argv[2]);
    const json = fs.readFileSync(process.argv[3], "utf-8").replace(/^\\uFEFF/, "");
    const runs = Number(process.argv[4]), playthroughs = Number(process.argv[5]);
    const median = (xs) => { xs.sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)]; };
    const now = () => Number(process.hrtime.bigint()) / 1e9;
    const loads = [];
    let story;
    for (let i = 0; i < runs; i++) {
      const t = now(); story = new Story(json); story.ContinueMaximally(); loads.push(now() - t);
    }
    const rss = process.resourceUsage().maxRSS * 1024;
    let seed = 7;  // mulberry32: a seeded generator (Math.random cannot be seeded)
    const rnd = (n) => {
      seed = (seed + 0x6D2B79F5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
    };
    const chooses = [];
    let choices = 0;
    const t0 = now();
    for (let p = 0; p < playthroughs; p++) {
      story.ResetState(); story.ContinueMaximally();
      while (story.currentChoices.length > 0) {
        const pick = rnd(story.currentChoices.length);
        const t = now(); story.ChooseChoiceIndex(pick); story.ContinueMaximally();
        chooses.push(now() - t); choices++;
      }
    }
    const total = now() - t0;
    console.log(JSON.stringify({load: median(loads), rss, choose: median(chooses),
                                playthroughs: total, choices}));
""")


def compile_ink(inkjs: Path, source: Path) -> Path:
    target = source.with_suffix(".json")
    subprocess.run(["node", str(inkjs / "bin" / "inkjs-compiler.js"), str(source), "-o",
                    str(target)], check=True, capture_output=True, text=True)
    return target


def run_inkjs(inkjs: Path, compiled: Path, runs: int, playthroughs: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as script:
        script.write(_INKJS)
    try:
        done = subprocess.run(["node", script.name, str(inkjs), str(compiled), str(runs),
                               str(playthroughs)], capture_output=True, text=True, check=True)
    finally:
        os.unlink(script.name)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- bink ---------------------------------------------------------------------------------

_BINK = textwrap.dedent("""
    import json, random, resource, statistics, sys, time
    from bink.story import Story
    text = open(sys.argv[1], encoding="utf-8-sig").read()
    runs, playthroughs = int(sys.argv[2]), int(sys.argv[3])
    loads = []
    story = None
    for _ in range(runs):
        story = None  # the last story is freed before the clock starts, as for ours
        t = time.perf_counter(); story = Story(text); story.continue_maximally()
        loads.append(time.perf_counter() - t)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rng = random.Random(7)
    chooses, choices = [], 0
    t0 = time.perf_counter()
    for _ in range(playthroughs):
        story.reset_state(); story.continue_maximally()
        while True:
            count = len(story.get_current_choices())
            if not count:
                break
            t = time.perf_counter()
            story.choose_choice_index(rng.randrange(count)); story.continue_maximally()
            chooses.append(time.perf_counter() - t); choices += 1
    total = time.perf_counter() - t0
    print(json.dumps({"load": statistics.median(loads), "rss": rss,
                      "choose": statistics.median(chooses), "playthroughs": total,
                      "choices": choices}))
""")


def run_bink(python: Path, compiled: Path, runs: int, playthroughs: int) -> dict[str, float]:
    done = subprocess.run([str(python), "-c", _BINK, str(compiled), str(runs),
                           str(playthroughs)], capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- the table ----------------------------------------------------------------------------

def _figure(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key in ("choose", "new_player"):
        return f"{value * 1e6:.1f} µs"
    if key == "rss":
        return f"{value / 1e6:.0f} MB"
    if key == "playthroughs":
        return f"{value:.1f} s"
    return f"{value * 1e3:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="loads to take the median of")
    parser.add_argument("--playthroughs", type=int, default=10_000)
    parser.add_argument("--inkjs", type=Path, help="the inkjs package folder (node_modules/inkjs)")
    parser.add_argument("--bink-python", type=Path, help="a Python that can import bink")
    args = parser.parse_args()
    shape = story_shape(args.nodes)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        scenes = folder / "scenes"
        scenes.mkdir()
        (scenes / "peers.yaml").write_text(scene_yaml(shape), encoding="utf-8")
        ink = folder / "peers.ink"
        ink.write_text(ink_source(shape), encoding="utf-8")
        cache = folder / "cache"
        os.environ["COVER_NAMES_CACHE"] = str(cache)  # a cold cache for this run alone
        columns: dict[str, dict[str, float]] = {}
        columns["ours, cold"] = run_ours(scenes, args.runs, args.playthroughs, cache=False)
        run_ours(scenes, 1, 0, cache=True)  # fills the cache
        columns["ours, warm"] = run_ours(scenes, args.runs, args.playthroughs, cache=True)
        compiled = None
        if args.inkjs is not None:
            compiled = compile_ink(args.inkjs, ink)
            columns["inkjs"] = run_inkjs(args.inkjs, compiled, args.runs, args.playthroughs)
        if args.bink_python is not None:
            if compiled is None:
                print("bink needs the story compiled to JSON: give --inkjs too", file=sys.stderr)
            else:
                columns["bink"] = run_bink(args.bink_python, compiled, args.runs,
                                           args.playthroughs)
    print(f"{args.nodes:,}-node story, {args.playthroughs:,} random playthroughs; medians")
    names = list(columns)
    rows = [("choose", "one choice"), ("load", "load the story"),
            ("whole", "load, then read every passage"),
            ("playthroughs", f"{args.playthroughs:,} random playthroughs"),
            ("new_player", "a new playthrough"), ("rss", "peak RSS, story loaded")]
    print("| figure | " + " | ".join(names) + " | ours (warm) ÷ each peer |")
    print("|---|" + "---|" * (len(names) + 1))
    ours = columns["ours, warm"]
    for key, label in rows:
        cells = [_figure(key, columns[name].get(key)) for name in names]
        theirs = "load" if key == "whole" else key  # an ink runtime reads everything at load
        ratios = [f"{name} {ours[key] / columns[name][theirs]:.2f}" for name in names
                  if not name.startswith("ours") and columns[name].get(theirs)]
        print(f"| {label} | " + " | ".join(cells) + " | " + (", ".join(ratios) or "—") + " |")
    for name in names:
        choices = columns[name].get("choices")
        if choices:
            print(f"{name}: {int(choices):,} choices in the playthroughs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
