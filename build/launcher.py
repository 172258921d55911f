"""The frozen program's entry point: the same command line as `cover-names`.

PyInstaller needs a script, not a console-script entry point; this is that
script, so the frozen and installed programs cannot drift apart.

It also holds the one measuring hook of the frozen build. With
COVER_NAMES_FIRST_FRAME=exit set, the program prints FIRST_FRAME_MARKER and
quits at its first interactive frame: the first time the desktop asks for the
player's input (`pygame.event.get`, `wait` or `poll`) after it has shown a
frame (`pygame.display.flip` or `update`). benchmarks/bench_build.py times the
start of the process to that line. The hook lives here, not in game/desktop,
so the game's own code carries nothing for the benchmark, and it does not
depend on how the desktop's loop sleeps between events.
"""

from __future__ import annotations

import os
import sys
from typing import Any

FIRST_FRAME_VARIABLE = "COVER_NAMES_FIRST_FRAME"
FIRST_FRAME_MARKER = "cover-names: first interactive frame"


def _exit_at_first_frame() -> None:
    """Report the first request for input after a frame was shown, and answer it with QUIT."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    shown = False
    reported = False

    def showing(real: Any) -> Any:
        def show(*args: Any, **kwargs: Any) -> Any:
            nonlocal shown
            shown = True
            return real(*args, **kwargs)

        return show

    def asking(real: Any, many: bool) -> Any:
        def ask(*args: Any, **kwargs: Any) -> Any:
            nonlocal reported
            if not shown or reported:
                return real(*args, **kwargs)
            reported = True
            print(FIRST_FRAME_MARKER, flush=True)
            quit_event = pygame.event.Event(pygame.QUIT)  # the game then closes normally
            return [quit_event] if many else quit_event

        return ask

    pygame.display.flip = showing(pygame.display.flip)
    pygame.display.update = showing(pygame.display.update)
    pygame.event.get = asking(pygame.event.get, many=True)
    pygame.event.wait = asking(pygame.event.wait, many=False)
    pygame.event.poll = asking(pygame.event.poll, many=False)


if __name__ == "__main__":
    # `cover-names test` runs playthroughs in worker processes; where they are
    # spawned (Windows, macOS) each worker starts this program again, and this
    # call turns it into the worker instead of a second game.
    import multiprocessing

    multiprocessing.freeze_support()
    if os.environ.get(FIRST_FRAME_VARIABLE) == "exit":
        _exit_at_first_frame()
    from game.cli import main

    sys.exit(main())
