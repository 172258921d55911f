"""`cover-names lint` for the story's frame (`reference/frame.yaml`).

The frame is not a scene, so the scene loader never reads it; lint checks it
whenever it checks the game's own scenes folder (`lint`, `lint scenes`), and
when it is named (`lint reference/frame.yaml`, `lint reference`): its quotes
proven against the seeds, and every scene it names one of the game's.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from game import paths as game_paths
from game.diagnostics import Diagnostic
from game.reference.frame_loader import FRAME_FILE, load_frame
from game.sources import SourceLibrary


def is_frame_path(path: Path) -> bool:
    """The frame file, or the reference folder holding it (which holds no scenes)."""
    if path.name == FRAME_FILE and path.parent.name == "reference":
        return True
    return path.name == "reference" and path.is_dir()


def frame_file(path: Path) -> Path:
    return path / FRAME_FILE if path.is_dir() else path


def is_shipped_scenes(path: Path) -> bool:
    """Whether `path` is the game's own scenes folder, whose frame lint checks with it."""
    try:
        return path.is_dir() and path.resolve() == game_paths.scenes_dir().resolve()
    except OSError:
        return False


def lint_frame(path: Path, library: SourceLibrary, scene_ids: Collection[str]) -> list[Diagnostic]:
    """Every problem in the frame file at `path` (none when there is no such file)."""
    return list(load_frame(path, library, scene_ids).diagnostics)
