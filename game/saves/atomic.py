"""Write a file so that a crash leaves either the old file or the new one, never half.

The new text goes to a temporary file beside the target, is flushed to disk,
then renamed over it. That temporary file is created with an explicit mode:
its owner's alone (0600) for saves and settings, or, for files handed on to
others (`shared`), 0666 less the system's umask, as any new file gets. The
kernel applies the umask as it creates the file, so the process's umask, which
every thread shares, is never changed and read back.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

#: How the temporary file is opened: never through a link, never over another file.
_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
          | getattr(os, "O_BINARY", 0))  # binary: Windows must not turn "\n" into "\r\n"


def atomic_write_text(path: Path, text: str, shared: bool = False) -> None:
    """Write `text` beside `path`, fsync it, then rename it over `path`.

    `shared`: readable by others as the system's umask allows (a report on a
    shared drive, a record in a class folder); otherwise the owner's alone.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = _create_temporary(path, 0o666 if shared else 0o600)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temp_name, path)
        except OSError as error:  # name the file being written, not the temporary one
            raise type(error)(error.errno, error.strerror, str(path)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    # The rename itself is durable only once the directory entry is flushed.
    with contextlib.suppress(OSError, AttributeError):
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _create_temporary(path: Path, mode: int) -> tuple[int, str]:
    """A new, empty file beside `path` (as `mkstemp` makes one, but with `mode`)."""
    for _attempt in range(100):
        name = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, _FLAGS, mode), name
        except FileExistsError:
            continue  # another writer's temporary file: draw another name
    raise FileExistsError(f"no free temporary name beside {path}")
