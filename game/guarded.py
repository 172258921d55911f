"""The one guarded way to read a file the game did not write itself in this run.

Scenes, plans, reference data, saves, settings, records and session logs
all come from disk, where anything can be: a file nested 200,000 levels
deep, an integer of 5,000 digits, `NaN`, a named pipe, 2 GB of zeros. Every
reader goes through `guard` (and, for JSON, `read_json` / `parse_json`),
which turns *any* exception raised while reading or interpreting the file
into `Unreadable`: the file's name, the line when it is known, and the
reason in plain words. So a reader has exactly one failure to handle, and
no file can stop the game, the debrief or the linter with a traceback.

A damaged file the game would otherwise trip over at every start (an
autosave, the settings) is moved aside with `move_aside`, never deleted,
and the player is told where it went.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from game.diagnostics import Diagnostics, Location
from game.regular_files import FileTooBig, NotARegularFile, read_regular_file

#: Deeper JSON than this is no file the game wrote: refused before any code walks it.
MAX_JSON_DEPTH = 64
#: The largest whole number a JSON file of ours may hold: the range every JSON
#: reader agrees on (2**53), far beyond any count, size or score the game keeps.
MAX_JSON_INT = 2**53


class Unreadable(Exception):
    """A file that cannot be used: its path, the line when known, and why in plain words."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(reason)
        self.path = Path(path)
        self.reason = reason
        self.line = line
        self.column = column

    @property
    def where(self) -> str:
        """`name:line` (or the name alone) of the place the problem was found."""
        return self.path.name + (f":{self.line}" if self.line else "")

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def reason_for(error: BaseException) -> str:
    """An exception raised while reading a file, as words a player or teacher can act on."""
    if isinstance(error, Unreadable):
        return error.reason
    if isinstance(error, FileTooBig):
        return f"it is too big ({error.size:,} bytes; the limit is {error.limit:,})"
    if isinstance(error, NotARegularFile):
        return f"it cannot be read ({error.strerror or 'it is not a regular file'})"
    if isinstance(error, OSError):
        return f"it cannot be read ({(error.strerror or type(error).__name__).lower()})"
    if isinstance(error, RecursionError):
        return "it is damaged (nested too deeply to be read)"
    if isinstance(error, MemoryError):
        return "it is too big to be read"
    if isinstance(error, UnicodeError):
        return "it is damaged (not UTF-8 text)"
    if isinstance(error, json.JSONDecodeError):
        return "it is damaged (not valid JSON)"  # the line goes in Unreadable.line
    if isinstance(error, _BadNumber):
        return f"it is damaged ({error})"
    if isinstance(error, ValueError) and "integer string conversion" in str(error):
        return "it is damaged (it holds a number too long to read)"
    text = " ".join(str(error).split())[:160]
    return f"it is damaged ({type(error).__name__}{': ' + text if text else ''})"


def _line_of(error: BaseException) -> tuple[int | None, int | None]:
    if isinstance(error, Unreadable):
        return error.line, error.column
    if isinstance(error, json.JSONDecodeError):
        return error.lineno, error.colno
    mark = getattr(error, "problem_mark", None)  # a YAML error
    if mark is not None:
        return mark.line + 1, mark.column + 1
    return None, None


@contextlib.contextmanager
def guard(path: Path | str) -> Iterator[None]:
    """Inside this block any exception about `path` becomes `Unreadable` (Ctrl-C still stops).

    `Exception` and the two errors a hostile file provokes that are not
    exceptions of the ordinary kind (RecursionError is one; MemoryError is
    another) are all caught: that is the point of this one place.
    """
    try:
        yield
    except Unreadable:
        raise
    except (Exception, RecursionError, MemoryError) as error:
        line, column = _line_of(error)
        raise Unreadable(path, reason_for(error), line, column) from error


class _BadNumber(ValueError):
    """A number in a JSON file that no file of ours holds; the message says which."""


