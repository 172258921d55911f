"""Running the classroom server: uvicorn on a socket we bind, in this thread or in the background.

Binding the socket here (not inside uvicorn) means the port is known before
the first request, port 0 picks a free one (tests, benchmarks), and a port in
use is a clear message rather than a traceback. The server listens only while
it runs: there is no service left behind.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette

#: The default port; any free one works, the projector and the teacher's page say which.
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class Listening:
    """Where the server listens, and the address students type."""

    host: str  # what the socket is bound to ("0.0.0.0": every network of this machine)
    port: int
    address: str  # http://<this machine on the school network>:<port>


def bind(host: str, port: int) -> tuple[socket.socket, Listening]:
    """A listening socket; OSError (with the port named) when it cannot be had."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise OSError(f"port {port} on {host} cannot be used ({error.strerror}): "
                      "another program has it; start with --port and another number") from error
    sock.listen(128)
    sock.set_inheritable(True)
    bound = sock.getsockname()[1]
    return sock, Listening(host, bound, f"http://{lan_address(host)}:{bound}")


def lan_address(host: str) -> str:
    """The address other devices reach this machine by: the bound one, or this host's own."""
    if host not in ("0.0.0.0", ""):
        return host
    try:
        found = socket.gethostbyname(socket.gethostname())
    except OSError:
        return "127.0.0.1"
    return found


class Server:
    """uvicorn serving `app` on an already bound socket."""

    def __init__(self, app: Starlette, sock: socket.socket) -> None:
        self.sock = sock
        config = uvicorn.Config(app, log_level="warning", lifespan="on", ws="websockets-sansio",
                                ws_max_size=16 * 1024, timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self.thread: threading.Thread | None = None

    def run(self) -> None:
        """Serve in this thread until stopped (Ctrl+C, or `stop()` from another thread)."""
        self.server.run(sockets=[self.sock])

    def start_in_background(self) -> None:
        """Serve from a daemon thread (the projector window keeps the main thread)."""
        self.thread = threading.Thread(target=self.run, name="classroom-server", daemon=True)
        self.thread.start()

    @property
    def started(self) -> bool:
        return bool(self.server.started)

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=5)
