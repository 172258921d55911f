"""Self-voicing: read the screen aloud through the system's speech engine, when there is one.

pyttsx3 is an optional extra (`pip install 'cover-names[speech]'`). Without
it the window says so in a student's words, and the technical fix is logged. Its engine
runs in a worker thread of its own (the engine must stay in the thread that
made it), so reading a long passage never freezes the window. Where there is
no engine, `say` returns a sentence for the screen instead of failing. On
Linux pyttsx3's eSpeak driver plays its sound through `aplay`, and says
nothing when there is none, so that is checked too: the window never says
"Reading aloud" while nothing plays. V while reading stops it.
"""

from __future__ import annotations

import logging
import queue
import shutil
import sys
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
#: What the window says when there is a voice but no sound player for it.
NO_SOUND = (
    "Reading aloud found a voice on this computer but no way to play its sound, so nothing "
    "would be heard. Ask your teacher or the school's IT team to set one up."
)
#: For the log, when eSpeak has a voice but nothing to play its sound through.
NO_PLAYER = "pyttsx3's espeak driver plays through aplay, and there is none: install alsa-utils"
#: What the window says while reading, and when V stops it.
READING = "Reading aloud. Press V again to stop."
STOPPED = "Stopped reading aloud. Press V to read this screen again."
log = logging.getLogger(__name__)


def missing_player(driver: str, platform: str = sys.platform) -> bool:
    """True when the speech driver would speak into nothing: eSpeak on Linux with no aplay."""
    return (driver == "espeak" and platform.startswith("linux")
            and shutil.which("aplay") is None)


class Voice:
    """Speaks text on a worker thread; every failure becomes a message, never an exception."""

    def __init__(self) -> None:
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._engine: Any = None
        self.problem = ""
        self._ready = threading.Event()
        self._speaking = threading.Event()  # set while a text is being read

    @property
    def speaking(self) -> bool:
        return self._speaking.is_set()

    def available(self) -> bool:
        self._start()
        self._ready.wait(timeout=3.0)
        return not self.problem

    def say(self, text: str) -> str:
        """Start reading `text`, or stop when already reading (V toggles); returns what to
        show the player."""
        if self.speaking:
            self.hush()
            return STOPPED
        if not text.strip():
            return "There is nothing to read aloud here."
        if not self.available():
            return self.problem
        self._speaking.set()  # from now, so a second V stops even before the first word
        self._queue.put(text)
        return READING

    def hush(self) -> None:
        """Stop reading now (the worker stays, for the next V)."""
        self._speaking.clear()
        try:
            if self._engine is not None:
                self._engine.stop()
        except Exception:  # a speech driver may fail in any way; the game must not
            pass

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
            if missing_player(str(getattr(self._engine, "driver_name", ""))):
                log.warning(TECHNICAL, NO_PLAYER)
                self.problem = NO_SOUND
                self._ready.set()
                return
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
                if self._speaking.is_set():
                    self._engine.say(text)
                    self._engine.runAndWait()
            except Exception as error:
                log.warning(TECHNICAL, f"{type(error).__name__}: {error}")
                self.problem = UNAVAILABLE
                self._speaking.clear()
                return
            finally:
                if self._queue.empty():
                    self._speaking.clear()
