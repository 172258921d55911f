"""The projector as a class sees it: header, type sizes, typed counts, confirmations, F11, close.

Each test drives the real (headless) window through the pilot, as a teacher's
keyboard would, and reads back what is drawn.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

pytest.importorskip("pygame")

import pygame

from game.classroom.facilitator import Phase
from game.classroom.plans import Plan, load_plan
from game.desktop.fitting import fit
from game.desktop.pilot import Pilot
from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session
from game.desktop.projector.header import header_rows
from game.engine import Story, load_story
from tests.classroom.conftest import FORMAT1, REPO

SIZES = [(1920, 1080), (1366, 768), (1280, 720), (1024, 768), (800, 600), (640, 480)]


def open_projector(story: Story, plan: Plan, logs: Path, size: tuple[int, int]
                   ) -> tuple[Pilot, FacilitatorScreen]:
    pilot = Pilot.start(story, size=size)
    screen = FacilitatorScreen(pilot.app, start_session(plan, story, logs))
    pilot.app.push(screen)
    pilot.app.pump()
    return pilot, screen


@contextmanager
def first_vote(story: Story, logs: Path, size: tuple[int, int]
               ) -> Iterator[tuple[Pilot, FacilitatorScreen]]:
    """The Exit Visa plan (format-1 fixture) on the projector at `size`, at its first vote."""
    plan, problems = load_plan(FORMAT1 / "plans" / "exit_visa.yaml", story)
    assert plan is not None, problems
    pilot, screen = open_projector(story, plan, logs, size)
    try:
        pilot.press("space")
        yield pilot, screen
    finally:
        pilot.close()


@pytest.fixture
def demo(demo_story: Story, tmp_path: Path) -> Iterator[tuple[Pilot, FacilitatorScreen]]:
    pilot, screen = open_projector(demo_story, Plan.of_story(demo_story, "Demo"),
                                   tmp_path / "logs", (1280, 720))
    pilot.press("space", "space")  # past the plan's opening and the first passage
    assert screen.session.phase is Phase.VOTING
    try:
        yield pilot, screen
    finally:
        pilot.close()


def log_events(logs: Path) -> list[dict]:  # type: ignore[type-arg]
    (path,) = logs.glob("*.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def header_labels(pilot: Pilot) -> list:  # type: ignore[type-arg]
    return [label for label in pilot.labels()
            if label.role in ("header", "place", "timer", "timer-over")]


def assert_header_clear(pilot: Pilot, width: int) -> None:
    labels = header_labels(pilot)
    assert any(label.role.startswith("timer") for label in labels), pilot.texts()
    for index, one in enumerate(labels):
        assert one.rect.left >= 0 and one.rect.right <= width, (one.text, one.rect, width)
        for other in labels[index + 1:]:
            assert not one.rect.colliderect(other.rect), (one.text, other.text, width)


# -- the header ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_the_header_never_overlaps_at_any_window_size(
    long_story: Story, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The longest title and place of the fixtures, a timer that has run over: nothing collides."""
    plan = Plan.of_story(long_story)
    pilot, screen = open_projector(long_story, plan, tmp_path, size)
    try:
        assert_header_clear(pilot, size[0])  # the opening
        pilot.press("space", "s", "y", "n")  # the Moscow interrogation, at a decision
        assert screen.session.scene_id == "moscow_interrogation"
        screen.session.clock.start_part(1)
        screen.session.clock._part_started -= 60 * 61 + 10  # an hour over its minute
        screen.refresh()
        pilot.app.pump()
        assert_header_clear(pilot, size[0])
        assert "over by 1:00:10" in pilot.text() or "over by 60:10" in pilot.text()
        assert pilot.labels("timer-over")
        title = " ".join(pilot.texts("header"))
        assert title.startswith(f"Scene 2 of {len(plan.scenes)}")
    finally:
        pilot.close()


