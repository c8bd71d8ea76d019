"""A server's listening socket, opened by the launcher and handed to each run of the server.

When a server process stops, whatever still holds its listening socket decides what its
clients see. Held by the server alone, the port closes with it: the chat page, REST clients and
the Rasa server's calls to the action server are refused until a new process has loaded (a
Rasa server takes half a minute to a minute to load its model on a busy machine). Held by the
launcher (bot.runtime.supervisor), the port stays open: connections wait in the socket's queue
and the new process answers them, and until it is ready the stopped server's other processes
(Sanic's workers, which share the socket) go on answering. The launcher stops those only once
the new process answers, so a crashed process costs no replies.

To tell the new process's answers from the old ones' on one port, every response carries the
run it came from in an `X-Careers-Incarnation` header.

The handover is for Sanic servers run by the launcher with its speed fixes (the Rasa server,
the action server): `install()` makes Sanic serve on the socket named by CAREERS_LISTEN_FD. With
the stock switch, Rasa opens its port itself, as shipped.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from typing import Any

FD_ENV = "CAREERS_LISTEN_FD"
INCARNATION_ENV = "CAREERS_INCARNATION"
HEADER = "X-Careers-Incarnation"
BACKLOG = 1024  # connections waiting while a server (re)starts


def bind(host: str, port: int) -> socket.socket:
    """A listening socket a child process can inherit."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    listening = socket.socket(family, kind, proto)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Sanic does
        listening.bind(address)
        listening.listen(BACKLOG)
    except OSError:
        listening.close()
        raise
    listening.set_inheritable(True)
    return listening


def install(environ: Mapping[str, str] = os.environ) -> None:
    """In a server process the launcher handed a socket to: Sanic serves on that socket instead
    of opening the port, and labels its responses with this run. Nothing without one."""
    fd = environ.get(FD_ENV)
    if not fd:
        return
    from sanic import Sanic

    handed = socket.socket(fileno=int(fd))
    incarnation = environ.get(INCARNATION_ENV, "")
    sanic_run = Sanic.run

    async def label(_request: Any, response: Any) -> None:
        response.headers[HEADER] = incarnation

    def run(self: Sanic, host: str | None = None, port: int | None = None, **kwargs: Any) -> None:
        self.register_middleware(label, "response")
        sanic_run(self, sock=handed, **kwargs)

    Sanic.run = run  # type: ignore[method-assign]
