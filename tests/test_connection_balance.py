"""Two Sanic workers end up carrying about the same number of connections
(bot/runtime/connection_balance.py), and no request is lost while they even out.

A small Sanic app stands in for Rasa's server (starting Rasa takes half a minute). The test
first makes the split as lopsided as it gets: one worker is kept busy for a second while ten
connections open, so the other worker accepts them all. Then every connection sends requests;
the busy-free worker's surplus is told to close, and the client's new connections spread out."""

from __future__ import annotations

import asyncio
import collections
import socket
import subprocess
import sys
import textwrap
import time

import aiohttp
import pytest

from tests.assistant_stack import ROOT, free_ports

SERVER = textwrap.dedent("""
    import os, sys, time
    from sanic import Sanic, response
    from bot.runtime import connection_balance

    connection_balance.install()
    app = Sanic("balance_test")
    connection_balance.balance(app)

    @app.post("/")
    async def answer(request):
        return response.json({"worker": os.getpid()})

    @app.post("/busy")
    async def busy(request):
        time.sleep(1.5)  # holds this worker: it accepts no connection meanwhile
        return response.json({"worker": os.getpid()})

    app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=2, access_log=False)
""")

CONNECTIONS = 11


@pytest.fixture(scope="module")
def server():
    (port,) = free_ports(1)
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "the test server stopped"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the test server did not start"
                time.sleep(0.2)
        time.sleep(1)  # both workers listening
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _lopsided_then_rounds(url: str, rounds: int) -> tuple[int, list[list[tuple[int, str]]]]:
    """How many of the first ten connections went to the worker that was free, and each
    round's (worker, Connection header) per request, from those first ten requests on."""
    connector = aiohttp.TCPConnector(limit=CONNECTIONS)
    async with aiohttp.ClientSession(url, connector=connector) as client:

        async def ask(path: str = "/") -> tuple[int, str]:
            async with client.post(path) as reply:
                assert reply.status == 200
                return (await reply.json())["worker"], reply.headers.get("Connection", "")

        busy = asyncio.create_task(ask("/busy"))
        await asyncio.sleep(0.3)  # the busy request has its worker
        first = await asyncio.gather(*(ask() for _ in range(CONNECTIONS - 1)))
        busy_worker, _ = await busy
        lopsided = sum(1 for worker, _ in first if worker != busy_worker)
        return lopsided, [first] + [
            await asyncio.gather(*(ask() for _ in range(CONNECTIONS))) for _ in range(rounds)
        ]


def test_a_lopsided_split_evens_out_without_losing_a_request(server):
    lopsided, rounds = asyncio.run(_lopsided_then_rounds(server, rounds=12))
    assert lopsided == CONNECTIONS - 1  # all ten went to the worker that was free
    split = collections.Counter(worker for worker, _ in rounds[-1])
    assert sorted(split.values()) == [5, 6], split
    closed = [sum(1 for _, connection in answers if connection == "close") for answers in rounds]
    assert sum(closed[:3]) > 0, closed  # the surplus was told to close, from its first requests
    assert sum(closed[-3:]) == 0, closed  # and once even, the split is left alone
