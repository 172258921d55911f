"""Opening a folder in the system's file manager, so a student can find the record to hand in.

Windows has `os.startfile`, macOS `open`, and Linux desktops `xdg-open`.
Every failure (no file manager, a locked-down school machine) comes back as
a sentence for the window, never an exception: the folder's path is shown
beside the button anyway, so the student can still find the file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

#: How long to wait for the opener to say it failed; one still running is taken as working.
_WAIT_SECONDS = 1.5


def folder_opener() -> list[str] | None:
    """The command that opens a folder here, or None on Windows (which uses os.startfile)."""
    if sys.platform.startswith("win"):
        return None
    if sys.platform == "darwin":
        return ["open"]
    return ["xdg-open"]


def open_folder(folder: Path) -> str:
    """Open `folder` in the file manager; returns "" or what went wrong, in plain words.

    The opener's own answer is checked (it is missing, it ends with an error), so the
    window never says the folder is opening when nothing will.
    """
    command = folder_opener()
    failed = (f"Your record is in {folder}: open that folder from your file manager "
              "and copy it from there.")
    try:
        if command is None:
            os.startfile(str(folder))  # type: ignore[attr-defined]  # Windows only
            return ""
        if shutil.which(command[0]) is None:
            return (f"Could not open the folder (this computer has no {command[0]}). "
                    f"{failed}")
        process = subprocess.Popen(
            [*command, str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            code = process.wait(timeout=_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            return ""  # still at work: the file manager is opening
    except (OSError, AttributeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return f"Could not open the folder ({reason}). {failed}"
    if code != 0:
        return f"Could not open the folder ({command[0]} failed). {failed}"
    return ""
