"""The web chat page in a real browser (Debian's Chromium, headless, driven by playwright-core from
web/node_modules), against the running assistant: the figure the database holds, a clarification
answered by clicking a button and by keyboard, a chart after a follow-up, user text never
rendered as HTML, phone-width layout, a fresh conversation on request, nothing loaded from the
internet, and no serious accessibility fault (axe-core). The browser steps are in
web/tests/chat-page.mjs and web/tests/axe-audit.mjs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from assistant_stack import Stack, question_needing_a_choice, running_assistant
from browser_scripts import WEB, run_node

from lmi_backend.answers.formatting import money
from lmi_backend.coder import get_coder
from lmi_backend.service import LmiService, Query

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
    plan = {
        "url": assistant.web_url + "/",
        "question": "how much do plumbers earn in Wales",
        "expect": plumbers_pay_in_wales(db_path),
        "clarify": question_needing_a_choice(db_path),
        "followUp": "what is the job outlook for them?",
        "chart": "outlook",
        "screenshot": str(os.environ.get("CHAT_SCREENSHOT", tmp_path / "chat.png")),
    }
    run_node("chat-page.mjs", plan)


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
    report = run_node("axe-audit.mjs", plan)
    assert all(page["passed"] > 10 for page in report["pages"])
