"""The launcher's Rasa speed fix (bot/runtime/rasa_server.py) changes nothing but the speed:
action responses are accepted and refused exactly as Rasa's own check does."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.runtime import rasa_server


def test_action_responses_are_checked_against_rasas_schema():
    action = RemoteAction("action_answer", None)
    assert rasa_server._validate_action_result(
        action, {"events": [{"event": "slot", "name": "soc", "value": 5314.0}],
                 "responses": [{"text": "hi"}]})
    with pytest.raises(ValidationError):
        rasa_server._validate_action_result(action, {"events": [{"event": "no-such-event"}]})
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(action, {"events": [{"event": "no-such-event"}]})


@pytest.mark.parametrize("response", [
    {"events": [{"event": "slot", "name": "soc", "value": 5314.0}, {"event": "action", "name": "x"}]},
    {"events": [{"event": "slot", "value": 1}]},                       # a slot event with no name
    {"events": [{"event": "user", "text": 5}]},                        # text must be a string
    {"events": [{"event": "followup"}]},                                # no action name
    {"events": [], "responses": [{"text": "hi", "buttons": [{"title": "a", "payload": "/b"}]}]},
    {"events": ["slot"]},
    {"responses": "hi"},
])
def test_the_per_event_check_agrees_with_rasas(response):
    action = RemoteAction("action_answer", None)

    def accepted(check) -> bool:
        try:
            return bool(check(action, response))
        except ValidationError:
            return False

    assert accepted(rasa_server._validate_action_result) == accepted(RemoteAction._validate_action_result)
