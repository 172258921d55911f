"""Self-voicing: read the screen aloud through the system's speech engine, when there is one.

pyttsx3 is an optional extra (`pip install 'cover-names[speech]'`). Without
it the window says so in a student's words, and the technical fix is logged. Its engine
runs in a worker thread of its own (the engine must stay in the thread that
made it), so reading a long passage never freezes the window. Where there is
no engine, `say` returns a sentence for the screen instead of failing.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any

#: What the student or teacher reads in the window; the fix for a technician goes to the log.
UNAVAILABLE = (
    "Reading aloud needs a speech voice on this computer, and none was found. "
    "Ask your teacher or the school's IT team to set one up."
)
#: For the terminal and the log: what a technician installs.
TECHNICAL = (
    "no speech engine: install the speech extra (pip install 'cover-names[speech]', "
    "which brings pyttsx3) and a system voice (eSpeak NG on Linux); %s"
)
log = logging.getLogger(__name__)


class Voice:
    """Speaks text on a worker thread; every failure becomes a message, never an exception."""

    def __init__(self) -> None:
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._engine: Any = None
        self.problem = ""
        self._ready = threading.Event()

    def available(self) -> bool:
        self._start()
        self._ready.wait(timeout=3.0)
        return not self.problem

    def say(self, text: str) -> str:
        """Start reading `text` (stopping what was being read); returns what to show the player."""
        if not text.strip():
            return "There is nothing to read aloud here."
        if not self.available():
            return self.problem
        try:
            if self._engine is not None:
                self._engine.stop()
        except Exception:  # a speech driver may fail in any way; the game must not
            pass
        self._queue.put(text)
        return "Reading aloud. Press V again to start over."

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="speech", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
        except Exception as error:  # ImportError, or a platform with no voice at all
            log.warning(TECHNICAL, f"{type(error).__name__}: {error}")
            self.problem = UNAVAILABLE
            self._ready.set()
            return
        self._ready.set()
        while True:
            text = self._queue.get()
            if text is None:
                return
            try:
                self._engine.say(text)
                self._engine.runAndWait()
            except Exception as error:
                log.warning(TECHNICAL, f"{type(error).__name__}: {error}")
                self.problem = UNAVAILABLE
                return
