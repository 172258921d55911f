"""The class report in one call: every record and session log in the user data folder, counted.

The desktop's "Class report" button calls `write_class_report`, so a teacher
never types a command: it reads the records students exported on this
computer (or copied into its records folder) and the facilitator's session
logs, and writes the HTML report and both CSV tables into `reports/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from game import paths
from game.classroom import who_chose_what
from game.classroom.debrief import gather
from game.classroom.report import render_csv, render_html
from game.classroom.session_log import sessions_dir
from game.classroom.shared_files import write_shared_text
from game.engine import Story


@dataclass(frozen=True)
class WrittenReport:
    html: Path
    csv: Path
    matrix_csv: Path
    students: int
    sessions: int


def write_class_report(story: Story, folder: Path | None = None,
                       inputs: list[Path] | None = None) -> WrittenReport:
    """Count the records and session logs (by default: this computer's), write the report."""
    sources = inputs if inputs is not None else [paths.records_dir(), sessions_dir()]
    debrief = gather([path for path in sources if path.exists()], story)
    folder = folder or paths.user_data_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%M%SZ")
    html = folder / f"class-report-{stamp}.html"
    table = html.with_suffix(".csv")
    matrix = html.with_name(f"{html.stem}-who-chose-what.csv")
    write_shared_text(html, render_html(debrief, "Class report"))
    write_shared_text(table, render_csv(debrief), bom=True)
    write_shared_text(matrix, who_chose_what.render_csv(debrief), bom=True)
    return WrittenReport(html, table, matrix, len(debrief.students), len(debrief.sessions))
