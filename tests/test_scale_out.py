"""The assistant on several servers, for real: PostgreSQL and Redis from Debian's packages, two
Rasa servers and two action servers started from the systemd units in deploy/, nginx from
deploy/nginx.conf.template, all on this machine (bot/runtime/local_cluster.py). The action
servers read the LMI database from PostgreSQL too.

Shown: a conversation whose messages alternate between the Rasa servers keeps its context; the
chat page's socket.io reaches Rasa through nginx as a websocket; 20 conversations sending two
messages at a time to both servers never interleave (Rasa's lock store on Redis); PostgreSQL
restarted mid-run turns messages away politely and the servers carry on without a restart; a
Rasa server killed mid-conversation loses no message it took, and the other answers the rest.

Heavy (four servers loading the model), so marked `scale_out` and run once per test run.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from bot.channels.unavailable import TRY_AGAIN
from bot.runtime.local_cluster import LocalCluster, rest
from lmi_backend.answers.phrases import WENT_WRONG

pytestmark = pytest.mark.scale_out

JOBS = ("plumbers", "electricians", "nurses", "chefs", "carpenters", "bakers", "mechanics", "paramedics")


@pytest.fixture(scope="module")
def cluster(engines, lmi_postgres_url, tmp_path_factory):
    from bot.runtime.prepare import ensure_model

    workdir = tmp_path_factory.mktemp("cluster")
    with LocalCluster(engines, ensure_model(), workdir, lmi_url=lmi_postgres_url) as running:
        yield running


def said(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def stored_messages(cluster: LocalCluster, sender: str) -> list[str]:
    """What the conversation holds as the user's messages, in order (Rasa's events table)."""
    engine = sa.create_engine(cluster.conversations_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": sender},
            )
            return [json.loads(data)["text"] for (data,) in rows]
    finally:
        engine.dispose()


def test_a_conversation_alternating_between_rasa_servers_keeps_its_context(cluster):
    first, second = cluster.rasa
    turns = [
        (first, "how much do plumbers earn in wales", "earn"),
        (second, "and the hours?", "hours"),
        (first, "what about in scotland", "Scotland"),
        (second, "how much do they earn", "earn"),
    ]
    for server, message, expected in turns:
        reply = said(rest(server.url, "alternating", message))
        assert "lumbers" in reply and expected in reply, f"{server.name} on {message!r}: {reply}"
    assert stored_messages(cluster, "alternating") == [message for _, message, _ in turns]


async def socket_io_chat(url: str, session: str, message: str) -> dict:
    """The chat page's side of socket.io (Engine.IO 4 over a websocket, as the widget connects):
    open the session, send one message, return the first reply."""
    import websockets

    address = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(address) as socket:

        async def event() -> list:
            while True:
                packet = await asyncio.wait_for(socket.recv(), 120)
                if packet == "2":  # the server's ping
                    await socket.send("3")
                elif packet.startswith("42"):
                    return json.loads(packet[2:])

        assert (await socket.recv()).startswith("0")  # Engine.IO open
        await socket.send("40")  # join the default namespace
        assert (await socket.recv()).startswith("40")
        await socket.send("42" + json.dumps(["session_request", {"session_id": session}]))
        assert await event() == ["session_confirm", session]
        await socket.send("42" + json.dumps(["user_uttered", {"message": message, "session_id": session}]))
        name, reply = await event()
        assert name == "bot_uttered"
        return reply


def test_nginx_passes_the_chat_page_socket_io_as_a_websocket_and_keeps_rasas_api_private(cluster):
    assert (
        "urses"
        in asyncio.run(socket_io_chat(cluster.url, "page-through-nginx", "how much do nurses earn"))["text"]
    )
    with urllib.request.urlopen(cluster.url + "/config.json") as page_config:
        assert json.loads(page_config.read()) == {"rasaPort": None}  # the page talks to nginx
    with urllib.request.urlopen(cluster.url + "/health") as health:
        assert health.status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:  # Rasa's HTTP API is not passed on
        urllib.request.urlopen(
            f"{cluster.url}/conversations/page-through-nginx/tracker?token={cluster.token}"
        )
    assert refused.value.code == 404


def test_twenty_conversations_sending_to_both_servers_at_once_never_interleave(cluster):
    """Each conversation sends two messages at the same moment, one to each Rasa server: the
    lock store (Redis) must let one finish before the other starts, or their events mix."""
    first, second = cluster.rasa

    def converse(number: int) -> tuple[str, list[tuple[str, str]]]:
        sender, job = f"crowd-{number}", JOBS[number % len(JOBS)]
        answered = []
        for place in ("Wales", "Scotland"):
            pair = (f"how much do {job} earn in {place}?", f"how many hours do {job} work in {place}?")
            with ThreadPoolExecutor(2) as both:
                replies = list(both.map(lambda s, m: said(rest(s.url, sender, m)), (first, second), pair))
            answered += zip(pair, replies)
        return sender, answered

    with ThreadPoolExecutor(20) as pool:
        conversations = list(pool.map(converse, range(20)))
    for sender, answered in conversations:
        for message, reply in answered:  # each reply answers its own message
            assert ("hours" in reply) == message.startswith("how many hours"), f"{sender} {message}: {reply}"
            assert message.split()[-1].rstrip("?") in reply, f"{sender} {message}: {reply}"
        engine = sa.create_engine(cluster.conversations_url)
        with engine.connect() as conn:
            events = conn.execute(
                sa.text("SELECT type_name, action_name FROM events WHERE sender_id = :s ORDER BY id"),
                {"s": sender},
            ).all()
        engine.dispose()
        turns = _turns(events)
        assert len(turns) == 4, f"{sender}: {events}"
        for turn in turns:  # one message at a time: each ends listening before the next begins
            assert turn[-1] == ("action", "action_listen"), f"{sender}: {turn}"
            assert ("action", "action_listen") not in turn[:-1], f"{sender}: {turn}"


def _turns(events: list) -> list[list[tuple[str, str | None]]]:
    """The events from each user message to the next."""
    turns: list[list[tuple[str, str | None]]] = []
    for type_name, action in events:
        if type_name == "user":
            turns.append([])
        elif turns:
            turns[-1].append((type_name, action))
    return turns


class Chatter(threading.Thread):
    """A conversation sending through nginx until stopped: what it sent and what came back."""

    def __init__(self, url: str, sender: str, job: str) -> None:
        super().__init__(daemon=True)
        self.url, self.sender, self.job = url, sender, job
        self.outcomes: list[tuple[str, str]] = []  # (message, reply text or "HTTP <code>")
        self.done = threading.Event()

    def run(self) -> None:
        messages = [
            f"how much do {self.job} earn",
            "and the hours?",
            "what about in wales",
            "and in scotland",
        ]
        n = 0
        while not self.done.is_set():
            message = messages[n % len(messages)]
            try:
                reply = said(rest(self.url, self.sender, message))
            except urllib.error.HTTPError as error:
                self.outcomes.append((message, f"HTTP {error.code}"))
                return  # taken when its server died: its lock holds the conversation a while
            self.outcomes.append((message, reply))
            if TRY_AGAIN in reply:
                time.sleep(0.2)  # as a person would, before sending it again
            else:
                n += 1

    def accepted(self) -> list[str]:
        """Messages answered for real (not turned away, not failed)."""
        return [
            m
            for m, reply in self.outcomes
            if reply and not reply.startswith("HTTP") and TRY_AGAIN not in reply
        ]


@contextmanager
def chatting(url: str, name: str, count: int) -> Iterator[list[Chatter]]:
    """`count` conversations sending through nginx from before the with-block (they are under
    way when it starts) until a little after it."""
    chatters = [Chatter(url, f"{name}-{n}", JOBS[n]) for n in range(count)]
    for chatter in chatters:
        chatter.start()
    time.sleep(2)
    try:
        yield chatters
    finally:
        time.sleep(2)
        for chatter in chatters:
            chatter.done.set()
            chatter.join(120)


def test_postgresql_restarted_mid_run_turns_messages_away_politely_and_service_resumes(cluster, engines):
    servers = [(s.process.pid, s.process.poll()) for s in [*cluster.rasa, *cluster.actions]]
    sender = "through-a-restart"
    assert "lumbers" in said(rest(cluster.url, sender, "how much do plumbers earn in wales"))
    with chatting(cluster.url, "busy", 4) as chatters:
        engines.postgres.stop()
        turned_away = said(rest(cluster.url, sender, "and the hours?"))
        time.sleep(2)
        engines.postgres.start()
        after = said(rest(cluster.url, sender, "and the hours?"))
    assert turned_away == TRY_AGAIN
    assert "lumbers" in after and "hours" in after, after  # the conversation from before
    assert stored_messages(cluster, sender) == ["how much do plumbers earn in wales", "and the hours?"]
    assert [(s.process.pid, s.process.poll()) for s in [*cluster.rasa, *cluster.actions]] == servers
    for chatter in chatters:
        replies = [reply for _, reply in chatter.outcomes]
        assert any(TRY_AGAIN in r for r in replies), f"{chatter.sender} was never turned away: {replies}"
        assert TRY_AGAIN not in replies[-1], f"{chatter.sender} did not resume: {replies}"
        for message, reply in chatter.outcomes:  # turned away, or answered in context: never a stranger
            in_context = chatter.job[:-1] in reply.lower()
            assert TRY_AGAIN in reply or in_context or reply == WENT_WRONG, (chatter.sender, message, reply)
        assert chatter.accepted() == stored_messages(cluster, chatter.sender)


def test_a_rasa_server_killed_mid_conversation_loses_no_message_it_took(cluster):
    sender = "server-dies"
    assert "lectricians" in said(rest(cluster.url, sender, "how much do electricians earn in wales"))
    follow_ups = [
        ("and the hours?", "hours"),
        ("what about in scotland", "Scotland"),
        ("how much do they earn", "earn"),
    ]
    with chatting(cluster.url, "load", 6) as chatters:
        cluster.rasa[0].kill()
        time.sleep(1)
        for message, expected in follow_ups:
            reply = said(rest(cluster.url, sender, message))
            assert "lectricians" in reply and expected in reply, f"{message!r}: {reply}"
    assert stored_messages(cluster, sender) == [
        "how much do electricians earn in wales",
        *(message for message, _ in follow_ups),
    ]
    for chatter in chatters:
        stored = stored_messages(cluster, chatter.sender)
        accepted = chatter.accepted()
        # every message answered is in the conversation, in order; one the dying server had
        # taken but not answered may be there too
        assert _in_order(accepted, stored), (chatter.sender, accepted, stored)
        assert len(stored) - len(accepted) <= 1, (chatter.sender, chatter.outcomes, stored)


def _in_order(part: list[str], whole: list[str]) -> bool:
    rest_of_whole = iter(whole)
    return all(item in rest_of_whole for item in part)
