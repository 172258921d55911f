"""Shared pytest fixtures: the repository root and the real source library from seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.sources import SourceLibrary, load_library

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (holds seeds/, scenes/, docs/)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def library(repo_root: Path) -> SourceLibrary:
    """The real seed texts, loaded once per test run."""
    return load_library(repo_root / "seeds")
