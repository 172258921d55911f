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
