"""Files a teacher hands on: reports, CSV tables and records, written whole and readable by others.

Saves are their owner's alone; a report put on a shared drive or a record
left in a class folder must be readable by the teacher collecting it, so
these are written `shared`: with the permissions any new file would get
(0644 under the usual umask). The umask is applied by the system as the file
is made, never read by flipping the process's own (which the speech thread
shares).
"""

from __future__ import annotations

from pathlib import Path

from game.saves import atomic_write_text

BOM = "\ufeff"


def write_shared_text(path: Path, text: str, bom: bool = False) -> None:
    """Write `text` (UTF-8, with a byte-order mark when `bom`) atomically, readable by others."""
    atomic_write_text(path, (BOM + text) if bom else text, shared=True)
