"""The built-scene cache: used when it fits, ignored and rebuilt when it does not, never code."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from game.engine import load_story
from game.loading import cache
from tests.hostile.conftest import DEMO_SCENES, REPO


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COVER_NAMES_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "scenes"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def test_a_scene_is_kept_once_and_read_back_the_same(cache_folder: Path) -> None:
    first = load_story(DEMO_SCENES, REPO / "seeds")
    [entry] = _entries(cache_folder)
    again = load_story(DEMO_SCENES, REPO / "seeds")
    assert again.scenes["demo_call"] == first.scenes["demo_call"]
    assert _entries(cache_folder) == [entry]
    player = again.new_player("demo_call")
    player.choose("steel_yourself")
    assert player.variables["resolve"] == 2  # conditions and effects work from the cache


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage",
                                    pickle.dumps({"scene": None})])
def test_a_damaged_entry_is_ignored_and_rebuilt(damage: bytes, cache_folder: Path) -> None:
    load_story(DEMO_SCENES, REPO / "seeds")
    [entry] = _entries(cache_folder)
    entry.write_bytes(damage)
    story = load_story(DEMO_SCENES, REPO / "seeds")
    assert "demo_call" in story.scenes and not story.diagnostics
    assert entry.read_bytes() != damage  # rebuilt over the damage


class _Boom:
    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, ("touch " + str(Path(os.environ["COVER_NAMES_CACHE"]) / "ran"),))


def test_an_entry_that_would_run_code_is_refused(cache_folder: Path) -> None:
    load_story(DEMO_SCENES, REPO / "seeds")
    [entry] = _entries(cache_folder)
    entry.write_bytes(pickle.dumps(_Boom()))
    story = load_story(DEMO_SCENES, REPO / "seeds")
    assert "demo_call" in story.scenes
    assert not (cache_folder.parent / "ran").exists()


def test_a_changed_scene_never_meets_its_old_entry(cache_folder: Path, tmp_path: Path) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    text = (DEMO_SCENES / "demo_call.yaml").read_text(encoding="utf-8")
    (folder / "demo_call.yaml").write_text(text, encoding="utf-8")
    load_story(folder, REPO / "seeds")
    (folder / "demo_call.yaml").write_text(text.replace("title: The Telephone Call (demo)",
                                                        "title: Changed"), encoding="utf-8")
    assert load_story(folder, REPO / "seeds").scenes["demo_call"].title == "Changed"
    assert len(_entries(cache_folder)) == 2


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COVER_NAMES_CACHE", str(blocker))
    assert "demo_call" in load_story(DEMO_SCENES, REPO / "seeds").scenes


def test_the_cache_can_be_turned_off(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COVER_NAMES_SCENE_CACHE", "off")
    load_story(DEMO_SCENES, REPO / "seeds")
    assert _entries(cache_folder) == [] and not cache.enabled()


def test_a_new_playthrough_binds_nothing_per_passage() -> None:
    """new_player() is constant in the scene's size: nothing is bound onto the playthrough
    per trigger or per state (each bind once built a log record: 60 ms at 1,000 nodes)."""
    story = load_story(DEMO_SCENES, REPO / "seeds")
    player = story.new_player("demo_call")
    assert not [name for name in vars(player.playthrough) if "__" in name or
                name.startswith(("is_node_", "may_"))]


def test_a_changed_file_beside_the_seeds_is_a_new_key(cache_folder: Path, tmp_path: Path) -> None:
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    load_story(DEMO_SCENES, seeds)
    with (seeds / "sources.yaml").open("a", encoding="utf-8") as stream:
        stream.write("\n# a comment changes no source, but the file is not the same\n")
    load_story(DEMO_SCENES, seeds)
    assert len(_entries(cache_folder)) == 2
