"""The classroom server under a school's load: ten classes of 30 voting through seven decisions.

The server runs in its own process (uvicorn on 127.0.0.1, a free port, a fresh
SQLite file) with ten classes of the shipped scenes; 300 simulated students
connect over WebSocket from this process, and each class's projector feed is
a teacher socket. For every decision each student votes once, at a random
moment in two seconds, and the teacher closes the vote when all have voted.

Prints: p50 and p99 from a vote sent to its appearance in its class's
projector feed (goal p99 <= 250 ms on a 2-core machine), the server's peak
memory (VmHWM, goal <= 200 MB), and its CPU while a class is connected and
nothing happens (goal <= 1 %). Everything is on loopback; every loop is
bounded in count and time.

Run: python benchmarks/bench_classroom.py [--classes 10] [--students 30] [--decisions 7]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx
from websockets.asyncio.client import connect

REPO = Path(__file__).resolve().parents[1]
SERVER = """
import json, sys
from pathlib import Path
from game.classroom.classes import Classes
from game.classroom.plans import Plan
from game.classroom.sqlite_store import SqliteStore
from game.engine import load_story
from game.web.app import create_app
from game.web.server import Server, bind
folder, count = Path(sys.argv[1]), int(sys.argv[2])
story = load_story()
classes = Classes(story, SqliteStore(folder / "bench.sqlite3"), log_dir=folder / "sessions")
rooms = [classes.start(Plan.of_story(story)) for _ in range(count)]
sock, listening = bind("127.0.0.1", 0)
print(json.dumps({"address": listening.address,
                  "classes": [[r.code, r.row.secret] for r in rooms]}), flush=True)
