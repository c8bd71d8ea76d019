"""Rasa's calls to the action server over connections that stay open between messages.

Rasa's `EndpointConfig.request` makes a new aiohttp session, and so a new connection, for every
action it runs: opening and closing it was a third of what an action call cost the Rasa server,
and the action server accepted and tore down a connection per message too. Here each endpoint
keeps one session per worker. Idle connections are dropped after 2 s, before the action server's
own 5 s (Sanic's default), so Rasa never sends on a connection the server is closing. The
sessions are closed when the server stops (an unclosed one is logged as an error).

A kept connection can be dead when it is next used: the action server restarted (the launcher
replaces one that crashed) and the news of its closing had not reached this worker yet. Such a
call (dropped or reset before any answer came) is made once more, on a new connection. Actions
only read, so a call is safe to repeat.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

IDLE_SECONDS = 2.0

# id(endpoint) -> the event loop its session belongs to, the session (and the endpoint, kept
# alive so its id is not reused)
_sessions: dict[int, tuple[asyncio.AbstractEventLoop, aiohttp.ClientSession, EndpointConfig]] = {}


class _Kept:
    """`async with endpoint.session()` as Rasa writes it, without closing the session after."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *_exc: Any) -> None:
        return None


def _session(self: EndpointConfig) -> _Kept:
    loop = asyncio.get_running_loop()
    kept = _sessions.get(id(self))
    if kept is None or kept[0] is not loop or kept[1].closed:
        auth = (
            aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth
            else None
        )  # as Rasa's own session()
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_SECONDS),
        )
        _sessions[id(self)] = (loop, session, self)
        kept = _sessions[id(self)]
    return _Kept(kept[1])


async def close_all(*_args: Any) -> None:
    """Closes this worker's sessions (a Sanic listener: it is passed the app and the loop)."""
    loop = asyncio.get_running_loop()
    for key, (session_loop, session, _endpoint) in list(_sessions.items()):
        if session_loop is loop:
            await session.close()
            del _sessions[key]


_rasa_request = EndpointConfig.request


async def _request(self: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
    try:
        return await _rasa_request(self, *args, **kwargs)
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
        return await _rasa_request(self, *args, **kwargs)  # on a new connection


def install() -> None:
    EndpointConfig.session = _session
    EndpointConfig.request = _request
