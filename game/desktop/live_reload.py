"""F5: reload the scenes from disk while the game runs, and show what went wrong in the window.

The authoring tools' `game.authoring.reload.reload_story(story, player)` does
the work; this module only binds it to the window. It returns the new story,
the player moved onto it (None when its node no longer exists) and the
diagnostics, which are shown on a screen rather than raised.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.engine import Story


def reload_available() -> bool:
    try:
        return importlib.util.find_spec("game.authoring.reload") is not None
    except ImportError:
        return False


def report_broken_scenes(story: Story, when: str) -> None:
    """Say on standard error which scene files did not load and why (their first error), so
    an author running the game from a terminal is told even before opening the list."""
    from game.desktop.screens.scenes import broken_scenes

    broken = broken_scenes(story)
    if not broken:
        return
    print(f"cover-names: {len(broken)} scene file(s) could not be loaded ({when}); the scene "
          "list shows each as a card. Fix, save, and press F5:", file=sys.stderr)
    for diagnostic in broken:
        print(f"  {diagnostic.where}: {diagnostic.severity.value} {diagnostic.code}: "
              f"{diagnostic.message}", file=sys.stderr)


def reload_now(app: App) -> None:
    from game.desktop.screens.message import MessageScreen
    from game.desktop.screens.play import PlayScreen

    if not reload_available():
        app.notify("Live reload (F5) arrives with the authoring tools.")
        return
    play = app.find_screen("play")
    player = play.player if isinstance(play, PlayScreen) else None
    try:
        module = importlib.import_module("game.authoring.reload")
        result = module.reload_story(app.story, player)
    except Exception as error:  # an author's broken file must never close the game
        app.push(MessageScreen(app, "Reload failed", [f"{type(error).__name__}: {error}"]))
        return
    app.story = result.story
    for screen in app.stack:  # every screen beneath reads the new story when next drawn
        screen.invalidate()
    diagnostics = tuple(getattr(result, "diagnostics", ()))
    report_broken_scenes(app.story, "after F5")
    if player is None and any(d.is_error for d in diagnostics):
        from game.desktop.screens.scenes import broken_scenes

        broken = len(broken_scenes(app.story))
        app.notify(f"Reloaded {len(app.story.scenes)} scenes; {broken} could not be loaded: "
                   "the scene list shows why.")
        return
    lines = [str(diagnostic) for diagnostic in diagnostics]
    if isinstance(play, PlayScreen):
        if result.player is not None:
            if result.player is not player:
                play.replace_player(result.player)
        else:
            lines.insert(0, "Your place in the scene no longer exists; the scene list is open.")
            from game.desktop.screens.scenes import ScenesScreen

            app.replace(ScenesScreen(app))
    if lines:
        reloaded = getattr(result, "reloaded", True)
        title = "Reloaded, with warnings" if reloaded else "Not reloaded: play goes on as before"
        app.push(MessageScreen(app, title, lines))
    else:
        app.notify(f"Reloaded {len(app.story.scenes)} scenes from disk.")
