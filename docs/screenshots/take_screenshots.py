"""Screenshots of every desktop screen, taken from a real X server (Xvfb), for the README.

Run from the repository root on Linux with Xvfb and ImageMagick installed
(`apt-get install xvfb imagemagick`):

    python docs/screenshots/take_screenshots.py

It starts Xvfb at each size, opens the real window on it (SDL's x11 driver),
walks through every screen with `game.desktop.tour`, and captures the X
screen with ImageMagick's `import` after each frame. After the tour, a few
states the tour does not visit are set up here (`extras`): the title with
"Continue", a passage whose choices include a locked one (focused, so its
reason shows), the name dialog of the export, the scene map after the
tour's ending (with another run's branches found), and the scene list with
a scene that does not load. Saves and settings go to a temporary folder,
never to the player's own. `SCREENSHOT_ONLY=scene-map,scenes-broken` retakes
only the named screens.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.desktop.app import App
    from game.desktop.screens.debrief import DebriefScreen
    from game.engine import Player

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: (width, height, text size, high contrast, which screens, file suffix)
SHOTS = [
    (1366, 768, "standard", False, None, ""),
    (1366, 768, "standard", True, {"play", "record"}, "-high-contrast"),
    (1920, 1080, "standard", False, {"play", "record", "source", "source-voices"}, "-1080p"),
    (1920, 1080, "projector", False,
     {"play", "help", "title", "place-card", "memoir", "typed-sheet", "record-what-if",
      "projector-vote", "projector-record", "projector-what-if", "projector-ending",
      "opening", "closing", "dossier-card", "saves-slots", "scene-map"},
     "-1080p-projector-text"),
    (1366, 768, "projector", False, {"dossier-card", "saves-slots", "facilitator-plans"},
     "-projector-text"),
    (1024, 600, "standard", False, {"play-choices", "record"}, "-1024x600"),
]


def played_paths(app: App, depth: int, most: int = 5000) -> Iterator[tuple[str, list[str], Player]]:
    """Every path of up to `depth` choices, scene by scene, breadth first (at most `most`
    waiting), as (scene id, path, a player standing at its end). A player not kept by the
    caller is closed when the next path is played."""
    story = app.story
    for scene in story.ordered:
        paths: list[list[str]] = [[]]
        while paths:
            path = paths.pop(0)
            player = story.new_player(scene.id)
            for option_id in path:
                player.choose(option_id)
            options = [o.id for o in player.options if o.available]
            yield scene.id, path, player
            player.close()
            if len(path) < depth and len(paths) < most:
                paths += [[*path, option] for option in options]


def locked_choice(app: App) -> Player | None:
    """A player standing at a passage whose options include a locked one, found by playing.

    The scenes change as they are written, so the passage is searched for
    (every path of up to six choices, scene by scene) rather than named here.
    """
    for _, _, player in played_paths(app, 6):
        options = player.options
        if any(not option.available for option in options) and len(options) > 1:
            return player
    return None


def document_passage(app: App, style: str) -> Player | None:
    """A player standing at a passage that quotes a document set as `style` ("book" or
    "typed"), with every condition of its parts holding, found by reading the scenes."""
    from game.desktop.documents import segments

    story = app.story
    for scene in story.ordered:
        for node in scene.nodes.values():
            player = story.new_player(scene.id)
            player.playthrough.node = node.id
            for part in node.parts:
                for name in part.condition.names if part.condition else ():
                    if isinstance(player.playthrough.variables[name], bool):
                        player.playthrough.variables[name] = True
            passage = player.passage
            if any(s.style == style for s in segments(passage.text, passage.citations)):
                return player
            player.close()
    return None


def counterfactual_path(app: App) -> tuple[str, list[str]] | None:
    """A scene and the options that lead to one of its counterfactual endings, by playing."""
    for scene_id, path, player in played_paths(app, 40):
        ending = player.ending
        if ending is not None and ending.kind.value == "counterfactual":
            return scene_id, path
    return None


def projector(app: App) -> Iterator[str]:
    """The projector: a vote with its question, the record with the discussion after it,
    "What if we had…", and a counterfactual ending's own passage before its epilogue."""
    from game.classroom.plans import Plan
    from game.desktop.projector.facilitator_screen import FacilitatorScreen, start_session

    found = counterfactual_path(app)
    if found is None:
        return
    scene_id, path = found
    story = app.story
    plan = Plan.of_story(story, "Screenshots")
    plan = Plan(title=plan.title, scenes=tuple(p for p in plan.scenes if p.scene_id == scene_id),
                where=plan.where, reveal=plan.reveal)
    with tempfile.TemporaryDirectory() as logs:
        screen = FacilitatorScreen(app, start_session(plan, story, Path(logs)))
        app.push(screen)
        session = screen.session
        session.advance()
        shots = {"projector-vote", "projector-record"}
        for option_id in path:
            if session.phase.value == "voting":
                numbers = {o.id: o.number for o in session.player.options}
                for vote in (1, 1, 2, 1, 3)[: len(numbers) + 2]:
                    session.add_vote(min(vote, len(numbers)))
                if "projector-vote" in shots:
                    screen.refresh()
                    app.render()
                    shots.discard("projector-vote")
                    yield "projector-vote"
                session.override(numbers[option_id])
                if "projector-record" in shots and session.phase.value == "revealed":
                    screen.refresh()
                    app.render()
                    shots.discard("projector-record")
                    yield "projector-record"
                    screen.keys.to_what_if = session.toggle_what_if()
                    screen.refresh()
                    app.render()
                    yield "projector-what-if"
                    session.toggle_what_if()
                if session.phase.value == "revealed":
                    session.advance()
            else:
                session.advance()
        screen.refresh()
        screen.scroll = 0
        app.render()
        yield "projector-ending"
        session.end("screenshots")
        app.pop()


