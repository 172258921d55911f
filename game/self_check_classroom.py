"""The self-check's classroom part: records, facilitated plans, the debrief, the projector screens.

`game.self_check` runs these with the rest. Each is the round trip a teacher
makes, done headless in the self-check's throwaway user folder:

- export a record of each scene's historical path and build the debrief;
- run every shipped plan through `FacilitatorSession` along the historical
  paths, with typed vote counts, then feed its session log to the debrief and
  check every decision was counted;
- draw the facilitator's screens (plan chooser, the plan's opening, a vote
  with a typed count, the record, a scene's end, the close) and the two
  overlays a lesson meets (the name asked for a record, a message), checking
  each drew its text and that the projector's header never overlaps.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths
from game.self_check_results import SCREEN_SIZE, CheckContext, Result, fail, ok

if TYPE_CHECKING:
    from game.classroom.facilitator import FacilitatorSession
    from game.desktop.pilot import Pilot

#: Steps a plan may take before the check calls it stuck.
_MAX_STEPS = 5000


def check_records_and_debrief(context: CheckContext) -> Iterator[Result]:
    """Export a record of each scene's historical path, then build the class debrief from them.

    The only use of the Jinja2 templates (package data a bundle could lose).
    """
    from game.classroom.debrief import gather
    from game.classroom.records import write_record
    from game.classroom.report import render_csv, render_html

    story = context.loaded_story()
    records = paths.records_dir()
    for scene in story.ordered:
        with context.played(scene.id) as player:
            write_record(player, records, student_name="Self Check")
    debrief = gather([records], story)
    if debrief.skipped:
        shown = "; ".join(f"{item}" for item in debrief.skipped[:3])
        yield fail("records and debrief", f"{len(debrief.skipped)} records skipped: {shown}")
        return
    html, csv = render_html(debrief), render_csv(debrief)
    missing = [scene.title for scene in story.ordered if scene.title not in html]
    if len(debrief.students) != len(story.scenes) or missing:
        yield fail(
            "records and debrief",
            f"{len(debrief.students)} of {len(story.scenes)} records counted; "
            f"not in the report: {', '.join(missing) or 'none'}",
        )
        return
    yield ok(
        "records and debrief",
        f"{len(debrief.students)} records written and read; report {len(html) // 1024} KB "
        f"HTML, {len(csv.splitlines())} CSV rows",
    )


def _run_historically(session: FacilitatorSession, context: CheckContext) -> int:
    """Play the session's plan to its end, the class voting the historical path; decisions."""
    from game.classroom.facilitator import Phase

    decisions = 0
    for _ in range(_MAX_STEPS):
        if session.phase is Phase.FINISHED:
            return decisions
        if session.phase is Phase.VOTING:
            path = context.historical_path(session.scene_id).choices
            wanted = path[len(session.player.playthrough.history)]
            for option in session.player.options:
                if option.available:
                    session.set_votes(option.id, 20 if option.id == wanted else 4)
            decisions += 1
        if not session.advance():
            raise RuntimeError(f"stuck at '{session.player.node.id}' in {session.scene_id}: "
                               f"{session.message or session.phase.value}")
    raise RuntimeError(f"the plan did not finish in {_MAX_STEPS} steps")


def check_facilitated_plans(context: CheckContext) -> Iterator[Result]:
    """Each shipped plan, facilitated to its end; its session log read back by the debrief."""
    from game.classroom.debrief import gather
    from game.classroom.facilitator import FacilitatorSession
    from game.classroom.plans import load_plan
    from game.classroom.report import render_html
    from game.classroom.session_log import SessionLog, sessions_dir

    story = context.loaded_story()
    plan_files = sorted(paths.plans_dir().glob("*.yaml"))
    if not plan_files:
        yield fail("facilitated plans", f"no plan files in {paths.plans_dir()}")
    for plan_file in plan_files:
        name = f"facilitate {plan_file.stem}"
        plan, _problems = load_plan(plan_file, story)
        if plan is None:
            yield fail(name, "the plan does not load ('cover-names lint plans' says why)")
            continue
        log = SessionLog(sessions_dir() / f"self-check-{plan_file.stem}.jsonl",
                         FacilitatorSession.log_header(plan, story))
        session = FacilitatorSession(plan, story, log)
        try:
            decisions = _run_historically(session, context)
        except RuntimeError as error:
            yield fail(name, str(error))
            continue
        finally:
            session.end()
        debrief = gather([log.path], story)
        counted = debrief.sessions[0].decisions if len(debrief.sessions) == 1 else -1
        if counted != decisions or plan.title not in render_html(debrief):
            yield fail(name, f"{decisions} class decisions made, the debrief counted "
                             f"{counted} from {log.path.name}")
            continue
        votes = debrief.sessions[0].votes
        yield ok(name, f"{len(plan.scenes)} scene{'s' if len(plan.scenes) != 1 else ''}, "
                       f"{decisions} decisions, {votes} votes logged and counted by the debrief")


def _header_overlaps(pilot: Pilot) -> list[str]:
    header = [label for label in pilot.labels()
              if label.role in ("header", "place", "timer", "timer-over")]
    return [f"'{one.text}' and '{other.text}'" for index, one in enumerate(header)
            for other in header[index + 1:] if one.rect.colliderect(other.rect)]


