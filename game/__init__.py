"""Cover Names: interactive fiction for history classes, checked against the record."""

from __future__ import annotations

__version__ = "0.1.0"
