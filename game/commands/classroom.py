"""`cover-names classroom [PLAN]`: the classroom server, with the projector window (or --headless).

The server listens on the school network (every address of this machine) only
while this command runs, on `--port` (8765 unless told). A class that had not
ended when the server stopped (a crash, a pulled plug) is resumed where it was,
with the same code; `--new` starts a fresh class instead. Heavy modules load
only when the command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.classroom.classes import Classes
    from game.classroom.live_class import LiveClass
    from game.classroom.plans import Plan
    from game.desktop.app import App
    from game.desktop.projector.classroom_screen import ClassroomScreen
    from game.web.server import Listening


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", nargs="?", help="a plan file, or a shipped plan's name "
                        "(default: every scene in order)")
    parser.add_argument("--headless", action="store_true",
                        help="no window: print the join and teacher addresses and serve")
    parser.add_argument("--anonymous", action="store_true",
                        help="students give no name; the projector never shows who voted")
    parser.add_argument("--host", default="0.0.0.0",
                        help="the address to listen on (default: every network of this "
                        "machine; 127.0.0.1 keeps it to this machine)")
    parser.add_argument("--port", type=int, default=None, help="the port (default 8765; 0: any)")
    parser.add_argument("--data", type=Path, metavar="DIR",
                        help="where the class database and session logs go "
                        "(default: the user data folder's classroom/)")
    parser.add_argument("--new", action="store_true",
                        help="start a new class even if one was left open")
    parser.add_argument("--scenes", type=Path, action="append", metavar="PATH",
                        help="use scenes from this file or folder instead of the shipped ones")


def data_dir(given: Path | None) -> Path:
    from game import paths

    return given or paths.user_data_dir() / "classroom"


def run(args: argparse.Namespace) -> int:
    from game.classroom.classes import Classes
    from game.classroom.sqlite_store import SqliteStore
    from game.commands.facilitate import load_plan_or_report
    from game.engine import load_story
    from game.web.server import DEFAULT_PORT, bind

    story = load_story(args.scenes)
    if not story.scenes:
        print("No scenes could be loaded; 'cover-names lint' explains why.", file=sys.stderr)
        return 1
    plan = load_plan_or_report(args.plan, story)
    if plan is None:
        return 1
    folder = data_dir(args.data)
    try:
        sock, listening = bind(args.host, DEFAULT_PORT if args.port is None else args.port)
    except OSError as error:
        print(f"The classroom server cannot start: {error}.", file=sys.stderr)
        return 1
    store = SqliteStore(folder / "classroom.sqlite3")
    classes = Classes(story, store, log_dir=folder / "sessions")
    resumed = [] if args.new else classes.resume_open()
    live = resumed[-1] if resumed else classes.start(plan, anonymous=args.anonymous)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)  # a script sees the addresses at once
    print_addresses(live, listening, resumed=bool(resumed))
    if args.headless:
        return serve_headless(classes, live, sock, listening)
    return serve_with_window(classes, live, sock, listening)


def print_addresses(live: LiveClass, listening: Listening, resumed: bool) -> None:
    where = ("this machine only" if listening.host.startswith("127.")
             else "the school network")
    print(f"Classroom server listening on {where} at {listening.address} "
          "(only while this runs; Ctrl+C stops it).")
    if resumed:
        print(f"Resumed class {live.code} where it was.")
    print(f"Students join: {listening.address}/join/{live.code}   class code {live.code}")
    print(f"Teacher: {listening.address}/teacher/{live.code}?secret={live.row.secret}")


def serve_headless(classes: Classes, live: LiveClass, sock: object,
                   listening: Listening) -> int:
    from game.web.app import create_app
    from game.web.server import Server

    server = Server(create_app(classes, listening.address), sock)  # type: ignore[arg-type]
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    return 0


def serve_with_window(classes: Classes, live: LiveClass, sock: object,
                      listening: Listening) -> int:
    from game.commands.play import has_display
    from game.web.app import create_app
    from game.web.server import Server

    if not has_display():
        print("No display found: serving without a window (the teacher's page has the "
              "controls).", file=sys.stderr)
        return serve_headless(classes, live, sock, listening)
    from game.desktop.projector.classroom_screen import run_classroom_window

    server = Server(create_app(classes, listening.address), sock)  # type: ignore[arg-type]
    server.start_in_background()
    try:
        return run_classroom_window(live, listening.address)
    finally:
        server.stop()

def start_in_window(app: App, plan: Plan, host: str = "0.0.0.0",
                    port: int = 8765, anonymous: bool = False) -> ClassroomScreen:
    """Facilitator mode's "own devices" switch (D): the classroom server in the background
    (its class kept in the user data folder's classroom/), and its projector screen. The
    window and the server meet here, in the command that composes them, so neither
    presenter imports the other.

    OSError when the port cannot be had; the server stops with the session or the window.
    """
    from game import paths
    from game.classroom.classes import Classes
    from game.classroom.sqlite_store import SqliteStore
    from game.web.app import create_app
    from game.web.server import Server, bind

    sock, listening = bind(host, port)
    folder = paths.user_data_dir() / "classroom"
    classes = Classes(app.story, SqliteStore(folder / "classroom.sqlite3"),
                      log_dir=folder / "sessions")
    live = classes.start(plan, anonymous=anonymous)
    server = Server(create_app(classes, listening.address), sock)
    server.start_in_background()
    from game.desktop.projector.classroom_screen import ClassroomScreen

    screen = ClassroomScreen(app, live, listening.address)
    screen.server = server
    return screen

