"""Built scenes kept on disk, keyed by what they were built from, so a scene loads in a blink.

Reading, checking and building a 1,000-node scene takes a few hundred
milliseconds; reading back the scene built last time takes a tenth of that.
An entry's key is a hash of everything the built scene depends on: the
scene file's bytes and name, the source library it was proven against (and
every file beside the seed texts), the code that builds scenes, the game's
version and this cache's format. A changed scene, seed text or game never
meets an old entry.

An entry holds the scene as data: the model's frozen dataclasses and the
parsed form of its conditions (`game.loading.compiled`), never code, each
passage pickled on its own so that it is read when a player first reaches it
(`StoredNodes`). It is read back by an unpickler that will construct nothing
but those classes, so a cache file someone tampered with cannot run anything;
any entry that does not read back cleanly (damaged, truncated, from another
version; a CRC-32 covers every byte) is ignored and rebuilt. The cache is a
convenience: it never makes a load fail.

The source library read from a seeds folder is kept the same way, keyed by
every file in that folder: proving voices.yaml's anchors and indexing the
texts for quotes is then done once, not at every start.

`COVER_NAMES_CACHE` names another folder (tests, kiosks); `COVER_NAMES_SCENE_CACHE=off`
turns it off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import os
import pickle
import secrets
import stat
import sys
import threading
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import platformdirs

from game import __version__
from game.guarded import gc_paused
from game.paths import APP_NAME

if TYPE_CHECKING:
    from game.diagnostics import Diagnostic
    from game.loading.files import LoadResult
    from game.model import Node
    from game.sources.library import SourceLibrary

#: Bump when what an entry holds changes shape; old entries are then never read.
CACHE_FORMAT = 2
#: An entry larger than this is not one of ours.
MAX_ENTRY_BYTES = 256_000_000

#: The only globals an entry may name: the model, the compiled conditions, the
#: diagnostics, and the plain containers they use.
_ALLOWED_MODULES = ("game.model", "game.loading.compiled", "game.diagnostics", "game.sources")
_ALLOWED_NAMES = frozenset({("game.loading.files", "LoadResult"), ("pathlib", "PosixPath"),
                            ("pathlib", "WindowsPath"), ("pathlib", "Path")}
                           | {(module, name) for module in ("operator", "_operator")
                              for name in ("lt", "le", "gt", "ge", "eq", "ne", "add", "sub",
                                           "neg", "not_", "and_", "or_")})
_ALLOWED_BUILTINS = frozenset({"frozenset", "set", "tuple", "list", "dict", "str", "int",
                               "bool", "float", "complex", "bytes"})


def _base() -> Path:
    override = os.environ.get("COVER_NAMES_CACHE")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, False))


def cache_dir() -> Path:
    """Where built scenes are kept: the user's cache folder (or COVER_NAMES_CACHE)."""
    return _base() / "scenes"


def sources_cache_dir() -> Path:
    """Where the source library read from a seeds folder is kept, beside the scenes."""
    return _base() / "sources"


def enabled() -> bool:
    return os.environ.get("COVER_NAMES_SCENE_CACHE", "").lower() not in ("off", "0", "no")


def library_fingerprint(library: SourceLibrary) -> str:
    """A hash of what a scene's proofs and credits depend on in the library (kept on it)."""
    if library.cache_fingerprint:
        return library.cache_fingerprint
    digest = hashlib.sha256()
    for source in library:
        digest.update(repr((source.id, source.title, source.kind, source.publisher,
                            source.provenance, source.known_slips, source.voices,
                            source.own_voice_kind)).encode("utf-8", "surrogatepass"))
        digest.update(hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).digest())
    digest.update(repr((sorted(library.unavailable), library.index_problem)).encode())
    # Every file beside the seed texts (sources.yaml, voices.yaml …): whatever the
    # library made of them, a change to any of them is a new key.
    for folder in sorted({source.path.parent for source in library}):
        with contextlib.suppress(OSError):
            for path in sorted(folder.iterdir()):
                if path.is_file():
                    digest.update(path.name.encode("utf-8", "surrogatepass"))
                    digest.update(hashlib.sha256(path.read_bytes()).digest())
    library.cache_fingerprint = digest.hexdigest()
    return library.cache_fingerprint


_CODE: list[str] = []


