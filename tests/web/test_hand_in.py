"""A record exported by the desktop game, handed to the classroom server by its address."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.classroom.classes import Classes
from game.classroom.hand_in import HandInError, parse_address
from game.classroom.live_class import LiveClass
from game.classroom.records import write_record
from game.engine import Story
from game.web.app import create_app
from game.web.reports import class_report
from game.web.server import Server, bind
from tests.web.conftest import REPO, make_room


@pytest.fixture
def served(demo_story: Story, tmp_path: Path) -> Iterator[tuple[str, Classes, LiveClass]]:
    classes, live = make_room(demo_story, tmp_path)
    sock, listening = bind("127.0.0.1", 0)
    server = Server(create_app(classes, listening.address), sock)
    server.start_in_background()
    started = threading.Event()
    for _ in range(200):
        if server.started:
            break
        started.wait(0.02)
    try:
        yield listening.address, classes, live
    finally:
        server.stop()


def hand_in(record: Path, address: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "hand-in", str(record), "--to", address],
        capture_output=True, text=True, cwd=REPO, timeout=60,
        env={"COVER_NAMES_HOME": str(home), "PATH": "/usr/bin:/bin"})


def test_a_record_handed_in_by_address_reaches_the_class_report(
        served: tuple[str, Classes, LiveClass], demo_story: Story, tmp_path: Path) -> None:
    address, classes, live = served
    player = demo_story.new_player(demo_story.ordered[0].id)
    while not player.is_over:
        player.choose(next(o for o in player.options if o.available).id)
    record = write_record(player, tmp_path / "records", "Dana")
    result = hand_in(record, f"{address}/join/{live.code.lower()}", tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "Handed in" in result.stdout
    ((device, document),) = classes.store.records(live.code)
    assert device == "desktop" and document["student_name"] == "Dana"
    html, _, matrix = class_report(classes, live)  # the report reads the store directly
    assert "Dana" in html and "Dana" in matrix
    wrong = hand_in(record, f"{address}/join/ZZZZZ", tmp_path / "home")
    assert wrong.returncode == 1 and "No class has that code" in wrong.stderr


def test_a_wrong_code_or_a_file_that_is_no_record_is_refused_with_why(
        served: tuple[str, Classes, LiveClass], tmp_path: Path) -> None:
    address, classes, _ = served
    fake = tmp_path / "notes.json"
    fake.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    result = hand_in(fake, f"{address}/join/ABCDE", tmp_path / "home")
    assert result.returncode == 1 and "not a Cover Names record" in result.stderr
    assert "nothing was sent" in result.stderr
    with pytest.raises(HandInError, match="not a class address"):
        parse_address("192.168.1.20")
    assert parse_address("192.168.1.20:8765/join/k7qxm") == ("http://192.168.1.20:8765", "K7QXM")
    assert classes.store.records(classes.live[next(iter(classes.live))].code) == []


def test_the_desktop_debrief_sends_the_record_to_the_class_by_its_address(
        served: tuple[str, Classes, LiveClass], demo_story: Story) -> None:
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.desktop.pilot import Pilot
    from game.desktop.screens.debrief import DebriefScreen

    address, classes, live = served
    player = demo_story.new_player(demo_story.ordered[0].id)
    while not player.is_over:
        player.choose(next(o for o in player.options if o.available).id)
    pilot = Pilot.start(demo_story, size=(1280, 720))
    try:
        pilot.app.push(DebriefScreen(pilot.app, player))
        pilot.app.pump()
        pilot.press("s")
        assert pilot.screen == "class-address"
        pilot.type(f"{address}/join/{live.code}")
        pilot.press("return")
        assert any("Sent to the class" in text for text in pilot.texts())
        ((device, document),) = classes.store.records(live.code)
        assert device == "desktop" and document["scene"]["id"] == player.scene.id
        pilot.press("s")
        pilot.type("not an address")
        pilot.press("return")
        assert any("Not sent" in text and "not a class address" in text
                   for text in pilot.texts())
    finally:
        pilot.close()