def test_header_rows_fit_or_cut_with_an_ellipsis() -> None:
    def measure(text: str) -> int:
        return len(text) * 10

    assert header_rows("Scene 1 · Title", "Moscow, 1938", "0:10", 400, 20, measure)[0].middle
    rows = header_rows("Scene 2 of 3 · The Moscow Interrogation", "Outside the Soviet Union, "
                       "November 1937 – January 1938", "3:00 of 25 min", 450, 20, measure)
    assert len(rows) == 2 and rows[0].right == "3:00 of 25 min"  # the timer is never cut
    for row in rows:
        assert measure(row.left) + (20 + measure(row.right) if row.right else 0) <= 450
    assert rows[0].left.endswith("…") and rows[1].left.endswith("…")
    assert fit("Interrogation", 60, measure).endswith("…")
    assert fit("Short", 60, measure) == "Short"


def test_too_narrow_for_the_title_beside_the_timer_the_timer_gets_its_own_row() -> None:
    def measure(text: str) -> int:
        return len(text) * 10

    rows = header_rows("Scene 2 of 3 · The Moscow Interrogation", "Moscow, 1937",
                       "3:00 of 25 min", 200, 20, measure)
    assert [(row.left, row.right) for row in rows] == [
        ("Scene 2 of 3 · The…", ""), ("Moscow, 1937", ""), ("", "3:00 of 25 min")]
    assert all(measure(row.left) <= 200 and measure(row.right) <= 200 for row in rows)


def test_the_timer_moves_on_by_itself_once_a_second(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    from game.desktop.projector.facilitator_screen import TICK

    p, screen = demo
    assert p.has("0:00", role="timer")
    screen.session.clock._part_started -= 65
    pygame.event.post(pygame.event.Event(TICK))
    p.app.pump()
    assert p.has("1:05", role="timer")


# -- type sizes while voting ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_options_and_prompts_are_as_large_as_the_passage_while_voting(
    long_story: Story, tmp_path: Path, size: tuple[int, int]
) -> None:
    with first_vote(long_story, tmp_path, size) as (pilot, screen):
        assert screen.session.phase is Phase.VOTING and len(pilot.labels("prompt")) >= 2
        passage = max(label.rect.height for label in pilot.labels("passage"))
        foot = pilot.app.surface.get_height() - screen.footer_h  # options may scroll under it
        for role in ("option", "prompt", "votes"):
            whole = [label for label in pilot.labels(role) if label.rect.bottom < foot]
            assert min(label.rect.height for label in whole) >= passage, role
        assert screen.option_size == screen.big.body  # the full projector size, not shrunk
        # Typing a count shows its prompt without moving anything the class is reading.
        before = [(label.text, label.rect) for label in pilot.labels("option")]
        pilot.press("c", "2")
        assert pilot.labels("message")
        assert [(label.text, label.rect) for label in pilot.labels("option")] == before


def long_passage_story(tmp_path: Path) -> Story:
    """The classroom demo with a decision's passage too long for a 1366×768 projector."""
    demo = (REPO / "tests" / "classroom" / "fixtures" / "scenes" / "classroom_demo.yaml")
    short = "    text: You ask Peter for exit visas. He says he cannot give them.\n"
    text = demo.read_text(encoding="utf-8")
    assert short in text
    long = ("    text: >-\n" + "      You ask Peter for exit visas. He says he cannot give them."
            " He turns a pencil over and over, and looks at the window.\n" * 12)
    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "classroom_demo.yaml").write_text(text.replace(short, long))
    story = load_story(tmp_path / "scenes", REPO / "seeds")
    assert not story.diagnostics, [str(d) for d in story.diagnostics]
    return story


def test_a_clipped_passage_says_there_is_more_and_how_to_scroll(tmp_path: Path) -> None:
    story = long_passage_story(tmp_path)
    pilot, screen = open_projector(story, Plan.of_story(story, "Long"), tmp_path / "logs",
                                   (1366, 768))
    pilot.press("space", "space")  # past the opening and the first passage: the vote
    with contextlib.closing(pilot):
        assert screen.session.phase is Phase.VOTING
        assert screen.max_scroll() > 0, "the passage beside the options should need scrolling"
        assert pilot.has("More below", role="more")
        assert pilot.has("Page Down/Up", role="keys")
        pilot.press("end")
        assert not pilot.labels("more")  # at the bottom there is nothing more
        pilot.press("home")
        assert pilot.labels("more")