def code_fingerprint() -> str:
    """A hash of the code that builds a scene (the loader, the model, the sources, the
    diagnostics): a scene built by other code is never read back, even at one version
    number. A frozen build hashes its executable's size and time instead."""
    if _CODE:
        return _CODE[0]
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    found = False
    for folder in ("loading", "model", "sources", "diagnostics"):
        with contextlib.suppress(OSError):
            for path in sorted((package / folder).glob("*.py")):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
                found = True
    if not found:
        with contextlib.suppress(OSError):
            status = Path(sys.executable).stat()
            digest.update(repr((status.st_size, status.st_mtime_ns)).encode())
    _CODE.append(digest.hexdigest())
    return _CODE[0]


def entry_key(raw: bytes, filename: str, library: SourceLibrary) -> str:
    digest = hashlib.sha256()
    header = (CACHE_FORMAT, __version__, code_fingerprint(), sys.version_info[:2], filename,
              library_fingerprint(library))
    digest.update(repr(header).encode("utf-8", "surrogatepass"))
    digest.update(hashlib.sha256(raw).digest())  # the scene's own content hash
    return digest.hexdigest()


#: What `_SceneUnpickler.find_class` allowed before: a scene's passages are read in many
#: small pickles, each naming the same dozen classes.
_FOUND: dict[tuple[str, str], Any] = {}


class _SceneUnpickler(pickle.Unpickler):
    """Constructs the model's own classes and plain containers, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        found = _FOUND.get((module, name))
        if found is not None:
            return found
        if ((module == "builtins" and name in _ALLOWED_BUILTINS)
                or (module, name) in _ALLOWED_NAMES):
            found = super().find_class(module, name)
        elif module.startswith(_ALLOWED_MODULES) and not name.startswith("_"):
            found = super().find_class(module, name)
            if not isinstance(found, type):  # a class of ours, never a function
                found = None
        if found is None:
            raise pickle.UnpicklingError(
                f"{module}.{name} is not allowed in a scene cache entry")
        _FOUND[(module, name)] = found
        return found


def _unpickle(data: bytes | memoryview) -> Any:
    return _SceneUnpickler(io.BytesIO(data)).load()


#: Passages pickled together: reaching one reads its group. Small enough that a
#: playthrough reads little it does not need, large enough that the classes each pickle
#: names are looked up once for many passages.
PASSAGES_PER_PICKLE = 48


class StoredNodes(Mapping[str, "Node"]):
    """A cached scene's passages, read back a group at a time when one of the group is
    first asked for: a 1,000-passage scene is ready once its ids are read, and a
    playthrough reads little more than the passages it reaches. The bytes were checked
    whole when the entry was read (`_read`), and are read by the same unpickler.

    Read-only, like the `MappingProxyType` a freshly built scene has; compares equal to
    any mapping of the same passages, and pickles (or copies) as a plain dict of them.
    """

    __slots__ = ("_group_of", "_groups", "_ids", "_lock", "_nodes")

    def __init__(self, ids: tuple[str, ...], groups: list[bytes]) -> None:
        self._ids = ids
        self._group_of = {node_id: at // PASSAGES_PER_PICKLE for at, node_id in enumerate(ids)}
        self._groups: list[bytes | None] = list(groups)
        self._nodes: dict[str, Node] = {}
        self._lock = threading.Lock()

    @staticmethod
    def pickled(nodes: Mapping[str, Node]) -> tuple[tuple[str, ...], list[bytes]]:
        """The ids and the group pickles `StoredNodes` reads back."""
        ids = tuple(nodes)
        values = list(nodes.values())
        return ids, [pickle.dumps(tuple(values[at:at + PASSAGES_PER_PICKLE]),
                                  protocol=pickle.HIGHEST_PROTOCOL)
                     for at in range(0, len(values), PASSAGES_PER_PICKLE)]

    def __getitem__(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            pass
        group = self._group_of[node_id]  # KeyError for an id the scene does not have
        with self._lock:
            data = self._groups[group]
            if data is not None:
                first = group * PASSAGES_PER_PICKLE
                with gc_paused():  # long-lived passages, no cycles: nothing to collect
                    nodes = _unpickle(data)
                self._nodes.update(zip(self._ids[first:first + PASSAGES_PER_PICKLE], nodes,
                                       strict=True))
                self._groups[group] = None  # kept once, as the passages it became
        return self._nodes[node_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._group_of

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))

    def __repr__(self) -> str:
        return f"StoredNodes({len(self._ids)} passages, {len(self._nodes)} read)"


def _read(folder: Path, key: str) -> Any:
    """What `_write` kept under `key` in `folder`, or None (absent, damaged, or not ours).

    An entry is a CRC-32 of its pickle, then the pickle: damage anywhere in it, the
    passages' own pickles included, is found before anything is used."""
    if not enabled():
        return None
    path = folder / f"{key}.pickle"
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        data = path.read_bytes()
        if len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "big"):
            return None
        return _unpickle(memoryview(data)[4:])
    except FileNotFoundError:
        return None
    except (Exception, RecursionError, MemoryError):  # never fatal: the entry is rebuilt
        return None


