"""`cover-names play`: the desktop window, or the terminal player when asked or with no display."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine import Player, Story


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scene", nargs="?", help="scene id to start (default: choose from a list)")
    parser.add_argument("--terminal", action="store_true", help="play in this terminal")
    parser.add_argument(
        "--scenes",
        type=Path,
        action="append",
        metavar="PATH",
        help="play scenes from this file or folder instead of the shipped ones (repeatable)",
    )
    parser.add_argument(
        "--from",
        dest="from_node",
        metavar="NODE",
        help="start the scene at this node instead of its start (needs SCENE)",
    )
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="start with this variable set, e.g. --set trust=2 (repeatable; needs SCENE)",
    )
    parser.add_argument(
        "--reveal",
        choices=["each", "end"],
        default="each",
        help="show the record after each choice (default) or all at the end",
    )


def has_display() -> bool:
    """Whether a window can open here: a desktop OS, an X or Wayland display, or SDL told where."""
    if sys.platform in {"win32", "darwin"}:
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("SDL_VIDEODRIVER")
    )


def _starting_player(args: argparse.Namespace, story: Story) -> Player | None:
    """The Player that --from/--set ask for (None when neither is given); exits on a mistake."""
    if args.from_node is None and not args.settings:
        return None
    from game.authoring.play_from import StartError, start_player

    if args.scene is None:
        print("cover-names play: --from and --set need a SCENE, e.g. "
              "cover-names play exit_visa --from the_call --set resolve=2", file=sys.stderr)
        raise SystemExit(2)
    try:
        return start_player(story, args.scene, args.from_node, args.settings)
    except StartError as error:
        print(f"cover-names play: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def run(args: argparse.Namespace) -> int:
    from game.engine import load_story

    story = load_story(args.scenes) if args.scenes or args.from_node or args.settings else None
    player = _starting_player(args, story) if story is not None else None
    if not args.terminal and has_display():
        try:
            from game.desktop.start import run_desktop
        except ImportError as error:
            print(f"The desktop game is unavailable ({error}); playing in the terminal.")
        else:
            return int(run_desktop(scene_id=args.scene, story=story, player=player))
    elif not args.terminal:
        print("No display found: playing in the terminal. (Use --terminal to skip this notice.)")
    from game.terminal import TerminalPlayer

    story = story or load_story(args.scenes)
    for diagnostic in story.diagnostics[:10]:  # a broken sources.yaml breaks every quote
        print(diagnostic, file=sys.stderr)
    if len(story.diagnostics) > 10:
        print(f"… and {len(story.diagnostics) - 10} more problems", file=sys.stderr)
    if story.diagnostics:
        print(
            "(scenes with errors were left out; 'cover-names lint' explains each)", file=sys.stderr
        )
    return TerminalPlayer(story, reveal_at_end=args.reveal == "end").play(args.scene, player)
