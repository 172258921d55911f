"""The frozen program's entry point: the same command line as `cover-names`.

PyInstaller needs a script, not a console-script entry point; this is that
script and nothing more, so the frozen and installed programs cannot drift.
"""

from __future__ import annotations

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
