"""Files someone named: each read once, and never waited on for ever when it is not a file.

A named pipe given as a scene, a plan, a walkthrough or a hand-in would make
a plain `read_bytes()` wait until something writes into it: the command
hangs and says nothing. `read_regular_file` opens without waiting, checks
that what it opened is a regular file, and only then reads. Whatever it
refuses is an `OSError` whose `strerror` says why in plain words, so every
caller's existing "cannot read the file: …" report covers it. `file_key`
tells when two names are one file (`lint a.yaml ./a.yaml`, a folder and a
file in it), so that file is read and counted once.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a folder, a pipe or a device; `strerror` says which, in plain words."""


class FileTooBig(OSError):
    """The file is larger than the caller reads; `size` and `limit` are in bytes."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"it is {size:,} bytes, over the limit of {limit:,}",
                         str(path))
        self.size = size
        self.limit = limit


def file_key(path: Path) -> Path:
    """What a file is known by however it was named: its resolved path (links followed,
    '..' gone), or its absolute path when it cannot be resolved."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return path.absolute()


def once(paths: Iterable[Path]) -> list[Path]:
    """Each file once, as it was first named, however many times (or ways) it was named."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(file_key(path), path)
    return list(seen.values())


def read_regular_file(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, refusing anything else (and, given
    `max_bytes`, anything larger) with an OSError: never blocks on a pipe."""
    if stat.S_ISDIR(os.stat(path).st_mode):  # opening a folder fails oddly on Windows
        raise NotARegularFile(errno.EISDIR, "it is a folder", str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)  # a pipe opens at once when not waiting for a writer
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(errno.EINVAL, "it is not a regular file", str(path))
        if max_bytes is None:
            return stream.read()
        if status.st_size > max_bytes:
            raise FileTooBig(path, status.st_size, max_bytes)
        data = stream.read(max_bytes + 1)  # it may have grown since
        if len(data) > max_bytes:
            raise FileTooBig(path, len(data), max_bytes)
        return data
