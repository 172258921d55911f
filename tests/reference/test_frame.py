"""The story's frame (reference/frame.yaml) loads with every quote proven, and a broken one is
reported where it is broken, the rest of the frame still loading.

The shipped file ties the three shipped scenes: an opening before the first, a bridge after
each but the last, a closing after the last that says what became of each person, with
both accounts where the sources disagree.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from game.authoring.lint_command import lint_paths
from game.engine import load_story
from game.reference.frame import Frame
from game.reference.frame_loader import load_frame
from game.sources import SourceLibrary

REPO = Path(__file__).resolve().parents[2]
FRAME = REPO / "reference" / "frame.yaml"
SCENE_IDS = frozenset({"recruiting_duggan", "moscow_interrogation", "exit_visa"})


@pytest.fixture(scope="module")
def frame(library: SourceLibrary) -> Frame:
    return load_frame(FRAME, library, SCENE_IDS)


def test_the_shipped_frame_loads_with_every_quote_proven(frame: Frame) -> None:
    assert not frame.diagnostics, "\n".join(str(d) for d in frame.diagnostics)
    for page in frame.pages:
        for citation in page.citations:
            assert citation.voice is not None, citation.quote  # credited by its voice
            assert citation.end > citation.start


def test_it_ties_the_scenes_in_historical_order(frame: Frame) -> None:
    # The scenes the frame names, in the story's order: a scene added to scenes/ that the
    # frame does not name yet must not fail this test (the project's tests hold for any set
    # of valid scenes).
    assert frame.opening is not None and frame.closing is not None
    named = {frame.opening.next, frame.closing.after}
    named |= {page.after for page in frame.bridges} | {page.next for page in frame.bridges}
    ordered = [scene.id for scene in load_story().ordered if scene.id in named]
    assert len(ordered) == len(named - {""}), "the frame names a scene the story lacks"
    assert frame.opening.next == ordered[0]
    for before, after in itertools.pairwise(ordered):
        bridge = frame.after(before)
        assert bridge is not None and bridge.kind == "bridge" and bridge.next == after
    closing = frame.after(ordered[-1])
    assert closing is not None and closing.kind == "closing"


def test_the_closing_says_what_became_of_each_person_with_both_accounts(frame: Frame) -> None:
    assert frame.closing is not None
    names = " ".join(fate.name for fate in frame.closing.fates)
    for person in ("Hede Massing", "Paul Massing", "Bazarov", "Duggan", "Field", "Zarubin",
                   "Shpiegelglass", "Hiss"):
        assert person in names
    massing = next(fate for fate in frame.closing.fates if fate.name == "Hede Massing")
    accounts = [c.account for c in massing.citations if c.account]
    assert len(accounts) == 2, "the 1938 departure and the work until 1945 are both shown"
    assert "1938" in massing.text and "Germany was defeated" in massing.text


def test_invented_paragraphs_are_the_uncited_ones(frame: Frame) -> None:
    dramatised = [part for page in frame.pages for part in page.parts if part.dramatised]
    assert dramatised, "the frame is Massing looking back: some of it is dramatisation"
    assert all(not part.citations for part in dramatised)


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FRAME.read_text(encoding="utf-8")
    assert old in text
    folder = tmp_path / "reference"
    folder.mkdir()
    path = folder / "frame.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_misquote_is_reported_at_its_line_and_only_its_page_is_left_out(
    tmp_path: Path, library: SourceLibrary
) -> None:
    path = _broken(tmp_path, 'It was really true. We could leave!"}', 'It was all true."}')
    frame = load_frame(path, library, SCENE_IDS)
    [problem] = frame.diagnostics
    line = next(number for number, text in enumerate(path.read_text().splitlines(), 1)
                if "It was all true." in text)
    assert (problem.code, problem.where.line) == ("CN502", line)
    assert problem.where.column > 1
    assert frame.closing is None  # the page with the bad quote
    assert frame.opening is not None and len(frame.bridges) == 2  # the rest still loads


def test_an_unknown_scene_and_an_uncited_fate_are_reported(
    tmp_path: Path, library: SourceLibrary
) -> None:
    path = _broken(tmp_path, "next: exit_visa", "next: exit_vsa")
    text = path.read_text(encoding="utf-8").replace(
        "      cite:\n        - {source: massing, quote: \"She testified at the second trial "
        "of Alger Hiss.\"}\n", "", 1)
    path.write_text(text, encoding="utf-8")
    codes = {(d.code, d.where.line) for d in load_frame(path, library, SCENE_IDS).diagnostics}
    assert ("CN702", next(n for n, t in enumerate(text.splitlines(), 1) if "exit_vsa" in t)) \
        in codes
    assert "CN201" in {code for code, _ in codes}  # a fate with no quote is an error


def test_lint_checks_the_frame_with_the_game_scenes_and_when_named(tmp_path: Path) -> None:
    found, files = lint_paths([REPO / "scenes"])
    assert found == [] and files >= 4  # three scenes and the frame
    path = _broken(tmp_path, "next: exit_visa", "next: exit_vsa")
    found, files = lint_paths([path])
    assert [(d.code, Path(d.where.file).name) for d in found] == [("CN702", "frame.yaml")]
    assert files == 1


def test_unreadable_frames_are_diagnostics_never_exceptions(
    tmp_path: Path, library: SourceLibrary
) -> None:
    assert load_frame(tmp_path / "none.yaml", library) == Frame()  # no file: no frame
    for text, code in (("opening: [\n", "CN104"), ("format: 9\nopening: {}\n", "CN730"),
                       (b"\xff\xfe", "CN103"), ("- a list\n", "CN110")):
        path = tmp_path / "frame.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        frame = load_frame(path, library)
        assert code in {d.code for d in frame.diagnostics}, (text, frame.diagnostics)
        assert frame.pages == ()
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert load_frame(folder, library).diagnostics[0].code == "CN100"
