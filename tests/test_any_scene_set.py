"""The project's tests hold for any set of valid scenes: adding one must not break them.

An author's new scene goes into scenes/ and nowhere else. This test makes a
copy of the project, adds a generated scene that loads without an error, and
runs the README's test command in the copy. Tests of the shipped scenes name
the scenes they test; every other test uses fixtures, so the copy's suite
passes, and the only thing said about the new scene is lint's warning that no
plan lists it (CN709).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NESTED = "COVER_NAMES_SUITE_IN_A_COPY"

#: Sentences of seeds/boris_bazarov.txt, proven as quotes by the loader.
QUOTES = (
    "Hede and Paul Massing appeared to have no chance now of getting an exit visa.",
    "Soon afterwards they met Noel Field who was also visiting the country.",
    "He said that he did not have the authority to do that.",
    "A few days later he arranged a meeting with Nikolai Yezhov, the head of the NKVD.",
)

#: What is not the project: never copied.
_SKIP = shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache",
                               ".mypy_cache", ".ruff_cache", "dist", "work")


def generated_scene(scene_id: str, decisions: int) -> str:
    """A valid scene of `decisions` decisions in a row: at each, the historical option goes
    straight on and an invented one plays out in a passage of its own before rejoining; the
    historical option stands first and second in turn."""
    lines = [
        "format: 1", f"id: {scene_id}", f"title: Generated scene {scene_id}", "order: 50",
        "place: Moscow", 'date: "1938"', "role: Hede Massing",
        "summary: A scene written by a test, to prove that adding one breaks nothing.",
        "start: decision_0", "vars:", "  nerve: 0", "nodes:",
    ]
    for index in range(decisions):
        after = f"decision_{index + 1}" if index + 1 < decisions else "the_end"
        quote = QUOTES[index % len(QUOTES)]
        lines += [
            f"  decision_{index}:",
            f"    text: The {index + 1}th morning without papers.",
            f"    discuss: What did the {index + 1}th choice cost her?",
            "    choices:",
        ]
        go_on = [
            "      - id: go_on",
            "        text: Go on as before.",
            f"        goto: {after}",
            "        record:",
            "          verdict: historical",
            "          note: This is what the article says.",
            f'          cite: [{{source: bazarov, quote: "{quote}"}}]',
        ]
        dare = [
            "      - id: dare",
            "        text: Dare something else.",
            '        if: "nerve < 9"',
            f"        goto: dared_{index}",
            "        set: {nerve: +1}",
            "        record:",
            "          verdict: unrecorded",
            "          note: The sources are silent here. This is invented.",
            "          cite: []",
        ]
        # The historical option first and second in turn, as a scene should vary it (CN652).
        lines += go_on + dare if index % 2 == 0 else dare + go_on
        lines += [
            f"  dared_{index}:",
            "    text: You dare, and nothing comes of it.",
            f"    next: {after}",
        ]
    lines += [
        "  the_end:",
        "    text: The papers come.",
        "    ending: historical",
        "    epilogue:",
        "      text: The Massings left the Soviet Union.",
        f'      cite: [{{source: bazarov, quote: "{QUOTES[0]}"}}]',
    ]
    return "\n".join(lines) + "\n"


def readme_test_command() -> tuple[dict[str, str], list[str]]:
    """The README's test command: its environment variables and pytest's arguments."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"&& ((?:\w+=\S+ )*)\.venv/bin/pytest([^\n`]*)", readme)
    assert match, "README.md no longer says how to run the tests"
    env = dict(pair.split("=", 1) for pair in match.group(1).split())
    return env, match.group(2).split()


def test_the_generated_scene_loads_clean(tmp_path: Path) -> None:
    from game.engine import load_story

    (tmp_path / "zz_generated.yaml").write_text(generated_scene("zz_generated", 5))
    story = load_story(tmp_path, REPO / "seeds")
    assert [str(d) for d in story.diagnostics] == []
    player = story.new_player("zz_generated")
    for _ in range(5):
        player.choose("dare")
        player.choose(player.options[0].id)
    assert player.node.id == "the_end" and player.is_over


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already inside the copy's run")
def test_a_new_scene_in_a_copy_of_the_project_keeps_every_test_green(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(REPO, copy, ignore=_SKIP, symlinks=True)
    (copy / "scenes" / "zz_generated.yaml").write_text(generated_scene("zz_generated", 5))

    linted = subprocess.run([sys.executable, "-m", "game", "lint", "scenes", "plans"],
                            cwd=copy, capture_output=True, text=True, timeout=300)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert "warning CN709: the scene 'zz_generated' is in no session plan" in linted.stdout

    env_vars, args = readme_test_command()
    env = {**os.environ, **env_vars, NESTED: "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    # The README installs the copy into its own .venv; this interpreter already has every
    # dependency, and pytest's `pythonpath = ["."]` puts the copy's own game/ first.
    run = subprocess.run([sys.executable, "-m", "pytest", *args, "-q", "-p", "no:cacheprovider",
                          "-x"], cwd=copy, env=env, capture_output=True, text=True, timeout=900)
    tail = "\n".join(run.stdout.splitlines()[-40:])
    assert run.returncode == 0, tail
    assert re.search(r"\d+ passed", tail) and "failed" not in tail
