"""Files a teacher hands on: reports, CSV tables and records, written whole and readable by others.

`atomic_write_text` writes through `mkstemp`, whose files only their owner
may read (0600). That is right for saves and wrong for a report put on a
shared drive or a record left in a class folder, so these files get the
permissions any new file would get (0644 under the usual umask).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from game.saves import atomic_write_text

BOM = "\ufeff"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_shared_text(path: Path, text: str, bom: bool = False) -> None:
    """Write `text` (UTF-8, with a byte-order mark when `bom`) atomically, readable by others."""
    atomic_write_text(path, (BOM + text) if bom else text)
    with contextlib.suppress(OSError):  # a file system without modes (FAT on a USB stick)
        os.chmod(path, 0o666 & ~_umask())
