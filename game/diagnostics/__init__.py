"""Diagnostics: problems found in author files, collected rather than raised.

Every layer that reads a file an author or a teacher wrote (scenes, sources,
plans, records) reports through `Diagnostic`, so the linter, the game's live
reload and the tests all print and compare the same thing.
"""

from __future__ import annotations

from game.diagnostics.codes import CODES, Code
from game.diagnostics.core import Diagnostic, Diagnostics, Location, Severity

__all__ = ["CODES", "Code", "Diagnostic", "Diagnostics", "Location", "Severity"]
