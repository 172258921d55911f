"""The classroom tools stand without pygame; only the projector screen needs the desktop."""

from __future__ import annotations

import subprocess
import sys

from tests.classroom.conftest import REPO


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter (so sys.modules starts empty); it must succeed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_everything_but_the_projector_imports_without_pygame() -> None:
    code = (
        "import sys\n"
        "sys.modules['pygame'] = None\n"
        "import game.classroom.plans, game.classroom.records, game.classroom.session_log\n"
        "import game.classroom.facilitator, game.classroom.facilitator_view\n"
        "import game.classroom.terminal_facilitator, game.classroom.debrief\n"
        "import game.classroom.report, game.classroom.sample\n"
        "import game.classroom.facilitate_command, game.classroom.debrief_command\n"
    )
    run_python(code)


def test_the_command_modules_import_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "import game.classroom.facilitate_command, game.classroom.debrief_command\n"
        "heavy = {'pygame', 'jinja2', 'transitions', 'yaml', 'game.engine'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = run_python(code)
    assert result.stdout.strip() == "[]"


def test_the_report_takes_its_verdict_colours_from_no_presenter() -> None:
    code = (
        "import sys\n"
        "import game.classroom.report\n"
        "print(sorted(name for name in sys.modules if name.startswith('game.desktop')))\n"
    )
    result = run_python(code)
    assert result.stdout.strip() == "[]"  # the colours are game.verdict_colours'
