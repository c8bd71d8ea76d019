"""Rasa's Twilio connector (SMS, WhatsApp), with the REST API address taken from
TWILIO_API_BASE_URL when set (the channel tests' stub); unset, it talks to api.twilio.com.

Rasa's connector answers any POST to its webhook, so anyone who found the address could make the
bot send texts, at the account's cost, to any number. Twilio signs each request
(X-Twilio-Signature: an HMAC of the public webhook URL and the form fields with the account's
auth token); requests without a valid signature are refused here. The signature covers the URL
Twilio called, which behind a tunnel or proxy is not the one the server sees, so the public
address is configured (TWILIO_WEBHOOK_URL).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels import twilio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator

from . import api_base
from .unavailable import AnswersWhenUnavailable

logger = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"


class RebasedHttpClient(TwilioHttpClient):
    """Sends the requests the Twilio library addresses to api.twilio.com to another base."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any):  # type: ignore[override]
        if url.startswith(TWILIO_API):
            url = self.base + url[len(TWILIO_API) :]
        return super().request(method, url, *args, **kwargs)


class TwilioOutput(twilio.TwilioOutput):
    def __init__(self, account_sid: str | None, auth_token: str | None, twilio_number: str | None) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        base = api_base("twilio")
        if base:
            self.http_client = RebasedHttpClient(base)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """SMS and WhatsApp have no buttons. Rasa's fallback sends one message per choice with
        its raw payload ("1: Plumber (/choose_job{...})"); one message with a numbered list of
        titles reads better and costs one SMS."""
        choices = "\n".join(f"{number}: {button['title']}" for number, button in enumerate(buttons, start=1))
        await self.send_text_message(recipient_id, f"{text}\n{choices}")


class TwilioInput(AnswersWhenUnavailable, twilio.TwilioInput):
    def __init__(self, *args: Any, webhook_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not webhook_url:
            raise ValueError(
                "Twilio needs its public webhook address (TWILIO_WEBHOOK_URL) to "
                "check that requests come from Twilio"
            )
        self.webhook_url = webhook_url

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TwilioInput:
        credentials = credentials or {}
        return cls(
            credentials.get("account_sid"),
            credentials.get("auth_token"),
            credentials.get("twilio_number"),
            webhook_url=credentials.get("webhook_url"),
        )

    def signed_by_twilio(self, request: Request) -> bool:
        fields = {key: request.form.get(key) for key in request.form}
        signature = request.headers.get("X-Twilio-Signature", "")
        return RequestValidator(self.auth_token).validate(self.webhook_url, fields, signature)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.middleware("request")
        async def refuse_unsigned(request: Request):  # noqa: ANN202 - Sanic middleware
            if request.method == "POST" and not self.signed_by_twilio(request):
                logger.warning("Refused a Twilio webhook request without a valid signature.")
                return response.text("invalid signature", status=403)
            return None

        return webhook

    def get_output_channel(self) -> TwilioOutput:
        return TwilioOutput(self.account_sid, self.auth_token, self.twilio_number)
