"""Sound: a quiet room tone for each place, and the sounds the sources put in a passage.

Every sound is made by the game itself (nothing recorded is shipped): filtered
noise for a room, a bell for the telephone, knuckles on a door, the keys of a
typewriter, the rhythm of a train. Each is made once, when first wanted, and
kept. The mixer is opened only when a sound is to be heard, so a game with
sound off never touches the audio device.

What is heard is decided in one place, `Soundscape.audible`: sound on (by
default at a desk, off with Projector text, which is how a class sees the
game), not muted (M), and the window not hidden or minimised. When any of
those stops holding, everything stops at once.
"""

from __future__ import annotations

import math
import random
import threading
from array import array

import pygame

RATE = 22050
#: A scene's place → its room tone. Anything else is the quiet room.
ROOMS = (("moscow", "moscow"), ("new york", "city"), ("washington", "city"),
         ("consulate", "city"))
EVENT_SOUNDS = ("telephone", "knock", "typewriter", "train")
ROOM_VOLUME = 0.22  # of the volume setting: a tone under the reading, never over it
EVENT_VOLUME = 0.7


class Soundscape:
    """The mixer, the sounds made so far, the room tone playing and what may be heard."""

    def __init__(self) -> None:
        self._ready: bool | None = None  # None: the mixer not tried yet
        self.problem = ""
        self._made: dict[str, pygame.mixer.Sound] = {}
        self._making = threading.Lock()
        self._room_channel: pygame.mixer.Channel | None = None
        self.room = ""  # the room tone wanted now ("" for none)
        self.enabled = True
        self.volume = 0.7
        self.window_visible = True

    @property
    def audible(self) -> bool:
        return self.enabled and self.volume > 0 and self.window_visible

    def configure(self, enabled: bool, volume: float) -> None:
        """The settings changed (sound on or off, mute, volume)."""
        self.enabled, self.volume = enabled, max(0.0, min(1.0, volume))
        self._refresh()

    def show_window(self, visible: bool) -> None:
        """The window was hidden or minimised (nothing plays), or shown again."""
        if visible != self.window_visible:
            self.window_visible = visible
            self._refresh()

    def set_place(self, place: str) -> None:
        """A passage at `place` is on screen: its room tone, if it is not already playing."""
        lowered = place.casefold()
        room = next((tone for word, tone in ROOMS if word in lowered), "room")
        if room != self.room:
            self.room = room
            self._stop_room()
        self._refresh()

    def leave_scene(self) -> None:
        self.room = ""
        self._stop_room()

    def play(self, name: str) -> bool:
        """One of `EVENT_SOUNDS`, once; False when nothing could be heard."""
        if name not in EVENT_SOUNDS or not self.audible or not self._mixer():
            return False
        sound = self._sound(name)
        sound.set_volume(self.volume * EVENT_VOLUME)
        return sound.play() is not None

    @property
    def playing(self) -> bool:
        """Whether any sound is being mixed now."""
        return bool(self._ready) and pygame.mixer.get_init() is not None and \
            pygame.mixer.get_busy()

    def stop(self) -> None:
        if self._ready and pygame.mixer.get_init() is not None:
            pygame.mixer.stop()
        self._room_channel = None

    def close(self) -> None:
        self.stop()
        if self._ready and pygame.mixer.get_init() is not None:
            pygame.mixer.quit()
        self._ready = None

    # -- inside ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        if not self.audible:
            self.stop()
            return
        if not self.room or not self._mixer():
            return
        sound = self._sound("room-" + self.room)
        sound.set_volume(self.volume * ROOM_VOLUME)
        if self._room_channel is None or not self._room_channel.get_busy():
            self._room_channel = sound.play(loops=-1, fade_ms=1200)

    def _stop_room(self) -> None:
        if self._room_channel is not None:
            self._room_channel.fadeout(600)
        self._room_channel = None

    def _mixer(self) -> bool:
        if self._ready is None:
            try:
                pygame.mixer.init(RATE, -16, 1, 2048)
                self._ready = True
                # The passages' sounds are made now, behind the reading, so the first
                # telephone does not hold up the passage it rings in.
                threading.Thread(target=self._premake, name="sounds", daemon=True).start()
            except pygame.error as error:
                self._ready = False
                self.problem = f"No sound: the computer's audio could not be opened ({error})."
        return bool(self._ready)

    def _sound(self, name: str) -> pygame.mixer.Sound:
        with self._making:
            sound = self._made.get(name)
            if sound is None:
                sound = pygame.mixer.Sound(buffer=make(name).tobytes())
                self._made[name] = sound
            return sound

    def _premake(self) -> None:
        for name in EVENT_SOUNDS:
            try:
                self._sound(name)
            except pygame.error:  # the mixer was closed meanwhile: nothing to make for
                return


