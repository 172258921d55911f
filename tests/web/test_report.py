"""The teacher's report from the server: who chose what, a page each, CSV for any locale."""

from __future__ import annotations

import csv
import io

from tests.web.conftest import Room


def play_through(room: Room, name: str, picks: int) -> str:
    """A student plays the demo scene in the browser, taking option `picks` where it can."""
    device = room.join(name)
    scene = room.classes.story.ordered[0].id
    url = f"/play/{room.code}/{scene}?device={device}"
    for _ in range(30):
        played = room.classes.play[room.code].current(device, scene)
        if played.player.is_over:
            break
        options = [o for o in played.player.options if o.available]
        option = options[min(picks, len(options) - 1)]
        answer = room.client.post(url, content=f"option={option.id}",
                                  headers={"content-type": "application/x-www-form-urlencoded"})
        assert answer.status_code == 200, answer.text[-600:]
    return device


def test_the_report_shows_who_chose_what_and_what_each_explored(room: Room) -> None:
    play_through(room, "=HYPERLINK(\"x\")", 0)
    play_through(room, "Zoë <i>", 1)
    secret = room.live.row.secret
    html = room.client.get(f"/report/{room.code}?secret={secret}").text
    assert "Who chose what" in html and "What each student explored" in html
    assert "followed the record" not in html.split("What each student explored")[1].split(
        "Who chose what")[0]  # no grade-like share per student
    assert "Zoë &lt;i&gt;" in html and "Zoë <i>" not in html
    assert html.count('class="student-page"') == 2
    assert "break-before: page" in html  # each student's page prints on its own


def test_the_who_chose_what_csv_opens_in_any_spreadsheet(room: Room) -> None:
    play_through(room, "=HYPERLINK(\"x\")", 0)
    play_through(room, "Zoë; Smith", 1)
    secret = room.live.row.secret
    answer = room.client.get(f"/report/{room.code}/who-chose-what.csv?secret={secret}")
    assert answer.headers["content-type"].startswith("text/csv")
    text = answer.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the accents right
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    students = {row["student"] for row in rows}
    assert students == {"'=HYPERLINK(\"x\")", "Zoë; Smith"}  # a formula stays text
    per_student = [r for r in rows if r["student"] == "Zoë; Smith"]
    assert [int(r["decision_number"]) for r in per_student] == sorted(
        int(r["decision_number"]) for r in per_student)
    assert all(r["choice"] and r["verdict"] for r in rows)
    semicolon = room.client.get(
        f"/report/{room.code}/who-chose-what.csv?secret={secret}&sep=semicolon")
    body = semicolon.content.decode("utf-8").lstrip("\ufeff")
    first, rest = body.split("\r\n", 1)
    assert first == "sep=;"
    again = list(csv.DictReader(io.StringIO(rest), delimiter=";"))
    assert again == rows  # the same table, for Excel where ';' separates
    by_option = room.client.get(f"/report/{room.code}.csv?secret={secret}")
    assert by_option.status_code == 200 and "section" in by_option.text
    assert room.client.get(f"/report/{room.code}/who-chose-what.csv").status_code == 403


def test_playing_again_keeps_the_first_run_and_a_reload_lands_where_the_student_was(
        room: Room) -> None:
    device = play_through(room, "Ann", 0)
    scene = room.classes.story.ordered[0].id
    url = f"/play/{room.code}/{scene}?device={device}"
    assert "The end of the scene" in room.client.get(url).text  # a reload: still at the end
    again = room.client.post(url, content="restart=1",
                             headers={"content-type": "application/x-www-form-urlencoded"})
    assert "The end of the scene" not in again.text and 'name="option"' in again.text
    option = room.classes.play[room.code].current(device, scene).player.options[0]
    room.client.post(url, content=f"option={option.id}",
                     headers={"content-type": "application/x-www-form-urlencoded"})
    records = room.classes.store.records(room.code)
    assert len(records) == 2  # the finished run is kept beside the new one
    assert sum(1 for _, document in records if document["ending"]) == 1
