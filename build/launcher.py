"""The frozen program's entry point: the same command line as `cover-names`.

PyInstaller needs a script, not a console-script entry point; this is that
script, so the frozen and installed programs cannot drift apart.

It also holds the one measuring hook of the frozen build. With
COVER_NAMES_FIRST_FRAME=exit set, the program prints FIRST_FRAME_MARKER and
quits at its first interactive frame: the moment the desktop loop, with its
first frame drawn, first waits for the player's input (`pygame.event.wait`).
benchmarks/bench_build.py times the start of the process to that line. The
hook lives here, not in game/desktop, so the game's own code carries nothing
for the benchmark; it relies only on the loop waiting in `pygame.event.wait`,
which is how the desktop keeps an idle window at zero CPU.
"""

from __future__ import annotations

import os
import sys

FIRST_FRAME_VARIABLE = "COVER_NAMES_FIRST_FRAME"
FIRST_FRAME_MARKER = "cover-names: first interactive frame"


def _exit_at_first_frame() -> None:
    """Make the first wait for input report itself and quit the game the normal way."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    def first_wait(*_args: object, **_kwargs: object) -> pygame.event.Event:
        print(FIRST_FRAME_MARKER, flush=True)
        pygame.event.wait = real_wait  # later waits (if any) are the real ones
        return pygame.event.Event(pygame.QUIT)

    real_wait = pygame.event.wait
    pygame.event.wait = first_wait


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
