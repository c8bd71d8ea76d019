"""Runs Rasa's command line (`python -m bot.runtime.rasa_server run ...`) with a speed fix.

Rasa checks every action server response with `jsonschema.validate`, which first checks the
large, constant schema against the JSON Schema meta-schema: ~150 ms per custom action, two
thirds of the time to answer a question. Even with a validator built once, trying each event
against every event type's schema was a tenth of the server's time per message. Here each event
is checked against its own type's schema only (the same rules); a response that fails goes
through Rasa's own check, which raises its usual error (tests/test_rasa_server.py).
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jsonschema import validators
from rasa.core.actions.action import RemoteAction

_rasa_validate = RemoteAction._validate_action_result


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@lru_cache(maxsize=1)
def _event_validators() -> dict[str, Any]:
    """One validator per event type. The schema lists the event types as `oneOf` branches told
    apart by the event's name, so an event is valid exactly when its own branch accepts it."""
    schema = RemoteAction.action_response_format_spec()
    items = schema["properties"]["events"]["items"]
    common = {key: value for key, value in items.items() if key != "oneOf"}
    validator_class = validators.validator_for(schema)
    return {branch["properties"]["event"]["const"]: validator_class({"allOf": [common, branch]})
            for branch in items["oneOf"]}


def _valid_by_event_type(result: Any) -> bool:
    if not isinstance(result, dict) or not isinstance(result.get("events", []), list):
        return False
    rest = {key: value for key, value in result.items() if key != "events"}
    if not _response_validator().is_valid(rest):
        return False
    by_type = _event_validators()
    return all(isinstance(event, dict) and event.get("event") in by_type
               and by_type[event["event"]].is_valid(event) for event in result.get("events", []))


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if _valid_by_event_type(result):
        return True
    return _rasa_validate(self, result)  # Rasa's own path raises its usual error


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result


def main() -> None:
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
