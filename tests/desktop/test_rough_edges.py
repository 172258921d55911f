"""Rough edges a student met on the desktop: each one driven through the real window."""

from __future__ import annotations

import time

from game.desktop.pilot import Pilot


def test_a_notice_goes_away_by_itself_when_its_time_is_up(pilot: Pilot) -> None:
    pilot.app.notify("Rewound to before your last choice.", 0.05)
    pilot.app.turn()
    assert pilot.has("Rewound to before your last choice.", role="notice")
    time.sleep(0.08)
    pilot.app.turn()  # nothing pressed: the loop alone must redraw without it
    assert not pilot.labels("notice")
