"""Every quote, wherever it is shown, is credited to its voice and then to the article quoting it.

Two of the three seed articles are named after people, so "(source: Boris
Bazarov)" under Massing's memoir credits her words to him. These tests read
back what a student, a teacher and a class see (the desktop window through
the pilot, the terminal, the projector, an exported record, the debrief
report and its CSV) and look for the credit line, and for any "source:"
followed by a seed's title.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.classroom.debrief import gather
from game.classroom.plans import Plan
from game.classroom.records import build_record, write_record
from game.classroom.report import render_csv, render_html
from game.desktop.pilot import Pilot
from game.engine import Story, load_story
from game.model import VoiceKind

REPO = Path(__file__).resolve().parent.parent
DESKTOP_DEMO = REPO / "tests" / "desktop" / "fixtures"
CLASS_DEMO = REPO / "tests" / "classroom" / "fixtures" / "scenes"

MEMOIR = ("Hede Massing, This Deception (1951), memoir \u2014 quoted in the article "
          "\u201cBoris Bazarov\u201d")
NARRATION = "the article \u201cBoris Bazarov\u201d, its own narration"
#: "source" followed by a seed's title alone: the credit this issue removed.
BARE = re.compile(r"\bsources?\s*:\s*[\"\u201c]?"
                  r"(Boris Bazarov|Hede Massing|Mikhail Shpiegelglass)\b", re.IGNORECASE)


def bare_credits(text: str) -> list[str]:
    return [match.group(0) for match in BARE.finditer(" ".join(text.split()))]


def test_the_check_itself_finds_the_old_credit() -> None:
    assert bare_credits("\u201cI was shaking.\u201d (source: Boris Bazarov)")
    assert bare_credits("Sources:\n  Hede Massing")
    assert not bare_credits(f"\u201cI was shaking.\u201d \u2014 {MEMOIR}")


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COVER_NAMES_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def desktop_story() -> Story:
    story = load_story(DESKTOP_DEMO)
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


@pytest.fixture(scope="module")
def class_story() -> Story:
    story = load_story(CLASS_DEMO, REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


@pytest.fixture
def pilot(desktop_story: Story) -> Iterator[Pilot]:
    driver = Pilot.start(desktop_story, (1366, 768))
    yield driver
    driver.close()


def _to_the_call_record(pilot: Pilot) -> None:
    """Play the desktop demo to the record of the telephone call, which quotes the memoir."""
    pilot.press("1", "1")  # Scenes, the first scene
    pilot.press("1", "enter")  # steel yourself; past its record
    pilot.press("enter")  # the Fields are in the room
    pilot.press("1")  # name the witnesses
    assert pilot.has("Historical", role="verdict"), pilot.texts()


def test_the_record_credits_a_memoir_quote_to_the_memoir_quoted_in_its_article(
    pilot: Pilot,
) -> None:
    _to_the_call_record(pilot)
    citations = pilot.text("citation")
    assert "\u201cWe have guests, Herta and Noel Field." in citations
    assert MEMOIR in citations
    assert bare_credits(pilot.text()) == []


def test_the_source_viewer_names_the_quotes_voice_and_marks_every_voice(pilot: Pilot) -> None:
    _to_the_call_record(pilot)
    pilot.click("We have guests", role="citation")
    assert pilot.screen == "source"
    pilot.app.top.scroll = 0  # it opens scrolled to the quote; what stands above it first
    pilot.app.render()
    assert pilot.has("The highlighted quote: " + MEMOIR, role="quote-voice")
    assert pilot.has("the text does not say who published it", role="kind")
    legend = pilot.texts("voice")
    assert "memoir: Hede Massing, This Deception (1951), memoir" in legend
    assert f"Unmarked: {NARRATION}" in legend
    pilot.press("q")  # back to the quote: its stretch is marked in the margin
    assert "memoir" in pilot.texts("voice-label")


def test_the_source_viewer_says_who_published_the_wiki_article(
    pilot: Pilot, desktop_story: Story
) -> None:
    from game.desktop.screens.source import SourceScreen

    player = desktop_story.new_player("desktop_demo")
    citation = next(c for node in desktop_story.scenes["desktop_demo"].nodes.values()
                    for choice in node.choices if choice.record
                    for c in choice.record.citations
                    if c.voice is not None and c.voice.kind is VoiceKind.CLAIM)
    player.close()
    pilot.app.push(SourceScreen(pilot.app, citation))
    pilot.app.render()
    pilot.app.top.scroll = 0
    pilot.app.render()
    assert pilot.has("a reference-wiki article, published by Conservapedia", role="kind")
    assert pilot.has("its own claim", role="quote-voice")


def test_no_desktop_screen_credits_a_quote_to_an_article_title_alone() -> None:
    """Every screen of the tour, on the shipped scenes: play, record, source, dossier,
    timeline, history, debrief and the rest."""
    from game.desktop.tour import tour

    pilot = Pilot.start(size=(1366, 768))
    try:
        seen = {}
        for name, app in tour(pilot.app):
            text = " ".join(label.text for label in app.labels)
            seen[name] = text
            assert bare_credits(text) == [], name
        assert "quoted in the article" in seen["record"] or "its own" in seen["record"]
        assert "From " in seen["timeline"] and "its own" in seen["timeline"]
    finally:
        pilot.close()


def test_the_terminal_credits_each_quote() -> None:
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--terminal", "--scenes", str(DESKTOP_DEMO),
         "desktop_demo"],
        input="1\n\n1\n1\n1\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    out = " ".join(result.stdout.split())
    assert f"\u201cWe have guests, Herta and Noel Field. I want them to be witness to my " \
           f"request.\u201d \u2014 {MEMOIR}" in out, result.stdout
    assert f"(from the record: {NARRATION})" in out
    assert bare_credits(out) == []


def test_the_projector_credits_the_record_it_reveals(class_story: Story, tmp_path: Path) -> None:
    from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session

    pilot = Pilot.start(class_story, size=(1280, 720))
    try:
        screen = FacilitatorScreen(pilot.app, start_session(
            Plan.of_story(class_story, "Demo"), class_story, tmp_path / "logs"))
        pilot.app.push(screen)
        pilot.app.pump()
        pilot.press("space", "space", "1", "space")  # past the opening, a vote, the reveal
        assert pilot.has("Historical", role="verdict")
        assert pilot.has(f"\u2014 {NARRATION}", role="citation"), pilot.texts("citation")
        assert bare_credits(pilot.text()) == []
    finally:
        pilot.close()


def _played(story: Story, scene_id: str, *choices: str):  # type: ignore[no-untyped-def]
    player = story.new_player(scene_id)
    for choice in choices:
        player.choose(choice)
    return player


def test_an_exported_record_credits_each_quote_of_each_choice(desktop_story: Story) -> None:
    player = _played(desktop_story, "desktop_demo", "steel_yourself", "continue",
                     "name_witnesses")
    record = build_record(player, "Ada")
    last = record["choices"][-1]
    assert last["choice"] == "name_witnesses"
    assert {"quote": "We have guests, Herta and Noel Field. I want them to be witness to my "
                     "request.", "credit": MEMOIR} in last["quoted"]
    assert "Massing recalled naming" in last["note"]


def test_the_report_and_the_csv_credit_every_quote(class_story: Story, tmp_path: Path) -> None:
    player = _played(class_story, "classroom_demo", "continue", "ask_higher")
    path = write_record(player, tmp_path, "Ada")
    debrief = gather([path], class_story)
    page = render_html(debrief)
    assert f"\u2014 {NARRATION}</cite>" in page
    assert bare_credits(re.sub(r"<[^>]+>", " ", page)) == []
    table = render_csv(debrief)
    rows = list(csv.DictReader(table.splitlines()))
    quoted = [row["quoted"] for row in rows if row["section"] == "decision" and row["quoted"]]
    assert quoted and all("\u2014 " in cell for cell in quoted)
    assert any(NARRATION in cell for cell in quoted)
    assert bare_credits(table) == []


def test_a_long_stretch_repeats_its_margin_label_so_the_middle_says_whose_it_is() -> None:
    from game.desktop.screens.source import _label_lines

    one_paragraph = [line * 30 for line in range(25)]
    assert _label_lines(one_paragraph, 30) == [0, 300, 600]
    two_paragraphs = [0, 30, 60, 105, 135]  # a half-line gap between paragraphs
    assert _label_lines(two_paragraphs, 30) == [0, 105]
