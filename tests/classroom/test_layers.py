"""The classroom domain stands alone: no pygame, no web framework, no presenter's modules.

The projector window (game.desktop.projector), the terminal facilitator
(game.terminal.facilitator) and the server's pages (game.web) present the
domain; the domain never imports them back.
"""

from __future__ import annotations

import subprocess
import sys

from tests.classroom.conftest import REPO

#: Presenters and frameworks the domain must never load, directly or through another module.
FORBIDDEN = ("pygame", "starlette", "uvicorn", "game.desktop", "game.terminal", "game.web",
             "game.commands")


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter (so sys.modules starts empty); it must succeed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_every_classroom_module_imports_without_pygame_or_any_presenter() -> None:
    modules = sorted(f"game.classroom.{path.stem}"
                     for path in (REPO / "game" / "classroom").glob("*.py")
                     if path.stem != "__init__")
    assert len(modules) >= 10, modules  # the glob found the package
    code = (
        "import importlib, sys\n"
        "sys.modules['pygame'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(n for n, m in sys.modules.items() if m is not None\n"
        f"             and any(n == f or n.startswith(f + '.') for f in {FORBIDDEN!r})))\n"
    )
    result = run_python(code)
    assert result.stdout.strip() == "[]"


def test_no_classroom_source_names_a_presenter() -> None:
    """Lazy imports (inside functions, or a module name handed to importlib) count too."""
    import ast

    def forbidden(name: str) -> bool:
        return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)

    found = []
    for path in sorted((REPO / "game" / "classroom").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [node.value] if isinstance(node, ast.Constant)
                     and isinstance(node.value, str) else [])
            found += [f"{path.relative_to(REPO)}:{node.lineno}: {name}"
                      for name in names if forbidden(name)]
    assert found == []


def test_the_terminal_facilitator_imports_without_pygame() -> None:
    run_python("import sys\nsys.modules['pygame'] = None\nimport game.terminal.facilitator\n")


def test_the_command_modules_import_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "import game.commands.facilitate, game.classroom.debrief_command\n"
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
