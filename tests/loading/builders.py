"""A small valid scene, as YAML text, for loader tests to copy and break one line at a time.

Tests find a line with `line_of(text, fragment)` and assert diagnostics point
at it, so the expected line numbers never drift when this scene is edited.
"""

from __future__ import annotations

from game.diagnostics import Diagnostic

QUOTE_A = "He said that he did not have the authority to do that."
QUOTE_B = "A few days later he arranged a meeting with Nikolai Yezhov, the head of the NKVD."

VALID_SCENE = f"""\
format: 1
id: test_scene
title: A Test Scene
order: 1
place: Moscow
date: early 1938
role: Hede Massing
summary: A small scene for the loader's tests.
length_minutes: 5
content_notes: [state violence]
start: first
vars:
  resolve: 0
  fields_present: false
  mood: calm
nodes:
  first:
    speaker: Narrator
    text: Peter listens, then spreads his hands.
    cite:
      - source: bazarov
        quote: "{QUOTE_A}"
    discuss: What did the refusal mean?
    choices:
      - id: ask_higher
        text: Ask Peter to take you to someone who has it.
        goto: second
        set: {{resolve: +1, mood: hopeful}}
        record:
          verdict: historical
          note: A few days later Zarubin arranged a meeting.
          cite:
            - {{source: bazarov, quote: "{QUOTE_B}"}}
      - id: wait
        text: Wait, and hope the papers come.
        if: "not fields_present and resolve < 2"
        goto: second
        record: {{verdict: unrecorded, note: Invented., cite: []}}
  second:
    text: You wait.
    next: last
  last:
    text: It ends.
    ending: historical
    epilogue:
      text: What happened next.
      cite:
        - {{source: bazarov, quote: "{QUOTE_A}"}}
"""


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line holding the `occurrence`-th `fragment`."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{fragment!r} is not in the text")


def column_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based column where the `occurrence`-th `fragment` starts on its line."""
    line = text.splitlines()[line_of(text, fragment, occurrence) - 1]
    return line.index(fragment) + 1


def replace(text: str, old: str, new: str) -> str:
    """`text` with `old` replaced once; fails loudly if `old` is not there."""
    assert old in text, old
    return text.replace(old, new, 1)


def codes(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def only(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], code: str) -> Diagnostic:
    """The one diagnostic with `code`; fails showing every diagnostic otherwise."""
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [str(d) for d in diagnostics]
    return found[0]
