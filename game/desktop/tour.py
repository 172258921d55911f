"""Opens every screen in a sensible state and draws it, for the self-check, screenshots and tests.

`tour(app)` yields (screen name, app) after each screen is drawn, playing the
first scene as a student would: its place card, a choice, its record, a source, the dossier,
the timeline, the history, the saves, the settings, the help and the debrief. It plays the
scene the record's way (the historical path), so it reaches the ending the sources tell;
the historical option stands at a different place at each decision, so "the first option"
would not.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.desktop.app import App
from game.engine import Player
from game.historical_path import HistoricalPathError, historical_path


def _record_way(app: App, scene_id: str) -> Iterator[str]:
    """The option ids of the scene's historical path, in order; none for a scene without one."""
    try:
        yield from historical_path(app.story, scene_id).choices
    except HistoricalPathError:
        return


def _next_option(player: Player, way: Iterator[str]) -> str:
    """The option the record's way takes here, or the first open one where it has none."""
    available = [option.id for option in player.options if option.available]
    wanted = next(way, None)
    return wanted if wanted in available else available[0]


def tour(app: App) -> Iterator[tuple[str, App]]:
    from game.desktop.screens.debrief import DebriefScreen
    from game.desktop.screens.dossier import DossierScreen
    from game.desktop.screens.help import HelpScreen
    from game.desktop.screens.place_card import PlaceCardScreen
    from game.desktop.screens.play import PlayScreen
    from game.desktop.screens.scenes import ScenesScreen
    from game.desktop.screens.settings import SettingsScreen
    from game.desktop.screens.source import SourceScreen

    motion = app.settings.reduce_motion
    app.settings.reduce_motion = True  # in memory only: a still frame, never a fade
    app.replace()
    app.render()
    yield "title", app
    app.push(ScenesScreen(app))
    app.render()
    yield "scenes", app
    scenes = app.story.ordered
    if not scenes:
        return
    play = PlayScreen(app, app.story.new_player(scenes[0].id))
    way = _record_way(app, scenes[0].id)
    app.replace(play)
    app.push(PlaceCardScreen(app, scenes[0], play.shown))
    app.render()
    yield "place-card", app
    app.pop()
    app.render()
    yield "play", app
    play.choose(_next_option(play.player, way))
    while play.pending is None and not play.player.is_over:  # no record yet: play on to one
        play.choose(_next_option(play.player, way))
    app.render()
    yield "record", app
    citation = (
        play.pending.record.citations if play.pending and play.pending.record else ()
    ) or play.shown.citations
    if citation:
        app.push(SourceScreen(app, citation[0]))
        app.render()
        yield "source", app
        app.pop()
    for panel in ("dossier", "timeline", "history", "saves"):
        play.open_panel(panel)
        if isinstance(app.top, DossierScreen) and app.top.mentioned:
            app.top.open = app.top.mentioned[0].id  # as if a name in the passage was followed
            app.top.invalidate()
        app.render()
        yield panel, app
        app.pop()
    app.settings.reduce_motion = motion  # the settings screen shows the player's own
    app.push(SettingsScreen(app))
    app.render()
    yield "settings", app
    app.pop()
    app.settings.reduce_motion = True
    app.push(HelpScreen(app))
    app.render()
    yield "help", app
    app.pop()
    play.proceed()
    while not play.player.is_over:
        play.choose(_next_option(play.player, way))
        play.proceed()
    app.render()
    yield "ending", app
    app.push(DebriefScreen(app, play.player))
    app.render()
    yield "debrief", app
    yield from _frame_pages(app)
    app.settings.reduce_motion = motion


def _frame_pages(app: App) -> Iterator[tuple[str, App]]:
    """The story's frame, when the story has it: the opening as it stands before the first
    scene, the first bridge and the closing."""
    from game.desktop.screens.frame import FrameScreen
    from game.desktop.story_frame import frame_of

    frame = frame_of(app)
    pages = (("opening", frame.opening), ("bridge", frame.bridges[0] if frame.bridges else None),
             ("closing", frame.closing))
    for name, page in pages:
        if page is None:
            continue
        app.push(FrameScreen(app, page, lambda: None, before_scene=name == "opening"))
        app.render()
        yield name, app
        app.pop()
