"""Hand a record to a classroom server by its address, instead of (or as well as) a file.

The address is the one on the projector (`http://192.168.1.20:8765/join/K7QXM`):
it names both the server and the class. Only the standard library talks HTTP
here, so the desktop build carries no web client, and only to the address the
student typed.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from typing import Any

#: The join address as the projector shows it (a bare `host:port/join/CODE` works too).
_JOIN = re.compile(r"^(?:(?P<scheme>https?)://)?(?P<host>[^/\s]+)/join/(?P<code>[A-Za-z0-9]+)/?$")


class HandInError(Exception):
    """The record could not be handed in; the message says why, in the student's words."""


def parse_address(address: str) -> tuple[str, str]:
    """(server base URL, class code) from the join address; HandInError when it is not one."""
    found = _JOIN.match(address.strip())
    if not found:
        raise HandInError(f"'{address}' is not a class address: type it as the projector shows "
                          "it, like http://192.168.1.20:8765/join/K7QXM")
    scheme = found["scheme"] or "http"
    return f"{scheme}://{found['host']}", found["code"].upper()


def send_record(document: dict[str, Any], address: str, timeout: float = 10.0) -> str:
    """POST the record to the class; the playthrough id the server kept."""
    base, code = parse_address(address)
    request = urllib.request.Request(
        f"{base}/api/records/{code}", data=json.dumps(document).encode("utf-8"),
        headers={"content-type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return str(json.loads(answer.read())["kept"])
    except urllib.error.HTTPError as error:
        try:
            reason = json.loads(error.read()).get("refused", "")
        except (ValueError, AttributeError):
            reason = ""
        raise HandInError(reason or f"the class server answered {error.code}") from error
    except (urllib.error.URLError, OSError, TimeoutError) as error:
        raise HandInError(f"no class server answers at {base} ({error}): check the address "
                          "and that you are on the school network") from error
