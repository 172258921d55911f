"""The desktop's dossier data is read only through the safe reader; a bad file is a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pygame")

from game.desktop.reference_data import load_reference_data
from game.engine import Story, load_story

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story()


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A game root whose reference/ is a copy to break."""
    shutil.copytree(REPO / "reference", tmp_path / "reference")
    monkeypatch.setenv("COVER_NAMES_ROOT", str(tmp_path))
    return tmp_path


def test_the_shipped_reference_data_loads_without_a_problem(story: Story, root: Path) -> None:
    reference = load_reference_data(story)
    assert reference.problem == ""
    assert reference.entries and reference.events


def test_a_python_tag_is_refused_never_run_and_the_rest_still_shows(
    story: Story, root: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    (root / "reference" / "people.yaml").write_text(
        f"format: 1\npeople: !!python/object/apply:os.system ['touch {marker}']\n")
    reference = load_reference_data(story)
    assert not marker.exists()
    assert "CN107" in reference.problem and "people.yaml" in reference.problem
    assert reference.events  # the timeline still loads


def test_broken_yaml_is_a_message_with_its_place(story: Story, root: Path) -> None:
    (root / "reference" / "timeline.yaml").write_text("format: 1\nevents: [\n")
    reference = load_reference_data(story)
    assert "timeline.yaml:" in reference.problem and "CN104" in reference.problem
    assert reference.entries  # people and organisations still load
