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


def steps() -> list[tuple[str, str, str]]:
    return [(kind, options.strip(), body) for kind, options, body
            in STEP.findall(DOC.read_text(encoding="utf-8"))]


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
    for kind, options, body in steps():
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
    assert (root / "cover-names.schema.json").is_file()
