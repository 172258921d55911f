"""A student with only a mouse or touchpad: every panel, and back, by buttons; hover and focus."""

from __future__ import annotations

import time

import pygame
import pytest

from game.desktop.pilot import Pilot
from tests.desktop.conftest import start_scene
from tests.desktop.test_window import assert_no_overlap


def tool_labels(pilot: Pilot) -> dict[str, pygame.Rect]:
    return {label.text: label.rect for label in pilot.labels("tool")}


def test_every_panel_opens_and_closes_by_clicking_the_toolbar(pilot: Pilot) -> None:
    start_scene(pilot)
    keys = pilot.texts("tool-key")
    for key in ("Esc", "H", "D", "T", "S", "V", "?"):
        assert key in keys  # each button shows the key that does the same
    for button, screen in (
        ("History", "history"),
        ("Dossier", "dossier"),
        ("Timeline", "timeline"),
        ("Saves", "saves"),
    ):
        pilot.click(button, role="tool")
        assert pilot.screen == screen
        assert "Back" in pilot.texts("tool") and "Esc" in pilot.texts("tool-key")
        pilot.click("Back", role="tool")
        assert pilot.screen == "play", button
    pilot.click("Help", role="tool")
    assert pilot.screen == "help"
    pilot.click("Close (Esc)")
    assert pilot.screen == "play"
    pilot.click("Menu", role="tool")
    assert pilot.screen == "title"


