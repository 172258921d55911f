"""Frozen-build figures, as medians: the bundle's size unpacked, and its start to the first frame.

Goals (issue 7): the unpacked bundle at most 60 MB; from launching the frozen
program to its first interactive frame at most 0.5 s.

"First interactive frame" is the moment the desktop window, its first frame
shown, first asks for the player's input. The frozen launcher reports that
moment when COVER_NAMES_FIRST_FRAME=exit is set (see build/launcher.py); we
time from starting the process to reading that line, with SDL's dummy
drivers and a throwaway user folder. The first run after a build is reported
apart (cold file cache); the median is over the runs after it.

Run: python benchmarks/bench_build.py [--runs N] [--build] [--onefile]
  --build    build first (python build/build.py); otherwise the existing dist/ is measured
  --onefile  measure the one-file variant too (built into dist/onefile/ if missing)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SIZE_GOAL_MB = 60.0
START_GOAL_S = 0.5
FIRST_FRAME_VARIABLE = "COVER_NAMES_FIRST_FRAME"  # keep in step with build/launcher.py
FIRST_FRAME_MARKER = "cover-names: first interactive frame"
TIMEOUT_S = 60.0


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cover_names_build", REPO / "build" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def time_to_first_frame(program: Path, home: Path) -> float:
    """Seconds from starting the program to its first-interactive-frame line."""
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        COVER_NAMES_HOME=str(home),
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    env[FIRST_FRAME_VARIABLE] = "exit"
    env.pop("COVER_NAMES_ROOT", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(program)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    seen: list[str] = []
    for line in process.stdout:
        if line.strip() == FIRST_FRAME_MARKER:
            elapsed = time.perf_counter() - started
            process.communicate(timeout=TIMEOUT_S)
            return elapsed
        seen.append(line)
        if time.perf_counter() - started > TIMEOUT_S:
            break
    process.kill()
    _out, err = process.communicate()
    raise RuntimeError(
        f"{program} never reached its first interactive frame:\n{''.join(seen)}{err}"
    )


def measure_start(program: Path, runs: int) -> tuple[float, list[float]]:
    """(the first, cold-cache run; the runs after it)."""
    with tempfile.TemporaryDirectory(prefix="cover-names-bench-") as folder:
        home = Path(folder)
        cold = time_to_first_frame(program, home)
        return cold, [time_to_first_frame(program, home) for _ in range(runs)]


def report(label: str, size_bytes: int, cold: float, warm: list[float]) -> bool:
    size_mb = size_bytes / 1e6
    median = statistics.median(warm)
    size_ok, start_ok = size_mb <= SIZE_GOAL_MB, median <= START_GOAL_S
    print(f"{label}")
    print(
        f"  size unpacked          {size_mb:6.1f} MB   (goal <= {SIZE_GOAL_MB:.0f} MB)  "
        f"{'ok' if size_ok else 'OVER'}"
    )
    print(
        f"  start to first frame   {median:6.3f} s    (goal <= {START_GOAL_S} s)  "
        f"{'ok' if start_ok else 'OVER'}   median of {len(warm)}, "
        f"min {min(warm):.3f} s, max {max(warm):.3f} s, first run {cold:.3f} s"
    )
    return size_ok and start_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--build", action="store_true", help="build the onedir bundle first")
    parser.add_argument("--onefile", action="store_true", help="also measure the one-file build")
    args = parser.parse_args()

    build = _build_script()
    variants = [False, True] if args.onefile else [False]
    all_ok = True
    for onefile in variants:
        built = build.bundle(onefile)
        if (args.build and not onefile) or not built.program.exists():
            flags = ["--onefile"] if onefile else ["--no-archive"]
            subprocess.run([sys.executable, str(REPO / "build" / "build.py"), *flags], check=True)
        cold, warm = measure_start(built.program, args.runs)
        label = f"{'onefile' if onefile else 'onedir'} bundle: {built.folder.relative_to(REPO)}"
        all_ok = report(label, build.folder_size(built.folder), cold, warm) and all_ok
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
