"""The pages in real Chromium (Debian's, driven by Playwright): join, play a scene to its end,
vote in a class, on a phone and on a laptop; axe-core finds no serious accessibility problem."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.classroom.classes import Classes
from game.classroom.live_class import LiveClass
from game.engine import Story
from game.web.app import create_app
from game.web.server import Server, bind
from tests.web.conftest import make_room

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def served(demo_story: Story, tmp_path: Path) -> Iterator[tuple[str, Classes, LiveClass]]:
    """The real server (uvicorn) on 127.0.0.1 and a free port, in a background thread."""
    classes, live = make_room(demo_story, tmp_path)
    sock, listening = bind("127.0.0.1", 0)
    server = Server(create_app(classes, listening.address), sock)
    server.start_in_background()
    ready = threading.Event()
    for _ in range(200):
        if server.started:
            ready.set()
            break
        ready.wait(0.02)
    assert ready.is_set()
    try:
        yield listening.address, classes, live
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def serious(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now."""
    results = axe_module.Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_student_plays_a_scene_to_its_end_in_the_browser(
        served: tuple[str, Classes, LiveClass], browser: Any, viewport: dict[str, int],
        tmp_path: Path) -> None:
    address, classes, live = served
    page = browser.new_page(viewport=viewport)
    page.goto(f"{address}/join/{live.code}")
    assert serious(page) == []
    page.get_by_label("Your name").fill("Ann <b>")
    page.get_by_role("button", name="Join").click()
    page.wait_for_url(f"**/class/{live.code}")
    page.get_by_role("link", name="Play a scene on your own").click()
    scene = classes.story.ordered[0]
    page.get_by_role("link", name=scene.title).click()
    checked = False
    for _ in range(40):
        if page.get_by_text("The end of the scene").count():
            break
        buttons = page.locator("form.choices button[name=option]")
        assert buttons.count() >= 1, page.content()
        buttons.first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")  # the keyboard alone plays the scene
        if not checked and page.locator("#reveal h2").count():
            assert serious(page) == []
            page.screenshot(path=str(tmp_path / f"reveal-{viewport['width']}.png"))
            checked = True
    assert page.get_by_text("The end of the scene").count() == 1
    assert checked, "a record was revealed on the way"
    # Every choice is on the server: the record the teacher's report reads.
    ((_, document),) = classes.store.records(live.code)
    assert document["student_name"] == "Ann <b>" and document["ending"]
    assert len(document["choices"]) >= 2
    report = page.context.request.get(f"{address}/report/{live.code}?secret={live.row.secret}")
    assert "Ann &lt;b&gt;" in report.text() and "Ann <b>" not in report.text()
    page.screenshot(path=str(tmp_path / f"ending-{viewport['width']}.png"), full_page=True)
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    page.close()


def test_a_phone_votes_and_sees_the_reveal_live(served: tuple[str, Classes, LiveClass],
                                                browser: Any, tmp_path: Path) -> None:
    address, _, live = served
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{address}/join/{live.code}")
    page.get_by_label("Your name").fill("Bea")
    page.get_by_role("button", name="Join").click()
    page.wait_for_url(f"**/class/{live.code}")
    page.get_by_text("You are in").wait_for()
    while live.session.phase.value != "voting":
        live.session.advance()
    first = next(o for o in live.session.player.options if o.available)
    page.get_by_role("button", name=first.text).wait_for()
    assert serious(page) == []
    page.screenshot(path=str(tmp_path / "phone-voting.png"))
    page.get_by_role("button", name=first.text).click()
    page.get_by_text("Your vote is in").first.wait_for()
    assert live.session.tally[first.id] == 1
    teacher = browser.new_page(viewport=LAPTOP)
    teacher.goto(f"{address}/teacher/{live.code}?secret={live.row.secret}")
    teacher.locator("#voted", has_text="1").wait_for()
    assert serious(teacher) == []
    teacher.get_by_role("button", name="Begin · close the vote · continue").click()
    page.locator("#reveal h2").wait_for()  # pushed to the phone, no reload
    assert "The class chose" in page.locator("#reveal").inner_text()
    assert page.locator("#reveal").get_attribute("aria-live") == "polite"
    page.screenshot(path=str(tmp_path / "phone-reveal.png"))
    teacher.screenshot(path=str(tmp_path / "teacher.png"), full_page=True)
    assert serious(page) == []
