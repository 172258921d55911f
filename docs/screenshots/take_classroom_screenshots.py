"""The classroom server's screenshots, retaken on the shipped scenes.

    python docs/screenshots/take_classroom_screenshots.py

The projector's two (the lobby with its QR code, a live vote) are drawn by the
real window with SDL's dummy driver at 1024×768; the phone's two and the
report's matrix are the real pages in Debian's chromium (Playwright, no
browser download), served by the real server on 127.0.0.1 and a free port.
Everything is in a temporary user folder; six students play or vote, with a
fixed random seed so the pictures do not change between runs.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import threading
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["COVER_NAMES_HOME"] = tempfile.mkdtemp(prefix="cover-names-shots-")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import pygame  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from game.classroom.classes import Classes  # noqa: E402
from game.classroom.plans import Plan  # noqa: E402
from game.classroom.sqlite_store import SqliteStore  # noqa: E402
from game.desktop.pilot import Pilot  # noqa: E402
from game.desktop.projector.classroom_screen import ClassroomScreen  # noqa: E402
from game.engine import load_story  # noqa: E402
from game.web.app import create_app  # noqa: E402
from game.web.reports import class_report  # noqa: E402
from game.web.server import Server, bind  # noqa: E402

NAMES = ["Amira", "Ben", "Chloé", "Dmitri", "Eve", "Farid"]
PHONE = {"width": 390, "height": 844}


def main() -> int:
    story = load_story()
    folder = Path(tempfile.mkdtemp())
    classes = Classes(story, SqliteStore(folder / "class.sqlite3"), log_dir=folder / "sessions")
    live = classes.start(Plan.of_story(story))
    sock, listening = bind("127.0.0.1", 0)
    server = Server(create_app(classes, listening.address), sock)
    server.start_in_background()
    waited = threading.Event()
    while not server.started:
        waited.wait(0.02)
    try:
        projector(live)
        phone_and_report(classes, live, listening.address)
    finally:
        server.stop()
    return 0


def projector(live: object) -> None:
    """The lobby with three joined, then a vote with two of three in."""
    from game.classroom.live_class import LiveClass

    assert isinstance(live, LiveClass)
    pilot = Pilot.start(live.session.story, size=(1024, 768))
    pilot.app.push(ClassroomScreen(pilot.app, live, "http://192.168.1.20:8765"))
    students = [live.join(name, address=name) for name in NAMES[:3]]
    pilot.app.pump()
    pygame.image.save(pygame.display.get_surface(), str(HERE / "classroom-lobby.png"))
    while live.session.phase.value != "voting":
        pilot.press("space")
    options = [o for o in live.session.player.options if o.available]
    live.vote(students[0].device, options[0].id, live.session.decision_key)
    live.vote(students[1].device, options[-1].id, live.session.decision_key)
    pilot.app.pump()
    pygame.image.save(pygame.display.get_surface(), str(HERE / "classroom-live-count.png"))
    live.session.back()  # the phones below vote on the same decision afresh
    live.session.advance()
    pilot.close()


def phone_and_report(classes: Classes, live: object, address: str) -> None:
    from game.classroom.live_class import LiveClass

    assert isinstance(live, LiveClass)
    rng = random.Random(4)
    scene = classes.story.ordered[0].id
    for name in NAMES:  # six students play the first scene on their own, for the report
        device = live.join(name, address=f"play-{name}").device
        play = classes.play[live.code]
        for _ in range(100):
            played = play.current(device, scene)
            if played.player.is_over:
                break
            options = [o for o in played.player.options if o.available]
            play.choose(device, scene, rng.choice(options).id, name)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{address}/join/{live.code}")
        page.get_by_label("Your name").fill("Bea")
        page.get_by_role("button", name="Join").click()
        page.wait_for_url(f"**/class/{live.code}")
        while live.session.phase.value != "voting":
            live.session.advance()
        first = next(o for o in live.session.player.options if o.available)
        page.get_by_role("button", name=first.text).wait_for()
        page.screenshot(path=str(HERE / "classroom-phone-voting.png"))
        page.get_by_role("button", name=first.text).click()
        page.get_by_text("Your vote is in").first.wait_for()
        live.session.advance()
        page.locator("#reveal h2").wait_for()
        page.screenshot(path=str(HERE / "classroom-phone-reveal.png"))
        html, _, _ = class_report(classes, live)
        report = Path(tempfile.mkdtemp()) / "report.html"
        report.write_text(html, encoding="utf-8")
        laptop = browser.new_page(viewport={"width": 1366, "height": 900})
        laptop.goto(report.as_uri())
        top = laptop.evaluate("document.getElementById('who-chose-what')"
                              ".getBoundingClientRect().top + window.scrollY")
        bottom = laptop.evaluate("document.querySelector('table.matrix')"
                                 ".getBoundingClientRect().bottom + window.scrollY")
        laptop.screenshot(path=str(HERE / "classroom-who-chose-what.png"), full_page=True,
                          clip={"x": 0, "y": top - 10, "width": 1366,
                                "height": bottom - top + 30})
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