# -- making the sounds ---------------------------------------------------------------------------
def make(name: str) -> array:
    """16-bit mono samples at `RATE` for a sound by name (deterministic: seeded by name)."""
    rng = random.Random(name)
    if name.startswith("room-"):
        return _room(name[5:], rng)
    return {"telephone": _telephone, "knock": _knock, "typewriter": _typewriter,
            "train": _train}[name](rng)


def _pcm(values: list[float]) -> array:
    return array("h", (max(-32767, min(32767, int(v * 32767))) for v in values))


def _room(kind: str, rng: random.Random) -> array:
    """Four seconds of filtered noise that loops without a seam: a room, a city, a cold wind."""
    seconds = 3.0
    n = int(RATE * seconds)
    # (low-pass strength, how much the low rumble and the hiss each weigh, slow swell)
    tones = {"moscow": (0.02, 1.0, 0.08, 0.35), "city": (0.06, 0.8, 0.25, 0.15)}
    cutoff, rumble, hiss, swell = tones.get(kind, (0.03, 0.7, 0.05, 0.1))
    low = high = 0.0
    values = []
    for i in range(n):
        white = rng.uniform(-1, 1)
        low += cutoff * (white - low)
        high += 0.5 * (white - high)
        slow = 1 + swell * math.sin(2 * math.pi * i / n)  # one swell per loop: it loops clean
        values.append((rumble * low * 6 + hiss * high) * 0.35 * slow)
    fade = int(RATE * 0.5)  # cross-fade the end into the start so the loop has no click
    for i in range(fade):
        share = i / fade
        values[i] = values[i] * share + values[n - fade + i] * (1 - share)
    return _pcm(values[: n - fade])


def _telephone(rng: random.Random) -> array:
    """A 1930s bell: two rings of a hammer between two bells, a pause between them."""
    values: list[float] = []
    for ring in range(2):
        for i in range(int(RATE * 1.1)):
            t = i / RATE
            hammer = 1.0 if math.sin(2 * math.pi * 18 * t) > 0 else 0.35
            bell = (math.sin(2 * math.pi * 1080 * t) + 0.6 * math.sin(2 * math.pi * 1310 * t)
                    + 0.25 * math.sin(2 * math.pi * 2650 * t))
            values.append(0.22 * hammer * bell * min(1.0, t * 40))
        values += [0.0] * int(RATE * (0.5 if ring == 0 else 0.1))
    return _pcm(values)


def _knock(rng: random.Random) -> array:
    """Three knocks of knuckles on a wooden door."""
    values: list[float] = []
    for _ in range(3):
        length = int(RATE * 0.09)
        for i in range(length):
            t = i / RATE
            decay = math.exp(-t * 60)
            values.append(decay * (0.55 * math.sin(2 * math.pi * 150 * t)
                                   + 0.3 * math.sin(2 * math.pi * 240 * t)
                                   + 0.25 * rng.uniform(-1, 1) * math.exp(-t * 300)))
        values += [0.0] * int(RATE * rng.uniform(0.16, 0.2))
    return _pcm(values)


def _typewriter(rng: random.Random) -> array:
    """A line typed: uneven key strikes, then the carriage bell."""
    values: list[float] = []
    for _ in range(14):
        strike = int(RATE * 0.012)
        for i in range(strike):
            t = i / RATE
            values.append(0.5 * rng.uniform(-1, 1) * math.exp(-t * 500)
                          + 0.2 * math.sin(2 * math.pi * 900 * t) * math.exp(-t * 250))
        values += [0.0] * int(RATE * rng.uniform(0.06, 0.14))
    for i in range(int(RATE * 0.6)):
        t = i / RATE
        values.append(0.25 * math.sin(2 * math.pi * 2100 * t) * math.exp(-t * 7))
    return _pcm(values)


def _train(rng: random.Random) -> array:
    """Wheels over rail joints: a low rumble and clack-clack, four times."""
    n = int(RATE * 4)
    values: list[float] = []
    low = 0.0
    for _ in range(n):
        low += 0.03 * (rng.uniform(-1, 1) - low)
        values.append(low * 2.2)
    burst = [0.45 * math.sin(2 * math.pi * 95 * i / RATE) * math.exp(-i / RATE * 45)
             for i in range(int(RATE * 0.06))]
    for joint in (int(RATE * (0.2 + 0.95 * k + d)) for k in range(4) for d in (0.0, 0.16)):
        for i, value in enumerate(burst):
            values[joint + i] += value
    for i in range(n):
        values[i] *= 0.6 * min(1.0, i / (RATE * 0.4), (n - i) / (RATE * 0.6))
    return _pcm(values)
