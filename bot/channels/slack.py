"""Rasa's Slack connector, with the Web API address taken from SLACK_API_BASE_URL when set (the
channel tests' stub); unset, it talks to slack.com."""

from __future__ import annotations

from rasa.core.channels import slack
from slack_sdk.web.async_client import AsyncWebClient

from . import api_base
from .unavailable import AnswersWhenUnavailable


class SlackBot(slack.SlackBot):
    def __init__(
        self,
        token: str,
        slack_channel: str | None = None,
        thread_id: str | None = None,
        proxy: str | None = None,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        base = api_base("slack")
        if base:
            self.client = AsyncWebClient(token, proxy=proxy, base_url=base)


class SlackInput(AnswersWhenUnavailable, slack.SlackInput):
    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> SlackBot:
        return SlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy)
