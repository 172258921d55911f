"""seeds/sources.yaml is read like every author file: a broken one is a positioned diagnostic."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.diagnostics import Diagnostics
from game.loading import load_scenes
from game.sources import load_library

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the shipped seeds, to break."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _edit(seeds: Path, old: str, new: str, count: int = 1) -> None:
    index = seeds / "sources.yaml"
    text = index.read_text(encoding="utf-8")
    assert old in text
    index.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(seeds: Path) -> list[str]:
    diagnostics = Diagnostics()
    load_library(seeds, diagnostics)
    return [str(d).splitlines()[0] for d in diagnostics]


def _line_of(seeds: Path, text: str) -> int:
    lines = (seeds / "sources.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_the_shipped_index_reads_cleanly_and_seeds_are_untouched(seeds: Path) -> None:
    diagnostics = Diagnostics()
    library = load_library(SEEDS, diagnostics)
    assert list(diagnostics) == []
    assert set(library.ids) == {"bazarov", "massing", "shpiegelglass"}
    for name in ("boris_bazarov.txt", "hede_massing.txt", "mikhail_shpiegelglass.txt"):
        assert (SEEDS / name).read_bytes() == (seeds / name).read_bytes()


def test_a_missing_file_key_is_reported_at_its_source_entry(seeds: Path) -> None:
    line = _line_of(seeds, "- id: bazarov")
    _edit(seeds, "    file: boris_bazarov.txt\n", "")
    problems = _problems(seeds)
    assert problems == [f"{seeds / 'sources.yaml'}:{line}:5: error CN201: 'file' is required "
                        "in the source 'bazarov'"]


def test_a_list_at_the_top_is_reported_and_scenes_say_why_their_sources_are_missing(
    seeds: Path,
) -> None:
    (seeds / "sources.yaml").write_text("- id: bazarov\n", encoding="utf-8")
    diagnostics = Diagnostics()
    library = load_library(seeds, diagnostics)
    assert [d.code for d in diagnostics] == ["CN110"]
    loaded = load_scenes([REPO / "tests" / "fixtures" / "scenes"], library)
    unknown = [d for d in loaded.diagnostics if d.code == "CN501"]
    assert unknown and "fix the problem reported at" in unknown[0].hint
    assert "sources.yaml:1:1" in unknown[0].hint


def test_a_seed_that_is_not_utf8_is_reported_at_its_file_line(seeds: Path) -> None:
    data = b"caf\xe9 in Latin-1\n"
    (seeds / "latin.txt").write_bytes(data)
    _edit(seeds, "file: hede_massing.txt", "file: latin.txt")
    _edit(seeds, "sha256: af74670723087090ddf1039415211fb8f935d2321390d22ffb1146c138d2694f",
          f"sha256: {hashlib.sha256(data).hexdigest()}")
    line = _line_of(seeds, "file: latin.txt")
    problems = _problems(seeds)
    assert problems == [f"{seeds / 'sources.yaml'}:{line}:11: error CN103: the file is not "
                        "UTF-8 text (bad byte 0xe9 at offset 3)"]


def test_a_duplicate_source_id_is_refused_with_the_first_line(seeds: Path) -> None:
    first = _line_of(seeds, "- id: bazarov")
    _edit(seeds, "  - id: massing", "  - id: bazarov")
    (seeds / "voices.yaml").unlink()  # it marks voices in 'massing', no longer a source here
    diagnostics = Diagnostics()
    library = load_library(seeds, diagnostics)
    assert [(d.code, d.message) for d in diagnostics] == [
        ("CN506", f"the source id 'bazarov' is already used (first at line {first})")]
    assert library["bazarov"].title == "Boris Bazarov"


def test_a_changed_seed_and_a_slip_it_lacks_are_both_said(seeds: Path) -> None:
    text = (seeds / "hede_massing.txt").read_bytes()
    (seeds / "hede_massing.txt").write_bytes(text.replace(b"Massing later said to had left",
                                                          b"Massing later said she had left"))
    codes = [problem.split(": ")[1].split()[1] for problem in _problems(seeds)]
    # The changed words also begin a stretch voices.yaml marks: its anchor is lost too.
    assert codes == ["CN504", "CN507", "CN510"]


def test_unsafe_yaml_in_the_index_is_refused_not_run(seeds: Path) -> None:
    (seeds / "sources.yaml").write_text("sources: !!python/object/apply:os.system ['echo hi']\n",
                                        encoding="utf-8")
    assert any("CN107" in problem for problem in _problems(seeds))


def test_play_with_a_broken_index_says_so_plainly(seeds: Path, tmp_path: Path) -> None:
    _edit(seeds, "    file: boris_bazarov.txt\n", "")
    root = tmp_path / "root"
    root.mkdir()
    (root / "scenes").symlink_to(REPO / "scenes")
    (root / "seeds").symlink_to(seeds)
    env = {**os.environ, "COVER_NAMES_ROOT": str(root), "COVER_NAMES_HOME": str(tmp_path / "h")}
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "game", "play", "exit_visa", "--terminal"],
                            input="", capture_output=True, text=True, env=env, timeout=60)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert "The source texts could not all be read" in result.stdout
    assert "'file' is required in the source 'bazarov'" in result.stdout
    assert result.stderr.count("\n") < 30  # not one line per broken quote (160 of them)


def test_every_known_slip_stands_in_its_seed_as_written() -> None:
    diagnostics = Diagnostics()
    library = load_library(SEEDS, diagnostics)
    assert not [d for d in diagnostics if d.code == "CN507"]
    slips = dict(library["massing"].known_slips)
    assert "occurred in Venona as an unidentified in a context" in slips
