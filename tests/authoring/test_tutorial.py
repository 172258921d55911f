"""docs/authoring.md's tutorial, replayed: every file it has you write, every command it runs.

Blocks are marked in the page with HTML comments an author never sees:
`<!-- tutorial: file PATH -->` before a ```yaml block writes that file;
`<!-- tutorial: run exit=N [input=1,1] -->` before a ```sh block runs each
line (`cover-names …` as `python -m game …`) and expects exit status N.
The game's data folders are a scratch copy (COVER_NAMES_ROOT), so the
tutorial's scene never lands in the real scenes/.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

DOC = REPO / "docs" / "authoring.md"
STEP = re.compile(r"<!-- tutorial: (file|run)([^>]*)-->\n```\w*\n(.*?)```", re.DOTALL)
#: The next fenced block after a step: its language (empty for a plain one) and body.
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)


def steps() -> list[tuple[str, str, str]]:
    return [(kind, options.strip(), body) for kind, options, body
            in STEP.findall(DOC.read_text(encoding="utf-8"))]


def samples() -> list[str | None]:
    """For each step, the sample output the page shows after it (None when it shows none)."""
    text = DOC.read_text(encoding="utf-8")
    found: list[str | None] = []
    for match in STEP.finditer(text):
        after = FENCE.search(text, match.end())
        marker = text.find("<!-- tutorial:", match.end())
        plain = (after is not None and not after.group(1)
                 and (marker < 0 or after.start() < marker))
        found.append(after.group(2) if plain and after and match.group(1) == "run" else None)
    return found


def _comparable(text: str) -> list[str]:
    """Lines as compared: no blank lines, no trailing spaces, timings and typed input left out
    (the terminal echoes what the author types; a pipe does not)."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"\d+\.\d s\b", "N s", line.rstrip())
        line = re.sub(r"^> \S.*$", ">", line)
        if line.strip():
            lines.append(line.rstrip())
    return lines


def matches_sample(sample: str, output: str) -> bool:
    """Whether `output` is what `sample` shows: its parts between '…' lines appear in order,
    each line for line, and the sample starts and ends where the output does unless '…'."""
    want, got = _comparable(sample), _comparable(output)
    chunks: list[list[str]] = [[]]
    for line in want:
        if line == "…":
            chunks.append([])
        else:
            chunks[-1].append(line)
    at = 0
    for index, chunk in enumerate(chunks):
        if not chunk:
            continue
        if index == 0:
            if got[:len(chunk)] != chunk:
                return False
            at = len(chunk)
            continue
        for start in range(at, len(got) - len(chunk) + 1):
            if got[start:start + len(chunk)] == chunk:
                at = start + len(chunk)
                break
        else:
            return False
    return bool(chunks[-1]) is False or at == len(got)


def test_the_tutorial_has_files_and_commands() -> None:
    kinds = [kind for kind, _options, _body in steps()]
    assert kinds.count("file") >= 3 and kinds.count("run") >= 6


def test_the_tutorial_works_from_an_empty_scenes_folder(tmp_path: Path) -> None:
    root = tmp_path / "game"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "scenes").mkdir()
    (root / "tests" / "walkthroughs").mkdir(parents=True)
    env = {**os.environ, "COVER_NAMES_ROOT": str(root), "COVER_NAMES_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(REPO)}
    env["COLUMNS"] = "80"  # the width the page's samples are printed at
    env.pop("DISPLAY", None)
    for (kind, options, body), sample in zip(steps(), samples(), strict=True):
        if kind == "file":
            (root / options).write_text(body, encoding="utf-8")
            continue
        expected = int(re.search(r"exit=(\d+)", options).group(1))  # type: ignore[union-attr]
        given = re.search(r"input=(\S+)", options)
        feed = "\n".join(given.group(1).split(",")) + "\n" if given else ""
        for line in body.strip().splitlines():
            words = shlex.split(line)
            assert words[0] == "cover-names", line
            done = subprocess.run([sys.executable, "-m", "game", *words[1:]], cwd=root, env=env,
                                  input=feed, capture_output=True, text=True, timeout=120)
            assert done.returncode == expected, f"{line}\n{done.stdout}\n{done.stderr}"
            assert "Traceback" not in done.stderr, done.stderr
            if sample is not None:
                assert matches_sample(sample, done.stdout + done.stderr), (
                    f"the page shows for '{line}':\n{sample}\nbut it prints:\n"
                    f"{done.stdout}{done.stderr}")
    assert (root / "cover-names.schema.json").is_file()


def test_a_sample_must_show_what_is_printed_from_its_first_line() -> None:
    printed = "── The Telephone Call ──\nMoscow · 1938\n> \n  THE RECORD\nlint: in 0.1 s\n"
    assert matches_sample("── The Telephone Call ──\nMoscow · 1938\n> 1\n…\n", printed)
    assert matches_sample("…\n  THE RECORD\nlint: in 0.3 s\n", printed)
    assert not matches_sample("Moscow · 1938\n…\n", printed)  # the card left out
    assert not matches_sample("── The Telephone Call ──\n…\n  THE RECORDS\n", printed)
    assert sum(sample is not None for sample in samples()) >= 7