def what_if(app: App) -> Iterator[str]:
    """The record panel with "What if I had…" open on the options not taken."""
    from game.desktop.screens.play import PlayScreen

    scene = app.story.ordered[0]
    play = PlayScreen(app, app.story.new_player(scene.id))
    app.replace(play)
    while play.pending is None and not play.player.is_over:
        options = [o for o in play.player.options if o.available]
        play.choose(options[-1].id if len(options) > 1 else options[0].id)
        if play.pending is not None and not any(
                not o.chosen for o in play.player.records_at(play.pending.node_id)):
            play.proceed()
    play.toggle_what_if()
    app.render()
    yield "record-what-if"




def memoir_record(app: App) -> tuple[Player, str] | None:
    """A player one choice before a record that quotes Massing's memoir, and that choice.

    Found by following each scene's first historical option (or its first open one),
    since the scenes change as they are written.
    """
    story = app.story
    for scene in story.ordered:
        path: list[str] = []
        player = story.new_player(scene.id)
        while not player.is_over and len(path) < 40:
            options = [option for option in player.options if option.available]
            node = player.node
            historical = [o for o in options if o.id in {c.id for c in node.choices}
                          and (record := node.choice(o.id).record) is not None
                          and record.verdict.value == "historical"]
            option = (historical or options)[0]
            record = node.choice(option.id).record if option.id in {
                c.id for c in node.choices} else None
            if record is not None and any(c.voice is not None and c.voice.kind.value == "memoir"
                                          for c in record.citations):
                player.close()
                replay = story.new_player(scene.id)
                for option_id in path:
                    replay.choose(option_id)
                return replay, option.id
            player.choose(option.id)
            path.append(option.id)
        player.close()
    return None


