"""Messaging platforms end to end: a message in each platform's own webhook format goes into the
running assistant, and the reply leaves in that platform's API format, caught by a local stub of
the platform's API (bot/channels/* let an environment variable move the API address).

Telegram, Slack, Facebook Messenger and Twilio (SMS/WhatsApp) are switched on purely through
environment variables, as docs/channels.md tells a deployer to do.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from assistant_stack import Stack, free_ports, question_needing_a_choice, running_assistant
from twilio.request_validator import RequestValidator

from bot import channels, demo
from bot.runtime import rasa_config
from lmi_backend.answers import caveats
from lmi_backend.answers.phrases import WENT_WRONG
from lmi_backend.coder import get_coder
from lmi_backend.service import LmiService, Query

QUESTION = "how much do plumbers earn in Wales"
TELEGRAM_TOKEN = "123456:TEST-token_for-the-stub"
SLACK_SECRET = "slack-signing-secret-for-tests"
FACEBOOK_SECRET = "facebook-app-secret-for-tests"
TWILIO_SID = "AC" + "0" * 32
TWILIO_PUBLIC_URL = "https://example.invalid/webhooks/twilio/webhook"  # what Twilio signs


class PlatformStub:
    """Answers the calls Rasa's connectors make to Telegram, Slack, Facebook and Twilio the way
    those APIs do, and records them as (platform, method, fields)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, dict]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server naming
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fields = _fields(self.headers.get("Content-Type", ""), body)
                platform, _, rest = self.path.lstrip("/").partition("/")
                method = rest.split("?")[0].rsplit("/", 1)[-1]
                stub.calls.append((platform, method, fields))
                status, answer = stub.answer(platform, method, fields)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST

            def log_message(self, *args) -> None:
                pass

        self.port = free_ports(1)[0]
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def base(self, platform: str) -> str:
        return f"http://127.0.0.1:{self.port}/{platform}"

    @staticmethod
    def answer(platform: str, method: str, fields: dict) -> tuple[int, dict]:
        if platform == "telegram":
            if method == "getMe":
                return 200, {
                    "ok": True,
                    "result": {
                        "id": 123456,
                        "is_bot": True,
                        "first_name": "Careers",
                        "username": "careers_test_bot",
                    },
                }
            if method == "sendMessage":
                return 200, {
                    "ok": True,
                    "result": {
                        "message_id": len(fields),
                        "date": int(time.time()),
                        "text": fields.get("text"),
                        "chat": {"id": int(fields["chat_id"]), "type": "private"},
                    },
                }
            return 200, {"ok": True, "result": True}
        if platform == "slack":
            return 200, {"ok": True, "channel": fields.get("channel"), "ts": "1700000000.000100"}
        if platform == "facebook":
            return 200, {"recipient_id": fields.get("recipient", {}).get("id"), "message_id": "m"}
        return 201, {
            "sid": "SM" + "1" * 32,
            "account_sid": TWILIO_SID,
            "to": fields.get("To"),
            "from": fields.get("From"),
            "body": fields.get("Body"),
            "status": "queued",
            "uri": f"/2010-04-01/Accounts/{TWILIO_SID}/Messages/SM1.json",
        }

    def wait_for(self, platform: str, method: str, count: int = 1, timeout: float = 60) -> list[dict]:
        """The fields of the platform's outbound calls of `method`, once `count` have arrived."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [f for p, m, f in self.calls if p == platform and m == method]
            if len(found) >= count:
                time.sleep(0.5)  # a reply may come in several messages
                return [f for p, m, f in self.calls if p == platform and m == method]
            time.sleep(0.1)
        raise AssertionError(f"No {platform} {method} call arrived; calls: {self.calls}")

    def clear(self) -> None:
        self.calls.clear()


def _fields(content_type: str, body: bytes) -> dict:
    if "json" in content_type:
        return json.loads(body or b"{}")
    if "multipart/form-data" in content_type:
        from email.parser import BytesParser

        message = BytesParser().parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        return {
            part.get_param("name", header="content-disposition"): part.get_payload(decode=True).decode()
            for part in message.get_payload()
        }
    parsed = urllib.parse.parse_qs(body.decode())
    return {k: v[0] for k, v in parsed.items()}


def test_platforms_switch_on_from_the_environment_without_writing_secrets(tmp_path):
    env = {
        "TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BOT_USERNAME": "careers_test_bot",
        "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
        "SLACK_BOT_TOKEN": "xoxb-1",
    }
    endpoints, credentials = rasa_config.write(tmp_path, 5999, tmp_path / "c.sqlite", env)
    written = credentials.read_text()
    assert TELEGRAM_TOKEN not in written and "xoxb-1" not in written
    config = yaml.safe_load(written)
    assert config["bot.channels.telegram.TelegramInput"]["access_token"] == "${TELEGRAM_ACCESS_TOKEN}"
    assert "bot.channels.slack.SlackInput" not in config  # half configured: stays off
    assert channels.half_configured(env) == {"slack": ["SLACK_SIGNING_SECRET"]}
    run = yaml.safe_load(endpoints.read_text())
    assert run["action_endpoint"]["url"] == "http://127.0.0.1:5999/webhook"
    assert run["tracker_store"]["db"] == str(tmp_path / "c.sqlite")


@pytest.fixture(scope="module")
def stub() -> PlatformStub:
    server = PlatformStub()
    yield server
    server.server.shutdown()


@pytest.fixture(scope="module", params=["patched", "stock"])
def assistant(request, tmp_path_factory, stub: PlatformStub) -> Stack:
    """The assistant with the launcher's speed fixes, and again with Rasa as shipped (the stock
    switch): every platform must work both ways."""
    env = {
        "TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BOT_USERNAME": "careers_test_bot",
        "TELEGRAM_WEBHOOK_URL": "https://example.invalid/webhooks/telegram/webhook",
        "TELEGRAM_API_BASE_URL": stub.base("telegram"),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_BASE_URL": stub.base("slack") + "/api/",
        "FACEBOOK_VERIFY_TOKEN": "verify-me",
        "FACEBOOK_APP_SECRET": FACEBOOK_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": "page-token",
        "FACEBOOK_GRAPH_BASE_URL": stub.base("facebook"),
        "TWILIO_ACCOUNT_SID": TWILIO_SID,
        "TWILIO_AUTH_TOKEN": "twilio-token",
        "TWILIO_NUMBER": "+447700900000",
        "TWILIO_API_BASE_URL": stub.base("twilio"),
        "TWILIO_WEBHOOK_URL": TWILIO_PUBLIC_URL,
    }
    stock = request.param == "stock"
    with running_assistant(tmp_path_factory.mktemp(f"channels-{request.param}"), env, stock=stock) as stack:
        yield stack


@pytest.fixture(scope="module")
def expected_parts(assistant: Stack) -> list[str]:
    """The reply's text, as the REST channel gives it, cut where platforms cut messages."""
    replies = assistant.rest("rest-reference-user", QUESTION)
    parts = [p.strip() for r in replies if r.get("text") for p in r["text"].split("\n\n")]
    assert parts, f"no text reply over REST: {replies}"
    return parts


