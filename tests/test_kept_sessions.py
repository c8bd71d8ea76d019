"""Rasa's calls to the action server reuse one connection (bot/runtime/kept_sessions.py), and
the kept sessions close when the server stops. A small aiohttp server stands in for the action
server and notes the client port of each request: one port, one connection."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import kept_sessions


@pytest.fixture
def kept(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)  # undone after
    monkeypatch.setattr(EndpointConfig, "request", EndpointConfig.request)
    kept_sessions.install()
    yield
    assert not kept_sessions._sessions  # every test closes what it opened


async def _calls(count: int, drop_second: bool = False) -> list[int]:
    """The client ports of `count` action calls. `drop_second`: the server drops the kept
    connection when the second call arrives on it, without answering (as a server that died)."""
    ports: list[int] = []

    async def webhook(request: web.Request) -> web.Response:
        port = request.transport.get_extra_info("peername")[1]
        if drop_second and ports == [port]:
            ports.append(port)
            request.transport.abort()
            return web.Response()
        ports.append(port)
        return web.json_response({"events": [], "responses": [{"text": "hi"}]})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
    try:
        for _ in range(count):
            answer = await endpoint.request(json={"next_action": "action_answer"}, method="post")
            assert answer == {"events": [], "responses": [{"text": "hi"}]}
    finally:
        await kept_sessions.close_all()
        await runner.cleanup()
    return ports


def test_action_calls_share_one_connection(kept):
    ports = asyncio.run(_calls(5))
    assert len(ports) == 5 and len(set(ports)) == 1


def test_a_new_event_loop_gets_its_own_session(kept):
    # tests and tools run Rasa code under several asyncio.run calls: no session crosses loops
    assert len(set(asyncio.run(_calls(2)))) == 1
    assert len(set(asyncio.run(_calls(2)))) == 1


def test_a_call_on_a_connection_the_server_dropped_is_made_again_on_a_new_one(kept):
    """The action server restarted between two messages: the kept connection is dead. The call
    is made again on a new connection, and answered."""
    ports = asyncio.run(_calls(2, drop_second=True))
    assert len(ports) == 3 and ports[0] == ports[1] != ports[2]
