"""`cover-names debrief FILES_OR_FOLDERS… [-o report.html] [--csv report.csv]`.

Reads students' record files and session logs (folders are searched), and
writes one self-contained HTML report and the same numbers as a CSV beside
it (`report.csv` next to `report.html`, or where `--csv` says). Files that
cannot be counted are listed, never fatal: the command fails only when it
cannot write its output or nothing at all could be counted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.printable import printable_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="FILES_OR_FOLDERS",
                        help="record files (.json), session logs (.jsonl), or folders of them")
    parser.add_argument("-o", "--output", type=Path, default=Path("debrief.html"),
                        metavar="REPORT.html", help="where the HTML report goes "
                        "(default: debrief.html)")
    parser.add_argument("--csv", type=Path, metavar="REPORT.csv",
                        help="where the CSV table goes (default: beside the report, "
                        "with .csv for .html)")
    parser.add_argument("--title", default="Class debrief", help="the report's heading")
    parser.add_argument("--scenes", type=Path, action="append", metavar="PATH",
                        help="compare against scenes from this file or folder")


def run(args: argparse.Namespace) -> int:
    from game.classroom import who_chose_what
    from game.classroom.debrief import gather
    from game.classroom.report import render_csv, render_html
    from game.classroom.shared_files import write_shared_text
    from game.engine import load_story

    table = args.csv or csv_beside(args.output)
    matrix = table.with_name(f"{table.stem}-who-chose-what.csv")
    clash = _overwrites_an_input(args.inputs, args.output, table)
    if clash:
        print(clash, file=sys.stderr)
        return 2
    missing = [path for path in args.inputs if not path.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
    story = load_story(args.scenes)
    debrief = gather([path for path in args.inputs if path.exists()], story)
    try:
        write_shared_text(args.output, render_html(debrief, args.title))
        write_shared_text(table, render_csv(debrief), bom=True)  # Excel reads names right
        write_shared_text(matrix, who_chose_what.render_csv(debrief), bom=True)
    except OSError as error:
        print(f"cannot write the report: {error}", file=sys.stderr)
        return 1
    for item in debrief.skipped + debrief.duplicates:
        print(f"not counted: {printable_line(item.file)} {printable_line(item.reason)}",
              file=sys.stderr)
    print(f"{len(debrief.students)} records and {len(debrief.sessions)} session logs counted, "
          f"{len(debrief.skipped)} files skipped, "
          f"{len(debrief.duplicates)} duplicates counted once")
    print(f"report: {args.output}  csv: {table}  who chose what: {matrix}")
    return 0 if (debrief.students or debrief.sessions) else 1


def _overwrites_an_input(inputs: list[Path], report: Path, table: Path) -> str:
    """Why writing `report` and `table` would destroy a file ('' when it would not):
    a student's record or a log named as an input (or in a folder named), or each other."""
    from game.classroom.hand_ins import iter_files
    from game.regular_files import file_key

    if file_key(report) == file_key(table):
        return (f"the report and the CSV would both be written to {table}: give --csv "
                "another name")
    outputs = {file_key(report): report, file_key(table): table}
    for path, _name in iter_files(path for path in inputs if path.exists()):
        clash = outputs.get(file_key(path))
        if clash is not None:
            return (f"{clash} is one of the files to read: writing the report there would "
                    "destroy it. Give -o (or --csv) another name, e.g. -o debrief.html")
    return ""


def csv_beside(report: Path) -> Path:
    """`report.csv` next to `report.html` (never the report itself)."""
    table = report.with_suffix(".csv")
    return table if table != report else report.with_name(report.name + ".csv")
