"""The debrief report opened in a real headless browser (Debian's chromium) and screenshotted.

Set UPDATE_SCREENSHOTS=1 to also refresh docs/screenshots/debrief-report.png,
the picture the facilitator's guide shows.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from game.classroom.debrief import gather
from game.classroom.facilitator import FacilitatorSession, Phase
from game.classroom.plans import Plan
from game.classroom.report import render_html
from game.classroom.sample import write_class
from game.classroom.session_log import SessionLog
from game.engine import Story
from tests.classroom.conftest import REPO, FakeClock

WIDTH, HEIGHT = 1280, 2200


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def class_report(folder: Path, story: Story) -> str:
    """A realistic report: 35 students, one projected session, one damaged file."""
    write_class(story, folder, count=35, seed=1938)
    plan = Plan.of_story(story, "Cover Names, all three scenes")
    log = SessionLog(folder / "session.jsonl", FacilitatorSession.log_header(plan, story))
    session = FacilitatorSession(plan, story, log, clock=FakeClock())
    while session.phase is not Phase.FINISHED:
        if session.phase is Phase.VOTING:
            options = [o for o in session.player.options if o.available]
            for index, option in enumerate(options):
                for _ in range(len(options) * 6 - index * 5):
                    session.add_vote(option.id)
        session.advance()
    session.end()
    (folder / "lena-period3.json").write_text('{"format": "cover-names/record", "ver')
    return render_html(gather([folder], story), "Class debrief: period 3, 20 November")


@pytest.mark.slow
def test_the_report_renders_in_a_headless_browser(tmp_path: Path, shipped_story: Story) -> None:
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium): "
                    "the debrief report could not be opened in a real browser")
    report = tmp_path / "report.html"
    report.write_text(class_report(tmp_path / "class", shipped_story), encoding="utf-8")
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
         f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", report.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(data) > 100_000  # a page of text and charts, not a blank or an error page
    if os.environ.get("UPDATE_SCREENSHOTS"):
        target = REPO / "docs" / "screenshots" / "debrief-report.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target)
