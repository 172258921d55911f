"""Pushes to the open sockets of each class: the projector feed first, then every device.

A change (a vote, the teacher's key on the projector window, a device joining)
marks its class dirty from whatever thread made it; one task per class then
sends the new state to every socket. Changes that come faster than the sends
are folded into one push, so thirty votes in a second never queue thirty
rounds of messages.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import Any

from starlette.websockets import WebSocket

from game.classroom.live_class import LiveClass


@dataclass
class _Room:
    live: LiveClass
    feeds: set[WebSocket] = field(default_factory=set)  # the projector and teacher pages
    devices: dict[WebSocket, str] = field(default_factory=dict)  # socket -> device token
    dirty: asyncio.Event = field(default_factory=asyncio.Event)
    devices_dirty: bool = False  # the devices' view changed too (not only the projector's)
    task: asyncio.Task[None] | None = None


class Hub:
    """The sockets of every class, and the task per class that pushes changes to them."""

    def __init__(self) -> None:
        self.rooms: dict[str, _Room] = {}
        self.loop: asyncio.AbstractEventLoop | None = None

    def room(self, live: LiveClass) -> _Room:
        room = self.rooms.get(live.code)
        if room is None:
            room = self.rooms[live.code] = _Room(live)
            live.session.listeners.append(lambda kind: self.changed(live.code, kind))
        if room.task is None:
            self.loop = asyncio.get_running_loop()
            room.task = asyncio.create_task(self._push(room))
        return room

    def changed(self, code: str, kind: str = "lesson") -> None:
        """Mark a class dirty; safe from any thread (the projector window has its own).

        A vote or a join changes only the projector's feed: the devices are not sent
        thirty new states for every vote (each voter has its acknowledgement already).
        """
        room = self.rooms.get(code)
        loop = self.loop
        if room is None or loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop is shutting down
            loop.call_soon_threadsafe(self._mark, room, kind not in ("vote", "join"))

    @staticmethod
    def _mark(room: _Room, devices: bool) -> None:
        room.devices_dirty = room.devices_dirty or devices
        room.dirty.set()

    async def _push(self, room: _Room) -> None:
        while True:
            await room.dirty.wait()
            room.dirty.clear()
            live = room.live
            if room.feeds:
                feed = live.projector_state()
                await self._send_all(room, list(room.feeds), lambda _, feed=feed: feed)
            if room.devices and room.devices_dirty:
                room.devices_dirty = False
                shared = live.shared_state()

                def state(ws: WebSocket, shared: dict[str, Any] = shared) -> dict[str, Any]:
                    return {**shared, **room.live.device_state(room.devices[ws])}

                await self._send_all(room, list(room.devices), state)

    async def _send_all(self, room: _Room, sockets: list[WebSocket], message: Any) -> None:
        for socket in sockets:
            try:
                await socket.send_json(message(socket))
            except Exception:  # a closed socket: forget it, the device will reconnect
                room.feeds.discard(socket)
                room.devices.pop(socket, None)

    async def close(self) -> None:
        for room in self.rooms.values():
            if room.task is not None:
                room.task.cancel()
