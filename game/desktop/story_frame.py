"""The story's frame on the desktop: which page comes when, and starting the scene it leads to.

The frame (`reference/frame.yaml`, read by `game.reference.frame_loader`) is
Hede Massing looking back: the opening is shown once before the first scene
(until seen: the `opening_seen` setting), always open from the scenes list; a
bridge after a scene's debrief leads to the next scene; the closing follows
the last. A frame with errors loses only the broken pages, and says so once
in a notice; the scenes play as before, with or without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game import paths
from game.engine import Story
from game.reference.frame import Frame, FramePage
from game.saves import autosave_slot, list_saves, read_save

if TYPE_CHECKING:
    from game.desktop.app import App

#: The frame read for the story being played: a live reload (F5) brings a new story, and
#: with it a fresh read of the frame file.
_READ: list[tuple[Story, Frame]] = []


def frame_of(app: App) -> Frame:
    """The story's frame, read once for the story's sources; its first problem noticed.

    Which scenes it names is lint's to check (CN702): here a frame that names none
    of the story's scenes belongs to another story, and is left out.
    """
    story = app.story
    if _READ and _READ[0][0] is story:
        return _READ[0][1]
    try:
        from game.reference.frame_loader import FRAME_FILE, load_frame

        frame = load_frame(paths.reference_dir() / FRAME_FILE, story.library)
    except Exception as error:  # the frame is around the scenes: it never stops them
        frame = Frame()
        app.notify(f"The story's frame could not be read ({type(error).__name__}: {error}); "
                   "the scenes play without it.", 8.0)
    else:
        errors = [d for d in frame.diagnostics if d.is_error]
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            app.notify(f"Part of the story's frame was left out: {errors[0]}{more}. "
                       "Run 'cover-names lint' to see each.", 8.0)
    named = {page.next for page in frame.pages} | {page.after for page in frame.pages}
    if not named & set(story.scenes):
        # Scenes of another story (an author's folder): the shipped frame is not theirs.
        frame = Frame(diagnostics=frame.diagnostics)
    _READ[:] = [(story, frame)]
    return frame


def opening_due(app: App, scene_id: str) -> FramePage | None:
    """The opening, when `scene_id` is the scene it leads into and it has not been seen."""
    if app.settings.opening_seen:
        return None
    return frame_of(app).opening_before(scene_id)


def mark_opening_seen(app: App) -> None:
    if not app.settings.opening_seen:
        app.settings.opening_seen = True
        problem = app.remember_settings()
        if problem:
            app.notify(problem)


def start_scene(app: App, scene_id: str) -> None:
    """Play `scene_id`: from its autosave when a run is in progress, else from its start."""
    story = app.story
    player = None
    for slot in list_saves():
        if slot.slot == autosave_slot(scene_id) and not slot.problem:
            loaded = read_save(slot.path, story)
            if loaded.playthrough is not None:
                resumed = story.resume(loaded.playthrough)
                if not resumed.is_over:
                    player = resumed
    app.open_play(player if player is not None else story.new_player(scene_id))


def open_opening(app: App, begin: Callable[[], None] | None = None,
                 *, before_scene: bool = False) -> bool:
    """Show the opening (False when there is none). `before_scene`: it stands between the
    player and the first scene, and Skip goes straight on to it."""
    from game.desktop.screens.frame import FrameScreen

    page = frame_of(app).opening
    if page is None:
        return False
    app.push(FrameScreen(app, page, begin, before_scene=before_scene))
    return True


def open_after(app: App, scene_id: str) -> bool:
    """Show the page after `scene_id` (its bridge, or the closing); False when there is none."""
    from game.desktop.screens.frame import FrameScreen

    page = frame_of(app).after(scene_id)
    if page is None:
        return False
    begin = (lambda: start_scene(app, page.next)) if page.next in app.story.scenes else None
    app.push(FrameScreen(app, page, begin))
    return True