def extras(app: App) -> Iterator[str]:
    """States the tour does not reach: title with Continue, a locked choice, the name dialog,
    a record quoting Massing's memoir and that quote in the source viewer, voices marked."""
    from game.desktop.screens.debrief import DebriefScreen
    from game.desktop.screens.name_entry import NameEntryScreen
    from game.desktop.screens.play import PlayScreen

    app.settings.reduce_motion = True
    debrief = app.find_screen("debrief")
    if isinstance(debrief, DebriefScreen):
        yield from scene_map(app, debrief)
        dialog = NameEntryScreen(app, lambda name: None)
        dialog.value = "Ada Lovelace"
        app.push(dialog)
        app.render()
        yield "export-name"
    app.replace()  # the tour left autosaves behind: the title offers to continue
    app.render()
    yield "title-continue"
    player = locked_choice(app)
    if player is not None:
        app.open_play(player)
        play = app.top
        app.render()
        assert isinstance(play, PlayScreen)
        locked = next(
            i
            for i, item in enumerate(play.items)
            if item.extra.get("kind") == "option" and not item.enabled
        )
        play.set_focus(locked)
        app.render()
        yield "play-choices"
    found = memoir_record(app)
    if found is not None:
        from game.desktop.screens.source import SourceScreen

        player, option_id = found
        app.open_play(player)
        play = app.top
        assert isinstance(play, PlayScreen)
        play.choose(option_id)
        app.render()
        yield "record-memoir"
        assert play.pending is not None and play.pending.record is not None
        memoir = next(c for c in play.pending.record.citations
                      if c.voice is not None and c.voice.kind.value == "memoir")
        app.push(SourceScreen(app, memoir))
        app.render()
        yield "source-voices"
    for style, name in (("book", "memoir"), ("typed", "typed-sheet")):
        player = document_passage(app, style)
        if player is not None:
            app.open_play(player)
            play = app.top
            assert isinstance(play, PlayScreen)
            play.place_announced()  # the passage itself, not its place card
            app.render()
            yield name
    yield from what_if(app)
    yield from people_and_saves(app)
    yield from projector(app)
    yield from broken_scene_card(app)


def scene_map(app: App, debrief: DebriefScreen) -> Iterator[str]:
    """The map after the tour's ending, with another run's branches found before it."""
    from game.desktop.screens.scene_map import SceneMapScreen
    from game.saves.discovered import remember

    story, scene_id = app.story, debrief.player.scene.id
    earlier = story.new_player(scene_id)  # an earlier run: the last option at every choice
    while not earlier.is_over:
        options = [option for option in earlier.options if option.available]
        earlier.choose(options[-1].id)
    remember(earlier)
    app.push(SceneMapScreen(app, debrief.player))
    app.render()
    yield "scene-map"
    app.pop()
    app.render()


def broken_scene_card(app: App) -> Iterator[str]:
    """The scene list with a scene that does not load: its card, its first error, F5."""
    from game.desktop.screens.scenes import ScenesScreen
    from game.engine import load_story

    with tempfile.TemporaryDirectory() as folder:
        for scene in app.story.ordered:
            shutil.copy(scene.path, folder)
        first = app.story.ordered[0]
        text = Path(first.path).read_text(encoding="utf-8").replace(
            f"id: {first.id}", "id: telephone_call", 1)
        broken = text.replace("goto: ", "goto: the_cal_", 1)
        (Path(folder) / "telephone_call.yaml").write_text(broken, encoding="utf-8")
        story = app.story
        app.story = load_story(Path(folder), ROOT / "seeds")
        app.replace(ScenesScreen(app))
        app.render()
        screen = app.top
        screen.scroll = screen.max_scroll()  # down to the broken card, below the others
        app.dirty = True
        app.render()
        yield "scenes-broken"
        app.story = story


