"""A class on the real server: simulated students join, vote, see the reveal and reconnect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from game.engine import Story
from game.web.app import create_app
from tests.web.conftest import Room, make_room


def state_of(room: Room, device: str) -> dict:
    with room.client.websocket_connect(f"/ws/class/{room.code}?device={device}") as ws:
        return dict(ws.receive_json())


def vote(room: Room, device: str, option: str, decision: str | None = None) -> dict:
    with room.client.websocket_connect(f"/ws/class/{room.code}?device={device}") as ws:
        state = ws.receive_json()
        ws.send_text(json.dumps({"type": "vote", "option": option,
                                 "decision": state["decision"] if decision is None else decision}))
        while True:
            answer = ws.receive_json()
            if answer["type"] in ("ack", "refused"):
                return dict(answer)


def test_a_class_joins_votes_sees_the_reveal_and_its_own_record(room: Room) -> None:
    ann, bob, cat = room.join("Ann"), room.join("Bob"), room.join("Cat")
    with room.client.websocket_connect(
            f"/ws/teacher/{room.code}?secret={room.live.row.secret}") as feed_socket:
        first = feed_socket.receive_json()
        assert first["joined"] == 3 and first["phase"] == "introduction"
        feed = room.to_vote()
        options = [o for o in feed["options"] if o["available"]]
        assert len(options) >= 2
        assert feed["waiting"] == ["Ann", "Bob", "Cat"]
        winner, other = options[0]["id"], options[1]["id"]
        assert vote(room, ann, winner)["type"] == "ack"
        assert vote(room, bob, winner)["type"] == "ack"
        assert vote(room, cat, other)["type"] == "ack"
        # The projector's feed shows the count rising and who is still to vote.
        counts: list[int] = []
        while not counts or counts[-1] < 3:
            assert len(counts) < 20, counts
            message = feed_socket.receive_json()
            if message["phase"] == "voting":
                counts.append(sum(message["counts"].values()))
        assert counts == sorted(counts)
        assert message["waiting"] == [] and message["voted"] == 3
    feed = room.teacher("advance").json()["feed"]
    assert feed["waiting"] == [] or feed["phase"] == "revealed"
    assert feed["phase"] == "revealed"
    assert feed["revealed"]["choice_text"] == options[0]["text"]
    for device, mine, same in ((ann, winner, True), (cat, other, False)):
        state = state_of(room, device)
        assert state["phase"] == "revealed" and state["revealed"]["verdict_label"]
        (yours,) = state["yours"]
        assert yours["same_as_class"] is same
        assert yours["text"] == next(o["text"] for o in options if o["id"] == mine)


def test_a_device_that_reconnects_is_shown_where_the_class_is_and_its_vote(room: Room) -> None:
    ann = room.join("Ann")
    feed = room.to_vote()
    option = next(o["id"] for o in feed["options"] if o["available"])
    assert vote(room, ann, option)["type"] == "ack"
    state = state_of(room, ann)  # a new socket: the page reloaded, the phone woke up
    assert state["phase"] == "voting" and state["voted"] == option
    assert state["name"] == "Ann"
    assert all("votes" not in o for o in state["options"])  # no running count on devices


def test_one_vote_per_device_and_none_after_the_close(room: Room) -> None:
    ann = room.join("Ann")
    feed = room.to_vote()
    first, second = [o["id"] for o in feed["options"] if o["available"]][:2]
    decision = feed["decision"]
    assert vote(room, ann, first)["type"] == "ack"
    again = vote(room, ann, second)
    assert again["type"] == "refused" and "already voted" in again["reason"]
    assert room.live.projector_state()["counts"][second] == 0
    room.teacher("advance")
    late = vote(room, room.join("Late"), first, decision)
    assert late["type"] == "refused" and "closed" in late["reason"]


def test_locked_options_and_unknown_ones_take_no_vote(room: Room) -> None:
    ann = room.join("Ann")
    feed = room.to_vote()
    locked = [o for o in feed["options"] if not o["available"]]
    assert locked, "the demo scene's first decision has a locked option"
    assert locked[0]["locked_reason"]
    answer = vote(room, ann, locked[0]["id"])
    assert answer["type"] == "refused" and "locked" in answer["reason"]
    assert vote(room, ann, "no_such_option")["type"] == "refused"


def test_a_device_of_one_class_cannot_vote_in_another(demo_story: Story, tmp_path: Path,
                                                      room: Room) -> None:
    other = room.classes.start(room.live.session.plan)
    stranger = room.join("Stranger", code=other.code)
    room.to_vote()
    feed = room.live.projector_state()
    option = next(o["id"] for o in feed["options"] if o["available"])
    with pytest.raises(WebSocketDisconnect):
        vote(room, stranger, option)  # the socket is closed at once: not of this class
    assert sum(room.live.projector_state()["counts"].values()) == 0


def test_the_teachers_controls_need_the_secret(room: Room) -> None:
    assert room.teacher("advance", secret="").status_code == 403
    assert room.teacher("advance", secret="guess").status_code == 403
    assert room.client.get(f"/teacher/{room.code}").status_code == 403
    assert room.client.get(f"/report/{room.code}").status_code == 403
    with pytest.raises(WebSocketDisconnect), room.client.websocket_connect(
            f"/ws/teacher/{room.code}?secret=nope") as ws:
        ws.receive_json()
    assert room.live.session.phase.value == "introduction"  # nothing moved
    page = room.client.get(f"/teacher/{room.code}?secret={room.live.row.secret}")
    assert page.status_code == 200 and room.code in page.text and "<svg" in page.text
    assert "only while this server runs" in page.text


def test_hostile_names_are_escaped_and_cut_to_length(room: Room) -> None:
    room.join("<script>alert('x')</script>" + "a" * 500)
    page = room.client.get(f"/teacher/{room.code}?secret={room.live.row.secret}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    (student,) = room.live.students()
    assert len(student.name) == 40
    room.join("Eve\u202e\u0000\nnewline")
    names = [s.name for s in room.live.students()]
    assert names[1] == "Eve newline"  # control and direction characters dropped


def test_oversized_messages_are_refused(room: Room) -> None:
    answer = room.client.post("/api/join", content=b"{" + b" " * 10_000 + b"}")
    assert answer.status_code == 403
    ann = room.join("Ann")
    with room.client.websocket_connect(f"/ws/class/{room.code}?device={ann}") as ws:
        ws.receive_json()
        ws.send_text("x" * 5000)
        assert ws.receive_json()["type"] == "refused"


def test_a_device_sending_too_fast_is_slowed_down(room: Room) -> None:
    ann = room.join("Ann")
    room.to_vote()
    with room.client.websocket_connect(f"/ws/class/{room.code}?device={ann}") as ws:
        ws.receive_json()
        answers = []
        for _ in range(30):
            ws.send_text(json.dumps({"type": "vote", "option": "nope", "decision": "x"}))
            answer = ws.receive_json()
            while answer["type"] == "state":
                answer = ws.receive_json()
            answers.append(answer["reason"])
    assert any("Too fast" in reason for reason in answers)
    assert answers[0] != answers[-1]


def test_the_code_stops_working_when_the_session_ends(room: Room) -> None:
    ann = room.join("Ann")
    assert room.teacher("end").json()["done"]
    refused = room.client.post("/api/join", json={"code": room.code, "name": "Late"})
    assert refused.status_code == 403 and "ended" in refused.json()["refused"]
    assert state_of(room, ann)["open"] is False


def test_the_code_expires_by_itself(demo_story: Story, tmp_path: Path) -> None:
    now = [1000.0]
    classes, live = make_room(demo_story, tmp_path)
    classes.wall_clock = live.wall_clock = lambda: now[0]
    with TestClient(create_app(classes)) as client:
        now[0] = live.row.expires_at + 1
        answer = client.post("/api/join", json={"code": live.code, "name": "Late"})
        assert answer.status_code == 403


def test_anonymous_classes_ask_no_name_and_show_none(demo_story: Story, tmp_path: Path) -> None:
    classes, live = make_room(demo_story, tmp_path, anonymous=True)
    with TestClient(create_app(classes)) as client:
        assert 'name="name"' not in client.get(f"/join/{live.code}").text
        client.post("/api/join", json={"code": live.code, "name": "Ann"})
        feed = live.projector_state()
        assert feed["joined"] == 1 and feed["names"] == [] and feed["waiting"] == []
        assert feed["waiting_count"] == 1


def test_joining_by_the_form_sets_the_device_cookie(room: Room) -> None:
    answer = room.client.post("/join", content=f"code={room.code.lower()}&name=Ann",
                              headers={"content-type": "application/x-www-form-urlencoded"},
                              follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/class/{room.code}"
    page = room.client.get(f"/class/{room.code}")
    assert page.status_code == 200 and "Ann" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    unknown = room.client.post("/api/join", json={"code": "ZZZZZ", "name": "x"})
    assert unknown.status_code == 403


def test_the_web_presenter_needs_no_pygame_and_no_other_presenter() -> None:
    import subprocess
    import sys

    from tests.web.conftest import REPO

    code = (
        "import sys\n"
        "sys.modules['pygame'] = None\n"
        "import game.web.app, game.web.server, game.commands.classroom\n"
        "print(sorted(n for n, m in sys.modules.items() if m is not None and n.startswith(\n"
        "    ('game.desktop', 'game.terminal'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
