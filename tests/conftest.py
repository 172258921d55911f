"""Shared pytest fixtures: the repository root and the real source library from seeds/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.sources import SourceLibrary, load_library

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _scene_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Built scenes are kept in a folder of this test run, never the user's own cache (and
    every subprocess a test starts inherits it)."""
    before = os.environ.get("COVER_NAMES_CACHE")
    os.environ["COVER_NAMES_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("COVER_NAMES_CACHE", None)
    else:
        os.environ["COVER_NAMES_CACHE"] = before


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (holds seeds/, scenes/, docs/)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def library(repo_root: Path) -> SourceLibrary:
    """The real seed texts, loaded once per test run."""
    return load_library(repo_root / "seeds")
