"""Reply latency and throughput of the assistant through Rasa's REST channel, for each way of
running it, side by side.

Each conversation is a realistic mix of ten messages (pay, hours, outlook, skills,
apprenticeships, a comparison, follow-ups that lean on context, a question that needs a choice,
chit-chat) about its own jobs and places. Each sends its next message the moment the reply
arrives, so as many requests as conversations are always waiting: a saturation test whose
messages/s is the capacity and whose latency is mostly queueing (`--think 3` waits 3 s between a
reply and the next message instead, as a person reading and typing does). Errors are HTTP
failures, empty replies, the bot's "something went wrong" or "please send it again".

With no --url, the script starts each setup in turn and measures it at 20 and 100 conversations
at once, `--repeat` rounds each (other work on the machine moves the figures, so the spread is
printed too):
- one machine (`python -m bot.runtime`, conversations in SQLite) with the launcher's speed
  fixes, and with the stock switch (Rasa as shipped, its own stores, one Rasa worker);
- PostgreSQL + Redis + nginx in front of two Rasa servers and one action server started from
  the systemd units in deploy/ (bot/runtime/local_cluster.py), with and without the fixes.
It then prints the table and the ratio of patched to stock on one machine. Targets (one machine,
patched, 20 at once): >= 300 messages/s, p95 <= 150 ms.

    .venv/bin/python benchmarks/rest_bench.py [--repeat 3] [--conversations 20 100]
    .venv/bin/python benchmarks/rest_bench.py --url http://localhost:5005   # a running assistant
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import aiohttp

from bot.channels.unavailable import TRY_AGAIN  # what the bot says when it cannot take a message
from bot.runtime import project
from lmi_backend.answers.phrases import WENT_WRONG  # what the bot says when an action fails

CONVERSATION = (
    "hi",
    "how much do {0} earn in {place}?",
    "what about in {other_place}?",
    "how many hours do they work?",
    "what is the outlook for {1}?",
    "compare {2} with {3}",
    "what skills do I need to be a {job}?",
    "are there apprenticeships for {1}?",
    "how much does an engineer earn?",  # a broad job: the bot offers choices
    "thanks",
)
JOBS = (
    "plumbers",
    "electricians",
    "nurses",
    "paramedics",
    "chefs",
    "hairdressers",
    "web developers",
    "carpenters",
    "mechanics",
    "teaching assistants",
    "police officers",
    "accountants",
    "care workers",
    "bakers",
    "software developers",
    "architects",
)
PLACES = (
    "Wales",
    "Scotland",
    "London",
    "the North East",
    "Yorkshire",
    "Northern Ireland",
    "the South West",
    "Manchester",
    "Birmingham",
    "Cardiff",
)


def messages(number: int) -> list[str]:
    """Conversation `number`'s messages: the same shape for all, different jobs and places."""
    jobs = [JOBS[(number + k * 3) % len(JOBS)] for k in range(4)]
    return [
        m.format(
            *jobs,
            place=PLACES[number % len(PLACES)],
            other_place=PLACES[(number + 3) % len(PLACES)],
            job=jobs[0].rstrip("s"),
        )
        for m in CONVERSATION
    ]


async def conversation(
    client: aiohttp.ClientSession, number: int, think: float, latencies: list[float], errors: list[str]
) -> None:
    sender = f"bench-{number}-{uuid.uuid4().hex[:6]}"
    await asyncio.sleep(random.uniform(0, think))  # people do not all start at once
    for message in messages(number):
        start = time.perf_counter()
        try:
            async with client.post(
                "/webhooks/rest/webhook", json={"sender": sender, "message": message}
            ) as answer:
                status = answer.status
                replies = await answer.json() if status == 200 else None
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            errors.append(f"{message!r}: {error!r}")
            continue
        latencies.append(time.perf_counter() - start)
        if not replies or any(r.get("text") in (WENT_WRONG, TRY_AGAIN) for r in replies):
            errors.append(f"{message!r}: HTTP {status}, replies {replies!r}")
        await asyncio.sleep(think)


async def run(url: str, conversations: int, think: float) -> dict | None:
    """One round: `conversations` conversations at once against the assistant at `url`. Returns
    messages, seconds, latencies (ms, sorted) and errors; None when nothing answers there."""
    latencies: list[float] = []
    errors: list[str] = []
    # aiohttp, not httpx: the client shares the machine's cores with the servers it measures,
    # and httpx spent ~6 ms of processor time per request, a fifth of what the servers spend
    connector = aiohttp.TCPConnector(limit=conversations)
    async with aiohttp.ClientSession(
        base_url=url, connector=connector, timeout=aiohttp.ClientTimeout(total=120)
    ) as client:
        try:
            async with client.get("/"):
                pass
        except aiohttp.ClientConnectionError:
            return None
        await conversation(client, 0, 0, [], [])  # warm-up: first-use caches in both servers
        start = time.perf_counter()
        await asyncio.gather(
            *(conversation(client, n, think, latencies, errors) for n in range(conversations))
        )
        elapsed = time.perf_counter() - start
    return {
        "messages": len(latencies) + len(errors),
        "seconds": elapsed,
        "ms": sorted(1000 * t for t in latencies),
        "errors": errors,
    }


def p95(ms: list[float]) -> float:
    return ms[max(0, round(0.95 * len(ms)) - 1)] if ms else float("nan")


def report(stats: dict, conversations: int, think: float) -> None:
    ms = stats["ms"]
    print(
        f"{stats['messages']} messages, {conversations} concurrent conversations, "
        f"{think:g} s between reply and next message, {stats['seconds']:.1f} s"
    )
    print(f"reply latency p50 {statistics.median(ms):.0f} ms, p95 {p95(ms):.0f} ms, max {ms[-1]:.0f} ms")
    print(f"throughput {stats['messages'] / stats['seconds']:.1f} messages/s")
    print(f"errors {len(stats['errors'])}")
    for error in stats["errors"][:10]:
        print(f"  {error}")


