"""Rasa's REST channel (`/webhooks/rest/webhook`: the tests, the benchmarks, the adviser demo,
any program), answering TRY_AGAIN when a message cannot be taken (bot/channels/unavailable.py)."""

from __future__ import annotations

from rasa.core.channels import rest

from .unavailable import AnswersWhenUnavailable


class RestInput(AnswersWhenUnavailable, rest.RestInput):
    pass
