"""Printing diagnostics for an author: sorted by place, the source line marked, then a summary.

Every authoring command (lint, test, graph) prints through here, so an author
sees one format everywhere: `path:line:col: error CODE: message`, the line
with the span marked, and the hint.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from game.diagnostics import Diagnostic
from game.diagnostics.core import MAX_EXCERPT_FILE_BYTES
from game.regular_files import read_regular_file


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str, str]:
    """By file, place and code, then message and hint: a total order, so the same
    problems print in the same order on every run (a set's order varies with
    PYTHONHASHSEED, and two problems often share a place and a code)."""
    where = diagnostic.where
    return (where.file, where.line, where.column, diagnostic.code, diagnostic.message,
            diagnostic.hint)


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Each distinct diagnostic once, files in the order their first problem was found
    (the source index before the scenes that quote it), then by `sort_key` in each."""
    unique = list(dict.fromkeys(diagnostics))
    rank: dict[str, int] = {}
    for diagnostic in unique:
        rank.setdefault(diagnostic.where.file, len(rank))
    return sorted(unique, key=lambda d: (rank[d.where.file], *sort_key(d)))


def render_all(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Each diagnostic rendered with its source line; each file is read and split once."""
    files: dict[str, list[str] | None] = {}
    rendered = []
    for diagnostic in in_order(diagnostics):
        file = diagnostic.where.file
        if diagnostic.where.line <= 0:  # no line to show: never open the file (it may be a pipe)
            rendered.append(str(diagnostic))
            continue
        if file not in files:
            try:  # never a pipe, never a refused 2 GB file read just to show one line
                data = read_regular_file(Path(file), MAX_EXCERPT_FILE_BYTES)
                files[file] = data.decode("utf-8", errors="replace").splitlines()
            except OSError:
                files[file] = None
        lines = files[file]
        rendered.append(diagnostic.render(lines) if lines is not None else str(diagnostic))
    return rendered


def counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostics if d.is_error)
    return errors, len(diagnostics) - errors


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def print_diagnostics(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    for text in render_all(diagnostics):
        print(text, file=stream)


def crash(command: str, where: str, error: BaseException) -> Diagnostic:
    """A command's unexpected failure, as a diagnostic (CN614) instead of a traceback."""
    from game.diagnostics import Diagnostics, Location

    return Diagnostics().add("CN614", Location(where), check=command,
                             error=f"{type(error).__name__}: {error}",
                             hint="please report this with the files that caused it")


def run_reporting_crashes(command: str, run: Callable[[argparse.Namespace], int],
                          args: argparse.Namespace) -> int:
    """`cover-names COMMAND`'s `run(args)`, an unexpected failure printed as a diagnostic
    (CN614) rather than a traceback. A closed pipe (`cover-names test | head`) is not a
    failure of the command and goes on up to the command line's own handling."""
    try:
        return run(args)
    except BrokenPipeError:
        raise
    except Exception as error:
        print_diagnostics([crash(command, f"cover-names {command}", error)], sys.stderr)
        return 1


def exit_code(diagnostics: Sequence[Diagnostic], strict: bool = False) -> int:
    """1 when there are errors (or, with --strict, warnings); else 0."""
    errors, warnings = counts(diagnostics)
    return 1 if errors or (strict and warnings) else 0