def test_under_the_passage_the_options_are_cut_at_its_foot_too(
    long_story: Story, tmp_path: Path
) -> None:
    # Too narrow for two columns: the prompt and options follow the passage down, and the
    # strip where "More below" stands must show nothing but the cue.
    with first_vote(long_story, tmp_path, (800, 600)) as (pilot, screen):
        assert screen.right is screen.viewport and pilot.has("More below", role="more")
        surface, background = pilot.app.surface, pilot.app.palette.background
        strip = range(screen.viewport.bottom + 2, surface.get_height() - screen.footer_h - 2)
        left = range(screen.viewport.left, screen.viewport.left + 200)  # clear of the cue
        assert all(surface.get_at((x, y))[:3] == background for x in left for y in strip)


# -- typing a count ------------------------------------------------------------------------------


def test_a_count_is_typed_in_one_go_and_undone_in_one_step(
    demo: tuple[Pilot, FacilitatorScreen], tmp_path: Path
) -> None:
    p, screen = demo
    session = screen.session
    assert p.has("C type a count", role="keys")
    p.press("1")  # single presses still add one hand each
    p.press("c")
    assert p.has("press the option's number", role="message")
    p.press("2", "1", "7")
    assert p.has("Votes for option 2: 17", role="message")
    assert "17_" in p.texts("votes")  # the number being typed shows on the option itself
    assert session.tally["wait"] == 0  # nothing is set before Enter
    p.press("enter")
    assert session.tally == {"ask_higher": 1, "wait": 17, "shout": 0}
    assert "18 votes" in p.text("total")
    p.press("c", "2", "2", "backspace", "5", "enter")  # a slip fixed with Backspace
    assert session.tally["wait"] == 5
    p.press("u")  # one U takes back one whole typed count
    assert session.tally["wait"] == 17
    p.press("u")
    assert session.tally["wait"] == 0 and session.tally["ask_higher"] == 1
    p.press("c", "1", "9", "esc")  # Esc abandons a count half typed
    assert session.tally["ask_higher"] == 1 and not p.labels("message")
    p.press("c", "3", "4", "enter")  # a locked option takes no count
    assert session.tally["shout"] == 0
    assert p.has("Option 3 is locked: Only after you have waited. It takes no votes.",
                 role="message")  # why, not "there is no open option 3"
    p.press("p")  # the Pause screen does not keep that message
    assert not p.labels("message") and p.has("Paused", role="title")
    p.press("p")
    kinds = [event["event"] for event in log_events(tmp_path / "logs")]
    assert kinds.count("vote_set") == 2 and kinds.count("vote_undone") == 2