def check_facilitator_screens(context: CheckContext) -> Iterator[Result]:
    """The facilitator's screens and a lesson's overlays, drawn once each at SCREEN_SIZE."""
    from game.classroom.facilitator import Phase
    from game.desktop.pilot import Pilot
    from game.desktop.projector.facilitator_screen import FacilitatorScreen
    from game.desktop.projector.plan_chooser import PlanChooserScreen
    from game.desktop.screens.message import MessageScreen
    from game.desktop.screens.name_entry import NameEntryScreen
    from game.desktop.start import build_app

    story = context.loaded_story()
    pilot = Pilot(build_app(story, SCREEN_SIZE))
    app, drawn, problems = pilot.app, [], []

    def look(name: str) -> None:
        pilot.app.pump()
        if not pilot.labels():
            problems.append(f"{name} drew no text")
        overlaps = _header_overlaps(pilot)
        if overlaps:
            problems.append(f"{name}: the header overlaps ({overlaps[0]})")
        drawn.append(name)

    try:
        chooser = PlanChooserScreen(app, Path(paths.user_data_dir()) / "sessions")
        app.push(chooser)
        look("plan chooser")
        # A plan that keeps the records for the end shows every kind of page but one
        # (the record after a vote); its scene's end draws the records with the same code.
        number = next((index for index, (plan, _title, _problem) in enumerate(chooser.plans, 1)
                       if plan is not None and plan.reveal.value == "at_end"), 1)
        pilot.press(str(min(number, 9)))
        screen = app.top
        if not isinstance(screen, FacilitatorScreen):
            yield fail("facilitator screens", "the plan chooser's first plan did not start")
            return
        session = screen.session
        look("plan opening")
        seen: set[Phase] = {Phase.INTRODUCTION}
        for _ in range(_MAX_STEPS):
            if session.phase is Phase.FINISHED:
                break
            if session.phase is Phase.VOTING and Phase.VOTING not in seen:
                pilot.press("c", "1", "1", "7", "enter")  # a count typed in
                if session.total_votes != 17:
                    problems.append("a typed count of 17 did not reach the tally")
            if session.phase not in seen:
                seen.add(session.phase)
                look(session.phase.value.replace("_", " "))
            if session.phase is Phase.VOTING:
                session.override(next(o.id for o in session.player.options if o.available))
            else:
                session.advance()
            screen.refresh()
        look("plan close")
        session.end()
        app.push(NameEntryScreen(app, lambda name: None))
        look("name entry")
        app.top.back()
        app.push(MessageScreen(app, "Self-check", ["A message over the projector."]))
        look("message")
    finally:
        pilot.close()
    if problems:
        yield fail("facilitator screens", "; ".join(problems[:3]))
    else:
        width, height = SCREEN_SIZE
        yield ok("facilitator screens",
                 f"{len(drawn)} rendered at {width}x{height}: {', '.join(drawn)}")


def check_classroom_server(context: CheckContext) -> Iterator[Result]:
    """The classroom server answers on this machine only (127.0.0.1, a free port): a student
    joins over HTTP, votes over a WebSocket, and the projector's feed counts the vote.

    The bundle's proof that uvicorn's protocol modules, the pages and the QR code are in it.
    """
    import json
    import tempfile
    import threading
    import urllib.request

    from websockets.sync.client import connect

    from game.classroom.classes import Classes
    from game.classroom.plans import Plan
    from game.classroom.sqlite_store import SqliteStore
    from game.web.app import create_app
    from game.web.server import Server, bind

    story = context.loaded_story()
    folder = Path(tempfile.mkdtemp(prefix="cover-names-check-"))
    store = SqliteStore(folder / "class.sqlite3")
    classes = Classes(story, store, log_dir=folder / "sessions")
    live = classes.start(Plan.of_story(story))
    sock, listening = bind("127.0.0.1", 0)
    server = Server(create_app(classes, listening.address), sock)
    server.start_in_background()
    try:
        waited = threading.Event()
        for _ in range(250):
            if server.started:
                break
            waited.wait(0.02)
        request = urllib.request.Request(
            f"{listening.address}/api/join", method="POST",
            data=json.dumps({"code": live.code, "name": "Self Check"}).encode(),
            headers={"content-type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as answer:
            device = json.loads(answer.read())["device"]
        with urllib.request.urlopen(f"{listening.address}/teacher/{live.code}?secret="
                                    f"{live.row.secret}", timeout=5) as page:
            teacher_page = page.read().decode("utf-8")
        while live.session.phase.value != "voting":
            live.session.advance()
        option = next(o.id for o in live.session.player.options if o.available)
        socket_address = listening.address.replace("http", "ws")
        with connect(f"{socket_address}/ws/class/{live.code}?device={device}") as ws:
            state = json.loads(ws.recv(timeout=5))
            ws.send(json.dumps({"type": "vote", "option": option, "decision": state["decision"]}))
            reply = json.loads(ws.recv(timeout=5))
        counted = live.projector_state()["counts"].get(option)
    except Exception as error:  # any failure is the check's finding, said in one line
        yield fail("classroom server", f"{type(error).__name__}: {error}")
        return
    finally:
        server.stop()
        live.end("self-check")
        store.close()
    if reply.get("type") != "ack" or counted != 1 or "<svg" not in teacher_page:
        yield fail("classroom server", f"the vote was not counted ({reply}, count {counted})")
        return
    yield ok("classroom server", "a student joined, voted over a WebSocket and was counted")
