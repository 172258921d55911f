"""The `cover-names` command line: one table of subcommands, each in its own module.

Each command module exposes `add_arguments(parser)` and `run(args) -> int`.
Only the module of the command being run is imported, so `cover-names lint`
never loads pygame, start-up stays fast, and a build that leaves a command
out still runs the others.
"""

from __future__ import annotations

import argparse
import importlib
import os
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
    "facilitate": ("game.commands.facilitate", "run a guided class session"),
    "classroom": ("game.commands.classroom", "the classroom server: students join and vote "
                  "from their own devices"),
    "hand-in": ("game.commands.hand_in", "send an exported record to a classroom server"),
    "debrief": ("game.classroom.debrief_command", "report a class's records against history"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only `command`'s module is imported, to add its own arguments."""
    parser = argparse.ArgumentParser(
        prog="cover-names",
        description="Cover Names: documented moments of 1930s Soviet intelligence, "
        "every choice set beside what its sources say.",
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
        if name == command:
            importlib.import_module(module_name).add_arguments(sub)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named in `argv`: its first word that is not an option."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command with stdin, stdout and stderr made safe for it (`_safe_streams`)."""
    saved = sys.stdin, sys.stdout, sys.stderr
    _safe_streams()
    try:
        return _main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


def _safe_streams() -> None:
    """Streams no file or terminal can break: no control bytes out (`PrintableStream`), a
    closed stdin reads as empty, a closed stdout or stderr swallows what is printed."""
    from game.printable import PrintableStream

    if sys.stdin is None:  # started with stdin closed (`cover-names play <&-`)
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (the process's own)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        elif isinstance(stream, PrintableStream):
            continue
        setattr(sys, name, PrintableStream(stream))


def _main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(argv)
    try:
        if command is None and not any(word in {"-h", "--help", "--version"} for word in argv):
            if "--self-check" in argv:
                return int(
                    importlib.import_module("game.self_check").run(build_parser().parse_args(argv))
                )
            # Plain `cover-names` plays: the window when there is a display.
            argv, command = ["play", *argv], "play"
        try:
            parser = build_parser(command)
        except ImportError as error:
            print(
                f"cover-names {command} is not available in this build ({error})", file=sys.stderr
            )
            return 2
        args = parser.parse_args(argv)
        return int(importlib.import_module(args._module).run(args))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `cover-names test | head`: the reader has all it wanted
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file under it (a test's capture)
        pass
