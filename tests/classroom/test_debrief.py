"""The debrief on a class folder: 35 records plus broken, foreign, duplicate and stale files."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from game.classroom.debrief_command import csv_beside
from game.classroom.sample import write_class
from game.cli import main
from game.engine import Story
from tests.classroom.conftest import REPO


@pytest.fixture
def class_folder(tmp_path: Path, shipped_story: Story) -> tuple[Path, list[Path]]:
    folder = tmp_path / "class"
    records = write_class(shipped_story, folder, count=35, seed=7)
    # Two students hand in the same playthrough twice: once as a copy, once an earlier export.
    shutil.copy(records[0], folder / "copy of first.json")
    earlier = json.loads(records[1].read_text())
    earlier["choices"] = earlier["choices"][:1]
    (folder / "earlier export.json").write_text(json.dumps(earlier))
    # One record was made with an older version of its scene, with a passage since removed.
    stale = json.loads(records[2].read_text())
    stale["scene"]["content_hash"] = "0" * 64
    stale["choices"].append({"node": "removed_passage", "choice": "gone", "text": "Gone",
                             "verdict": "historical", "chosen_at": ""})
    records[2].write_text(json.dumps(stale))
    # A name that must never become markup.
    named = json.loads(records[3].read_text())
    named["student_name"] = "<script>alert(1)</script>"
    records[3].write_text(json.dumps(named))
    # Files that cannot be counted.
    (folder / "broken.json").write_text('{"format": "cover-names/record", "version": 1, "cho')
    (folder / "notes.json").write_text('{"title": "my notes"}')
    (folder / "a save.json").write_text(json.dumps({"format": "cover-names/save", "version": 1}))
    (folder / "from the future.json").write_text(json.dumps({**earlier, "version": 2}))
    (folder / "unknown scene.json").write_text(json.dumps(
        {**earlier, "playthrough_id": "x-1", "scene": {"id": "atlantis", "title": "?"}}))
    # Not records at all, and never looked at inside a folder.
    (folder / "readme.txt").write_text("hand-ins for period 3")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder, records


def expected_counts(records: list[Path], story: Story) -> Counter[tuple[str, str, str]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for path in records:
        record = json.loads(path.read_text())
        scene = story.scenes[record["scene"]["id"]]
        for choice in record["choices"]:
            node = scene.nodes.get(choice["node"])
            if node is not None and node.is_decision:
                counts[(scene.id, choice["node"], choice["choice"])] += 1
    return counts


def test_the_debrief_counts_the_class_and_lists_what_it_skipped(
    tmp_path: Path, shipped_story: Story, class_folder: tuple[Path, list[Path]]
) -> None:
    folder, records = class_folder
    html, table = tmp_path / "report.html", tmp_path / "report.csv"
    assert main(["debrief", str(folder), "-o", str(html), "--csv", str(table)]) == 0

    assert table.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads names right
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_section = Counter(row["section"] for row in rows)
    assert by_section["student"] == 35  # duplicates counted once
    assert by_section["duplicate"] == 2
    skipped = {row["file"]: row["note"] for row in rows if row["section"] == "skipped"}
    assert skipped == {
        "broken.json": "is damaged (not valid JSON)",
        "notes.json": "is not a Cover Names record",
        "a save.json": "is not a Cover Names record",
        "from the future.json": "is a record of another version (version 2; this game reads 1)",
        "unknown scene.json": "is for a scene this game does not have ('atlantis')",
    }
    duplicates = {row["file"]: row["note"] for row in rows if row["section"] == "duplicate"}
    assert duplicates["copy of first.json"] == f"is the same playthrough as {records[0].name} " \
                                               "(counted once)"
    # The earlier export went less far: the full one is kept.
    assert duplicates["earlier export.json"].startswith("is the same playthrough as")

    # Per decision point: how many students took each option, against the records themselves.
    counts = expected_counts(records, shipped_story)
    decision_rows = [row for row in rows if row["section"] == "decision"]
    assert len(decision_rows) == sum(
        len(node.choices) for scene in shipped_story.scenes.values()
        for node in scene.decision_points)
    for row in decision_rows:
        assert int(row["students"]) == counts[(row["scene_id"], row["node_id"], row["choice_id"])]
        choice = shipped_story.scenes[row["scene_id"]].nodes[row["node_id"]].choice(
            row["choice_id"])
        assert row["verdict"] == choice.record.verdict.value  # type: ignore[union-attr]
        assert row["is_historical"] == ("yes" if row["verdict"] == "historical" else "no")
    assert sum(int(row["students"]) for row in decision_rows) == sum(counts.values())

    # Per student: how closely the path followed the record.
    students = [row for row in rows if row["section"] == "student"]
    for row in students:
        assert 0 <= int(row["historical_decisions"]) <= int(row["decisions"])
    stale_rows = [row for row in students if row["note"]]
    assert len(stale_rows) == 1 and "another version" in stale_rows[0]["note"]

    page = html.read_text(encoding="utf-8")
    assert "35</b><span>student records counted" in page
    assert "made with another version of the scene" in page
    assert "1 choice no longer in the scene was left out" in page
    for name in skipped:
        assert name in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Self-contained: nothing to fetch, nothing to run.
    assert not re.search(r"(src|href)\s*=", page)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page.replace("&lt;script", "")
    assert "@media print" in page and "<svg" in page
    assert "For the next lesson" in page


def test_debrief_with_nothing_countable_fails_but_still_writes(tmp_path: Path) -> None:
    (tmp_path / "junk.json").write_text("nope")
    out = tmp_path / "r.html"
    assert main(["debrief", str(tmp_path / "junk.json"), "-o", str(out)]) == 1
    assert "junk.json" in out.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_hand_in_that_is_a_named_pipe_is_skipped_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.json")
    done = subprocess.run([sys.executable, "-m", "game", "debrief", str(tmp_path / "fifo.json"),
                           "-o", str(tmp_path / "r.html")], cwd=REPO, capture_output=True,
                          text=True, timeout=60)  # a hang fails here
    assert done.returncode == 1  # nothing could be counted
    assert "fifo.json cannot be read (it is not a regular file)" in done.stderr


def test_the_csv_beside_a_report_is_never_the_report_itself() -> None:
    assert csv_beside(Path("out/report.html")) == Path("out/report.csv")
    assert csv_beside(Path("out/table.csv")) == Path("out/table.csv.csv")  # not overwritten


def test_missing_inputs_are_reported_not_fatal(
    tmp_path: Path, shipped_story: Story, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "c"
    write_class(shipped_story, folder, count=3)
    out = tmp_path / "r.html"
    assert main(["debrief", str(folder), str(tmp_path / "nowhere"), "-o", str(out)]) == 0
    assert "nowhere: no such file or folder" in capsys.readouterr().err


def test_a_session_log_from_another_scene_version_still_counts(
    tmp_path: Path, shipped_story: Story
) -> None:
    from game.classroom.debrief import gather
    from game.classroom.report import render_csv

    scene = shipped_story.ordered[0]
    node = scene.decision_points[0]
    choice = node.choices[0].id
    lines = [
        {"event": "session_started", "seq": 1, "format": "cover-names/session-log",
         "version": 1, "plan": {"title": "Last year"},
         "scenes": [{"id": scene.id, "content_hash": "0" * 64}]},
        {"event": "decided", "seq": 2, "scene": scene.id, "node": node.id, "choice": choice,
         "tally": {choice: 5, "no_longer_there": 3}},
        {"event": "decided", "seq": 3, "scene": scene.id, "node": "removed", "choice": "x"},
    ]
    (tmp_path / "old.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    debrief = gather([tmp_path], shipped_story)
    (session,) = debrief.sessions
    assert session.stale and not session.ended and session.decisions == 1
    decision = next(d for d in debrief.decisions if d.node_id == node.id)
    option = next(o for o in decision.options if o.choice_id == choice)
    assert (option.votes, option.picks) == (5, 1)
    assert "played on another version of a scene" in render_csv(debrief)
