"""Nothing acknowledged is lost: kill -9 of the real server mid-vote, restart, all votes there."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx  # the package Starlette 1.x takes (pyproject: httpx2)
from websockets.sync.client import connect

from tests.web.conftest import DEMO, REPO


def start(data: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """`cover-names classroom --headless` on 127.0.0.1, any free port; its printed addresses."""
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "classroom", "--headless", "--host", "127.0.0.1",
         "--port", "0", "--data", str(data), "--scenes", str(DEMO)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "COVER_NAMES_HOME": str(data / "home")})
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if line.startswith("Teacher:"):
            break
    text = "".join(lines)
    found = re.search(r"at (http://127\.0\.0\.1:\d+).*class code (\w+).*secret=(\S+)", text,
                      re.S)
    assert found, text
    address, code, secret = found.groups()
    for _ in range(100):  # the socket is bound before the first line: wait for uvicorn
        try:
            httpx.get(f"{address}/health", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)
    return process, {"address": address, "code": code, "secret": secret, "output": text}


def teacher(server: dict[str, str], action: str = "") -> dict:
    """The teacher's action (or, with none, a look at the projector's feed)."""
    answer = httpx.request("POST" if action else "GET",
                           f"{server['address']}/api/teacher/{server['code']}",
                           json={"action": action} if action else None,
                           headers={"x-teacher-secret": server["secret"]})
    return dict(answer.json()["feed"])


def vote(server: dict[str, str], device: str, option: str) -> dict:
    ws_address = server["address"].replace("http", "ws")
    with connect(f"{ws_address}/ws/class/{server['code']}?device={device}") as ws:
        state = json.loads(ws.recv(timeout=5))
        ws.send(json.dumps({"type": "vote", "option": option, "decision": state["decision"]}))
        while True:
            answer = json.loads(ws.recv(timeout=5))
            if answer["type"] != "state":
                return dict(answer)


def test_kill_9_mid_vote_and_restart_keeps_every_acknowledged_vote(tmp_path: Path) -> None:
    process, server = start(tmp_path)
    try:
        devices = [httpx.post(f"{server['address']}/api/join", json={
            "code": server["code"], "name": f"Student {n}"}).json()["device"] for n in range(5)]
        feed = teacher(server, "advance")
        while feed["phase"] != "voting":
            feed = teacher(server, "advance")
        options = [o["id"] for o in feed["options"] if o["available"]]
        acknowledged = {}
        for index, device in enumerate(devices[:4]):
            option = options[index % 2]
            assert vote(server, device, option)["type"] == "ack"
            acknowledged[device] = option
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    process, again = start(tmp_path)
    try:
        assert again["code"] == server["code"] and "Resumed class" in again["output"]
        feed = teacher(again)
        assert feed["phase"] == "voting" and feed["decision"]
        assert feed["voted"] == 4 and feed["waiting"] == ["Student 4"]
        assert feed["counts"] == {o: list(acknowledged.values()).count(o) for o in feed["counts"]}
        # The devices rejoin where the class is: the same token, their vote remembered.
        refused = vote(again, devices[0], options[1])
        assert refused["type"] == "refused" and "already voted" in refused["reason"]
        assert vote(again, devices[4], options[0])["type"] == "ack"
        closed = teacher(again, "advance")
        assert closed["phase"] == "revealed"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
