"""Rasa's Twilio connector (SMS, WhatsApp), with the REST API address taken from
TWILIO_API_BASE_URL when set (the channel tests' stub); unset, it talks to api.twilio.com."""
from __future__ import annotations

from typing import Any

from rasa.core.channels import twilio
from twilio.http.http_client import TwilioHttpClient

from . import api_base

TWILIO_API = "https://api.twilio.com"


class RebasedHttpClient(TwilioHttpClient):
    """Sends the requests the Twilio library addresses to api.twilio.com to another base."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any):  # type: ignore[override]
        if url.startswith(TWILIO_API):
            url = self.base + url[len(TWILIO_API):]
        return super().request(method, url, *args, **kwargs)


class TwilioOutput(twilio.TwilioOutput):
    def __init__(self, account_sid: str | None, auth_token: str | None,
                 twilio_number: str | None) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        base = api_base("twilio")
        if base:
            self.http_client = RebasedHttpClient(base)

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        """SMS and WhatsApp have no buttons. Rasa's fallback sends one message per choice with
        its raw payload ("1: Plumber (/choose_job{...})"); one message with a numbered list of
        titles reads better and costs one SMS."""
        choices = "\n".join(f"{number}: {button['title']}"
                            for number, button in enumerate(buttons, start=1))
        await self.send_text_message(recipient_id, f"{text}\n{choices}")


class TwilioInput(twilio.TwilioInput):
    def get_output_channel(self) -> TwilioOutput:
        return TwilioOutput(self.account_sid, self.auth_token, self.twilio_number)
