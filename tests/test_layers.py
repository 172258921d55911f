"""The model, loader and engine stand without pygame: presenters depend on them, not back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_model_loader_engine_and_terminal_import_without_pygame() -> None:
    code = (
        "import sys\n"
        "sys.modules['pygame'] = None\n"
        "import game.model, game.sources, game.loading, game.engine, game.saves, game.terminal\n"
        "from game.engine import load_story\n"
        "story = load_story()\n"
        "print(len(story.scenes))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 1


def test_only_the_engine_machine_module_knows_transitions() -> None:
    users = [
        path.relative_to(REPO).as_posix()
        for path in (REPO / "game").rglob("*.py")
        if "import transitions" in path.read_text() or "from transitions" in path.read_text()
    ]
    assert set(users) <= {"game/engine/machine.py", "game/engine/diagram.py"}, users


def test_no_module_imports_another_modules_private_names() -> None:
    """A name starting with '_' is its module's own: using it elsewhere ties two modules'
    insides together (self_check_classroom once imported self_check's _story)."""
    import ast

    found = []
    for path in sorted((REPO / "game").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("game"):
                found += [f"{path.relative_to(REPO)}: {alias.name} from {node.module}"
                          for alias in node.names
                          if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert found == []