def test_the_source_viewer_and_the_debrief_have_a_real_back_button(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.click(key="sources")  # the sources, folded under the passage, opened
    pilot.click(role="citation", key="cite:")
    assert pilot.screen == "source"
    back = pilot.find("Back", role="tool")
    assert back.rect.width > 20 and back.rect.height > 10
    pilot.click("Back", role="tool")
    assert pilot.screen == "play"
    pilot.press("1", "enter", "1", "1", "enter", "enter")  # to the debrief
    assert pilot.screen == "debrief"
    pilot.click("Back", role="tool")
    assert pilot.screen == "play"


@pytest.mark.parametrize("size", [(640, 480), (800, 600), (1024, 600)])
def test_the_toolbar_wraps_onto_rows_of_its_own_in_a_narrow_window(
    pilot: Pilot, size: tuple[int, int]
) -> None:
    from dataclasses import replace

    pilot.app.apply_settings(replace(pilot.app.settings, text_size="projector"))
    start_scene(pilot)
    pilot.resize(*size)
    tools = tool_labels(pilot)
    assert set(tools) >= {"Menu", "History", "Dossier", "Timeline", "Saves", "Help"}
    width = pilot.app.surface.get_width()
    assert all(rect.right <= width for rect in tools.values())
    title = pilot.find(role="header")
    menu = tools.pop("Menu")
    assert menu.right <= title.rect.left  # Esc's button stays leftmost, before the title
    assert all(rect.top >= title.rect.bottom for rect in tools.values())  # the rest below it
    assert_no_overlap(pilot)
    header = pilot.app.top.header
    assert header is not None
    assert all(label.rect.top >= header.height for label in pilot.labels("passage"))


def test_hover_is_recomputed_from_the_pointer_after_a_new_passage(pilot: Pilot) -> None:
    start_scene(pilot)
    option = pilot.find("Hesitate", role="option")
    pilot.move_to(option.rect.center)
    play = pilot.app.top
    assert play.items[play.hover].id == "option:hesitate"
    pilot.press("2", "enter")  # the record, then the next passage: another layout
    # Nothing stands where Hesitate was: nothing is outlined (the old index is another item).
    assert play.hover == -1
    pilot.press("backspace")  # back to the first passage
    pilot.click(key="sources")
    quote = next(item for item in play.items if item.id == "cite:1")
    pilot.move_to((play.on_screen(quote).centerx, play.on_screen(quote).bottom - 3))
    assert play.items[play.hover].id == "cite:1"
    pilot.press("2", "enter")  # where the quote's foot was, the next passage has another item
    pointer = pilot.app.pointer
    assert pointer is not None
    under = [i for i, item in enumerate(play.items)
             if play.on_screen(item).collidepoint(pointer) and item.id != "cite:1"]
    assert play.hover == (under[0] if under else -1)  # what is there now, not the old index
    pilot.press("h")
    pilot.move_to((5, pilot.app.surface.get_height() - 5))  # nothing there on the history
    pilot.press("esc")
    assert play.hover == -1


def test_clicking_a_name_leaves_enter_on_the_option(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")
    play = pilot.app.top
    assert play.focused is not None and play.focused.id == "option:continue"
    pilot.click(key="link:")
    assert pilot.screen == "dossier"
    pilot.press("esc")
    assert play.focused is not None and play.focused.id == "option:continue"
    pilot.press("enter")  # continues the scene, not the dossier again
    assert pilot.screen == "play" and pilot.has("I have been asking you")


def test_a_focused_name_does_not_hide_the_punctuation_after_it(pilot: Pilot) -> None:
    pilot.app.settings.reduce_motion = True  # two still frames to compare, never a fade
    start_scene(pilot)
    pilot.press("1", "enter")
    play = pilot.app.top
    link = next(item for item in play.items if item.extra.get("kind") == "link")
    rect = play.on_screen(link)
    beside = pygame.Rect(rect.right, rect.top, 10, rect.height)  # where a comma would be

    def pixels() -> bytes:
        return pygame.image.tobytes(pilot.app.surface.subsurface(beside), "RGB")

    before = pixels()
    play.focus = play.items.index(link)
    pilot.app.render()
    assert pixels() == before
    whole = pygame.image.tobytes(pilot.app.surface.subsurface(rect), "RGB")
    assert len(set(whole[i : i + 3] for i in range(0, len(whole), 3))) > 2  # still drawn


def test_the_esc_button_is_in_the_same_place_on_every_screen(pilot: Pilot) -> None:
    read: list[str] = []
    pilot.app.voice.say = lambda text: read.append(text) or ""  # type: ignore[method-assign]
    start_scene(pilot)
    menu = pilot.find("Menu", role="tool").rect
    for key in ("h", "d", "t", "s"):
        pilot.press(key)
        back = pilot.find("Back", role="tool").rect
        assert abs(back.left - menu.left) <= 2 and back.left < pilot.find(role="header").rect.left
        pilot.press("esc")
    pilot.click(key="sources")
    pilot.click(role="citation", key="cite:")  # the source viewer: Back where Menu was
    assert abs(pilot.find("Back", role="tool").rect.left - menu.left) <= 2
    pilot.click("Back", role="tool")
    assert pilot.screen == "play"
    pilot.click("Menu", role="tool")  # at once, in the same place: a double click's half
    assert pilot.screen == "play" and not read
    time.sleep(0.5)
    pilot.click("Menu", role="tool")  # a click of its own: the menu, not V
    assert pilot.screen == "title" and not read


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_with_projector_text_the_play_toolbar_keeps_one_row(
    pilot: Pilot, size: tuple[int, int]
) -> None:
    from dataclasses import replace

    pilot.resize(*size)
    pilot.app.apply_settings(replace(pilot.app.settings, text_size="projector"))
    start_scene(pilot)
    header = pilot.app.top.header
    assert header is not None and header.one_row
    assert header.height < size[1] // 6  # not the quarter of the screen it took on two rows
    play = pilot.app.top
    first = next(item for item in play.items if item.extra.get("kind") == "option")
    assert play.viewport.contains(play.on_screen(first))  # the way on is in sight at once
    assert_no_overlap(pilot)


def test_hover_follows_the_page_when_the_wheel_scrolls_it(pilot: Pilot) -> None:
    from dataclasses import replace

    pilot.resize(800, 600)
    pilot.app.apply_settings(replace(pilot.app.settings, text_size="projector"))
    start_scene(pilot)
    play = pilot.app.top
    assert play.max_scroll() > 0
    pilot.scroll(-3)
    scrolled = play.scroll
    assert scrolled > 0
    target = next(i for i, item in enumerate(play.items)
                  if not item.fixed and play.viewport.contains(play.on_screen(item))
                  and play.on_screen(item).top > play.viewport.top + scrolled)
    spot = play.on_screen(play.items[target]).center
    pilot.scroll(3)  # back to the top, then the pointer goes there and stays
    pilot.move_to(spot)
    assert play.hover != target
    pilot.scroll(-3)  # the wheel moves the page under the still pointer
    assert play.hover == target
