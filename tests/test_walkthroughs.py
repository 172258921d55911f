"""Every walkthrough file runs as a test: once straight, once with a save and reload half-way.

Walkthroughs live in tests/walkthroughs/ and beside scenes (`*.walkthrough.yaml`).
A failure prints the walkthrough's file:line:col and an expected/got diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.report import render_all
from game.authoring.walkthrough import find_walkthroughs, read_walkthrough
from game.authoring.walkthrough_run import middle_step, run_walkthrough
from game.engine import Story, load_story

REPO = Path(__file__).resolve().parent.parent
FILES = find_walkthroughs([REPO / "tests" / "walkthroughs", REPO / "scenes",
                           REPO / "tests" / "fixtures" / "scenes"])


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story(REPO / "scenes", REPO / "seeds")


def test_there_are_walkthroughs() -> None:
    assert FILES, "no walkthrough files found"


@pytest.mark.parametrize("mode", ["straight", "save-and-reload"])
@pytest.mark.parametrize("file", FILES, ids=[path.name for path in FILES])
def test_walkthrough(file: Path, mode: str, story: Story, tmp_path: Path) -> None:
    walkthrough, problems = read_walkthrough(file)
    if walkthrough is not None:
        reload_after = middle_step(walkthrough) if mode == "save-and-reload" else None
        problems += run_walkthrough(walkthrough, story, reload_after, tmp_path)
    if problems:
        pytest.fail("\n".join(render_all(problems)), pytrace=False)
