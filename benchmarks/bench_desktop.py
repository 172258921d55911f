"""Desktop window figures, as medians: start-up, frame time, idle CPU, memory while playing.

Goals (issue 4): start to first interactive frame ≤ 0.5 s; steady frame time
at 1920×1080 with a full passage p99 ≤ 4 ms; CPU used by an idle window over
10 s ≤ 1 % of a core; resident memory while playing ≤ 150 MB. Issue 13 adds
the place card's frame (p99 ≤ 4 ms) and idle CPU with the room tone playing
(≤ 1 %). The scene map's frame at 1920×1080 with projector text: p99 ≤ 4 ms.
Issue 11 adds the frame of a record with "What if I had…" open (p99 ≤ 4 ms).

Each figure is measured in a fresh Python process on the shipped story, with
saves and settings in a temporary folder. The window uses SDL's dummy video
driver unless DISPLAY is set and --x11 is given (then it is a real X window,
e.g. under Xvfb), so the numbers can be taken on CI and on a desktop.

Run: python benchmarks/bench_desktop.py [--runs N] [--idle-seconds S] [--x11]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, os, resource, sys, threading, time
start = time.perf_counter()
sys.path.insert(0, {repo!r})
import pygame
from game.desktop.start import build_app

def rss_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

# Median and p99 of {frames} frames drawn after 20 to warm up; each(index) runs before
# every frame (a key now and then, as a student would).
def frame_figures(app, each=None, **more):
    for _ in range(20):
        app.render()
    timings = []
    for index in range({frames}):
        if each is not None:
            each(index)
        app.dirty = True
        began = time.perf_counter()
        app.render()
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    print(json.dumps({{"median_ms": timings[len(timings) // 2],
                      "p99_ms": timings[int(len(timings) * 0.99) - 1], **more}}), flush=True)

# The window's own loop for {idle} s with nothing happening: CPU as % of a core.
def idle_cpu(app):
    threading.Timer({idle}, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))).start()
    before = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    app.run()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({{"cpu_percent": 100 * cpu / (time.perf_counter() - wall)}}), flush=True)

mode = {mode!r}
if mode == "startup":
    app = build_app(size=(1366, 768))
    app.render()
    print(json.dumps({{"seconds": time.perf_counter() - start}}), flush=True)
elif mode == "passage":
    from game.engine import load_story
    scene_id = load_story().ordered[0].id
    app = build_app(size=(1366, 768), scene_id=scene_id)
    app.render()
    print(json.dumps({{"seconds": time.perf_counter() - start}}), flush=True)
elif mode == "frames":
    from game.desktop.screens.play import PlayScreen
    app = build_app(size=(1920, 1080))
    story = app.story
    scene, node = max(((s, n) for s in story.scenes.values() for n in s.nodes.values()),
                      key=lambda pair: len(pair[1].text))
    player = story.new_player(scene.id)
    player.playthrough.node = node.id
    app.open_play(player)
    app.settings.reduce_motion = True
    frame_figures(app, passage_chars=len(node.text))
elif mode == "map":
    from dataclasses import replace
    from game.desktop.screens.scene_map import SceneMapScreen
    app = build_app(size=(1920, 1080))
    app.apply_settings(replace(app.settings, text_size="projector", reduce_motion=True))
    story = app.story
    scene = max(story.scenes.values(), key=lambda s: len(s.nodes))
    player = story.new_player(scene.id)
    player.playthrough.node = next(n.id for n in scene.nodes.values() if n.ending is not None)
    app.open_play(player)
    app.push(SceneMapScreen(app, player))
    keys = [pygame.K_DOWN, pygame.K_RIGHT, pygame.K_UP, pygame.K_LEFT]

    def move_focus(index):
        if index % 10 == 0:  # move the focus now and then, as a student would
            app.top.on_key(pygame.event.Event(pygame.KEYDOWN, key=keys[index // 10 % 4]))

    frame_figures(app, move_focus, nodes=len(scene.nodes))
elif mode == "idle":
    app = build_app(size=(1366, 768))
    app.render()
    idle_cpu(app)
elif mode == "card_frames":
    from game.desktop.screens.place_card import PlaceCardScreen
    app = build_app(size=(1920, 1080))
    scene = app.story.ordered[0]
    player = app.story.new_player(scene.id)
    app.open_play(player)
    app.push(PlaceCardScreen(app, scene, player.passage))
    frame_figures(app)
elif mode == "what_if_frames":
    from game.desktop.screens.play import PlayScreen
    app = build_app(size=(1920, 1080))
    app.settings.reduce_motion = True
    play = PlayScreen(app, app.story.new_player(app.story.ordered[0].id))
    app.replace(play)
    while play.pending is None:  # on to the first record that has other options to open
        options = [o for o in play.player.options if o.available]
        play.choose(options[-1].id)
        if play.pending is not None and len(play.player.records_at(play.pending.node_id)) < 2:
            play.proceed()
    play.toggle_what_if()
    frame_figures(app)
elif mode == "idle_sound":
    from game.desktop.pilot import Pilot
    from game.engine import load_story
    app = build_app(size=(1366, 768), scene_id=load_story().ordered[0].id)
    pilot = Pilot(app)
    app.turn()  # the place card
    pilot.press("enter")
    app.turn()  # the passage: its room tone starts
    if not app.sound.playing:
        raise SystemExit("idle_sound: no room tone is playing")
    idle_cpu(app)
elif mode == "memory":
    from game.desktop.pilot import Pilot
    from game.engine import load_story
    app = build_app(size=(1920, 1080), scene_id=load_story().ordered[0].id)
    pilot = Pilot(app)
    if app.top.name != "play":
        raise SystemExit(f"memory: expected to be playing, but the screen is {{app.top.name!r}}")
    for _ in range(12):
        if app.top.name != "play" or app.top.player.is_over:
            break
        options = [o for o in app.top.player.options if o.available]
        pilot.press(str(options[0].number))
        pilot.press("enter")
        pilot.press("h", "esc", "d", "esc", "t", "esc")
    print(json.dumps({{"rss_mb": rss_mb()}}), flush=True)
"""


