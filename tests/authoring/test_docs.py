"""The docs keep up with the code: every diagnostic code is documented once, with an example."""

from __future__ import annotations

import re

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
        assert "Example:" in section, section.splitlines()[0]


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