def post(url: str, body: bytes, headers: dict[str, str]) -> str:
    request = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as answer:
        return answer.read().decode()


def test_telegram_update_is_answered_with_send_message(assistant, stub, expected_parts):
    stub.clear()
    update = {
        "update_id": 1001,
        "message": {
            "message_id": 7,
            "date": int(time.time()),
            "text": QUESTION,
            "chat": {"id": 4242, "type": "private"},
            "from": {"id": 4242, "is_bot": False, "first_name": "Sam"},
        },
    }
    post(
        f"{assistant.rasa_url}/webhooks/telegram/webhook",
        json.dumps(update).encode(),
        {"Content-Type": "application/json"},
    )
    sent = stub.wait_for("telegram", "sendMessage", len(expected_parts))
    assert [int(m["chat_id"]) for m in sent] == [4242] * len(sent)
    assert [m["text"] for m in sent] == expected_parts


def test_telegram_choices_are_inline_buttons_that_answer_when_pressed(assistant, stub, db_path):
    question = question_needing_a_choice(db_path)
    offered = [r for r in assistant.rest("rest-choices", question) if r.get("buttons")]
    assert offered, "the bot should offer choices for a broad job"
    buttons = offered[-1]["buttons"]
    chosen = assistant.rest("rest-choices", buttons[0]["payload"])
    answer = [p.strip() for r in chosen if r.get("text") for p in r["text"].split("\n\n")]

    stub.clear()
    chat = {"id": 5151, "type": "private"}
    post(
        f"{assistant.rasa_url}/webhooks/telegram/webhook",
        json.dumps(
            {
                "update_id": 2001,
                "message": {"message_id": 1, "date": int(time.time()), "chat": chat, "text": question},
            }
        ).encode(),
        {"Content-Type": "application/json"},
    )
    with_keyboard = [m for m in stub.wait_for("telegram", "sendMessage") if m.get("reply_markup")]
    keyboard = json.loads(with_keyboard[-1]["reply_markup"])["inline_keyboard"]
    assert [(b["text"], b["callback_data"]) for row in keyboard for b in row] == [
        (b["title"], b["payload"]) for b in buttons
    ]

    stub.clear()
    post(
        f"{assistant.rasa_url}/webhooks/telegram/webhook",
        json.dumps(
            {
                "update_id": 2002,
                "callback_query": {
                    "id": "cb1",
                    "chat_instance": "ci",
                    "data": buttons[0]["payload"],
                    "from": {"id": 5151, "is_bot": False, "first_name": "Sam"},
                    "message": {"message_id": 2, "date": int(time.time()), "chat": chat},
                },
            }
        ).encode(),
        {"Content-Type": "application/json"},
    )
    sent = stub.wait_for("telegram", "sendMessage", len(answer))
    assert [m["text"] for m in sent] == answer


