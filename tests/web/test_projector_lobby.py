"""The classroom projector in the real (headless) window: lobby, live counts, who has not voted."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.classroom.live_class import LiveClass
from game.desktop.pilot import Pilot
from game.desktop.projector.classroom_screen import ClassroomScreen
from game.engine import Story
from tests.web.conftest import make_room


@pytest.fixture
def projector(demo_story: Story, tmp_path: Path) -> Iterator[tuple[Pilot, LiveClass]]:
    _, live = make_room(demo_story, tmp_path)
    pilot = Pilot.start(demo_story, size=(1024, 768))
    pilot.app.push(ClassroomScreen(pilot.app, live, "http://192.168.1.20:8765"))
    pilot.app.pump()
    try:
        yield pilot, live
    finally:
        pilot.close()


def test_the_lobby_shows_the_address_qr_code_and_who_joined(
        projector: tuple[Pilot, LiveClass]) -> None:
    pilot, live = projector
    assert pilot.screen == "classroom"
    assert pilot.text("join-address") == f"http://192.168.1.20:8765/join/{live.code}"
    assert pilot.text("class-code") == live.code
    assert pilot.text("joined") == "0 joined"
    assert pilot.labels("qr")[0].rect.width >= 200  # readable from the back of the room
    assert any("only while this window is open" in t for t in pilot.texts("network"))
    assert not any("/" in t and ("home" in t or "sessions" in t) for t in pilot.texts())
    live.join("Ann")
    live.join("Bob")
    pilot.app.pump()  # the server thread's change arrives as the window's own event
    assert pilot.text("joined") == "2 joined"


def test_votes_from_devices_rise_on_the_projector_with_who_has_not_voted(
        projector: tuple[Pilot, LiveClass]) -> None:
    pilot, live = projector
    ann = live.join("Ann")
    live.join("Bob")
    pilot.press("space")
    pilot.press("space")
    session = live.session
    assert session.decision_key
    option = next(o for o in session.player.options if o.available)
    live.vote(ann.device, option.id, session.decision_key)
    pilot.app.pump()
    assert session.tally[option.id] == 1
    assert pilot.text("class-votes") == "1 of 2 voted · not yet: Bob"
    # Typed counts stay as the fallback, and a count over the class is flagged.
    pilot.press("c", "2", "5", "return")
    pilot.app.pump()
    assert "only 2 in the class" in pilot.text("class-votes")


def test_facilitator_mode_starts_a_class_on_devices_with_d(demo_story: Story) -> None:
    import httpx2 as httpx

    from game.desktop.projector.plan_chooser import PlanChooserScreen

    pilot = Pilot.start(demo_story, size=(1024, 768))
    try:
        chooser = PlanChooserScreen(pilot.app)
        chooser.host, chooser.port = "127.0.0.1", 0  # this machine only, any free port
        pilot.app.push(chooser)
        pilot.app.pump()
        assert "(off)" in pilot.text("devices")
        pilot.press("d")
        assert "(on)" in pilot.text("devices")
        pilot.press("a")
        assert "anonymous (on: no names)" in pilot.text("devices")
        pilot.click("Every scene, in historical order")
        assert pilot.screen == "classroom"
        screen = pilot.app.top
        assert isinstance(screen, ClassroomScreen) and screen.server is not None
        address = pilot.text("join-address")
        assert address.startswith("http://127.0.0.1:")
        for _ in range(100):
            if screen.server.started:
                break
            pilot.app.pump()
        base, code = address.rsplit("/join/", 1)
        answer = httpx.post(f"{base}/api/join", json={"code": code, "name": "Ann"}, timeout=5)
        assert answer.status_code == 200
        pilot.app.pump()
        assert pilot.text("joined") == "1 joined"
        assert screen.live.row.anonymous and screen.live.students()[0].name == ""
        pilot.press("esc", "esc")  # end the session: the server stops listening
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"{base}/health", timeout=2)
    finally:
        pilot.close()
