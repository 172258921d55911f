"""Built scenes kept on disk, keyed by what they were built from, so a scene loads in a blink.

Reading, checking and building a 1,000-node scene takes a few hundred
milliseconds; reading back the scene built last time takes a tenth of that.
An entry's key is a hash of everything the built scene depends on: the
scene file's bytes and name, the source library it was proven against (and
every file beside the seed texts), the code that builds scenes, the game's
version and this cache's format. A changed scene, seed text or game never
meets an old entry.

An entry holds the scene as data: the model's frozen dataclasses and the
parsed form of its conditions (`game.loading.compiled`), never code. It is
read back by an unpickler that will construct nothing but those classes, so
a cache file someone tampered with cannot run anything; any entry that does
not read back cleanly (damaged, truncated, from another version) is ignored
and rebuilt. The cache is a convenience: it never makes a load fail.

`COVER_NAMES_CACHE` names another folder (tests, kiosks); `COVER_NAMES_SCENE_CACHE=off`
turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import secrets
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from game import __version__
from game.paths import APP_NAME

if TYPE_CHECKING:
    from game.loading.files import LoadResult
    from game.sources.library import SourceLibrary

#: Bump when what an entry holds changes shape; old entries are then never read.
CACHE_FORMAT = 1
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


def cache_dir() -> Path:
    """Where built scenes are kept: the user's cache folder (or COVER_NAMES_CACHE)."""
    override = os.environ.get("COVER_NAMES_CACHE")
    base = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, False))
    return base / "scenes"


def enabled() -> bool:
    return os.environ.get("COVER_NAMES_SCENE_CACHE", "").lower() not in ("off", "0", "no")


def library_fingerprint(library: SourceLibrary) -> str:
    """A hash of what a scene's proofs and credits depend on in the library (kept on it)."""
    known = getattr(library, "_cache_fingerprint", None)
    if known is not None:
        return str(known)
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
    fingerprint = digest.hexdigest()
    with contextlib.suppress(AttributeError):
        library._cache_fingerprint = fingerprint  # type: ignore[attr-defined]
    return fingerprint


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


class _SceneUnpickler(pickle.Unpickler):
    """Constructs the model's own classes and plain containers, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _ALLOWED_BUILTINS:
            return super().find_class(module, name)
        if (module, name) in _ALLOWED_NAMES:
            return super().find_class(module, name)
        if module.startswith(_ALLOWED_MODULES) and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type):  # a class of ours, never a function
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a scene cache entry")


def read_entry(key: str) -> LoadResult | None:
    """The load result kept under `key`, or None (absent, damaged, or not ours: rebuilt)."""
    from game.loading.files import LoadResult, restored

    if not enabled():
        return None
    path = cache_dir() / f"{key}.pickle"
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        with open(path, "rb") as stream:  # read as it is unpickled: no second copy in memory
            result = _SceneUnpickler(stream).load()
    except FileNotFoundError:
        return None
    except (Exception, RecursionError, MemoryError):  # never fatal: the scene is rebuilt
        return None
    if not isinstance(result, LoadResult) or result.scene is None:
        return None
    return restored(result)


def write_entry(key: str, result: LoadResult) -> None:
    """Keep a clean load result under `key`; a folder that cannot be written is no error."""
    from game.loading.files import portable

    if not enabled() or result.scene is None:
        return
    folder = cache_dir()
    try:
        data = pickle.dumps(portable(result), protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{secrets.token_hex(6)}.tmp"
        with open(temporary, "xb") as stream:
            stream.write(data)
        os.replace(temporary, folder / f"{key}.pickle")
    except (Exception, RecursionError):  # a cache that cannot be written is only slower
        with contextlib.suppress(OSError, UnboundLocalError):
            temporary.unlink()