def people_and_saves(app: App) -> Iterator[str]:
    """A person's identity card, opened from a cover name in a passage ("Fred" in The Exit
    Visa's first passage); the saves with two slots saved, each with its picture; and the
    facilitator's plan chooser, whose last plan the "More below" cue used to cover."""
    from game.desktop.projector.plan_chooser import PlanChooserScreen
    from game.desktop.screens.panels import play_panel
    from game.desktop.screens.play import PlayScreen

    if "exit_visa" not in app.story.scenes:
        return
    player = app.story.new_player("exit_visa")
    app.open_play(player)
    play = app.top
    assert isinstance(play, PlayScreen)
    play.place_announced()
    app.render()
    app.push(play_panel(play, "saves"))
    app.render()
    for slot, words in (("save:slot-1", "before the request"), ("save:slot-2", "")):
        item = next(item for item in app.top.items if item.id == slot)
        item.action()
        app.render()
        if app.top.name == "confirm":  # a slot left from an earlier run: save over it
            app.top.items[0].action()
            app.render()
        if words:  # a name typed by the player; else the place and date offered
            app.top.value = words  # type: ignore[attr-defined]
        app.top.items[0].action()  # Save (Enter)
        app.render()
    app.notices = []  # "Saved to slot 2." would stand over the slots
    app.render()
    yield "saves-slots"
    app.pop()
    app.push(play_panel(play, "dossier", "boris_bazarov"))
    app.render()
    app.render()  # the second frame, once the card has scrolled into sight
    yield "dossier-card"
    app.replace(PlanChooserScreen(app))
    app.render()
    yield "facilitator-plans"


def shoot_inside(
    width: int, height: int, text_size: str, contrast: bool, wanted: str, suffix: str
) -> None:
    """Runs in the child process, on the Xvfb display."""
    sys.path.insert(0, str(ROOT))
    from game.desktop.settings import Settings, save_settings
    from game.desktop.start import build_app
    from game.desktop.tour import tour

    save_settings(Settings(text_size=text_size, high_contrast=contrast))
    app = build_app(size=(width, height))
    names = set(wanted.split(",")) if wanted else None
    only = {name for name in os.environ.get("SCREENSHOT_ONLY", "").split(",") if name}
    if only:  # SCREENSHOT_ONLY=scene-map,scenes-broken retakes just those
        names = (names & only) if names is not None else only
    shots = chain((name for name, _ in tour(app)), extras(app))
    for name in shots:
        if names is not None and name not in names:
            continue
        time.sleep(0.15)  # let the X server finish drawing the frame
        target = HERE / f"{name}{suffix}.png"
        subprocess.run(
            [
                "import",
                "-window",
                "root",
                "-crop",
                f"{width}x{height}+0+0",
                "+repage",
                "-depth",
                "8",
                "-define",
                "png:compression-level=9",
                str(target),
            ],
            check=True,
        )
        print(target.relative_to(ROOT))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--inside":
        shoot_inside(
            int(sys.argv[2]),
            int(sys.argv[3]),
            sys.argv[4],
            sys.argv[5] == "1",
            sys.argv[6],
            sys.argv[7],
        )
        return 0
    if not shutil.which("Xvfb") or not shutil.which("import"):
        print("needs Xvfb and ImageMagick: apt-get install xvfb imagemagick", file=sys.stderr)
        return 2
    # One X display number, reused size after size (each server is stopped before the
    # next starts): SCREENSHOT_DISPLAY picks a free one on a shared machine.
    display = int(os.environ.get("SCREENSHOT_DISPLAY", "91"))
    only = {name for name in os.environ.get("SCREENSHOT_ONLY", "").split(",") if name}
    for width, height, text_size, contrast, wanted, suffix in SHOTS:
        if only and wanted is not None and not wanted & only:
            continue
        server = subprocess.Popen(
            ["Xvfb", f":{display}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)
            with tempfile.TemporaryDirectory() as home:
                env = dict(
                    os.environ,
                    DISPLAY=f":{display}",
                    SDL_VIDEODRIVER="x11",
                    SDL_AUDIODRIVER="dummy",
                    COVER_NAMES_HOME=home,
                    SDL_VIDEO_WINDOW_POS="0,0",
                    PYGAME_HIDE_SUPPORT_PROMPT="1",
                )
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--inside",
                        str(width),
                        str(height),
                        text_size,
                        "1" if contrast else "0",
                        ",".join(sorted(wanted or ())),
                        suffix,
                    ],
                    env=env,
                    check=True,
                    cwd=ROOT,
                )
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
