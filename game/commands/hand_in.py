"""`cover-names hand-in RECORD.json --to ADDRESS`: send an exported record to a classroom server.

ADDRESS is the join address on the projector. The file is checked as a
record first, so nothing that is not one is sent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("record", type=Path, help="a record exported from a scene's debrief")
    parser.add_argument("--to", required=True, metavar="ADDRESS",
                        help="the class's join address, as the projector shows it")


def run(args: argparse.Namespace) -> int:
    from game.classroom.hand_in import HandInError, send_record
    from game.classroom.records import read_record

    record, reason = read_record(args.record)
    if record is None:
        print(f"{args.record}: {reason}; nothing was sent.", file=sys.stderr)
        return 1
    document = json.loads(args.record.read_text(encoding="utf-8-sig"))
    try:
        kept = send_record(document, args.to)
    except HandInError as error:
        print(f"{args.record}: not handed in: {error}", file=sys.stderr)
        return 1
    print(f"Handed in: {record.scene_title}, {len(record.choices)} choices (kept as {kept}).")
    return 0
