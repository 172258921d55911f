"""A class resumed from its store is where it was: every teacher action and every vote again."""

from __future__ import annotations

from pathlib import Path

from game.classroom.classes import Classes
from game.classroom.sqlite_store import SqliteStore
from game.engine import Story
from tests.web.conftest import make_room


def test_typed_counts_overrides_and_going_back_all_come_back_after_a_restart(
        demo_story: Story, tmp_path: Path) -> None:
    classes, live = make_room(demo_story, tmp_path)
    ann, bob = live.join("Ann", address="a"), live.join("Bob", address="b")
    session = live.session
    while session.phase.value != "voting":
        session.advance()
    first = [o.id for o in session.player.options if o.available]
    live.vote(ann.device, first[0], session.decision_key)
    session.set_votes(first[1], 5)  # a show of hands typed in beside the devices' votes
    session.override(first[1])
    session.advance()
    while session.phase.value not in ("voting", "scene_ended"):
        session.advance()
    if session.phase.value == "voting":
        live.vote(bob.device, next(o.id for o in session.player.options if o.available),
                  session.decision_key)
    session.back()  # the class takes its last decision back
    where = (session.phase, session.player.node.id, dict(session.tally),
             [d.choice_id for d in session.all_decisions])
    classes.store.close()

    again = Classes(demo_story, SqliteStore(tmp_path / "class.sqlite3"),
                    log_dir=tmp_path / "sessions")
    (resumed,) = again.resume_open()
    assert resumed.code == live.code and resumed.row.secret == live.row.secret
    restored = resumed.session
    assert (restored.phase, restored.player.node.id, dict(restored.tally),
            [d.choice_id for d in restored.all_decisions]) == where
    assert [s.name for s in resumed.students()] == ["Ann", "Bob"]
    assert resumed.student_state(ann.device)["name"] == "Ann"


def test_an_ended_class_is_not_resumed(demo_story: Story, tmp_path: Path) -> None:
    classes, live = make_room(demo_story, tmp_path)
    live.end("lesson over")
    classes.store.close()
    again = Classes(demo_story, SqliteStore(tmp_path / "class.sqlite3"))
    assert again.resume_open() == []