Server(create_app(classes, listening.address), sock).run()
"""


def proc_status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])  # kB
    return 0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Class:
    """One class: its students' sockets, the teacher's feed, and the timings seen."""

    def __init__(self, address: str, code: str, secret: str) -> None:
        self.address, self.code, self.secret = address, code, secret
        self.ws_address = address.replace("http", "ws")
        self.devices: list[str] = []
        self.sockets: list = []
        self.feed_times: list[tuple[float, int, str]] = []  # (when, voted, decision)
        self.sent: dict[str, list[float]] = {}  # decision -> send times, in ack order
        self.latencies: list[float] = []
        self.feed_changed = asyncio.Event()
        self.state: dict = {}

    async def teacher(self, client: httpx.AsyncClient, action: str) -> dict:
        answer = await client.post(f"{self.address}/api/teacher/{self.code}",
                                   json={"action": action},
                                   headers={"x-teacher-secret": self.secret})
        return dict(answer.json()["feed"])

    async def listen_feed(self) -> None:
        async with connect(f"{self.ws_address}/ws/teacher/{self.code}?secret={self.secret}",
                           max_size=2**22) as ws:
            async for message in ws:
                feed = json.loads(message)
                self.state = feed
                self.feed_times.append((time.perf_counter(), feed["voted"], feed["decision"]))
                self.feed_changed.set()

    async def student(self, index: int, device: str, plan: asyncio.Queue) -> None:
        async with connect(f"{self.ws_address}/ws/class/{self.code}?device={device}",
                           max_size=2**22) as ws:
            self.sockets.append(ws)
            while True:
                job = await plan.get()
                if job is None:
                    return
                decision, option, delay = job
                await asyncio.sleep(delay)
                sent = time.perf_counter()
                await ws.send(json.dumps({"type": "vote", "option": option,
                                          "decision": decision}))
                while True:
                    answer = json.loads(await asyncio.wait_for(ws.recv(), 10))
                    if answer["type"] == "ack":
                        self.sent.setdefault(decision, []).append(sent)
                        break
                    if answer["type"] == "refused":
                        raise RuntimeError(answer["reason"])

    def measure(self, decision: str) -> None:
        """For the i-th acknowledged vote: the first feed message counting i votes."""
        feeds = [(t, voted) for t, voted, d in self.feed_times if d == decision]
        for index, sent in enumerate(sorted(self.sent.get(decision, [])), start=1):
            seen = next((t for t, voted in feeds if voted >= index and t >= sent), None)
            if seen is not None:
                self.latencies.append(seen - sent)


async def run_class(room: Class, client: httpx.AsyncClient, students: int,
                    decisions: int) -> None:
    for n in range(students):
        answer = await client.post(f"{room.address}/api/join",
                                   json={"code": room.code, "name": f"Student {n}"})
        room.devices.append(answer.json()["device"])
    feed_task = asyncio.create_task(room.listen_feed())
    queues = [asyncio.Queue() for _ in room.devices]
    tasks = [asyncio.create_task(room.student(i, d, q))
             for i, (d, q) in enumerate(zip(room.devices, queues, strict=True))]
    await asyncio.sleep(0.5)
    done = 0
    for _ in range(200):  # bounded: presses through passages, reveals and scene ends
        if done >= decisions:
            break
        feed = await room.teacher(client, "advance")
        if feed["phase"] != "voting":
            continue
        decision = feed["decision"]
        option = next(o["id"] for o in feed["options"] if o["available"])
        for queue in queues:
            await queue.put((decision, option, random.uniform(0, 2.0)))
        deadline = time.perf_counter() + 20
        while time.perf_counter() < deadline and (
                room.state.get("decision") != decision or room.state.get("voted", 0) < students):
            room.feed_changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(room.feed_changed.wait(), 1)
        for _ in range(100):  # the feed can count the last votes before their acks arrive
            if len(room.sent.get(decision, [])) >= students:
                break
            await asyncio.sleep(0.02)
        room.measure(decision)
        done += 1
    for queue in queues:
        await queue.put(None)
    await asyncio.gather(*tasks, return_exceptions=True)
    feed_task.cancel()


async def idle(server: dict, pid: int, seconds: float) -> float:
    """CPU share of the server with one class of 30 connected and nothing happening."""
    code, secret = server["classes"][0]
    room = Class(server["address"], code, secret)
    async with httpx.AsyncClient(timeout=10) as client:
        devices = [(await client.post(f"{room.address}/api/join",
                                      json={"code": code, "name": f"Idle {n}"})).json()["device"]
                   for n in range(30)]
    sockets = [await connect(f"{room.ws_address}/ws/class/{code}?device={d}") for d in devices]
    feed = await connect(f"{room.ws_address}/ws/teacher/{code}?secret={secret}")
    await asyncio.sleep(2)  # the joins' pushes settle
    before, start = cpu_seconds(pid), time.perf_counter()
    await asyncio.sleep(seconds)
    share = (cpu_seconds(pid) - before) / (time.perf_counter() - start)
    for ws in [*sockets, feed]:
        await ws.close()
    return share


async def main_async(args: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-classroom-"))
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(folder), str(args.classes)],
                               cwd=REPO, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "COVER_NAMES_HOME": str(folder / "home")})
    try:
        assert process.stdout is not None
        server = json.loads(process.stdout.readline())
        async with httpx.AsyncClient(timeout=10) as client:
            for _ in range(100):
                try:
                    await client.get(f"{server['address']}/health")
                    break
                except httpx.HTTPError:
                    await asyncio.sleep(0.05)
            idle_share = await idle(server, process.pid, args.idle_seconds)
            rooms = [Class(server["address"], code, secret) for code, secret in server["classes"]]
            started = time.perf_counter()
            await asyncio.wait_for(asyncio.gather(
                *(run_class(room, client, args.students, args.decisions) for room in rooms)),
                timeout=600)
            elapsed = time.perf_counter() - started
        latencies = sorted(x * 1000 for room in rooms for x in room.latencies)
        peak = proc_status(process.pid, "VmHWM") / 1024
        votes = len(latencies)
        expected = args.classes * args.students * args.decisions
        print(f"classes {args.classes} x {args.students} students, {args.decisions} decisions: "
              f"{votes} of {expected} votes timed, in {elapsed:.1f} s; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        if latencies:
            p50 = statistics.median(latencies)
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
            print(f"vote -> projector feed: p50 {p50:.1f} ms, p99 {p99:.1f} ms (goal p99 <= 250)")
        print(f"server peak memory (VmHWM): {peak:.0f} MB (goal <= 200)")
        print(f"server CPU, one class of 30 connected and idle for {args.idle_seconds:.0f} s: "
              f"{idle_share * 100:.2f} % of a core (goal <= 1)")
    finally:
        process.terminate()
        process.wait(timeout=10)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--decisions", type=int, default=7)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
