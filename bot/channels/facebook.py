"""Rasa's Facebook Messenger connector, with the Graph API address taken from
FACEBOOK_GRAPH_BASE_URL when set (the channel tests' stub); unset, it talks to graph.facebook.com.

Rasa creates its Graph API client inside the webhook route for every message, so the route is
the one place where the address can be chosen: this module declares the same three routes as
Rasa's FacebookInput and reuses its signature check and message handling.

Messenger shows at most 3 buttons, and given more, Rasa drops them all: a young person asked
"which of these jobs?" would see no choices. More than 3 go as a numbered list with quick
replies (up to 13, titles up to 20 characters, so long job names become their number).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fbmessenger import MessengerClient
from rasa.core.channels import facebook
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from . import api_base
from .unavailable import answering_when_unavailable

MAX_BUTTONS = 3
MAX_QUICK_REPLIES = 13
MAX_QUICK_REPLY_TITLE = 20


def graph_client(page_access_token: str) -> MessengerClient:
    client = MessengerClient(page_access_token)
    base = api_base("facebook")
    if base:
        client.graph_url = f"{base.rstrip('/')}/v{client.api_version}"
    return client


class Messenger(facebook.Messenger):
    def __init__(
        self, page_access_token: str, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        super().__init__(page_access_token, on_new_message)
        self.client = graph_client(page_access_token)


class MessengerBot(facebook.MessengerBot):
    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        if len(buttons) <= MAX_BUTTONS:
            return await super().send_text_with_buttons(recipient_id, text, buttons, **kwargs)
        buttons = buttons[:MAX_QUICK_REPLIES]
        listed = "\n".join(f"{number}: {button['title']}" for number, button in enumerate(buttons, start=1))
        replies = [
            {
                "title": button["title"] if len(button["title"]) <= MAX_QUICK_REPLY_TITLE else str(number),
                "payload": button["payload"],
            }
            for number, button in enumerate(buttons, start=1)
        ]
        await self.send_quick_replies(recipient_id, f"{text}\n{listed}", replies)


# Rasa's message handler builds its reply channel from this module-level name
facebook.MessengerBot = MessengerBot


class FacebookInput(facebook.FacebookInput):
    def get_output_channel(self) -> facebook.MessengerBot:
        return MessengerBot(graph_client(self.fb_access_token))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = answering_when_unavailable(on_new_message)
        fb_webhook = Blueprint("fb_webhook", __name__)

        @fb_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @fb_webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            """Facebook's subscription handshake: echo the challenge for the right token."""
            if request.args.get("hub.verify_token") == self.fb_verify:
                return response.text(request.args.get("hub.challenge"))
            return response.text("failure, invalid token")

        @fb_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            signature = request.headers.get("X-Hub-Signature") or ""
            if not self.validate_hub_signature(self.fb_secret, request.body, signature):
                return response.text("not validated")
            messenger = Messenger(self.fb_access_token, on_new_message)
            await messenger.handle(request.json, self.get_metadata(request))
            return response.text("success")

        return fb_webhook