def run_child(mode: str, x11: bool, frames: int = 600, idle: float = 10.0) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            COVER_NAMES_HOME=home,
            SDL_AUDIODRIVER="dummy",
            PYGAME_HIDE_SUPPORT_PROMPT="1",
        )
        env["SDL_VIDEODRIVER"] = "x11" if x11 else "dummy"
        code = _CHILD.format(repo=str(REPO), mode=mode, frames=frames, idle=idle)
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            timeout=idle + 120,
        )
        if done.returncode:
            raise SystemExit(f"the {mode} measurement failed:\n{done.stderr[-2000:]}")
        figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
        figures["wall_seconds"] = time.perf_counter() - began
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--x11", action="store_true", help="a real X window (needs DISPLAY)")
    args = parser.parse_args()
    driver = "x11" if args.x11 else "dummy"
    print(f"desktop benchmarks, SDL video driver '{driver}', {args.runs} runs each, medians")

    startup = [run_child("startup", args.x11) for _ in range(args.runs)]
    inside = statistics.median(run["seconds"] for run in startup)
    launch = statistics.median(run["wall_seconds"] for run in startup)
    print(
        f"  start to first interactive frame: {inside:.3f} s in the process "
        f"({launch:.3f} s from launching Python)   goal <= 0.5 s"
    )

    passage = [run_child("passage", args.x11) for _ in range(args.runs)]
    print(
        f"  start to a scene's first passage (cover-names play SCENE): "
        f"{statistics.median(run['seconds'] for run in passage):.3f} s in the process"
    )

    frames = [run_child("frames", args.x11) for _ in range(args.runs)]
    print(
        f"  frame at 1920x1080, longest passage ({int(frames[0]['passage_chars'])} chars): "
        f"median {statistics.median(r['median_ms'] for r in frames):.2f} ms, "
        f"p99 {statistics.median(r['p99_ms'] for r in frames):.2f} ms   goal p99 <= 4 ms"
    )

    cards = [run_child("card_frames", args.x11) for _ in range(args.runs)]
    print(
        f"  frame at 1920x1080, the place card with its map: "
        f"median {statistics.median(r['median_ms'] for r in cards):.2f} ms, "
        f"p99 {statistics.median(r['p99_ms'] for r in cards):.2f} ms   goal p99 <= 4 ms"
    )

    maps = [run_child("map", args.x11) for _ in range(args.runs)]
    print(
        f"  scene map at 1920x1080, projector text ({int(maps[0]['nodes'])} passages): "
        f"median {statistics.median(r['median_ms'] for r in maps):.2f} ms, "
        f"p99 {statistics.median(r['p99_ms'] for r in maps):.2f} ms   goal p99 <= 4 ms"
    )

    what_if = [run_child("what_if_frames", args.x11) for _ in range(args.runs)]
    print(
        f"  frame at 1920x1080, a record with 'What if I had…' open: "
        f"median {statistics.median(r['median_ms'] for r in what_if):.2f} ms, "
        f"p99 {statistics.median(r['p99_ms'] for r in what_if):.2f} ms   goal p99 <= 4 ms"
    )

    idle_runs = max(1, min(args.runs, 3))
    sounding = [run_child("idle_sound", args.x11, idle=args.idle_seconds)
                for _ in range(idle_runs)]
    print(
        f"  idle window CPU over {args.idle_seconds:g} s in a scene, its room tone playing: "
        f"{statistics.median(r['cpu_percent'] for r in sounding):.2f} % of a core   goal <= 1 %"
    )
    idle = [run_child("idle", args.x11, idle=args.idle_seconds) for _ in range(idle_runs)]
    print(
        f"  idle window CPU over {args.idle_seconds:g} s: "
        f"{statistics.median(r['cpu_percent'] for r in idle):.2f} % of a core   goal <= 1 %"
    )

    memory = [run_child("memory", args.x11) for _ in range(max(1, min(args.runs, 3)))]
    rss = statistics.median(r["rss_mb"] for r in memory)
    print(f"  resident memory while playing: {rss:.0f} MB   goal <= 150 MB")


if __name__ == "__main__":
    main()
