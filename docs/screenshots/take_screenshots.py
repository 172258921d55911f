"""Screenshots of every desktop screen, taken from a real X server (Xvfb), for the README.

Run from the repository root on Linux with Xvfb and ImageMagick installed
(`apt-get install xvfb imagemagick`):

    python docs/screenshots/take_screenshots.py

It starts Xvfb at each size, opens the real window on it (SDL's x11 driver),
walks through every screen with `game.desktop.tour`, and captures the X
screen with ImageMagick's `import` after each frame. Saves and settings go to
a temporary folder, never to the player's own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: (width, height, text size, high contrast, which screens, file suffix)
SHOTS = [
    (1366, 768, "standard", False, None, ""),
    (1366, 768, "standard", True, {"play", "record"}, "-high-contrast"),
    (1920, 1080, "standard", False, {"play", "record", "source"}, "-1080p"),
    (1920, 1080, "projector", False, {"play"}, "-1080p-projector-text"),
]


def shoot_inside(
    width: int, height: int, text_size: str, contrast: bool, wanted: str, suffix: str
) -> None:
    """Runs in the child process, on the Xvfb display."""
    sys.path.insert(0, str(ROOT))
    from game.desktop.app import build_app
    from game.desktop.settings import Settings, save_settings
    from game.desktop.tour import tour

    save_settings(Settings(text_size=text_size, high_contrast=contrast))
    app = build_app(size=(width, height))
    names = set(wanted.split(",")) if wanted else None
    for name, _ in tour(app):
        if names is not None and name not in names:
            continue
        time.sleep(0.15)  # let the X server finish drawing the frame
        target = HERE / f"{name}{suffix}.png"
        subprocess.run(
            [
                "import",
                "-window",
                "root",
                "-crop",
                f"{width}x{height}+0+0",
                "+repage",
                "-depth",
                "8",
                "-define",
                "png:compression-level=9",
                str(target),
            ],
            check=True,
        )
        print(target.relative_to(ROOT))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--inside":
        shoot_inside(
            int(sys.argv[2]),
            int(sys.argv[3]),
            sys.argv[4],
            sys.argv[5] == "1",
            sys.argv[6],
            sys.argv[7],
        )
        return 0
    if not shutil.which("Xvfb") or not shutil.which("import"):
        print("needs Xvfb and ImageMagick: apt-get install xvfb imagemagick", file=sys.stderr)
        return 2
    for display, (width, height, text_size, contrast, wanted, suffix) in enumerate(SHOTS, start=91):
        server = subprocess.Popen(
            ["Xvfb", f":{display}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)
            with tempfile.TemporaryDirectory() as home:
                env = dict(
                    os.environ,
                    DISPLAY=f":{display}",
                    SDL_VIDEODRIVER="x11",
                    SDL_AUDIODRIVER="dummy",
                    COVER_NAMES_HOME=home,
                    SDL_VIDEO_WINDOW_POS="0,0",
                    PYGAME_HIDE_SUPPORT_PROMPT="1",
                )
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--inside",
                        str(width),
                        str(height),
                        text_size,
                        "1" if contrast else "0",
                        ",".join(sorted(wanted or ())),
                        suffix,
                    ],
                    env=env,
                    check=True,
                    cwd=ROOT,
                )
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
