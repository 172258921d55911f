"""The panels play opens over a scene (history, dossier, timeline, saves), each given what
it needs; the dossier and timeline get what the player has met so far, so they never tell
what comes next (docs/scene-format.md, "The dossier and timeline while playing")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.desktop.finished import finished_scenes
from game.desktop.screen import Screen
from game.engine.met import Met

if TYPE_CHECKING:
    from game.desktop.screens.play import PlayScreen


def met_so_far(play: PlayScreen) -> tuple[Met, frozenset[str]]:
    """What the player has met in this scene (the passage on screen included; records only
    when they are revealed after each choice), and the scenes they have finished."""
    app = play.app
    met = Met.of(play.player, play.shown, records=app.settings.reveal == "each")
    return met, finished_scenes(app.story)


def play_panel(play: PlayScreen, name: str, entry_id: str | None = None) -> Screen:
    """The panel `name` ("history", "dossier", "timeline" or "saves") for this play screen."""
    app = play.app
    if name == "history":
        from game.desktop.screens.history import HistoryScreen

        return HistoryScreen(app, play)
    if name == "saves":
        from game.desktop.screens.saves import SavesScreen

        return SavesScreen(app, play.player)
    if name == "timeline":
        from game.desktop.screens.timeline import TimelineScreen

        return TimelineScreen(app, play.player.scene.id, *met_so_far(play))
    from game.desktop.screens.dossier import DossierScreen

    return DossierScreen(app, entry_id, play.shown.text, play.player.scene.id, *met_so_far(play))
