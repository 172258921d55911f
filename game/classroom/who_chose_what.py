"""Who chose what: each student's option at each decision, as a matrix and as a flat CSV.

The matrix (students × decisions, per scene) and a page per student go into
the debrief report; the CSV has one row per student per decision reached, so
a spreadsheet can sort and filter it as it is. Spreadsheets disagree about the
separator: Google Sheets, LibreOffice and Excel in English-speaking locales
read commas, Excel where the decimal mark is a comma reads semicolons. The
comma file is the default; `delimiter=";"` writes the other one, with Excel's
`sep=;` first line so it opens in columns there without an import dialogue.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from game.classroom.debrief import Debrief, DecisionStats, OptionStats, SceneStats, StudentStats

COLUMNS = ("student", "scene", "decision_number", "decision", "choice_number", "choice",
           "verdict", "ending")
#: Text that a spreadsheet would run as a formula is kept as text with a leading '.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Cell:
    """One student's option at one decision (None when their path did not reach it)."""

    number: int  # the option's position at its decision, 1-based
    option: OptionStats


@dataclass(frozen=True)
class SceneMatrix:
    scene: SceneStats
    decisions: list[DecisionStats]
    rows: list[tuple[StudentStats, list[Cell | None]]]


def matrices(debrief: Debrief) -> list[SceneMatrix]:
    """For each scene with students: its decisions as columns, a row per student."""
    found = []
    for scene in debrief.scenes:
        students = [s for s in debrief.students if s.scene_id == scene.scene.id]
        if not students:
            continue
        decisions = scene.decisions
        rows = [(student, [_cell(decision, student) for decision in decisions])
                for student in students]
        found.append(SceneMatrix(scene, decisions, rows))
    return found


def _cell(decision: DecisionStats, student: StudentStats) -> Cell | None:
    option = student.choices.get(decision.node_id)
    if option is None:
        return None
    return Cell(decision.options.index(option) + 1, option)


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(debrief: Debrief, delimiter: str = ",") -> str:
    """One row per student per decision reached (written with a byte-order mark, for Excel)."""
    out = io.StringIO()
    if delimiter != ",":
        out.write(f"sep={delimiter}\r\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for matrix in matrices(debrief):
        for student, cells in matrix.rows:
            for decision, cell in zip(matrix.decisions, cells, strict=True):
                if cell is None:
                    continue
                writer.writerow([_safe(value) for value in (
                    student.name, student.scene_title, decision.number, decision.passage,
                    cell.number, cell.option.text, cell.option.verdict,
                    student.ending or "unfinished")])
    return out.getvalue()
