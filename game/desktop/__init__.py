"""The desktop game: a pygame-ce window for students on laptops and teachers on projectors.

`game.desktop.start.run_desktop` opens it; each screen is a module in
`game.desktop.screens`. Everything on screen is hand-drawn through a small
layer (`canvas`, `flow`, `text`) rather than pygame_gui: screens need our own
keyboard focus, a text model the tests can read, and frames under 4 ms.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
