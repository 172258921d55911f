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


def _sealed(value: object) -> bytes:
    """An entry as the cache writes one: its CRC-32, then its pickle."""
    import zlib

    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return zlib.crc32(data).to_bytes(4, "big") + data


def test_one_damaged_byte_in_a_passage_is_found_and_the_scene_rebuilt(
        cache_folder: Path) -> None:
    first = load_story(DEMO_SCENES, REPO / "seeds")
    [entry] = _entries(cache_folder)
    data = bytearray(entry.read_bytes())
    at = data.rindex(b"steel_yourself")  # inside a passage's own pickle (they come last)
    data[at] ^= 0x20
    entry.write_bytes(bytes(data))
    again = load_story(DEMO_SCENES, REPO / "seeds")
    assert again.scenes["demo_call"] == first.scenes["demo_call"]
    assert entry.read_bytes() != bytes(data)  # rebuilt over the damage


def test_a_passage_that_would_run_code_is_refused_when_reached(cache_folder: Path) -> None:
    load_story(DEMO_SCENES, REPO / "seeds")
    [entry] = _entries(cache_folder)
    result, ids, groups = pickle.loads(entry.read_bytes()[4:])
    groups[0] = pickle.dumps(_Boom())  # the group that holds the first passage
    entry.write_bytes(_sealed((result, ids, groups)))
    story = load_story(DEMO_SCENES, REPO / "seeds")
    with pytest.raises(pickle.UnpicklingError):
        story.scenes["demo_call"].node(result.scene.start)
    assert not (cache_folder.parent / "ran").exists()


def test_a_cached_scene_reads_each_passage_once_and_pickles_as_plain_data(
        cache_folder: Path) -> None:
    built = load_story(DEMO_SCENES, REPO / "seeds").scenes["demo_call"]
    kept = load_story(DEMO_SCENES, REPO / "seeds").scenes["demo_call"]
    assert list(kept.nodes) == list(built.nodes) and len(kept.nodes) == len(built.nodes)
    start = kept.node(kept.start)
    assert kept.node(kept.start) is start  # read once, then the same passage
    assert "no_such_passage" not in kept.nodes
    with pytest.raises(KeyError):
        kept.node("no_such_passage")
    assert pickle.loads(pickle.dumps(kept.nodes)) == dict(built.nodes)


def test_the_source_library_is_kept_and_read_back_the_same(cache_folder: Path) -> None:
    from game.diagnostics import Diagnostics
    from game.sources.library import load_library

    first = load_library(REPO / "seeds", Diagnostics())
    kept_folder = cache_folder.parent / "sources"
    [entry] = sorted(kept_folder.glob("*.pickle"))
    again = load_library(REPO / "seeds", Diagnostics())
    assert sorted(kept_folder.glob("*.pickle")) == [entry]
    for source in first:
        twin = again[source.id]
        assert (twin.text, twin.voices, twin.title) == (source.text, source.voices, source.title)
    quote = "called him a near perfect spy"
    assert again.prove("hede_massing", quote) == first.prove("hede_massing", quote)


def test_a_changed_voices_file_is_read_again(cache_folder: Path, tmp_path: Path) -> None:
    import shutil

    from game.diagnostics import Diagnostics
    from game.sources.library import load_library

    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    load_library(seeds, Diagnostics())  # kept
    voices = seeds / "voices.yaml"
    voices.write_text(voices.read_text(encoding="utf-8") + "\nnot: [closed\n", encoding="utf-8")
    found = Diagnostics()
    load_library(seeds, found)
    assert found.errors and "voices.yaml" in str(found.errors[0])
    again = Diagnostics()
    load_library(seeds, again)  # the damaged file's report comes back from the cache too
    assert [str(d) for d in again.items] == [str(d) for d in found.items]
