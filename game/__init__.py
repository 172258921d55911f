"""Cover Names: interactive fiction for history classes, set beside what its sources say."""

from __future__ import annotations

__version__ = "0.1.0"