def _write(folder: Path, key: str, value: object) -> None:
    """Keep `value` under `key` in `folder`; a folder that cannot be written is no error."""
    if not enabled():
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{secrets.token_hex(6)}.tmp"
        with open(temporary, "xb") as stream:
            stream.write(zlib.crc32(data).to_bytes(4, "big"))
            stream.write(data)
        os.replace(temporary, folder / f"{key}.pickle")
    except (Exception, RecursionError):  # a cache that cannot be written is only slower
        with contextlib.suppress(OSError, UnboundLocalError):
            temporary.unlink()


def read_entry(key: str) -> LoadResult | None:
    """The load result kept under `key`, or None (absent, damaged, or not ours: rebuilt).
    Its passages are read as they are first asked for (`StoredNodes`)."""
    from game.loading.files import LoadResult

    kept = _read(cache_dir(), key)
    if not isinstance(kept, tuple) or len(kept) != 3:
        return None
    result, ids, groups = kept
    if (not isinstance(result, LoadResult) or result.scene is None
            or type(ids) is not tuple or not all(type(i) is str for i in ids)
            or type(groups) is not list or not all(type(g) is bytes for g in groups)
            or len(groups) != -(-len(ids) // PASSAGES_PER_PICKLE)):
        return None
    scene = dataclasses.replace(result.scene, nodes=StoredNodes(ids, groups),
                                variables=MappingProxyType(dict(result.scene.variables)))
    return LoadResult(scene, result.diagnostics)


def write_entry(key: str, result: LoadResult) -> None:
    """Keep a clean load result under `key`, its passages pickled in groups."""
    from game.loading.files import LoadResult

    scene = result.scene
    if not enabled() or scene is None:
        return
    try:
        ids, groups = StoredNodes.pickled(scene.nodes)
    except (Exception, RecursionError):
        return
    bare = dataclasses.replace(scene, nodes={}, variables=dict(scene.variables))
    _write(cache_dir(), key, (LoadResult(bare, result.diagnostics), ids, groups))


def read_library(key: str) -> tuple[SourceLibrary, tuple[Diagnostic, ...]] | None:
    """The source library (and what reading it reported) kept under `key`, or None."""
    from game.sources.library import SourceLibrary

    kept = _read(sources_cache_dir(), key)
    if (not isinstance(kept, tuple) or len(kept) != 2 or not isinstance(kept[0], SourceLibrary)
            or not isinstance(kept[1], tuple)):
        return None
    library, diagnostics = kept
    library.cache_fingerprint = key
    return library, diagnostics


def write_library(key: str, library: SourceLibrary,
                  diagnostics: tuple[Diagnostic, ...]) -> None:
    """Keep the source library read from the seeds whose contents `key` names."""
    library.cache_fingerprint = key
    _write(sources_cache_dir(), key, (library, diagnostics))


def seeds_key(seeds_dir: Path) -> str | None:
    """A hash of every file in `seeds_dir` (where the index, voices and texts must all
    stand), with the code and the folder's place; None when the folder cannot be read."""
    digest = hashlib.sha256()
    header = (CACHE_FORMAT, __version__, code_fingerprint(), sys.version_info[:2],
              str(seeds_dir))
    digest.update(repr(header).encode("utf-8", "surrogatepass"))
    try:
        for path in sorted(seeds_dir.iterdir()):
            if path.is_file():
                digest.update(path.name.encode("utf-8", "surrogatepass"))
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()
