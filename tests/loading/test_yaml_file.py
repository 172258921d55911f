"""CN1xx: the file itself and its YAML. Each bad input gives its code at its line and column."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from game.diagnostics import Diagnostics
from game.loading import YMap, YScalar, load_scene, load_scene_text, read_yaml
from game.loading.yaml_tree import MAX_DEPTH, MAX_SCENE_BYTES
from game.sources import SourceLibrary

from .builders import VALID_SCENE, codes, only, replace


def read(text: bytes | str) -> tuple[YMap | None, Diagnostics]:
    diagnostics = Diagnostics()
    return read_yaml(text, "f.yaml", diagnostics), diagnostics


def test_positions_and_raw_text_are_kept() -> None:
    tree, diagnostics = read("a: +1\nb:\n  - 'x'\n  - {c: -2, d: true}\n")
    assert tree is not None and not diagnostics.items
    a = tree.items["a"]
    assert isinstance(a, YScalar)
    assert (a.raw, a.value, a.plain) == ("+1", 1, True)
    assert (a.where.line, a.where.column) == (1, 4)
    assert (tree.key_where("b").line, tree.key_where("b").column) == (2, 1)
    b = tree.items["b"]
    assert b.kind == "a list"
    quoted = b.items[0]  # type: ignore[attr-defined]
    assert (quoted.raw, quoted.value, quoted.plain, quoted.where.column) == ("x", "x", False, 5)
    inner = b.items[1]  # type: ignore[attr-defined]
    assert (inner.items["c"].raw, inner.items["d"].value) == ("-2", True)
    assert (inner.where.line, inner.where.column) == (4, 5)


def test_yaml_1_2_scalars_keep_no_and_off_as_text() -> None:
    tree, _ = read("a: no\nb: off\nc: 007\nd: 1.5\ne: ~\nf: True\n")
    assert tree is not None
    values = {key: node.value for key, node in tree.items.items()}  # type: ignore[attr-defined]
    assert values == {"a": "no", "b": "off", "c": 7, "d": 1.5, "e": None, "f": True}


def test_cn100_unreadable_file(tmp_path: Path, library: SourceLibrary) -> None:
    result = load_scene(tmp_path / "missing.yaml", library)
    assert result.scene is None
    diagnostic = only(result.diagnostics, "CN100")
    assert diagnostic.where.file.endswith("missing.yaml")
    assert "no such file" in diagnostic.message
    assert codes(load_scene(tmp_path, library).diagnostics) == ["CN100"]  # a directory


@pytest.mark.parametrize("text", ["", "   \n\n", b"", "# only a comment\n"])
def test_cn101_empty_file(text: str | bytes, library: SourceLibrary) -> None:
    result = load_scene_text(text, "f.yaml", library)
    diagnostic = only(result.diagnostics, "CN101")
    assert (diagnostic.where.line, diagnostic.where.column) == (1, 1)
    assert result.scene is None


def test_cn102_file_too_big(tmp_path: Path, library: SourceLibrary) -> None:
    big = b"a: " + b"x" * MAX_SCENE_BYTES + b"\n"
    assert codes(load_scene_text(big, "f.yaml", library).diagnostics) == ["CN102"]
    path = tmp_path / "big.yaml"
    path.write_bytes(big)
    diagnostic = only(load_scene(path, library).diagnostics, "CN102")
    assert str(MAX_SCENE_BYTES) in diagnostic.message


def test_cn103_not_utf8_names_the_byte_offset(library: SourceLibrary) -> None:
    data = b"id: x\ntitle: caf" + b"\xe9\n"  # Latin-1 'é'
    diagnostic = only(load_scene_text(data, "f.yaml", library).diagnostics, "CN103")
    assert "0xe9" in diagnostic.message and f"offset {len(data) - 2}" in diagnostic.message
    assert (diagnostic.where.line, diagnostic.where.column) == (2, 11)


def test_cn103_lone_surrogate_in_text(library: SourceLibrary) -> None:
    assert codes(load_scene_text("a: \ud800", "f.yaml", library).diagnostics) == ["CN103"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: [1, 2\nb: 3\n", 2, 2),  # unclosed flow list
        ("a: 1\n\tb: 2\n", 2, 1),  # a tab for indentation
        ("a: b: c\n", 1, 5),  # an unquoted ': ' inside a value
        ('a: "unterminated\n', 2, 1),
        ("a: \x07\n", 1, 4),  # a control character YAML refuses
    ],
)
def test_cn104_syntax_error_at_libyaml_mark(text: str, line: int, column: int) -> None:
    tree, diagnostics = read(text)
    assert tree is None
    diagnostic = only(diagnostics.items, "CN104")
    assert (diagnostic.where.line, diagnostic.where.column) == (line, column)


def test_cn105_anchor_and_alias_both_reported_at_their_positions() -> None:
    tree, diagnostics = read("a: &x [1, 2]\nb: *x\n")
    found = [(d.code, d.where.line, d.where.column) for d in diagnostics]
    assert found == [("CN105", 1, 4), ("CN105", 2, 4)]
    assert tree is not None  # the rest of the file is still checked


def test_cn105_alias_bomb_is_refused_fast(library: SourceLibrary) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    result = load_scene_text("\n".join(lines) + "\n", "bomb.yaml", library)
    assert time.perf_counter() - start < 1.0
    assert result.scene is None
    assert set(codes(result.diagnostics)) >= {"CN105"}


def test_cn106_nesting_too_deep() -> None:
    tree, diagnostics = read("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert tree is None
    diagnostic = only(diagnostics.items, "CN106")
    # The root mapping is level 1, so the 32nd list (column 4 + 31) is one too many.
    assert (diagnostic.where.line, diagnostic.where.column) == (1, 4 + MAX_DEPTH - 1)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "{a: " * 100_000,
        "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "".join("  " * i + "-\n" for i in range(700)),  # block lists, as deep as 1 MB allows
        "".join("  " * i + "a:\n" for i in range(700)),  # block mappings
    ],
    ids=["flow-lists", "flow-maps", "closed-flow-lists", "block-lists", "block-maps"],
)
def test_100k_deep_nesting_neither_crashes_nor_hangs(text: str, library: SourceLibrary) -> None:
    start = time.perf_counter()
    result = load_scene_text(text, "deep.yaml", library)
    assert time.perf_counter() - start < 2.0
    assert result.scene is None
    assert codes(result.diagnostics) == ["CN106"]


def test_cn107_python_tags_are_refused_and_never_built() -> None:
    text = "a: !!python/object/apply:os.system ['echo hacked']\nb: !custom 1\nc: !!str 5\n"
    tree, diagnostics = read(text)
    found = [(d.code, d.where.line, d.where.column) for d in diagnostics]
    assert found == [("CN107", 1, 4), ("CN107", 2, 4)]
    assert tree is not None
    c = tree.items["c"]
    assert isinstance(c, YScalar) and c.value == "5"  # !!str is standard, and means text


def test_cn108_duplicate_key() -> None:
    _, diagnostics = read("a: 1\nb:\n  c: 1\n  c: 2\n")
    diagnostic = only(diagnostics.items, "CN108")
    assert (diagnostic.where.line, diagnostic.where.column) == (4, 3)
    assert "first at line 3" in diagnostic.message


def test_cn108_duplicate_key_in_a_scene(library: SourceLibrary) -> None:
    text = replace(VALID_SCENE, "    text: You wait.\n", "    text: You wait.\n    text: Again.\n")
    result = load_scene_text(text, "f.yaml", library)
    assert result.scene is None
    assert codes(result.diagnostics) == ["CN108"]


def test_cn109_more_than_one_document() -> None:
    _, diagnostics = read("a: 1\n---\nb: 2\n")
    diagnostic = only(diagnostics.items, "CN109")
    assert (diagnostic.where.line, diagnostic.where.column) == (2, 1)


@pytest.mark.parametrize(
    ("text", "found"),
    [("- a\n- b\n", "a list"), ("just text\n", "text"), ("42\n", "a whole number"),
     ("~\n", "nothing")],
)
def test_cn110_top_is_not_a_mapping(text: str, found: str) -> None:
    tree, diagnostics = read(text)
    assert tree is None
    diagnostic = only(diagnostics.items, "CN110")
    assert found in diagnostic.message
    assert (diagnostic.where.line, diagnostic.where.column) == (1, 1)


def test_cn111_key_that_is_not_text() -> None:
    _, diagnostics = read("? [a, b]\n: 1\nc: 2\n")
    diagnostic = only(diagnostics.items, "CN111")
    assert (diagnostic.where.line, diagnostic.where.column) == (1, 3)
