"""Opening the desktop window on its first screens: for a player, a test, the self-check.

`run_desktop` is `cover-names` and `cover-names play [SCENE]`; `build_app`
is what the pilot, the benchmarks and the screenshots start from; and
`render_every_screen` draws each screen once, headless, in a throwaway user
folder (the self-check's proof that the window works in a bundle).
"""

from __future__ import annotations

import os

import pygame

from game.desktop.app import App
from game.desktop.screen import Screen
from game.engine import Player, Story


def _start_screens(app: App, scene_id: str | None, player: Player | None = None) -> list[Screen]:
    from game.desktop.screens.message import MessageScreen

    if player is not None:  # `play SCENE --from NODE --set …`: already placed
        from game.desktop.screens.play import PlayScreen

        return [PlayScreen(app, player)]
    if scene_id is None:
        return []
    if scene_id not in app.story.scenes:
        known = ", ".join(sorted(app.story.scenes)) or "none"
        return [
            MessageScreen(
                app, "No such scene", [f"There is no scene '{scene_id}'. Scenes: {known}."]
            )
        ]
    from game.desktop.screens.play import PlayScreen

    return [PlayScreen(app, app.story.new_player(scene_id))]


def build_app(
    story: Story | None = None, size: tuple[int, int] | None = None, scene_id: str | None = None,
    player: Player | None = None,
) -> App:
    app = App(story, size)
    app.replace(*_start_screens(app, scene_id, player))
    return app


def run_desktop(
    scene_id: str | None = None, story: Story | None = None, player: Player | None = None
) -> int:
    """`cover-names` and `cover-names play [SCENE] [--scenes PATH] [--from NODE --set …]`."""
    app = build_app(story=story, scene_id=scene_id, player=player)
    return app.run()


def render_every_screen(size: tuple[int, int]) -> list[str]:
    """Build the app on the shipped story under SDL's dummy driver and draw every screen once.

    It plays a little (autosaves, a settings file), so it runs in a temporary
    user folder and never touches the player's own saves.
    """
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.desktop.tour import tour

    previous = os.environ.get("COVER_NAMES_HOME")
    with tempfile.TemporaryDirectory(prefix="cover-names-screens-") as home:
        os.environ["COVER_NAMES_HOME"] = home
        try:
            app = build_app(size=size)
            return [name for name, _ in tour(app)]
        finally:
            pygame.display.quit()
            if previous is None:
                os.environ.pop("COVER_NAMES_HOME", None)
            else:
                os.environ["COVER_NAMES_HOME"] = previous