# -- side by side: the setups this script starts itself -------------------------------------


@contextmanager
def one_machine(stock: bool, workdir: Path) -> Iterator[str]:
    """The launcher (`python -m bot.runtime`, what scripts/run starts) on free ports, with its
    own conversations file; `stock`: with the stock switch. Yields the REST address."""
    web, rasa, actions = (free_port() for _ in range(3))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.runtime",
            *("--web-port", str(web), "--rasa-port", str(rasa), "--actions-port", str(actions)),
            *(
                "--conversations-db",
                str(workdir / "conversations.sqlite"),
                "--log-dir",
                str(workdir / "logs"),
            ),
            *(["--stock-rasa"] if stock else []),
        ],
        cwd=project.ROOT,
        env={**os.environ, "CAREERS_STOCK_RASA": "1" if stock else "0"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for line in process.stdout:
            if "The careers assistant is ready" in line:
                break
        else:
            raise RuntimeError(f"the launcher stopped (exit code {process.wait()})")
        threading.Thread(target=lambda: process.stdout.read(), daemon=True).start()  # keep it drained
        yield f"http://127.0.0.1:{rasa}"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(120)


@contextmanager
def several_servers(stock: bool, workdir: Path) -> Iterator[str]:
    """PostgreSQL, Redis and nginx in front of two Rasa servers (one worker each) and one action
    server, from deploy/ (bot/runtime/local_cluster.py): the same number of processes answering
    as the launcher's default on two cores. Yields nginx's address."""
    from bot.runtime.local_cluster import LocalCluster
    from bot.runtime.local_engines import Engines
    from bot.runtime.prepare import ensure_model

    with (
        Engines() as engines,
        LocalCluster(
            engines, ensure_model(), workdir, rasa_servers=2, action_servers=1, stock=stock
        ) as cluster,
    ):
        yield cluster.url


SETUPS = {
    "one machine, SQLite, patched": partial(one_machine, False),
    "one machine, SQLite, stock": partial(one_machine, True),
    "PostgreSQL + Redis + nginx, 2 Rasa, patched": partial(several_servers, False),
    "PostgreSQL + Redis + nginx, 2 Rasa, stock": partial(several_servers, True),
}


def side_by_side(concurrencies: list[int], repeat: int, think: float) -> int:
    rows: dict[tuple[str, int], list[dict]] = {}
    for name, setup in SETUPS.items():
        print(f"{name}: starting ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="rest-bench-") as workdir, setup(Path(workdir)) as url:
            for round_ in range(repeat):
                for conversations in concurrencies:
                    stats = asyncio.run(run(url, conversations, think))
                    assert stats is not None, f"{name}: nothing answers at {url}"
                    rows.setdefault((name, conversations), []).append(stats)
                    print(
                        f"  round {round_ + 1}, {conversations} at once: "
                        f"{stats['messages'] / stats['seconds']:.1f} messages/s, p95 {p95(stats['ms']):.0f} ms, "
                        f"{len(stats['errors'])} errors (load average {os.getloadavg()[0]:.1f})",
                        file=sys.stderr,
                        flush=True,
                    )
    print(f"\n{'setup':46} {'at once':>7} {'messages/s (spread)':>22} {'p95 ms (spread)':>20} {'errors':>6}")
    for (name, conversations), runs in rows.items():
        rates = [r["messages"] / r["seconds"] for r in runs]
        p95s = [p95(r["ms"]) for r in runs]
        print(
            f"{name:46} {conversations:7d} {_spread(rates):>22} {_spread(p95s):>20} "
            f"{sum(len(r['errors']) for r in runs):6d}"
        )
    for (name, conversations), runs in rows.items():
        errors = sorted({e.split(": ", 1)[-1][:150] for r in runs for e in r["errors"]})
        if errors:
            print(f"  {name}, {conversations} at once, errors such as: " + "; ".join(errors[:3]))
    print()
    for conversations in concurrencies:
        for fast, slow in (("one machine, SQLite, patched", "one machine, SQLite, stock"),):
            ratio = statistics.median(r["messages"] / r["seconds"] for r in rows[(fast, conversations)]) / (
                statistics.median(r["messages"] / r["seconds"] for r in rows[(slow, conversations)])
            )
            print(
                f"patched / stock on one machine, {conversations} at once: {ratio:.1f} x the messages a second"
            )
    return 0 if all(not r["errors"] for runs in rows.values() for r in runs) else 1


def _spread(values: list[float]) -> str:
    middle = statistics.median(values)
    return f"{middle:.0f} ({min(values):.0f}-{max(values):.0f})" if len(values) > 1 else f"{middle:.0f}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="measure the assistant running there (default: start each setup here)")
    parser.add_argument(
        "--conversations", type=int, nargs="+", default=[20, 100], help="at once (default 20 100)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds per setup when starting them (default 3)"
    )
    parser.add_argument(
        "--think", type=float, default=0.0, help="seconds each conversation waits after a reply (default 0)"
    )
    args = parser.parse_args()
    if args.url is None:
        return side_by_side(args.conversations, args.repeat, args.think)
    failed = False
    for conversations in args.conversations:
        stats = asyncio.run(run(args.url.rstrip("/"), conversations, args.think))
        if stats is None:
            print(f"No assistant at {args.url}: start it with scripts/run.", file=sys.stderr)
            return 1
        report(stats, conversations, args.think)
        failed |= bool(stats["errors"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
