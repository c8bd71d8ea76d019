"""Keeps Rasa's HTTP workers carrying about the same number of connections.

Sanic's workers share one listening socket, and whichever worker wakes first accepts. A client
that opens several connections at once (a messaging platform, a proxy, the benchmark's 20
conversations) often lands most of them on one worker: 15 of 20 on one and 5 on the other was
common, so one core queued three times the requests while the other idled, and reply times
doubled. Connections stay open (keep-alive), so the split lasts.

Each worker publishes how many connections it holds in memory shared by all the workers (made
before they are forked). A worker holding more than one connection above the least-loaded other
worker answers its next plain HTTP request with `Connection: close`, after the full reply; the
client opens a new connection, which the less busy worker is the likelier to accept. So a
lopsided split evens out within a few messages, and a balanced one is left alone: nothing is
closed, and no request is lost or retried (a client never reuses a connection whose reply said
close). Websocket upgrades (the chat page) are never refused.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from sanic import Request, Sanic
from sanic.server.protocols.http_protocol import HttpProtocol

MAX_WORKERS = 64
SLACK = 1  # connections a worker may hold above the least-loaded other before it sheds one


class ConnectionCounts:
    """Open connections per worker process, in shared memory; each worker writes only its own
    slot, so reads need no lock (a slightly stale count only delays a shed by a message)."""

    def __init__(self, slots: int = MAX_WORKERS) -> None:
        self._pids = multiprocessing.Array("q", slots)  # locked: two workers may claim at once
        self._open = multiprocessing.Array("q", slots, lock=False)
        self._slot: int | None = None
        self._slot_pid = 0

    def _own_slot(self) -> int:
        pid = os.getpid()
        if self._slot is None or self._slot_pid != pid:
            with self._pids.get_lock():
                pids = self._pids.get_obj()
                free = list(pids).index(0)  # ValueError past MAX_WORKERS: a config error
                pids[free] = pid
            self._slot, self._slot_pid = free, pid
        return self._slot

    def record(self, open_here: int) -> None:
        self._open[self._own_slot()] = open_here

    def over_share(self, open_here: int) -> bool:
        mine = self._own_slot()
        pids = self._pids.get_obj()
        others = [self._open[i] for i in range(len(pids)) if pids[i] and i != mine]
        return bool(others) and open_here > min(others) + SLACK


_counts: ConnectionCounts | None = None
_closing: set[int] = set()  # this worker's connections whose reply says close (by id)
_sanic_connection_made = HttpProtocol.connection_made
_sanic_connection_lost = HttpProtocol.connection_lost


def _staying(protocol: HttpProtocol) -> int:
    """Connections this worker keeps: counting those already told to close would shed them all
    at once (every queued request sees the old count) and swing the split the other way."""
    return len(protocol.connections) - len(_closing)


def _connection_made(self: HttpProtocol, transport: Any) -> None:
    _sanic_connection_made(self, transport)
    if _counts is not None:
        _counts.record(_staying(self))


def _connection_lost(self: HttpProtocol, exc: Exception | None) -> None:
    _sanic_connection_lost(self, exc)
    _closing.discard(id(self))
    if _counts is not None:
        _counts.record(_staying(self))


async def _close_when_over_share(request: Request) -> None:
    http = request.stream
    if (
        _counts is None
        or http is None
        or not http.keep_alive
        or http.upgrade_websocket
        or not _counts.over_share(_staying(http.protocol))
    ):
        return
    http.keep_alive = False  # the reply says close; the client reconnects for its next
    _closing.add(id(http.protocol))
    _counts.record(_staying(http.protocol))


def install() -> None:
    """Counts connections in memory the workers share: call in the parent process, before
    Sanic forks them. (Sanic rewrites Http's own methods from their source when it starts, so
    the hooks are on the connection protocol and a request middleware.)"""
    global _counts
    _counts = ConnectionCounts()
    HttpProtocol.connection_made = _connection_made  # type: ignore[method-assign]
    HttpProtocol.connection_lost = _connection_lost  # type: ignore[method-assign,assignment]


def balance(app: Sanic) -> None:
    """Makes `app` shed connections from a worker holding more than its share."""
    app.register_middleware(_close_when_over_share, "request")
