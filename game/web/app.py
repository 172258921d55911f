"""The classroom server's routes: join, vote, the teacher's controls, play, report and QR code.

Each handler reads the request, calls the classroom domain, and answers with
JSON or a page; a `Refused` from the domain becomes a 4xx with its message.
The teacher's routes need the class's secret (shown only on the teacher's
screen); a student's device is known by the token it got when it joined (a
cookie for the pages, or `device=` for scripts and tests).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import segno
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.classroom.classes import Classes
from game.classroom.live_class import LiveClass, Refused
from game.web.hub import Hub
from game.web.pages import Pages
from game.web.reports import class_report

#: Anything a device sends is short: a vote, a name. More than this is refused unread.
MAX_BODY = 4096
STATIC = Path(__file__).resolve().parent / "static"
Handler = Callable[[Request], Awaitable[Response]]


def cookie_name(code: str) -> str:
    return f"cn_{code}"


def create_app(classes: Classes, join_base: str = "") -> Starlette:
    """The ASGI app for `classes`; `join_base` is the address students type (for the QR)."""
    hub = Hub()
    pages = Pages()

    def find(code: str) -> LiveClass:
        live = classes.find(code)
        if live is None:
            raise Refused("No class has that code: check it on the projector.")
        return live

    def base(request: Request) -> str:
        return join_base or str(request.base_url).rstrip("/")

    def refusing(handler: Handler) -> Handler:
        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except Refused as refused:
                if request.url.path.startswith("/api/"):
                    return JSONResponse({"refused": str(refused)}, status_code=403)
                return pages.render("refused.html.j2", status_code=403, reason=str(refused))
        return wrapped

    async def body(request: Request) -> bytes:
        data = await request.body()
        if len(data) > MAX_BODY:
            raise Refused("That is too long.")
        return data

    async def form(request: Request) -> dict[str, str]:
        fields = parse_qs((await body(request)).decode("utf-8", "replace"))
        return {key: values[0] for key, values in fields.items()}

    def teacher(request: Request, live: LiveClass) -> None:
        secret = request.headers.get("x-teacher-secret") or request.query_params.get("secret", "")
        if not live.is_teacher(secret):
            raise Refused("This page is the teacher's: open it from the teacher's screen.")

    def device_of(request: Request | WebSocket, code: str) -> str:
        return request.query_params.get("device") or request.cookies.get(cookie_name(code), "")

    # -- students --------------------------------------------------------------------------
    async def home(request: Request) -> Response:
        return pages.render("join.html.j2", code="", anonymous=False)

    async def join_page(request: Request) -> Response:
        live = find(request.path_params["code"])
        return pages.render("join.html.j2", code=live.code, anonymous=live.row.anonymous)

    async def join_form(request: Request) -> Response:
        fields = await form(request)
        live = find(fields.get("code", ""))
        student = live.join(fields.get("name", ""), device_of(request, live.code),
                            _address(request))
        response = RedirectResponse(f"/class/{live.code}", status_code=303)
        response.set_cookie(cookie_name(live.code), student.device, httponly=True,
                            samesite="lax", max_age=int(live.row.expires_at - live.wall_clock()))
        return response

    async def join_api(request: Request) -> Response:
        fields = json.loads(await body(request) or b"{}")
        live = find(str(fields.get("code", "")))
        student = live.join(str(fields.get("name", "")), str(fields.get("device", "")),
                            _address(request))
        return JSONResponse({"device": student.device, "name": student.name, "code": live.code})

    async def class_page(request: Request) -> Response:
        live = find(request.path_params["code"])
        if not live.knows(device_of(request, live.code)):
            return RedirectResponse(f"/join/{live.code}", status_code=303)
        return pages.render("class.html.j2", code=live.code, state=live.student_state(
            device_of(request, live.code)))

    async def student_socket(websocket: WebSocket) -> None:
        live = classes.find(websocket.path_params["code"])
        device = device_of(websocket, websocket.path_params["code"])
        if live is None or not live.knows(device):
            await websocket.close(code=4403)
            return
        await websocket.accept()
        room = hub.room(live)
        room.devices[websocket] = device
        try:
            await websocket.send_json(live.student_state(device))
            while True:
                message = await websocket.receive_text()
                # In a worker thread: the vote waits for its durable commit, the loop does not.
                await websocket.send_json(await run_in_threadpool(_vote, live, device, message))
        except WebSocketDisconnect:
            pass
        finally:
            room.devices.pop(websocket, None)

    # -- the teacher -------------------------------------------------------------------------
    async def teacher_page(request: Request) -> Response:
        live = find(request.path_params["code"])
        teacher(request, live)
        join = f"{base(request)}/join/{live.code}"
        return pages.render("teacher.html.j2", live=live, feed=live.projector_state(),
                            join=join, qr=segno.make(join).svg_inline(scale=6, border=2),
                            listening=base(request))

    async def teacher_api(request: Request) -> Response:
        live = find(request.path_params["code"])
        teacher(request, live)
        if request.method == "GET":
            return JSONResponse({"done": False, "feed": live.projector_state()})
        fields = json.loads(await body(request) or b"{}")
        action = str(fields.get("action", ""))
        if action == "pause":
            done = live.session.toggle_pause()
        elif action == "end":
            live.end("ended from the teacher's page")
            done = True
        else:
            try:
                done = live.session.act(action, str(fields.get("argument", "")))
            except ValueError as error:
                raise Refused(str(error)) from error
        return JSONResponse({"done": done, "feed": live.projector_state()})

    async def teacher_socket(websocket: WebSocket) -> None:
        live = classes.find(websocket.path_params["code"])
        if live is None or not live.is_teacher(websocket.query_params.get("secret", "")):
            await websocket.close(code=4403)
            return
        await websocket.accept()
        room = hub.room(live)
        room.feeds.add(websocket)
        try:
            await websocket.send_json(live.projector_state())
            while True:
                await websocket.receive_text()  # the feed only talks; anything sent is ignored
        except WebSocketDisconnect:
            pass
        finally:
            room.feeds.discard(websocket)

    async def qr(request: Request) -> Response:
        live = find(request.path_params["code"])
        svg = segno.make(f"{base(request)}/join/{live.code}").svg_inline(scale=8, border=2)
        return Response(svg, media_type="image/svg+xml")

    async def report(request: Request) -> Response:
        live = find(request.path_params["code"])
        teacher(request, live)
        semicolons = request.query_params.get("sep") == "semicolon"
        html, by_option, matrix = class_report(classes, live, ";" if semicolons else ",")
        kind = request.path_params.get("kind")
        if kind in ("csv", "who-chose-what.csv"):
            name = f"class-{live.code}{'-who-chose-what' if kind != 'csv' else ''}.csv"
            return Response("\ufeff" + (by_option if kind == "csv" else matrix),
                            media_type="text/csv; charset=utf-8",
                            headers={"content-disposition": f'attachment; filename="{name}"'})
        return HTMLResponse(html)

    # -- play in the browser -------------------------------------------------------------------
    async def play_list(request: Request) -> Response:
        live = find(request.path_params["code"])
        if not live.knows(device_of(request, live.code)):
            return RedirectResponse(f"/join/{live.code}", status_code=303)
        return pages.render("play_list.html.j2", code=live.code, scenes=classes.story.ordered)

    async def play_scene(request: Request) -> Response:
        live = find(request.path_params["code"])
        device = device_of(request, live.code)
        scene_id = request.path_params["scene"]
        if not live.knows(device):
            return RedirectResponse(f"/join/{live.code}", status_code=303)
        if scene_id not in classes.story.scenes:
            raise Refused("There is no such scene.")
        play = classes.play[live.code]
        if request.method == "POST":
            if not live.play_limit.allow(device):
                raise Refused("Too fast: wait a second and try again.")
            fields = await form(request)
            if "restart" in fields:
                played = play.restart(device, scene_id)
            else:
                played = play.choose(device, scene_id, fields.get("option", ""),
                                     live.name_of(device))
            return pages.play_page(live.code, played, classes.story)
        return pages.play_page(live.code, play.current(device, scene_id), classes.story)

    async def hand_in(request: Request) -> Response:
        """A record handed in by the desktop game, by the server's address."""
        live = find(request.path_params["code"])
        document = json.loads(await body_large(request))
        return JSONResponse(live_hand_in(classes, live, document))

    async def body_large(request: Request) -> bytes:
        data = await request.body()
        if len(data) > 1_000_000:
            raise Refused("That record is too big.")
        return data

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "classes": len(classes.live)})

    routes = [
        Route("/", refusing(home)),
        Route("/health", health),
        Route("/join", refusing(join_form), methods=["POST"]),
        Route("/join/{code}", refusing(join_page)),
        Route("/api/join", refusing(join_api), methods=["POST"]),
        Route("/class/{code}", refusing(class_page)),
        Route("/teacher/{code}", refusing(teacher_page)),
        Route("/api/teacher/{code}", refusing(teacher_api), methods=["GET", "POST"]),
        Route("/api/records/{code}", refusing(hand_in), methods=["POST"]),
        Route("/qr/{code}.svg", refusing(qr)),
        Route("/report/{code}.{kind}", refusing(report)),  # before {code}, which takes dots
        Route("/report/{code}", refusing(report)),
        Route("/report/{code}/{kind}", refusing(report)),
        Route("/play/{code}", refusing(play_list)),
        Route("/play/{code}/{scene}", refusing(play_scene), methods=["GET", "POST"]),
        WebSocketRoute("/ws/class/{code}", student_socket),
        WebSocketRoute("/ws/teacher/{code}", teacher_socket),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await hub.close()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.hub = hub
    app.state.classes = classes
    return app


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _vote(live: LiveClass, device: str, message: str) -> dict[str, Any]:
    """A device's message (a vote) answered: acknowledged once kept, or refused with why."""
    try:
        if len(message) > MAX_BODY:
            raise Refused("That is too long.")
        try:
            fields = json.loads(message)
        except json.JSONDecodeError as error:
            raise Refused("That message was not understood.") from error
        if not isinstance(fields, dict) or fields.get("type") != "vote":
            raise Refused("That message was not understood.")
        option = live.vote(device, str(fields.get("option", "")), str(fields.get("decision", "")))
        return {"type": "ack", "option": option, "decision": fields.get("decision")}
    except Refused as refused:
        return {"type": "refused", "reason": str(refused)}


def live_hand_in(classes: Classes, live: LiveClass, document: object) -> dict[str, Any]:
    """Keep a record document the desktop game sent, once it reads as a record."""
    from game.classroom.records import record_from_document

    record, reason = record_from_document(Path("handed-in.json"), document)
    if record is None or not isinstance(document, dict):
        raise Refused(f"That file {reason or 'is not a record'}.")
    if record.scene_id not in classes.story.scenes:
        raise Refused("That record is for a scene this server does not have.")
    classes.store.save_record(live.code, "desktop", record.playthrough_id, document)
    return {"kept": record.playthrough_id}
