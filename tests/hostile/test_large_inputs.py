"""Inputs under the size cap that once took minutes: each must now finish, and be right.

The timeouts here are hang guards far above today's figures (benchmarks/README.md
has those), set where the quadratic code took minutes: 246 s for 20,000
variables, 68 s for a 180 KB wrong quote, 3.2 s to print 2,486 diagnostics.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.hostile.conftest import DEMO_SCENES, REPO


def _lint(path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "lint", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout)


def test_20000_unused_variables_are_each_reported_at_their_own_line(tmp_path: Path) -> None:
    source = (DEMO_SCENES / "demo_call.yaml").read_text(encoding="utf-8")
    declared = "".join(f"  v{number}: {number}\n" for number in range(20_000))
    path = tmp_path / "demo_call.yaml"
    path.write_text(source.replace("vars:\n", "vars:\n" + declared, 1), encoding="utf-8")
    first = source[:source.index("vars:\n")].count("\n") + 2  # the line of v0
    done = _lint(path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "20000 warnings" in done.stderr
    for number in (0, 7_777, 19_999):
        assert (f"{path}:{first + number}:3: warning CN605: the variable 'v{number}' "
                "is declared but never read") in done.stdout


def test_a_180_kb_wrong_quote_gets_its_closest_passage(tmp_path: Path) -> None:
    source = (DEMO_SCENES / "demo_call.yaml").read_text(encoding="utf-8")
    old = "Hede and Paul Massing appeared to have no chance now of getting an exit visa."
    wrong = "Hede and Paul Massing appeared to have no hope now of getting exit visas. " * 2_500
    assert old in source and len(wrong) > 180_000
    path = tmp_path / "demo_call.yaml"
    path.write_text(source.replace(f'"{old}"', json.dumps(wrong), 1), encoding="utf-8")
    done = _lint(path, timeout=60)
    assert "CN502" in done.stdout
    hint = done.stdout[done.stdout.index("closest passage in 'bazarov'"):]
    assert "Hede and Paul Massing appea" in hint.splitlines()[0]
