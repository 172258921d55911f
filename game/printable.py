"""Text from files, made safe to print on a terminal: no control bytes ever reach it.

A scene, a record, a log or a save can hold any character: an escape
sequence (`ESC ]52;…` writes the clipboard, `ESC [2J` clears the screen),
a carriage return that overwrites what was printed, a bell, a bidirectional
override that reverses the words after it. Everything the terminal player,
`lint`, `test`, `graph` and `debrief` print from a file goes through
`printable`, which shows each such character as a visible escape (`\\x1b`)
instead of sending it.
"""

from __future__ import annotations

import re
from typing import TextIO

#: C0 controls but tab and newline, DEL, C1 controls, and the Unicode format
#: characters that reorder or hide text (bidi embeddings, overrides and
#: isolates, the line and paragraph separators).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character shown as a visible escape; newlines and tabs kept."""
    if _CONTROL.search(text) is None:  # the common case: nothing to do, no copy made
        return text
    return _CONTROL.sub(_escaped, text)


def printable_line(text: str) -> str:
    """`text` on one line: newlines and tabs escaped too (a file name, a cell, a title)."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


class PrintableStream:
    """A text stream that prints only `printable` text, and never fails on a character.

    `cover-names` puts one over stdout and stderr for the time a command runs,
    so every printer of every command (the terminal player, the projector in
    a terminal, lint, test, graph, debrief) is covered in this one place. A
    character the terminal's encoding cannot show (a Latin-1 or ASCII
    terminal) becomes '?' instead of a UnicodeEncodeError.
    """

    def __init__(self, stream: TextIO) -> None:
        self.raw = stream  # for the deliberate '\r' of a progress bar on a terminal

    def write(self, text: str) -> int:
        text = printable(text)
        try:
            return self.raw.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self.raw, "encoding", None) or "ascii"
            return self.raw.write(text.encode(encoding, "replace").decode(encoding))

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a PrintableStream (or `stream` itself)."""
    return stream.raw if isinstance(stream, PrintableStream) else stream
