"""The docs keep up with the code: every diagnostic code is documented once, with an example."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.diagnostics import CODES

from .conftest import REPO

DOC = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")


def test_every_code_is_documented_once_with_an_example() -> None:
    headings = re.findall(r"^### (CN\d{3})\b", DOC, flags=re.MULTILINE)
    missing = sorted(set(CODES) - set(headings))
    assert missing == [], f"document these in docs/diagnostics.md: {missing}"
    twice = sorted({code for code in headings if headings.count(code) > 1})
    assert twice == []
    for section in re.split(r"^### ", DOC, flags=re.MULTILINE)[1:]:
        assert re.search(r"^Example\b.*:", section, re.MULTILINE), section.splitlines()[0]


def test_every_key_the_loader_reads_is_in_the_reference_and_the_authoring_table() -> None:
    from game.loading.citations import CITATION_KEYS
    from game.loading.nodes import CHOICE_KEYS, EPILOGUE_KEYS, NODE_KEYS, RECORD_KEYS
    from game.loading.scene import SCENE_KEYS

    reference = (REPO / "docs" / "scene-format.md").read_text(encoding="utf-8")
    guide = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    table = guide[guide.index("| level | keys |"):]
    table = table[:table.index("\n\n")]
    for level, keys in (("scene", SCENE_KEYS), ("node", NODE_KEYS), ("choice", CHOICE_KEYS),
                        ("record", RECORD_KEYS), ("epilogue", EPILOGUE_KEYS),
                        ("citation", CITATION_KEYS)):
        row = next(line for line in table.splitlines() if line.startswith(f"| {level} |"))
        for key in keys:
            assert f"`{key}`" in row, f"authoring.md's table lacks {level} key '{key}'"
            assert re.search(rf"^\| `{key}`|^\| `[^|]*`{key}`", reference, re.MULTILINE), (
                f"scene-format.md has no row for the {level} key '{key}'")


#: Codes whose example cannot be a change to the example scene: another kind of file or
#: command (sources.yaml, voices.yaml, walkthroughs, test, reload, graph, plans, reference
#: data), two files, bytes a page cannot show, or a linter bug.
NOT_A_SCENE_CHANGE = {"CN100", "CN102", "CN103", "CN304", "CN503", "CN504", "CN506", "CN507",
                      "CN510", "CN511", "CN512", "CN513", "CN514", "CN515",
                      "CN614", "CN620", "CN621", "CN622", "CN623", "CN624", "CN630", "CN631",
                      "CN640", "CN641", "CN642", "CN650", "CN651"}
EXAMPLE = re.compile(r"<!-- example: (replace (\".*?\")|file|as (\S+)) -->\n(?:```yaml\n(.*?)```)?",
                     re.DOTALL)
PRINTS = re.compile(r"What `cover-names lint` prints:\n\n```\n(.*?)```", re.DOTALL)


def _examples() -> dict[str, tuple[str, str, str | None]]:
    """code -> (file name, the file's text, what the page says lint prints)."""
    base = re.search(r"<!-- example: base -->\n```yaml\n(.*?)```", DOC, re.DOTALL)
    assert base is not None, "docs/diagnostics.md has no example scene"
    found = {}
    for section in re.split(r"^### ", DOC, flags=re.MULTILINE)[1:]:
        code = section[:5]
        match = EXAMPLE.search(section)
        if match is None:
            continue
        kind, target, name, body = match.group(1), match.group(2), match.group(3), match.group(4)
        if kind == "file":
            text = body or ""
        elif name:
            text = base.group(1)
        else:
            old = json.loads(target)
            assert old in base.group(1), f"{code}: the example scene has no {old!r}"
            text = base.group(1).replace(old, (body or "").rstrip("\n"), 1)
        printed = PRINTS.search(section)
        found[code] = (name or "lint_demo.yaml", text, printed.group(1) if printed else None)
    return found


def test_the_example_scene_lints_clean(tmp_path: Path) -> None:
    from game.authoring.lint_command import lint_paths

    base = re.search(r"<!-- example: base -->\n```yaml\n(.*?)```", DOC, re.DOTALL)
    assert base is not None
    scene = tmp_path / "lint_demo.yaml"
    scene.write_text(base.group(1), encoding="utf-8")
    assert lint_paths([scene])[0] == []


def test_every_example_produces_its_code_and_prints_what_the_page_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.authoring.lint_command import lint_paths
    from game.authoring.report import render_all

    examples = _examples()
    wanted = {code for code in CODES if code[2] in "123456"} - NOT_A_SCENE_CHANGE
    assert sorted(wanted - set(examples)) == [], "these codes need a YAML example"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scenes").mkdir()
    for code, (name, text, printed) in examples.items():
        scene = Path("scenes") / name
        scene.write_text(text, encoding="utf-8")
        found = lint_paths([scene], REPO / "seeds")[0]
        shown = "\n".join(render_all([d for d in found if d.code == code]))
        scene.unlink()
        assert code in {d.code for d in found}, (code, [str(d) for d in found])
        if printed is not None:
            assert shown + "\n" == printed, f"{code}: lint prints\n{shown}"
