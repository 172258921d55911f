"""`cover-names schema [-o FILE]`: print the JSON Schema for scene files, for editors.

See docs/authoring.md ("Your editor") for wiring it into VS Code's YAML extension.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the schema here instead of printing it")


def run(args: argparse.Namespace) -> int:
    from game.authoring.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{args.output}: error: cannot write the schema: {error.strerror or error}",
              file=sys.stderr)
        return 1
    print(f"schema: wrote {args.output}", file=sys.stderr)
    return 0
