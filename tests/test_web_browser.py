"""The web chat page in a real browser (Debian's Chromium, headless, driven by playwright-core from
web/node_modules), against the running assistant: the figure the database holds, a clarification
answered by clicking a button and by keyboard, a chart after a follow-up, user text never
rendered as HTML, phone-width layout, a fresh conversation on request, nothing loaded from the
internet. The browser steps are in web/tests/chat-page.mjs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from assistant_stack import ROOT, Stack, question_needing_a_choice, running_assistant

from lmi_backend.answers.formatting import money
from lmi_backend.coder import get_coder
from lmi_backend.service import LmiService, Query

WEB = ROOT / "web"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
PLUMBERS, WALES = 5314, 10


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Stack:
    with running_assistant(tmp_path_factory.mktemp("web")) as stack:
        yield stack


def plumbers_pay_in_wales(db_path: Path) -> str:
    """The median yearly pay the service gives for plumbers in Wales, written as the bot writes
    money; the page must show this figure."""
    assert get_coder(db_path).code("plumbers").candidates[0].soc == PLUMBERS
    median = LmiService(db_path).pay(Query(soc=PLUMBERS, region=WALES)).values.get("median")
    assert median, "the database gives no pay for plumbers in Wales"
    return money(median)


def test_chat_page_in_a_browser(assistant: Stack, db_path: Path, tmp_path: Path):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's browser "
            "(apt-get install -y chromium chromium-driver) or set CHROMIUM_PATH"
        )
    assert shutil.which("node"), "Node.js is needed to drive the browser"
    plan = {
        "url": assistant.web_url + "/",
        "question": "how much do plumbers earn in Wales",
        "expect": plumbers_pay_in_wales(db_path),
        "clarify": question_needing_a_choice(db_path),
        "followUp": "what is the job outlook for them?",
        "chart": "outlook",
        "screenshot": str(os.environ.get("CHAT_SCREENSHOT", tmp_path / "chat.png")),
    }
    done = subprocess.run(
        ["node", "tests/chat-page.mjs", json.dumps(plan)],
        cwd=WEB,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = done.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {"ok": False, "error": done.stderr}
    assert report["ok"], f"{report.get('error')}\nbrowser stderr: {done.stderr[-2000:]}"


def test_the_widget_is_served_connecting_by_websocket_only():
    """Several Rasa workers share one port: long-polling would scatter a session over them."""
    from bot.runtime import webserver

    raw = (WEB / "node_modules" / webserver.VENDOR["/vendor/rasa-webchat.js"]).read_bytes()
    served = webserver.widget_script(raw)
    assert served.count(b'transports:["websocket"]') == 2 and webserver.WIDGET_SOCKET_CALL not in served


def test_chat_page_passes_an_axe_audit(assistant: Stack, db_path: Path):
    """No serious or critical accessibility violation (axe-core, web/tests/axe-audit.mjs) at phone
    and desktop width, with choice buttons, an answer and a chart on the page."""
    questions = [
        question_needing_a_choice(db_path),
        "how much do plumbers earn in Wales",
        "what about the outlook?",
    ]
    plan = {
        "pages": [{"url": assistant.web_url + "/", "kind": "chat", "ask": questions, "widths": [390, 1280]}]
    }
    done = subprocess.run(
        ["node", "tests/axe-audit.mjs", json.dumps(plan)],
        cwd=WEB,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = done.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {"ok": False, "error": done.stderr}
    assert report["ok"], f"{report.get('error')}\nbrowser stderr: {done.stderr[-2000:]}"
    assert all(page["passed"] > 10 for page in report["pages"])
