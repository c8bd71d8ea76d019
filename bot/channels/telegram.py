"""Rasa's Telegram connector, with the Bot API address taken from TELEGRAM_API_BASE_URL when set
(a local Bot API server, or the channel tests' stub); unset, it talks to api.telegram.org."""

from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.bot.api import TELEGRAM_PRODUCTION, TelegramAPIServer
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram
from rasa.shared.exceptions import RasaException

from . import api_base
from .unavailable import AnswersWhenUnavailable


class TelegramOutput(telegram.TelegramOutput):
    def __init__(self, access_token: str | None) -> None:
        base = api_base("telegram")
        Bot.__init__(
            self, access_token, server=TelegramAPIServer.from_base(base) if base else TELEGRAM_PRODUCTION
        )


class TelegramInput(AnswersWhenUnavailable, telegram.TelegramInput):
    def get_output_channel(self) -> TelegramOutput:
        """Rasa's version with our output class and one fix. The webhook is registered with
        Telegram while the server is being set up, in a short event loop of its own; Rasa leaves
        the HTTP session opened there in place, so every later call fails with "Event loop is
        closed". Closing it lets the server's loop open its own."""
        channel = TelegramOutput(self.access_token)

        async def register() -> None:
            try:
                await channel.set_webhook(url=self.webhook_url)
            finally:
                await channel.session.close()

        try:
            asyncio.run(register())
        except TelegramAPIError as error:
            raise RasaException("Failed to set channel webhook: " + str(error)) from error
        return channel
