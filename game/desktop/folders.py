"""Opening a folder in the system's file manager, so a student can find the record to hand in.

Windows has `os.startfile`, macOS `open`, and Linux desktops `xdg-open`.
Every failure (no file manager, a locked-down school machine) comes back as
a sentence for the window, never an exception: the folder's path is shown
beside the button anyway, so the student can still find the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def folder_opener() -> list[str] | None:
    """The command that opens a folder here, or None on Windows (which uses os.startfile)."""
    if sys.platform.startswith("win"):
        return None
    if sys.platform == "darwin":
        return ["open"]
    return ["xdg-open"]


def open_folder(folder: Path) -> str:
    """Open `folder` in the file manager; returns "" or what went wrong, in plain words."""
    command = folder_opener()
    try:
        if command is None:
            os.startfile(str(folder))  # type: ignore[attr-defined]  # Windows only
        else:
            subprocess.Popen(
                [*command, str(folder)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except (OSError, AttributeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return (
            f"Could not open the folder ({reason}). Your record is in {folder}: copy it from there."
        )
    return ""
