"""The player's settings, remembered between runs as versioned JSON in the user's data folder.

A damaged or foreign settings file never stops the game: it is reported in
plain words and replaced by the defaults.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game import paths
from game.desktop.theme import TEXT_SIZES
from game.guarded import Unreadable, guard, move_aside, read_json
from game.regular_files import FileTooBig
from game.saves import atomic_write_text

SETTINGS_FORMAT = "cover-names/settings"
# Version 1. Promise: unknown keys are ignored and missing keys take their
# defaults, so an older or newer game reads this file without failing.
SETTINGS_VERSION = 1
REVEAL_CHOICES = ("each", "end")
SOUND_CHOICES = ("auto", "on", "off")


@dataclass
class Settings:
    """What the settings screen changes."""

    text_size: str = "standard"  # one of theme.TEXT_SIZES
    high_contrast: bool = False
    reduce_motion: bool = False
    reveal: str = "each"  # show the record after each choice, or at the end
    window_width: int = 0  # 0 until the player has had a window: then the size it was left at
    window_height: int = 0
    fullscreen: bool = False  # F11
    student_name: str = ""  # offered again the next time a record is exported
    sound: str = "auto"  # auto: on at a desk, off with Projector text (a class); or on, off
    volume: int = 70  # percent
    muted: bool = False  # M
    opening_seen: bool = False  # the story's opening was shown before the first scene

    def cleaned(self) -> Settings:
        """The same settings with any out-of-range value put back to its default."""
        default = Settings()
        return Settings(
            text_size=self.text_size if self.text_size in TEXT_SIZES else default.text_size,
            high_contrast=bool(self.high_contrast),
            reduce_motion=bool(self.reduce_motion),
            reveal=self.reveal if self.reveal in REVEAL_CHOICES else default.reveal,
            window_width=_window(int(self.window_width), 640, 7680),
            window_height=_window(int(self.window_height), 480, 4320),
            fullscreen=bool(self.fullscreen),
            student_name=str(self.student_name)[:80],
            sound=self.sound if self.sound in SOUND_CHOICES else default.sound,
            volume=min(100, max(0, int(self.volume))) // 10 * 10,
            muted=bool(self.muted),
            opening_seen=bool(self.opening_seen),
        )

    @property
    def sound_on(self) -> bool:
        """Whether sound is heard: automatic means at a desk, not on a projector."""
        if self.muted or self.sound == "off":
            return False
        return self.sound == "on" or self.text_size != "projector"


def _window(pixels: int, least: int, most: int) -> int:
    """A remembered window side, kept in range; 0 (never had a window) stays 0."""
    return 0 if pixels <= 0 else min(max(pixels, least), most)


#: A settings file is a few hundred bytes; anything past this is not one of ours.
MAX_SETTINGS_BYTES = 64_000


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """The saved settings and "" — or the defaults and a sentence saying what was wrong.

    A damaged file is moved aside (never deleted, never written over by the
    defaults) so the player can see what it held.
    """
    path = path or paths.settings_path()
    try:
        if not path.exists():
            return Settings(), ""
    except OSError:  # e.g. the home folder is a file
        return Settings(), ""
    try:
        with guard(path):
            document = read_json(path, MAX_SETTINGS_BYTES)
            if not isinstance(document, dict) or document.get("format") != SETTINGS_FORMAT:
                return Settings(), ("The settings file was not one of ours, so the defaults "
                                    "are back in use.")
            values = document.get("settings")
            if not isinstance(values, dict):
                raise ValueError("it holds no settings")
            known = {field.name for field in fields(Settings)}
            kept = {name: value for name, value in values.items() if name in known}
            return Settings(**kept).cleaned(), ""
    except Unreadable as error:
        if isinstance(error.__cause__, OSError) and not isinstance(error.__cause__, FileTooBig):
            return Settings(), (f"Your settings file could not be read ({error.reason}), so "
                                "the defaults are in use.")
        try:
            kept_as = move_aside(path)
        except OSError:
            return Settings(), "Your settings file was damaged, so the defaults are back in use."
        return Settings(), (f"Your settings file was damaged, so the defaults are back in use "
                            f"(the old file is kept as {kept_as.name}).")
    raise AssertionError("unreachable")  # pragma: no cover


def save_settings(settings: Settings, path: Path | None = None) -> None:
    document = {
        "format": SETTINGS_FORMAT,
        "version": SETTINGS_VERSION,
        "settings": asdict(settings),
    }
    atomic_write_text(path or paths.settings_path(), json.dumps(document, indent=1) + "\n")