def _refuse_constant(name: str) -> object:
    raise _BadNumber(f"'{name}' is not a number this game reads")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(f"the number {text[:20]} is too large")
    return value


def _bounded_int(text: str) -> int:
    if len(text) > 20:  # 2**53 has 16 digits: no need to convert anything longer
        raise _BadNumber("a number in it is too long to read")
    value = int(text)
    if abs(value) > MAX_JSON_INT:
        raise _BadNumber(f"the number {value} is too large")
    return value


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection while a large file's values are made (a scene, a long save):
    they all stay alive and hold no cycles, so each collection the allocations trigger
    would rescan them for nothing (quadratic time on a 300,000-step save, a third of a
    large scene's load). Reference counting still frees everything as usual."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_json(data: bytes | str, path: Path | str = "<json>", line: int | None = None) -> object:
    """The JSON value in `data`, or Unreadable: never deeper than MAX_JSON_DEPTH, no NaN or
    infinity, no whole number beyond MAX_JSON_INT. `line`: where `data` stood in its file."""
    with guard(path), gc_paused():
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                           parse_int=_bounded_int)
        check_depth(value, path, line)
        return value
    raise AssertionError("unreachable")  # pragma: no cover  (guard always re-raises)


def check_depth(value: object, path: Path | str, line: int | None = None,
                limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse a value nested deeper than `limit` (walked without recursion, containers only:
    a 300,000-step save is checked in a fraction of a second)."""
    if type(value) is not dict and type(value) is not list:
        return
    pending: list[tuple[object, int]] = [(value, 1)]
    pop, push = pending.pop, pending.append
    while pending:
        item, depth = pop()
        if depth > limit:
            raise Unreadable(path, f"it is damaged (nested deeper than {limit} levels)", line)
        children: Iterable[object] = (item.values() if isinstance(item, dict)
                                      else item)  # type: ignore[assignment]
        for child in children:
            kind = type(child)
            if kind is dict or kind is list:
                push((child, depth + 1))


def read_json(path: Path, max_bytes: int) -> object:
    """The JSON value in the regular file at `path` (at most `max_bytes`), or Unreadable."""
    with guard(path):
        data = read_regular_file(path, max_bytes)
    return parse_json(data, path)


def read_bytes(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of the regular file at `path`, or Unreadable (too big, a pipe, a folder…).

    A file over `max_bytes` is refused from its size alone, never read into memory.
    """
    with guard(path):
        return read_regular_file(path, max_bytes)
    raise AssertionError("unreachable")  # pragma: no cover


def move_aside(path: Path) -> Path:
    """Rename a damaged file to `<name>.damaged` beside it (`.damaged-2`… if taken); the new path.

    Never deletes and never replaces anything: the player or teacher can open
    the file, and a game that reads `*.json` no longer trips over it. Raises
    OSError when the file cannot be moved.
    """
    for number in range(1, 1000):
        suffix = ".damaged" if number == 1 else f".damaged-{number}"
        target = path.with_name(path.name + suffix)
        try:
            os.link(path, target)  # fails when `target` exists: nothing is ever replaced
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(f"too many damaged copies of {path.name} beside it")


@contextlib.contextmanager
def reported(path: Path | str, diagnostics: Diagnostics, hint: str = "") -> Iterator[None]:
    """Like `guard`, for the readers of authors' files: the problem becomes a diagnostic.

    Any exception inside the block is added to `diagnostics` as CN100 at the
    file (and line and column, when known), and execution goes on after the
    block: the caller then returns what it has, as for any other bad file.
    """
    try:
        with guard(path):
            yield
    except Unreadable as error:
        where = Location(str(path), error.line or 0, error.column or 0)
        cause = error.__cause__
        if isinstance(cause, OSError) and not isinstance(cause, FileTooBig) and cause.strerror:
            reason = cause.strerror.lower()
        else:
            reason = error.reason.removeprefix("it is ").removeprefix("it ")
        diagnostics.add("CN100", where, reason=reason, hint=hint)
