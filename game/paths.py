"""Where the game's files are: shipped data (scenes, seeds, assets, plans) and user data.

Shipped data is found beside the package when running from a checkout, and
under PyInstaller's `sys._MEIPASS` when frozen; the package's own data (the
debrief templates) inside the package folder, wherever that is. User data
(saves, settings, records, session logs) lives in the platform's user data
directory.
Everything that opens a shipped or user file asks this module where it is.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "cover-names"


def resource_root() -> Path:
    """The folder that holds scenes/, seeds/, assets/, plans/ and reference/."""
    override = os.environ.get("COVER_NAMES_ROOT")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def scenes_dir() -> Path:
    return resource_root() / "scenes"


def seeds_dir() -> Path:
    return resource_root() / "seeds"


def assets_dir() -> Path:
    return resource_root() / "assets"


def plans_dir() -> Path:
    return resource_root() / "plans"


def reference_dir() -> Path:
    return resource_root() / "reference"


def package_data_dir() -> Path:
    """The game package's own folder, which holds its package data (templates, schema).

    From a checkout this is game/; frozen, PyInstaller puts the package data at
    `sys._MEIPASS/game/` (build/cover-names.spec collects it), which is where
    this module's own `__file__` points too.
    """
    return Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The debrief report's Jinja2 templates."""
    return package_data_dir() / "classroom" / "templates"


def user_data_dir() -> Path:
    """Saves, settings, records and logs. COVER_NAMES_HOME overrides it (tests, kiosks)."""
    override = os.environ.get("COVER_NAMES_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    _make(path)
    return path


def _make(path: Path) -> None:
    """Create a user folder when it can be: when it cannot (a file where the home folder
    should be, a read-only drive), reading finds nothing and each write says why."""
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)


def saves_dir() -> Path:
    path = user_data_dir() / "saves"
    _make(path)
    return path


def records_dir() -> Path:
    path = user_data_dir() / "records"
    _make(path)
    return path


def settings_path() -> Path:
    return user_data_dir() / "settings.json"
