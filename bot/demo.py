"""Adviser demo: plays a scripted conversation with the running assistant in the terminal.

Careers advisers show young people what the assistant can do: pay for a job where they live,
two jobs side by side, apprenticeships, and what happens when the statistics are too thin to
give a figure. The script goes through Rasa's REST channel of the running assistant (start it
with scripts/run), so the demo shows the real answers, charts drawn as text included.

    python -m bot.demo                   # plays the script, pausing between turns
    python -m bot.demo --step            # waits for Enter before each question
    python -m bot.demo --url http://localhost:5005 --pause 0
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
import time
import uuid

import httpx

# (what the young person types, what the adviser can point out)
SCRIPT: tuple[tuple[str, str], ...] = (
    ("hi", "The assistant introduces itself."),
    ("how much do plumbers earn in Wales?", "Pay for a job in a place, with the spread of pay."),
    ("and in London?", "A follow-up: the assistant remembers the job."),
    ("compare plumbers with electricians", "Two jobs side by side."),
    ("what apprenticeships are there for electricians?", "Apprenticeships that lead to the job."),
    (
        "how much do zookeepers earn in Northern Ireland?",
        "Too few people in the survey: the assistant explains why there is no figure and gives the "
        "nearest reliable one instead.",
    ),
    (
        "I'm good at maths, what jobs could I do?",
        "No job in mind: jobs that use what someone likes or is good at, to pick from.",
    ),
    (
        "do I need a degree to be a vet?",
        "How many people in the job have a degree, then what new starters need.",
    ),
    (
        "which jobs will be in demand?",
        "Job areas projected to grow most in England, with a job from each to pick.",
    ),
    ("thanks", "The end."),
)


def chart_as_text(chart: dict, width: int = 40) -> list[str]:
    """A chart payload (docs/payloads.md) as terminal lines."""
    if chart.get("type") == "pay_spread":
        v = chart["values"]
        low, high = v["p10"], v["p90"]
        position = round((v["median"] - low) / (high - low) * (width - 1)) if high > low else 0
        bar = "".join("|" if i == position else "=" for i in range(width))
        return [
            chart.get("title", ""),
            f"  10% £{low:,.0f} [{bar}] £{high:,.0f} 90%",
            f"  median £{v['median']:,.0f}",
        ]
    bars = chart.get("bars") or []
    top = max((b["value"] for b in bars), default=0) or 1
    return [chart.get("title", "")] + [
        f"  {b['label']:<26} {'#' * max(1, round(b['value'] / top * width // 2))} {b['value']:,.0f}"
        for b in bars
    ]


def show(speaker: str, text: str, indent: str = " " * 12) -> None:
    """One turn, wrapped to the terminal, keeping the answer's own line breaks (lists)."""
    wrap = max(40, min(100, shutil.get_terminal_size().columns) - len(indent))
    lines = [part for line in text.split("\n") for part in textwrap.wrap(line, wrap) or [""]]
    first = f"{speaker:<10}: " if speaker else indent
    print(first + lines[0])
    for line in lines[1:]:
        print(indent + line)


def reply_lines(message: dict) -> list[tuple[str, str]]:
    """(speaker, text) lines for one bot message of the REST channel."""
    lines = [("Assistant", part) for part in (message.get("text") or "").split("\n\n") if part]
    for number, button in enumerate(message.get("buttons") or [], start=1):
        lines.append(("", f"[{number}] {button['title']}"))
    chart = (message.get("custom") or {}).get("chart")
    if chart:
        lines.extend(("", line) for line in chart_as_text(chart))
    return lines


def play(url: str, pause: float, step: bool) -> int:
    sender = f"adviser-demo-{uuid.uuid4().hex[:8]}"  # a fresh conversation every time
    with httpx.Client(base_url=url, timeout=60) as client:
        try:
            client.get("/")
        except httpx.TransportError:
            print(f"The assistant is not running at {url}. Start it with scripts/run first.", file=sys.stderr)
            return 1
        for said, note in SCRIPT:
            if step:
                input(f"\n(press Enter) {note}")
            else:
                print(f"\n-- {note}")
                time.sleep(pause)
            show("You", said)
            answer = client.post("/webhooks/rest/webhook", json={"sender": sender, "message": said})
            answer.raise_for_status()
            for message in answer.json():
                for speaker, text in reply_lines(message):
                    show(speaker, text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005", help="the Rasa server")
    parser.add_argument("--pause", type=float, default=1.5, help="seconds between turns")
    parser.add_argument("--step", action="store_true", help="wait for Enter before each turn")
    args = parser.parse_args(argv)
    return play(args.url.rstrip("/"), args.pause, args.step)


if __name__ == "__main__":
    sys.exit(main())
