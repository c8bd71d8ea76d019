"""Messaging platforms the assistant can be reached on, configured from environment variables.

Each platform is Rasa's own connector (bot/channels/<platform>.py subclasses it only to let an
environment variable move the platform's outbound API address, which the channel tests point at
a local stub). A platform is switched on by setting its variables; credentials files then carry
`${VARIABLE}` placeholders that Rasa fills in when it reads them, so secrets never sit on disk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Platform:
    name: str
    channel: str  # class path Rasa loads, the key in credentials.yml
    required: Mapping[str, str]  # credentials.yml key -> environment variable
    optional: Mapping[str, str] = field(default_factory=dict)
    api_base_variable: str = ""  # moves outbound API calls (tests, self-hosted API servers)

    def missing(self, environ: Mapping[str, str]) -> list[str]:
        return [var for var in self.required.values() if not environ.get(var)]

    def credentials(self, environ: Mapping[str, str]) -> dict[str, str]:
        """The credentials.yml section, with placeholders for the variables that are set."""
        keys = {**self.required, **{k: v for k, v in self.optional.items() if environ.get(v)}}
        return {key: f"${{{var}}}" for key, var in keys.items()}


PLATFORMS = (
    Platform(
        "telegram",
        "bot.channels.telegram.TelegramInput",
        {
            "access_token": "TELEGRAM_ACCESS_TOKEN",
            "verify": "TELEGRAM_BOT_USERNAME",
            "webhook_url": "TELEGRAM_WEBHOOK_URL",
        },
        api_base_variable="TELEGRAM_API_BASE_URL",
    ),
    Platform(
        "slack",
        "bot.channels.slack.SlackInput",
        {"slack_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"},
        {"slack_channel": "SLACK_CHANNEL"},
        api_base_variable="SLACK_API_BASE_URL",
    ),
    Platform(
        "facebook",
        "bot.channels.facebook.FacebookInput",
        {
            "verify": "FACEBOOK_VERIFY_TOKEN",
            "secret": "FACEBOOK_APP_SECRET",
            "page-access-token": "FACEBOOK_PAGE_ACCESS_TOKEN",
        },
        api_base_variable="FACEBOOK_GRAPH_BASE_URL",
    ),
    Platform(
        "twilio",
        "bot.channels.twilio.TwilioInput",
        {
            "account_sid": "TWILIO_ACCOUNT_SID",
            "auth_token": "TWILIO_AUTH_TOKEN",
            "twilio_number": "TWILIO_NUMBER",
            "webhook_url": "TWILIO_WEBHOOK_URL",
        },
        api_base_variable="TWILIO_API_BASE_URL",
    ),
)


def enabled(environ: Mapping[str, str] = os.environ) -> list[Platform]:
    """Platforms whose required variables are all set."""
    return [p for p in PLATFORMS if not p.missing(environ)]


def half_configured(environ: Mapping[str, str] = os.environ) -> dict[str, list[str]]:
    """Platforms with some but not all variables set -> the missing ones (worth a warning: the
    user meant to switch the platform on)."""
    return {
        p.name: p.missing(environ)
        for p in PLATFORMS
        if p.missing(environ) and len(p.missing(environ)) < len(p.required)
    }


def api_base(platform_name: str) -> str | None:
    """The outbound API address override for a platform, or None for the platform's own."""
    platform = next(p for p in PLATFORMS if p.name == platform_name)
    return os.environ.get(platform.api_base_variable) or None