def test_space_with_no_votes_says_so_and_a_tie_asks_for_an_override(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    p, screen = demo
    p.press("space")
    assert screen.session.phase is Phase.VOTING
    assert p.has("No votes yet", role="message") and not p.has("tie", role="message")
    p.press("1", "2", "space")
    assert p.has("A tie between 1 and 2", role="message")
    assert "O, then the option's number" in p.text("message")  # names the key that decides


# -- keys that cannot be undone ask first ------------------------------------------------------


def test_s_and_esc_ask_before_leaving_and_any_other_key_carries_on(
    demo: tuple[Pilot, FacilitatorScreen], tmp_path: Path
) -> None:
    p, screen = demo
    session = screen.session
    p.press("1", "s")
    assert p.has("Leave this scene before its end?", role="message")
    assert session.phase is Phase.VOTING
    p.press("2")  # another key: nothing left, and that key did nothing either
    assert session.phase is Phase.VOTING and session.tally["wait"] == 0
    assert not p.has("Leave this scene", role="message")
    p.press("esc")
    assert p.has("End the session now?", role="message")
    p.press("n")
    assert p.screen == "facilitator" and not session.log.closed
    p.press("s", "s")  # S twice: the (only) scene is left, and the debrief is next
    assert session.phase is Phase.FINISHED
    assert p.has("The plan is finished", role="title")
    assert p.text("keys").count("Esc") == 1  # no doubled hints on the last screen
    p.press("esc")  # nothing left to lose: Esc closes at once
    assert p.screen == "title" and session.log.closed
    assert log_events(tmp_path / "logs")[-1]["event"] == "session_ended"


def test_s_at_the_end_of_a_scene_goes_on_without_asking(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    p, screen = demo
    p.press("o", "1", "space", "o", "2", "space")  # to the counterfactual ending
    assert screen.session.phase is Phase.SCENE_ENDED
    p.press("s")
    assert screen.session.phase is Phase.FINISHED


def test_closing_the_window_ends_the_session_in_its_log(
    demo_story: Story, tmp_path: Path
) -> None:
    pilot, screen = open_projector(demo_story, Plan.of_story(demo_story), tmp_path / "logs",
                                   (1024, 768))
    try:
        pilot.press("space", "space", "1")
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        assert pilot.app.run() == 0  # the loop sees the close button, as a real window does
    finally:
        pygame.display.quit()
    last = log_events(tmp_path / "logs")[-1]
    assert last["event"] == "session_ended" and last["how"] == "window closed"
    assert screen.session.log.closed


# -- full screen ---------------------------------------------------------------------------------


def test_f11_fills_the_screen_and_comes_back_to_the_window(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    p, _screen = demo
    before = p.app.surface.get_size()
    p.press("f11")
    assert pygame.display.is_fullscreen()
    assert p.app.surface.get_size() == pygame.display.get_desktop_sizes()[0]
    assert p.labels("option")  # laid out again for the new size
    p.press("f11")
    assert not pygame.display.is_fullscreen() and p.app.surface.get_size() == before


def test_the_key_bar_lists_f11_on_every_screen_it_works_on(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    from game.desktop.projector.keys import KEYS, PAUSED_KEYS

    assert all("F11 full screen" in keys for keys in (*KEYS.values(), PAUSED_KEYS))
    p, _screen = demo
    assert p.has("F11 full screen", role="keys")  # while the class votes, too
    p.press("p")
    assert p.has("F11 full screen", role="keys")


# -- the plan's opening and close ----------------------------------------------------------------


def test_the_plan_opens_with_its_parts_and_closes_with_the_debrief(
    long_story: Story, tmp_path: Path
) -> None:
    plan, problems = load_plan(FORMAT1 / "plans" / "exit_visa.yaml", long_story)
    assert plan is not None, problems
    pilot, screen = open_projector(long_story, plan, tmp_path / "logs", (1366, 768))
    try:
        assert pilot.has(plan.title, role="title")
        assert pilot.has("The class plays the Massings", role="summary")
        assert pilot.texts("part") == ["1. Introduction — 5 min (now)",
                                       "2. The Exit Visa — 25 min", "3. Debrief — 15 min"]
        assert pilot.has("Introduction 0:00 of 5 min", role="timer")
        screen.session.clock._part_started -= 6 * 60 + 10  # the introduction ran long
        screen.refresh()
        pilot.app.pump()
        assert pilot.has("over by 1:10", role="timer-over")
        pilot.press("space")
        assert not pilot.labels("timer-over")  # the scene has its own 25 minutes
        assert pilot.has("0:00 of 25 min", role="timer")
        pilot.press("s", "y")
        assert screen.session.phase is Phase.FINISHED
        assert pilot.has("Debrief 0:00 of 15 min", role="timer")
        assert "3. Debrief — 15 min (now)" in pilot.texts("part")
        assert pilot.has("2. The Exit Visa — 25 min (done)", role="part")
        pilot.press("end")  # the foot of the page: where the class report is
        assert any("Class report" in text for text in pilot.texts("log"))
        # Projected: no folder path, no file name, no command line.
        assert [t for t in pilot.texts() if "cover-names" in t or ".jsonl" in t or "/tmp" in t
                or str(Path.home()) in t] == []
    finally:
        pilot.close()


@pytest.mark.parametrize("size", [(800, 600), (1024, 768), (1920, 1080)])
def test_a_locked_options_reason_is_wrapped_inside_its_box(
    demo_story: Story, tmp_path: Path, size: tuple[int, int]
) -> None:
    pilot, screen = open_projector(demo_story, Plan.of_story(demo_story), tmp_path / "logs", size)
    try:
        pilot.press("space", "space")
        assert pilot.has("Only after you have waited.", role="locked")
        long = ("Only after you have waited for the visas, asked at every consulate in the "
                "city and heard nothing from Moscow for months.")
        options = tuple(replace(o, locked_reason=long) if not o.available else o
                        for o in screen.view.options)
        screen.view = replace(screen.view, options=options)
        screen.invalidate()
        pilot.app.dirty = True
        pilot.app.pump()
        locked = pilot.labels("locked")
        assert len(locked) > 1 and "from Moscow for months." in " ".join(pilot.texts("locked"))
        (box,) = [screen.on_screen(item) for item in screen.items if not item.enabled]
        assert all(box.contains(label.rect) for label in locked)
    finally:
        pilot.close()


def test_the_header_names_the_place_of_what_is_on_screen_not_the_next_passage(
    long_story: Story, tmp_path: Path
) -> None:
    pilot, screen = open_projector(long_story, Plan.of_story(long_story),
                                   tmp_path / "logs", (1920, 1080))
    session, moved_on = screen.session, 0
    try:
        pilot.press("space")
        for _ in range(400):
            if session.phase is Phase.FINISHED:
                break
            if session.phase is Phase.VOTING:
                place = pilot.text("place")
                number = next(o.number for o in screen.view.options if o.available)
                pilot.press("o", str(number))
                if session.phase in (Phase.CHOSEN, Phase.REVEALED):
                    moved_on += session.player.passage.place not in place
                    assert pilot.text("place") == place  # the decision's place, still
            pilot.press("space")
        assert moved_on  # some choice led somewhere else, and the header waited for it
    finally:
        pilot.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_key_bar_never_parts_a_key_from_what_it_does(
    demo_story: Story, tmp_path: Path, size: tuple[int, int]
) -> None:
    pilot, screen = open_projector(demo_story, Plan.of_story(demo_story), tmp_path / "logs", size)
    try:
        for _ in range(3):  # the opening, a passage, a vote (the longest bar)
            lines = pilot.texts("keys")
            for pair in screen.footer_keys.split(" · "):
                assert any(pair in line for line in lines), (pair, lines)
            pilot.press("space")
    finally:
        pilot.close()


def test_the_option_under_the_pointer_is_outlined_not_filled_like_the_leader(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    p, screen = demo
    p.press("1")  # option 1 leads
    second = screen.on_screen(screen.items[1])
    p.move_to((second.right - 8, second.centery))
    assert screen.hover == 1
    palette, surface = p.app.palette, p.app.surface
    first = screen.on_screen(screen.items[0])
    assert tuple(surface.get_at((first.right - 20, first.top + 4)))[:3] == palette.hover
    inside = tuple(surface.get_at((second.right - 20, second.top + 12)))[:3]
    assert inside == palette.panel  # the hovered one keeps the plain fill, with an outline
    assert tuple(surface.get_at((second.left + 1, second.centery)))[:3] == palette.accent


def test_long_prompts_never_squeeze_the_passage_the_options_scroll_instead(
    demo: tuple[Pilot, FacilitatorScreen],
) -> None:
    p, screen = demo
    long = ("Think about who in the room could have been listening, what each of them stood "
            "to lose, and whether a threat made in front of witnesses is a threat at all. ")
    screen.view = replace(screen.view, prompts=(long * 3, long * 3, long * 2))
    screen.invalidate()
    p.app.dirty = True
    p.app.pump()
    width = p.app.surface.get_width()
    assert screen.right is not screen.viewport  # still beside each other
    assert screen.viewport.right >= width * 0.38 - 2 * screen.big.margin
    footer_top = p.app.surface.get_height() - screen.footer_h
    p.press("end")  # the options scroll into sight, the last one too
    last = screen.on_screen(screen.items[-1])
    assert last.bottom <= footer_top and last.top >= screen.header_h
    p.click(screen.view.options[1].text[:12], role="option")  # scrolled, still clickable
    assert screen.session.tally["wait"] == 1
