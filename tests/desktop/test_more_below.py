"""The "More below" cue stands in its own strip under the page: it never covers the text it
points at. The facilitator's plan chooser at 1366×768 drew its last plan under the cue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from game.desktop.canvas import Canvas
from game.desktop.pilot import Pilot
from game.desktop.projector.plan_chooser import PlanChooserScreen
from game.desktop.screen_drawing import cue_room
from game.engine import Story, load_story

LAST = "Every scene, in historical order"


@pytest.fixture(scope="module")
def shipped() -> Story:
    return load_story()  # the shipped plans and scenes: the chooser lists them


@pytest.fixture(params=["standard", "projector"])
def chooser(shipped: Story, request: pytest.FixtureRequest) -> Iterator[Pilot]:
    pilot = Pilot.start(shipped, (1366, 768))
    pilot.app.apply_settings(replace(pilot.app.settings, text_size=request.param))
    pilot.app.push(PlanChooserScreen(pilot.app))
    pilot.app.pump()
    yield pilot
    pilot.close()


def test_the_cue_on_the_plan_chooser_covers_no_plan(chooser: Pilot) -> None:
    screen = chooser.app.top
    assert chooser.has("More below", role="more")
    cue = screen._cue_rect  # the pill the cue is drawn in (a click on it scrolls a page)
    assert cue is not None
    view = screen.viewport
    strip = (view.left, view.bottom, view.width, cue_room(_canvas(chooser), chooser.app.sizes))
    surface, background = chooser.app.surface, chooser.app.palette.background
    left, top, width, height = strip
    # Around the cue, its strip shows the page's background: no plan drawn under it.
    for y in range(top + 1, top + height - 1, 3):
        for x in range(left + 20, left + width - 20, 7):
            if not cue.inflate(4, 4).collidepoint(x, y):
                assert surface.get_at((x, y))[:3] == background, (x, y)
    # And no plan's words are in the text model under the viewport's edge.
    for label in chooser.labels():
        if label.role not in ("more", "notice") and label.rect.top >= view.bottom:
            raise AssertionError(f"{label.text!r} drawn under the cue at {label.rect}")


def test_the_last_plan_is_reached_whole_and_the_cue_goes(chooser: Pilot) -> None:
    assert chooser.labels("more")
    chooser.press("end")
    last = chooser.find(LAST)
    assert chooser.app.top.viewport.contains(last.rect)
    assert not chooser.labels("more")


def _canvas(pilot: Pilot) -> Canvas:
    app = pilot.app
    return Canvas(app.surface, app.cache, app.palette, app.sizes)
