"""`cover-names facilitate [PLAN]`: run a guided class session on the projector (or terminal).

PLAN is a plan file, or the name of a shipped plan (`exit_visa` for
`plans/exit_visa.yaml`); without one, every scene is played in historical
order. Heavy modules (pygame, the engine) load only when the command runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.classroom.plans import Plan
    from game.engine import Story


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", nargs="?", help="a plan file, or a shipped plan's name "
                        "(default: every scene in order)")
    parser.add_argument("--terminal", action="store_true",
                        help="facilitate in this terminal, one command per line from stdin")
    parser.add_argument("--log-dir", type=Path, metavar="DIR",
                        help="where the session log goes (default: the user data folder)")
    parser.add_argument("--scenes", type=Path, action="append", metavar="PATH",
                        help="use scenes from this file or folder instead of the shipped ones")


def resolve_plan_path(name: str) -> Path:
    """A plan named by path, or by its name among the shipped plans."""
    from game import paths

    given = Path(name)
    if given.exists() or given.suffix in (".yaml", ".yml"):
        return given
    return paths.plans_dir() / f"{name}.yaml"


def load_plan_or_report(name: str | None, story: Story) -> Plan | None:
    """The plan to run, after printing its problems; None when it cannot be used."""
    from game.classroom.plans import Plan, load_plan

    if not name:
        return Plan.of_story(story)
    path = resolve_plan_path(name)
    plan, diagnostics = load_plan(path, story)
    for diagnostic in diagnostics:
        print(diagnostic.render(), file=sys.stderr)
    if plan is None:
        print(f"The plan {path} cannot be used; fix the errors above "
              "('cover-names lint' checks plans too).", file=sys.stderr)
    return plan


def run(args: argparse.Namespace) -> int:
    from game.engine import load_story

    story = load_story(args.scenes)
    if not story.scenes:
        print("No scenes could be loaded; 'cover-names lint' explains why.", file=sys.stderr)
        return 1
    plan = load_plan_or_report(args.plan, story)
    if plan is None:
        return 1
    if not args.terminal:
        from game.commands.play import has_display

        if has_display():
            try:
                window = importlib.import_module("game.desktop.projector.plan_chooser")
            except ImportError as error:
                print(f"The projector screen is unavailable ({error}); using the terminal.",
                      file=sys.stderr)
            else:
                # Without a plan named, the window asks which one (the terminal runs them all).
                chosen = plan if args.plan else None
                return int(window.run_facilitator_window(chosen, story, log_dir=args.log_dir))
        else:
            print("No display found: facilitating in the terminal.", file=sys.stderr)
    return run_in_terminal(plan, story, args.log_dir)


def run_in_terminal(plan: Plan, story: Story, log_dir: Path | None) -> int:
    from game.classroom.facilitator import FacilitatorSession
    from game.classroom.session_log import SessionLog
    from game.terminal.facilitator import run_terminal

    log = SessionLog(SessionLog.new_path(log_dir), FacilitatorSession.log_header(plan, story))
    session = FacilitatorSession(plan, story, log)
    # Line-buffered so a script or a test sees each screen as soon as it is drawn.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)
    return run_terminal(session, sys.stdin, sys.stdout)
