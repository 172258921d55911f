"""Student records: what an export holds, that it is written atomically, and read back safely."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.classroom.records import (
    RECORD_FORMAT,
    RECORD_VERSION,
    build_record,
    read_record,
    write_record,
)
from game.engine import Story


def played(story: Story):  # type: ignore[no-untyped-def]
    player = story.new_player("classroom_demo")
    player.choose("continue")
    player.choose("wait")
    player.choose("give_up_waiting")
    player.choose("ask_higher")
    player.choose("leave_service")
    return player


def test_a_record_holds_every_choice_with_its_verdict_and_the_ending(demo_story: Story) -> None:
    player = played(demo_story)
    record = build_record(player, "  Ada   Lovelace ")
    scene = demo_story.scenes["classroom_demo"]
    assert record["format"] == RECORD_FORMAT and record["version"] == RECORD_VERSION
    assert record["student_name"] == "Ada Lovelace"
    assert record["scene"] == {"id": scene.id, "title": scene.title,
                               "content_hash": scene.content_hash}
    assert [(c["node"], c["choice"], c["verdict"]) for c in record["choices"]] == [
        ("asking", "wait", "diverged"),
        ("waiting", "give_up_waiting", "diverged"),
        ("asking", "ask_higher", "historical"),
        ("meeting", "leave_service", "disputed"),
    ]  # the plain "Continue" is not a choice
    assert record["choices"][0]["text"] == "Wait, and hope the visas come."
    assert all(c["chosen_at"] for c in record["choices"])
    assert record["ending"] == {"node": "home", "kind": "historical"}
    assert record["started_at"] and record["finished_at"]
    assert len(record["playthrough_id"]) == 36
    json.dumps(record)  # plain JSON all the way down


def test_the_same_playthrough_keeps_its_id_and_another_does_not(demo_story: Story) -> None:
    player = played(demo_story)
    assert build_record(player)["playthrough_id"] == build_record(player)["playthrough_id"]
    other = demo_story.new_player("classroom_demo")
    other.playthrough.started_at = "2026-01-01T09:00:00+00:00"
    assert build_record(other)["playthrough_id"] != build_record(player)["playthrough_id"]
    assert build_record(other)["ending"] is None and build_record(other)["finished_at"] == ""


def test_write_record_goes_to_the_records_folder_and_reads_back(
    demo_story: Story, _user_data: Path
) -> None:
    player = played(demo_story)
    path = write_record(player, student_name="Ada")
    assert path.parent == _user_data / "records"
    assert path.name.startswith("classroom_demo-ada-") and path.suffix == ".json"
    assert not list(path.parent.glob(".*.tmp"))  # the temporary file was renamed away
    record, problem = read_record(path)
    assert record is not None, problem
    assert record.student_name == "Ada" and record.ending_kind == "historical"
    assert [c.verdict for c in record.choices] == ["diverged", "diverged", "historical", "disputed"]


def test_reading_never_trusts_the_file(tmp_path: Path, demo_story: Story) -> None:
    good = build_record(played(demo_story))

    def problem_of(content: str | bytes) -> str:
        path = tmp_path / "r.json"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        record, problem = read_record(path)
        assert record is None
        return problem

    assert problem_of('{"format": "cover') == "is damaged (not valid JSON)"
    assert problem_of(b"\xff\xfe") == "is damaged (not UTF-8 text)"
    assert problem_of("[1, 2]") == "is not a Cover Names record"
    assert problem_of(json.dumps({"format": "cover-names/save", "version": 1})) == \
        "is not a Cover Names record"
    assert "another version" in problem_of(json.dumps({**good, "version": 2}))
    assert problem_of(json.dumps({**good, "choices": "lots"})) == \
        "is damaged (its choices are not a list)"
    broken = {**good, "choices": [{"node": 1, "choice": "x"}]}
    assert problem_of(json.dumps(broken)) == "is damaged (its choice 1's passage is not text)"
    missing = dict(good)
    del missing["scene"]
    assert problem_of(json.dumps(missing)) == "is damaged (it has no scene)"
    assert "too big" in problem_of(" " * 600_000)
    assert problem_of("[" * 100_000) == "is damaged (nested too deeply to be read)"


def test_a_wrong_shaped_record_gets_a_plain_reason_not_python_words(
    tmp_path: Path, demo_story: Story
) -> None:
    good = build_record(played(demo_story))
    shapes = {
        "choices": ["a"],
        "scene": "exit_visa",
        "ending": ["home"],
        "student_name": {"first": "Ada"},
        "playthrough_id": 7,
    }
    reasons = {}
    for key, value in shapes.items():
        path = tmp_path / f"{key}.json"
        path.write_text(json.dumps({**good, key: value}), encoding="utf-8")
        record, reasons[key] = read_record(path)
        assert record is None
    assert reasons["choices"] == ("is damaged (choice 1 is not a choice (it should name a "
                                  "passage and an option))")
    assert reasons["scene"] == "is damaged (its scene is not written as a record writes it)"
    for reason in reasons.values():
        assert reason.startswith("is damaged (")
        for jargon in ("str", "int", "dict", "list object", "indices", "Error", "NoneType"):
            assert jargon not in reason, reason
        assert not re.search(r"'\w+'", reason), reason  # no quoted key names


def test_a_record_saved_again_by_notepad_still_reads(tmp_path: Path, demo_story: Story) -> None:
    path = tmp_path / "notepad.json"
    text = json.dumps(build_record(played(demo_story), "Zoë"), ensure_ascii=False)
    path.write_bytes(text.encode("utf-8-sig"))  # Notepad's "UTF-8 with BOM"
    record, problem = read_record(path)
    assert record is not None, problem
    assert record.student_name == "Zoë"


def test_an_exported_record_can_be_read_by_the_teacher_collecting_it(
    demo_story: Story, tmp_path: Path
) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        path = write_record(played(demo_story), tmp_path)
    finally:
        os.umask(old)
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & stat.S_IRGRP and mode & stat.S_IROTH, oct(mode)  # not mkstemp's 0600


def test_files_for_others_take_the_umask_without_the_process_changing_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The speech thread shares the process's umask: a write that flipped it could race.
    import os
    import stat

    from game.classroom.shared_files import write_shared_text
    from game.saves import atomic_write_text

    old = os.umask(0o027)
    try:
        def never(mask: int) -> int:
            raise AssertionError("the process's umask was changed to write a file")

        monkeypatch.setattr(os, "umask", never)
        write_shared_text(tmp_path / "report.html", "<p>ok</p>")
        atomic_write_text(tmp_path / "save.json", "{}")
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "save.json").stat().st_mode) == 0o600  # a save stays private
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "<p>ok</p>"
