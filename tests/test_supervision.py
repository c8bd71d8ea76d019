"""The one-command launcher keeps the assistant answering through crashes (bot/runtime/supervisor.py):
each of its servers is killed with SIGKILL in turn, as the out-of-memory killer would, and the
conversation's next message is answered within 30 s, in context; the chat page, open in a real
browser throughout, connects again by itself once the Rasa server has been replaced."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
from pathlib import Path

import pytest
from assistant_stack import ROOT, Stack, running_assistant

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
WITHIN = 30.0  # seconds: the bound for an answer after a crash


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Stack:
    with running_assistant(tmp_path_factory.mktemp("supervision")) as stack:
        yield stack


@pytest.fixture(scope="module")
def open_page(assistant: Stack):
    """The chat page in Chromium, asked one question, held open (web/tests/reconnect.mjs)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium or set CHROMIUM_PATH")
    plan = {
        "url": assistant.web_url + "/",
        "question": "how much do nurses earn in wales",
        "expect": "Wales",
        "followUp": "and the hours?",
        "expectAfter": "hours",
    }
    page = subprocess.Popen(
        ["node", "tests/reconnect.mjs", json.dumps(plan)],
        cwd=ROOT / "web",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = json.loads(page.stdout.readline() or '{"step": "failed"}')
    assert first.get("step") == "asked", f"{first} {page.stderr.read() if page.poll() is not None else ''}"
    yield page
    if page.poll() is None:
        page.kill()
        page.wait()


def said(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def answered_within(stack: Stack, sender: str, message: str) -> tuple[str, float]:
    """The reply to `message`, sent again if need be, and how long after sending it came."""
    started = time.monotonic()
    while time.monotonic() - started < WITHIN:
        try:
            reply = said(stack.rest(sender, message, timeout=WITHIN))
            if reply:
                return reply, time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{message!r} not answered within {WITHIN:.0f} s")


def test_each_server_killed_in_turn_answers_the_next_message_within_30_s_in_context(assistant, open_page):
    sender = "crashes"
    assert "lumbers" in said(assistant.rest(sender, "how much do plumbers earn in wales"))
    for module, name, message, expected in (
        ("bot.runtime.action_server", "actions", "and the hours?", "hours"),
        ("bot.runtime.rasa_server", "rasa", "what about in scotland", "Scotland"),
    ):
        os.kill(assistant.server_pid(module), signal.SIGKILL)
        reply, took = answered_within(assistant, sender, message)
        assert "lumbers" in reply and expected in reply, f"after killing {name}: {reply}"
        print(f"{name} killed: answered in {took:.1f} s")
        noticed = time.monotonic() + 10  # the reply may come before the launcher looks
        while f"The {name} server stopped (exit code -9)" not in "\n".join(assistant.output):
            assert time.monotonic() < noticed, "\n".join(assistant.output[-20:])
            time.sleep(0.2)


def test_the_chat_page_connects_again_by_itself_after_the_rasa_server_is_replaced(assistant, open_page):
    deadline = time.monotonic() + 600
    while "The rasa server is back" not in "\n".join(assistant.output):  # then the old run stops
        assert time.monotonic() < deadline, "\n".join(assistant.output[-20:])
        time.sleep(1)
    open_page.stdin.write("go\n")
    open_page.stdin.flush()
    outcome = json.loads(open_page.stdout.readline() or '{"ok": false, "error": "no output"}')
    assert outcome["ok"], outcome
