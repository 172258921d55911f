"""Numbers a person typed, read safely: ASCII digits only, and never too many of them.

The terminal player and the terminal facilitator both read whole numbers from
a line of input. `str.isdigit()` also accepts '²' and other digits, which
`int()` then refuses with a ValueError; this reads only what `int()` takes.
"""

from __future__ import annotations

import re

#: Six digits at most: more is a slip of the finger (or a paste), never an option or a count.
_NUMBER = re.compile(r"[0-9]{1,6}")


def number_in(text: str) -> int | None:
    """`text` as a whole number when it is one written in ASCII digits, else None."""
    text = text.strip()
    return int(text) if _NUMBER.fullmatch(text) else None
