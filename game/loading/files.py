"""Loading scene files: one text, one path, or many paths with cross-scene checks.

The entry points every front end uses (the game, its live reload, `lint`,
the tests). None of them raises for a bad file: each returns the scenes that
loaded cleanly and every diagnostic found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from game.diagnostics import Diagnostic, Diagnostics, Location
from game.loading.scene import build_scene
from game.loading.yaml_tree import MAX_BYTES, read_yaml
from game.model import Scene
from game.sources.library import SourceLibrary

SCENE_SUFFIX = ".yaml"


@dataclass(frozen=True)
class LoadResult:
    """One file's scene (None when it has errors) and its diagnostics, warnings included."""

    scene: Scene | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.scene is not None


@dataclass(frozen=True)
class LoadedScenes:
    """The error-free scenes by id, and the diagnostics of every file read."""

    scenes: dict[str, Scene]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def load_scene_text(data: bytes | str, filename: str, library: SourceLibrary) -> LoadResult:
    """Read, check and build the scene in `data` (the content of `filename`)."""
    diagnostics = Diagnostics()
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    root = read_yaml(data, filename, diagnostics)
    scene = None
    if root is not None:
        content_hash = hashlib.sha256(raw).hexdigest()
        scene = build_scene(root, filename, content_hash, library, diagnostics)
    if diagnostics.has_errors:
        scene = None
    return LoadResult(scene, tuple(diagnostics.items))


def load_scene(path: Path, library: SourceLibrary) -> LoadResult:
    """Load one scene file; an unreadable or oversized file is a diagnostic, not an error."""
    filename = str(path)
    diagnostics = Diagnostics()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diagnostics.add("CN102", Location(filename, 1, 1), size=size, limit=MAX_BYTES,
                            hint="split the scene into several files")
            return LoadResult(None, tuple(diagnostics.items))
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        diagnostics.add("CN100", Location(filename), reason=reason.lower())
        return LoadResult(None, tuple(diagnostics.items))
    return load_scene_text(data, filename, library)


def find_scene_files(paths: Iterable[Path]) -> list[Path]:
    """The scene files named by `paths`: a directory gives its *.yaml (sorted, not recursive),
    a file (or a path that does not exist, so loading reports it) gives itself."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix == SCENE_SUFFIX and not p.is_dir()))
        else:
            found.append(path)
    return found


def load_scenes(paths: Iterable[Path], library: SourceLibrary) -> LoadedScenes:
    """Load every scene file under `paths`; scene ids must be unique across files (CN304)."""
    scenes: dict[str, Scene] = {}
    diagnostics: list[Diagnostic] = []
    checker = Diagnostics()
    for path in find_scene_files(paths):
        result = load_scene(path, library)
        diagnostics.extend(result.diagnostics)
        scene = result.scene
        if scene is None:
            continue
        other = scenes.get(scene.id)
        if other is not None:
            checker.add("CN304", scene.where, id=scene.id, other=str(other.where),
                        hint="give each scene its own id (the file is named after it)")
            continue
        scenes[scene.id] = scene
    diagnostics.extend(checker.items)
    return LoadedScenes(scenes, tuple(diagnostics))
