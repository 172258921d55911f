"""Problems print in the same order on every run, whatever Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.authoring.report import in_order
from game.diagnostics import Diagnostics, Location

from .conftest import CLEAN_SCENE, REPO


def _lint(path: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "game", "lint", str(path)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    return done.stdout


def test_lint_output_is_the_same_for_every_hash_seed(tmp_path: Path) -> None:
    scene = tmp_path / "lint_demo.yaml"
    # A choice with neither 'text' nor 'goto': two CN201 at one place, with one code.
    choice = "        text: Ask him to take you higher.\n        goto: meeting\n"
    broken = CLEAN_SCENE.replace(choice, "", 1)
    scene.write_text(broken.replace("  resolve: 0\n", "  resolve: 0\n  trust: 0\n  hope: 1\n"))
    outputs = {_lint(scene, seed) for seed in ("0", "1", "2", "3", "4", "5")}
    assert len(outputs) == 1, outputs
    assert next(iter(outputs)).count("error CN201") == 2


def test_files_come_in_the_order_their_first_problem_was_found() -> None:
    found = Diagnostics()
    # The source index is found first, though its name sorts after the scene's.
    found.add("CN201", Location("seeds/sources.yaml", 9, 5), key="file", context="a source")
    found.add("CN301", Location("scenes/b.yaml", 3, 1), target="x")
    found.add("CN301", Location("scenes/b.yaml", 1, 1), target="y")
    found.add("CN301", Location("scenes/b.yaml", 1, 1), target="y")  # the same one twice
    ordered = in_order(found)
    assert [(d.where.file, d.where.line) for d in ordered] == [
        ("seeds/sources.yaml", 9), ("scenes/b.yaml", 1), ("scenes/b.yaml", 3)]
