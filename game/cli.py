"""The `cover-names` command line: one table of subcommands, each in its own module.

Each command module exposes `add_arguments(parser)` and `run(args) -> int`.
Modules are imported only when their command runs, so `cover-names lint`
never loads pygame and start-up stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from game import __version__

#: name -> (module, one-line help). The module owns its arguments.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.commands.play", "play a scene (the desktop window, or --terminal)"),
    "lint": ("game.authoring.lint_command", "check scenes and plans; prints file:line:col"),
    "graph": ("game.authoring.graph_command", "draw a scene's state machine (Mermaid or DOT)"),
    "test": ("game.authoring.test_command", "random and exhaustive playthroughs, walkthroughs"),
    "schema": ("game.authoring.schema_command", "print the JSON Schema for scene files"),
    "facilitate": ("game.classroom.facilitate_command", "run a guided class session"),
    "debrief": ("game.classroom.debrief_command", "report a class's records against history"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cover-names",
        description="Cover Names: documented moments of 1930s Soviet intelligence, "
        "every choice checked against the record.",
    )
    parser.add_argument("--version", action="version", version=f"cover-names {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="load, lint and play every shipped scene headless, then exit 0 if all worked",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(_module=module_name)
        _module(module_name).add_arguments(sub)
    return parser


def _module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_check:
            return int(_module("game.self_check").run(args))
        if args.command is None:
            # Plain `cover-names` plays: the window when there is a display.
            args = build_parser().parse_args(["play", *(argv or [])])
        return int(_module(args._module).run(args))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
