"""Errors a front end can meet when it asks the engine for something it cannot do."""

from __future__ import annotations


class EngineError(Exception):
    """A request the current state cannot satisfy (a bug in the caller, or stale input)."""


class ChoiceUnavailable(EngineError):
    """The option does not exist here, is locked, or the scene has ended."""
