"""Reply latency and throughput of the running assistant through Rasa's REST channel.

20 conversations run at once, each a realistic mix of ten messages (pay, hours, outlook, skills,
apprenticeships, a comparison, follow-ups that lean on context, a question that needs a choice,
chit-chat) about its own jobs and places: 200 messages in all. Prints p50/p95 reply latency,
messages per second and errors (HTTP failures, empty replies, or the bot's "something went
wrong"). Targets: p95 <= 300 ms, no errors.

By default each conversation sends its next message the moment the reply arrives, so 20
requests are always waiting: a saturation test whose messages/s is the server's capacity and
whose latency is mostly queueing. `--think 3` waits 3 s between a reply and the next message,
as a person reading and typing does, and measures the latency people would see with 20
conversations under way.

    scripts/run                              # in another terminal
    .venv/bin/python benchmarks/rest_bench.py [--url http://localhost:5005] [--think 3]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
import uuid

import aiohttp

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
        if not replies or any(r.get("text") == WENT_WRONG for r in replies):
            errors.append(f"{message!r}: HTTP {status}, replies {replies!r}")
        await asyncio.sleep(think)


async def run(url: str, conversations: int, think: float) -> int:
    latencies: list[float] = []
    errors: list[str] = []
    # aiohttp, not httpx: the client shares the machine's cores with the servers it measures,
    # and httpx spent ~6 ms of processor time per request, a fifth of what the servers spend
    connector = aiohttp.TCPConnector(limit=conversations)
    async with aiohttp.ClientSession(
        base_url=url, connector=connector, timeout=aiohttp.ClientTimeout(total=60)
    ) as client:
        try:
            async with client.get("/"):
                pass
        except aiohttp.ClientConnectionError:
            print(f"No assistant at {url}: start it with scripts/run.", file=sys.stderr)
            return 1
        await conversation(client, 0, 0, [], [])  # warm-up: first-use caches in both servers
        start = time.perf_counter()
        await asyncio.gather(
            *(conversation(client, n, think, latencies, errors) for n in range(conversations))
        )
        elapsed = time.perf_counter() - start
    sent = len(latencies) + len(errors)
    ms = sorted(1000 * t for t in latencies)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)] if ms else float("nan")
    print(
        f"{sent} messages, {conversations} concurrent conversations, "
        f"{think:g} s between reply and next message, {elapsed:.1f} s"
    )
    print(f"reply latency p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, max {ms[-1]:.0f} ms")
    print(f"throughput {sent / elapsed:.1f} messages/s")
    print(f"errors {len(errors)}")
    for error in errors[:10]:
        print(f"  {error}")
    return 0 if not errors else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument(
        "--think", type=float, default=0.0, help="seconds each conversation waits after a reply (default 0)"
    )
    args = parser.parse_args()
    return asyncio.run(run(args.url.rstrip("/"), args.conversations, args.think))


if __name__ == "__main__":
    sys.exit(main())