def test_slack_event_is_answered_with_chat_post_message(assistant, stub, expected_parts):
    stub.clear()
    event = {
        "type": "event_callback",
        "team_id": "T1",
        "api_app_id": "A1",
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": "D42",
            "user": "U42",
            "text": QUESTION,
            "ts": "1700000000.000200",
        },
        "authorizations": [{"user_id": "UBOT"}],
    }
    body = json.dumps(event).encode()
    timestamp = str(int(time.time()))
    signature = (
        "v0="
        + hmac.new(SLACK_SECRET.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    )
    post(
        f"{assistant.rasa_url}/webhooks/slack/webhook",
        body,
        {
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature,
        },
    )
    sent = stub.wait_for("slack", "chat.postMessage", len(expected_parts))
    assert {m["channel"] for m in sent} == {"D42"}
    assert [m["text"] for m in sent] == expected_parts


def test_slack_rejects_an_unsigned_event(assistant, stub):
    stub.clear()
    body = json.dumps(
        {
            "type": "event_callback",
            "event": {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1", "text": "hi"},
        }
    )
    request = urllib.request.Request(
        f"{assistant.rasa_url}/webhooks/slack/webhook",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 400
    time.sleep(1)
    assert not stub.calls


def _message_to_facebook(assistant: Stack, psid: str, mid: str, text: str) -> None:
    """A user's message as Messenger's webhook posts it, signed with the app secret."""
    entry = {
        "id": "PAGE1",
        "time": int(time.time() * 1000),
        "messaging": [
            {
                "sender": {"id": psid},
                "recipient": {"id": "PAGE1"},
                "timestamp": int(time.time() * 1000),
                "message": {"mid": mid, "text": text},
            }
        ],
    }
    body = json.dumps({"object": "page", "entry": [entry]}).encode()
    signature = "sha1=" + hmac.new(FACEBOOK_SECRET.encode(), body, hashlib.sha1).hexdigest()
    post(
        f"{assistant.rasa_url}/webhooks/facebook/webhook",
        body,
        {"Content-Type": "application/json", "X-Hub-Signature": signature},
    )


def test_facebook_message_is_answered_through_the_send_api(assistant, stub, expected_parts):
    stub.clear()
    _message_to_facebook(assistant, "PSID42", "m.1", QUESTION)
    calls = stub.wait_for("facebook", "messages", len(expected_parts) + 3)
    # plain text, or the text of a button template when the reply offers choices
    texts = [
        c["message"].get("text") or c["message"]["attachment"]["payload"]["text"]
        for c in calls
        if "message" in c
    ]
    assert texts == expected_parts
    assert {c["recipient"]["id"] for c in calls} == {"PSID42"}
    assert [c["sender_action"] for c in calls if "sender_action" in c] == [
        "mark_seen",
        "typing_on",
        "typing_off",
    ]


def test_facebook_choices_beyond_three_are_a_numbered_list_with_quick_replies(assistant, stub, db_path):
    """Messenger allows 3 buttons; Rasa drops all of them when there are more."""
    stub.clear()
    _message_to_facebook(assistant, "PSID77", "m.2", question_needing_a_choice(db_path))
    calls = stub.wait_for("facebook", "messages", 4)  # mark_seen, typing_on, the choice, typing_off
    choice = next(c["message"] for c in calls if "message" in c)
    replies = choice["quick_replies"]
    assert len(replies) > 3
    assert replies[-1]["title"] == "None of these" and replies[-1]["payload"] == "/deny"
    assert all(r["payload"].startswith("/choose_job") for r in replies[:-1])
    assert all(len(r["title"]) <= 20 for r in replies)
    assert [line.split(": ")[0] for line in choice["text"].splitlines()[1:]] == [
        str(n) for n in range(1, len(replies) + 1)
    ]


def test_facebook_subscription_handshake(assistant):
    query = urllib.parse.urlencode(
        {"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"}
    )
    with urllib.request.urlopen(
        f"{assistant.rasa_url}/webhooks/facebook/webhook?{query}", timeout=30
    ) as answer:
        assert answer.read().decode() == "1158201444"


def _twilio_sms(text: str, sender: str) -> dict[str, str]:
    return {"From": sender, "To": "+447700900000", "Body": text, "MessageSid": "SM0"}


def test_twilio_sms_is_answered_through_the_messages_api(assistant, stub, expected_parts):
    stub.clear()
    fields = _twilio_sms(QUESTION, "+447700900123")
    signature = RequestValidator("twilio-token").compute_signature(TWILIO_PUBLIC_URL, fields)
    post(
        f"{assistant.rasa_url}/webhooks/twilio/webhook",
        urllib.parse.urlencode(fields).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
    )
    sent = stub.wait_for("twilio", "Messages.json", len(expected_parts))
    assert [(m["To"], m["From"]) for m in sent] == [("+447700900123", "+447700900000")] * len(sent)
    assert [m["Body"] for m in sent] == expected_parts


@pytest.mark.parametrize("signature", [None, "forged", "signed-for-other-fields"])
def test_twilio_requests_without_a_valid_signature_are_refused(assistant, stub, signature):
    """Otherwise anyone who found the address could make the bot text any number."""
    stub.clear()
    fields = _twilio_sms(QUESTION, "+447700900999")
    if signature == "signed-for-other-fields":
        signature = RequestValidator("twilio-token").compute_signature(
            TWILIO_PUBLIC_URL, _twilio_sms("hi", "+447700900999")
        )
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature:
        headers["X-Twilio-Signature"] = signature
    with pytest.raises(urllib.error.HTTPError) as refused:
        post(
            f"{assistant.rasa_url}/webhooks/twilio/webhook", urllib.parse.urlencode(fields).encode(), headers
        )
    assert refused.value.code == 403
    time.sleep(2)
    assert not [f for p, _, f in stub.calls if p == "twilio" and f.get("To") == "+447700900999"]


def test_what_users_type_stays_out_of_the_logs(assistant, stub):
    """Conversations are personal; the logs must not hold them (docs/channels.md)."""
    personal = "my name is Zebedee Quartermain, zebedee.q@example.com, I want to be a vet"
    assistant.rest("privacy-check", personal)
    stub.clear()
    post(
        f"{assistant.rasa_url}/webhooks/telegram/webhook",
        json.dumps(
            {
                "update_id": 3001,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "text": personal,
                    "chat": {"id": 6161, "type": "private"},
                },
            }
        ).encode(),
        {"Content-Type": "application/json"},
    )
    stub.wait_for("telegram", "sendMessage")
    logs = assistant.logs_text()
    assert "rasa" in logs.lower(), "expected the servers' logs to be read"
    for private in ("Zebedee", "Quartermain", "zebedee.q@example.com"):
        assert private not in logs


def test_adviser_demo_plays_its_script_over_rest(assistant, capsys, db_path):
    """The demo's turns all get real answers; the figure too thin to publish is explained."""
    assert demo.play(assistant.rasa_url, pause=0, step=False) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert WENT_WRONG not in shown
    for said, _ in demo.SCRIPT:
        assert f"You : {said}" in shown
    assert "median £" in shown  # the pay spread drawn as text
    zookeepers = get_coder(db_path).code("zookeepers").candidates[0].soc
    withheld = LmiService(db_path).pay(Query(soc=zookeepers, region=12))  # Northern Ireland
    assert withheld.changes and caveats.fallback(withheld) in shown
    assert "The job areas set to grow most in England from 2020 to 2035" in shown


def test_the_launcher_serves_the_lmi_for_all_api_beside_the_chat(assistant):
    """scripts/run starts the API as one of its servers and prints where it is."""
    with urllib.request.urlopen(f"{assistant.api_url}/api/v1/soc/search?q=sparky", timeout=30) as answer:
        found = json.loads(answer.read())
    assert found[0]["soc"] == 5241  # electricians, by the SOC coder's slang
    assert any(line.strip().startswith("LMI for All API: http://") for line in assistant.output)


def test_a_long_conversation_keeps_its_context_and_restart_forgets_it(assistant, db_path):
    """Several turns (past what the rule policy is shown, and across Rasa's worker processes,
    which take a conversation's messages in turn), then Rasa's /restart."""

    def say(text: str) -> str:
        return " ".join(r.get("text") or "" for r in assistant.rest("long-chat", text))

    assert "lumbers" in say("how much do plumbers earn in wales")
    assert "hours a week" in say("and the hours?")
    assert "Scotland" in say("what about in scotland")
    assert "lumbers" in say("how much do they earn")  # still the plumbers, five turns in
    say("/restart")
    assert "Which job" in say("and the hours?")  # the job was forgotten with the conversation


def test_distress_gets_the_support_reply_and_hyperbole_about_a_dream_job_gets_an_answer(assistant):
    """Crisis detection through the whole assistant (bot/crisis_check.py in the NLU, the rule for
    `distress`): someone at risk is pointed to Childline, Samaritans and 999 at once, and the
    same kind of words said about a dream job get a careers answer instead."""

    def say(sender: str, text: str) -> str:
        return " ".join(r.get("text") or "" for r in assistant.rest(sender, text))

    support = say("crisis-user", "my step dad keeps hitting me when mum is at work")
    assert "0800 1111" in support and "116 123" in support and "999" in support
    reply = say("hyperbole-user", "im dying to be a footballer how much do they earn")
    assert "0800 1111" not in reply and "sports players" in reply.lower()  # the pay answer
