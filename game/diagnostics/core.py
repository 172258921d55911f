"""The `Diagnostic` value, its location, and how it prints for an author."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from game.printable import printable
from game.regular_files import read_regular_file


class Severity(str, Enum):
    """How bad a problem is: errors stop a scene loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """Where something was written: file, 1-based line and column, and span length."""

    file: str
    line: int = 0
    column: int = 0
    length: int = 1

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: a stable code, where it is, what is wrong and how to fix it."""

    code: str
    where: Location
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.where}: {self.severity.value} {self.code}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return printable(text)

    def render(self, source_text: str | Sequence[str] | None = None) -> str:
        """The one-line form, then the offending source line with its span marked.

        `source_text`: the file's text, or (printing many diagnostics of one file)
        its lines split once, so printing stays linear in the number of diagnostics.
        Whatever the file holds, no control character is printed (`printable`).
        """
        text = f"{self.where}: {self.severity.value} {self.code}: {self.message}"
        lines = _source_lines(self.where, source_text)
        if lines:
            text += "\n" + lines
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return printable(text)


#: How much of a long source line is shown around the marked span.
_EXCERPT = 100


def _source_lines(where: Location, source_text: str | Sequence[str] | None) -> str:
    if where.line <= 0:
        return ""
    if source_text is None:
        try:
            data = read_regular_file(Path(where.file), MAX_EXCERPT_FILE_BYTES)
        except OSError:
            return ""
        source_text = data.decode("utf-8", errors="replace")
    all_lines = source_text.splitlines() if isinstance(source_text, str) else source_text
    if where.line > len(all_lines):
        return ""
    line = all_lines[where.line - 1].expandtabs(1)
    gutter = f"{where.line:>5} | "
    start = max(where.column - 1, 0)
    width = max(1, min(where.length, max(len(line) - start, 1)))
    if len(line) > _EXCERPT:  # a 4,000-character line: show the part around the span
        left = max(0, min(start - 20, len(line) - _EXCERPT))
        shown = line[left:left + _EXCERPT]
        start -= left
        width = max(1, min(width, len(shown) - start))
        line = ("…" if left else "") + shown + ("…" if left + _EXCERPT < len(all_lines[
            where.line - 1]) else "")
        start += 1 if left else 0
    marker = " " * (len(gutter) - 2) + "| " + " " * start + "^" * width
    return f"{gutter}{line}\n{marker}"


#: A file larger than this is never read just to show a line of it.
MAX_EXCERPT_FILE_BYTES = 32_000_000


@dataclass
class Diagnostics:
    """A growing list of diagnostics, built by a loader as it reads."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        code: str,
        where: Location,
        hint: str = "",
        **values: object,
    ) -> Diagnostic:
        """Record a problem by its code; the message comes from the code's template."""
        from game.diagnostics.codes import CODES

        spec = CODES[code]
        diagnostic = Diagnostic(
            code=code,
            where=where,
            message=spec.template.format(**values),
            hint=hint,
            severity=spec.severity,
        )
        self.items.append(diagnostic)
        return diagnostic

    def extend(self, more: Iterable[Diagnostic]) -> None:
        self.items.extend(more)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean …?' hint from the closest known names, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
