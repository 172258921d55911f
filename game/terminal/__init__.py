"""The terminal player: any scene, played in a terminal, scriptable through standard input."""

from __future__ import annotations

from game.terminal.player import TerminalPlayer

__all__ = ["TerminalPlayer"]
