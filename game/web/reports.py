"""The class report straight from the server's store: no files handed in, nothing to collect.

The students' own playthroughs (kept as record documents as they played) and
the lesson's session log go through the same debrief as `cover-names debrief`.
"""

from __future__ import annotations

from pathlib import Path

from game.classroom import who_chose_what
from game.classroom.classes import Classes
from game.classroom.debrief import count
from game.classroom.hand_ins import HandIns, Skipped
from game.classroom.live_class import LiveClass
from game.classroom.records import record_from_document
from game.classroom.report import render_csv, render_html
from game.classroom.session_log import read_log


def class_report(classes: Classes, live: LiveClass, delimiter: str = ",") -> tuple[str, str, str]:
    """The report of one class as (HTML, CSV by option, who-chose-what CSV)."""
    handed = HandIns()
    names = {student.device: student.name for student in live.students()}
    for device, document in classes.store.records(live.code):
        name = names.get(device) or document.get("student_name") or "anonymous"
        path = Path(f"{name} ({str(document.get('playthrough_id', ''))[:8]})")
        record, reason = record_from_document(path, document)
        handed.shown[path] = path.name
        if record is None:
            handed.skipped.append(Skipped(path.name, reason))
        elif record.scene_id in classes.story.scenes:
            handed.records.append(record)
    log_path = Path(live.session.log.path)
    log, reason = read_log(log_path)
    if log is not None:
        handed.logs.append(log)
        handed.shown[log_path] = f"the lesson ({log_path.name})"
    debrief = count(handed, classes.story)
    title = f"Class {live.code}: {live.session.plan.title}"
    return (render_html(debrief, title), render_csv(debrief),
            who_chose_what.render_csv(debrief, delimiter))

