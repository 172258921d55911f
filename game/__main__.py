"""`python -m game` runs the same command line as `cover-names`."""

from __future__ import annotations

import sys

from game.cli import main

sys.exit(main())
