"""The word-level difference between a quote that was not found and the closest passage.

CN502's hint shows where a quote parts from its source, word by word, so an
author sees "exit [visa → visas] long" instead of hunting for one letter in a
240-character passage. Only the display: finding the closest passage is the
source library's job.
"""

from __future__ import annotations

import difflib

from game.sources.library import normalise

#: Words of unchanged text kept either side of a difference.
CONTEXT_WORDS = 4
#: Differences shown; the rest are counted.
MAX_CHANGES = 3


def word_difference(quote: str, passage: str) -> str:
    """`…our exit [visa → visas] long enough!…`: the quote's words, each change marked.

    `[a → b]` where the quote says a and the source says b, `[-a]` for words of the
    quote the source lacks, `[+b]` for words of the source the quote left out. Empty
    when the two share no word, or when they agree word for word.
    """
    said = normalise(quote).split()
    source = normalise(passage).split()
    said_keys, source_keys = [_key(w) for w in said], [_key(w) for w in source]
    matcher = difflib.SequenceMatcher(None, said_keys, source_keys, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        return ""
    # Only the stretch of the source the quote lines up with: the passage is wider.
    first, last = blocks[0], blocks[-1]
    offset = max(first.b - first.a, 0)
    stop = last.b + last.size + (len(said) - last.a - last.size)
    sub = difflib.SequenceMatcher(None, said_keys, source_keys[offset:stop], autojunk=False)
    parts: list[str] = []
    changes = 0
    opcodes = sub.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        words_said = " ".join(said[i1:i2])
        words_source = " ".join(source[offset + j1:offset + j2])
        if tag == "equal":
            run = said[i1:i2]
            before = index > 0
            after = index + 1 < len(opcodes)
            if before and after and len(run) > 2 * CONTEXT_WORDS:
                parts.append(" ".join(run[:CONTEXT_WORDS]) + " … " +
                             " ".join(run[-CONTEXT_WORDS:]))
            elif after and not before and len(run) > CONTEXT_WORDS:
                parts.append("… " + " ".join(run[-CONTEXT_WORDS:]))
            elif before and not after and len(run) > CONTEXT_WORDS:
                parts.append(" ".join(run[:CONTEXT_WORDS]) + " …")
            else:
                parts.append(" ".join(run))
            continue
        changes += 1
        if changes > MAX_CHANGES:
            continue
        if tag == "replace":
            parts.append(f"[{words_said} → {words_source}]")
        elif tag == "delete":
            parts.append(f"[-{words_said}]")
        else:
            parts.append(f"[+{words_source}]")
    if changes == 0:
        return ""
    shown = " ".join(parts)
    if changes > MAX_CHANGES:
        shown += f" (and {changes - MAX_CHANGES} more)"
    return shown


def _key(word: str) -> str:
    """A word as proof compares it: case and punctuation aside."""
    return "".join(ch for ch in word.casefold() if ch.isalnum()) or word
