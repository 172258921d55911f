"""Loading scene files: one text, one path, or many paths with cross-scene checks.

The entry points every front end uses (the game, its live reload, `lint`,
the tests). None of them raises for a bad file: each returns the scenes that
loaded cleanly and every diagnostic found.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import MappingProxyType

from game.diagnostics import Diagnostic, Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.guarded import gc_paused, reported
from game.loading import cache
from game.loading.scene import build_scene
from game.loading.yaml_tree import MAX_SCENE_BYTES, read_yaml
from game.model import Scene
from game.regular_files import FileTooBig, NotARegularFile, read_regular_file
from game.sources.library import SourceLibrary

SCENE_SUFFIX = ".yaml"
#: A scripted playthrough may sit beside its scene (game/authoring/walkthrough.py): not a scene.
WALKTHROUGH_SUFFIX = ".walkthrough.yaml"


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
    """Read, check and build the scene in `data` (the content of `filename`).

    Whatever the text holds, the result is diagnostics, never an exception:
    a failure no check foresaw is CN100 at the file (`guarded.reported`).
    """
    diagnostics = Diagnostics()
    with gc_paused(), reported(filename, diagnostics,
                               hint="please report this with the file that caused it"):
        return _load_scene_text(data, filename, library)
    return LoadResult(None, tuple(diagnostics.items))


def _load_scene_text(data: bytes | str, filename: str, library: SourceLibrary) -> LoadResult:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    key = cache.entry_key(raw, filename, library)
    kept = cache.read_entry(key)
    if kept is not None:
        return kept
    result = _build_scene_text(data, raw, filename, library)
    cache.write_entry(key, result)
    return result


def _build_scene_text(data: bytes | str, raw: bytes, filename: str,
                      library: SourceLibrary) -> LoadResult:
    diagnostics = Diagnostics()
    root = read_yaml(data, filename, diagnostics, MAX_SCENE_BYTES)
    scene = None
    if root is not None:
        content_hash = hashlib.sha256(raw).hexdigest()
        scene = build_scene(root, filename, content_hash, library, diagnostics, data)
    if diagnostics.has_errors:
        scene = None
    return LoadResult(scene, tuple(diagnostics.items))


def load_scene(path: Path, library: SourceLibrary) -> LoadResult:
    """Load one scene file; an unreadable or oversized file is a diagnostic, not an error."""
    diagnostics = Diagnostics()
    with reported(str(path), diagnostics):  # a failure no branch below foresaw
        return _load_scene(path, library)
    return LoadResult(None, tuple(diagnostics.items))


def _load_scene(path: Path, library: SourceLibrary) -> LoadResult:
    filename = str(path)
    diagnostics = Diagnostics()
    try:
        data = read_regular_file(path, MAX_SCENE_BYTES)
    except FileTooBig as error:
        diagnostics.add("CN102", Location(filename, 1, 1), size=error.size,
                        limit=MAX_SCENE_BYTES,
                        hint="split the scene into several files")
        return LoadResult(None, tuple(diagnostics.items))
    except NotARegularFile as error:  # a folder, or a pipe that would wait for ever
        diagnostics.add("CN100", Location(filename), reason=error.strerror,
                        hint="give a scene file (*.yaml), or a folder of them")
        return LoadResult(None, tuple(diagnostics.items))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        diagnostics.add("CN100", Location(filename), reason=reason.lower(),
                        hint=_missing_hint(path) if isinstance(error, FileNotFoundError) else "")
        return LoadResult(None, tuple(diagnostics.items))
    return load_scene_text(data, filename, library)


def _missing_hint(path: Path) -> str:
    """For a scene file that is not there: the closest name beside it, or what to check."""
    try:
        folder = path.parent
        near = [p.name for p in folder.glob(f"*{SCENE_SUFFIX}")] if folder.is_dir() else []
    except OSError:
        near = []
    close = did_you_mean(path.name, near)
    if close:
        return close.replace("'", f"'{path.parent}{os.sep}", 1) if str(path.parent) != "." \
            else close
    return "check the path: a scene is a .yaml file, e.g. scenes/exit_visa.yaml"


def find_scene_files(paths: Iterable[Path]) -> list[Path]:
    """The scene files named by `paths`: a directory gives its *.yaml (sorted, not recursive)
    except walkthroughs, a file (or a path that does not exist, so loading reports it) itself."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix == SCENE_SUFFIX and p.is_file()  # no pipes
                                and not p.name.endswith(WALKTHROUGH_SUFFIX)))
        else:
            found.append(path)
    return found


def load_scenes(paths: Iterable[Path], library: SourceLibrary) -> LoadedScenes:
    """Load every scene file under `paths`; scene ids must be unique across files (CN304)."""
    scenes: dict[str, Scene] = {}
    diagnostics: list[Diagnostic] = []
    checker = Diagnostics()
    with gc_paused():
        results = _load_files(find_scene_files(paths), library)
    for result in results:
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


#: Below this many files a second process costs more than it saves (a class's
#: scenes load serially; a lint of a large corpus uses both cores).
PARALLEL_MIN_FILES = 200
#: The share of the files the second process loads. Measured: pickling its results
#: there costs about what unpickling them here does, so half each.
_CHILD_SHARE = 0.5


def _load_files(files: list[Path], library: SourceLibrary) -> list[LoadResult]:
    """Load `files` in order: in two processes when there are many and it is safe to fork."""
    if len(files) >= PARALLEL_MIN_FILES and _can_fork():
        results = _load_in_two_processes(files, library)
        if results is not None:
            return results
    return [load_scene(path, library) for path in files]


def _can_fork() -> bool:
    """Forking is fast and shares the loaded sources, but only safe on Linux in a
    single-threaded process (a forked child inherits no other thread's locks)."""
    return (sys.platform.startswith("linux")
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def _load_in_two_processes(files: list[Path], library: SourceLibrary) -> list[LoadResult] | None:
    """The first part of `files` in a forked child, the rest here; None if the child failed."""
    split = int(len(files) * _CHILD_SHARE)
    theirs, mine = files[:split], files[split:]
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(sender, theirs, library), daemon=True)
    try:
        child.start()
    except OSError:
        return None
    sender.close()
    own = [load_scene(path, library) for path in mine]
    try:
        payload = receiver.recv_bytes()
    except (EOFError, OSError):
        payload = b""
    finally:
        receiver.close()
        child.join()
    if not payload:
        return [load_scene(path, library) for path in theirs] + own
    received: list[LoadResult] = pickle.loads(payload)
    return [restored(result) for result in received] + own


def _child_main(sender: Connection, files: list[Path], library: SourceLibrary) -> None:
    """In the child: load, and send the results back pickled (empty bytes on any failure)."""
    try:
        with gc_paused():
            results = [portable(load_scene(path, library)) for path in files]
            payload = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # the parent loads these files itself instead
        payload = b""
    sender.send_bytes(payload)
    sender.close()


def portable(result: LoadResult) -> LoadResult:
    """The scene with plain dicts, since a MappingProxyType cannot be pickled."""
    scene = result.scene
    if scene is None:
        return result
    scene = dataclasses.replace(scene, nodes=dict(scene.nodes), variables=dict(scene.variables))
    return LoadResult(scene, result.diagnostics)


def restored(result: LoadResult) -> LoadResult:
    """The scene read-only again, as a scene loaded in this process would be."""
    scene = result.scene
    if scene is None:
        return result
    scene = dataclasses.replace(scene, nodes=MappingProxyType(dict(scene.nodes)),
                                variables=MappingProxyType(dict(scene.variables)))
    return LoadResult(scene, result.diagnostics)
