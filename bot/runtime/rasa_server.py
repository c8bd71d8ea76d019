"""Runs Rasa's command line (`python -m bot.runtime.rasa_server run ...`) with speed fixes, or,
with CAREERS_STOCK_RASA=1 in the environment (the launcher's --stock-rasa), exactly as Rasa
ships: none of the replacements below is made, so the assistant still serves if a Rasa upgrade
breaks one of them, and the two can be measured side by side (benchmarks/rest_bench.py).

Rasa checks every action server response with `jsonschema.validate`, which first checks the
large, constant schema against the JSON Schema meta-schema: ~150 ms per custom action, two
thirds of the time to answer a question. Even with a validator built once, trying each event
against every event type's schema was a tenth of the server's time per message. Here each event
is checked against its own type's schema only (the same rules); a response that fails goes
through Rasa's own check, which raises its usual error (tests/test_rasa_server.py).

It also runs the model's graph with bot.runtime.graph_runner instead of dask (the same results,
without dask's bookkeeping: more than a tenth of the server's time per message).

The action server is sent the conversation from the latest user message on, not the whole
conversation: the actions read the slots, the latest message and the channel it came in on, and
turning a long conversation into JSON and back on every message cost both servers time. Only
those events are turned into JSON in the first place.

For every message Rasa asks whether the domain is empty, by turning the whole domain and an
empty one into dicts and comparing them (2% of the server's time); the domain does not change
while the server runs, so the answer is kept.

Turning an event's JSON back into an event looked its type up among all of Rasa's event classes,
found afresh each time by walking the class tree; the type names are remembered here.

And once the model is loaded, its half a million objects are moved out of the garbage
collector's sight (gc.freeze): they live as long as the server, and every full collection
walked them all, stopping the server for half a second every few hundred messages. Before that,
each worker parses a few sample messages, and the parent checks a sample action response before
it starts the workers: a worker's first messages took ~60-100 ms longer than later ones (the
place-name pattern compiled, the response validators built, spaCy's first-use objects made).

Run by the launcher, it serves on the listening socket the launcher holds for it
(bot.runtime.handed_socket), so the port stays open while a crashed server is replaced.

With more than one worker, connections are spread evenly over them (bot.runtime.connection_balance),
and calls to the action server reuse their connections (bot.runtime.kept_sessions). A
conversation is copied before each action without replaying its events (bot.runtime.tracker_copy),
and the copies Rasa makes of events and states for debug log lines are skipped when debug lines
are not logged (bot.runtime.debug_copies).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from functools import lru_cache
from typing import Any

import rasa.core.processor
import rasa.core.run
from jsonschema import validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from sanic import Sanic

from . import connection_balance, debug_copies, handed_socket, kept_sessions, stock, tracker_copy
from .graph_runner import SequentialGraphRunner

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
    return {
        branch["properties"]["event"]["const"]: validator_class({"allOf": [common, branch]})
        for branch in items["oneOf"]
    }


def _valid_by_event_type(result: Any) -> bool:
    if not isinstance(result, dict) or not isinstance(result.get("events", []), list):
        return False
    rest = {key: value for key, value in result.items() if key != "events"}
    if not _response_validator().is_valid(rest):
        return False
    by_type = _event_validators()
    return all(
        isinstance(event, dict) and event.get("event") in by_type and by_type[event["event"]].is_valid(event)
        for event in result.get("events", [])
    )


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if _valid_by_event_type(result):
        return True
    return _rasa_validate(self, result)  # Rasa's own path raises its usual error


_rasa_action_call_format = RemoteAction._action_call_format


class _LatestTurnOnly:
    """A conversation as Rasa builds the action server's request from it: its whole state, but
    only the events from the latest user message on are turned into JSON."""

    def __init__(self, tracker: DialogueStateTracker) -> None:
        self._tracker = tracker

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tracker, name)

    def current_state(self, event_verbosity: EventVerbosity = EventVerbosity.NONE) -> dict[str, Any]:
        state = self._tracker.current_state(EventVerbosity.NONE)
        events = list(self._tracker.events)
        latest_user = next(
            (i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), 0
        )
        state["events"] = [event.as_dict() for event in events[latest_user:]]
        return state


def _action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Any) -> dict[str, Any]:
    return _rasa_action_call_format(self, _LatestTurnOnly(tracker), domain)


_rasa_resolve_by_type = Event.resolve_by_type
_event_types: dict[str, Any] = {}


def _resolve_by_type(type_name: str, default: Any = None) -> Any:
    found = _event_types.get(type_name)
    if found is None:
        found = _rasa_resolve_by_type(type_name, default)  # Rasa's answer, or its error
        if found is not None and found is not default:
            _event_types[type_name] = found
    return found


_rasa_domain_is_empty = Domain.is_empty


def _domain_is_empty(self: Domain) -> bool:
    known = self.__dict__.get("_careers_is_empty")
    if known is None:
        known = self.__dict__["_careers_is_empty"] = _rasa_domain_is_empty(self)
    return known


_rasa_load_agent_on_start = rasa.core.run.load_agent_on_start


# parsed by each worker once its model is loaded: the first parse compiles the place-name
# pattern (a 9,900-character alternation) and makes spaCy's and the CRF's first-use objects
SAMPLE_MESSAGES = ("hi", "how much do plumbers earn in Cardiff?", "compare nurses with chefs")
# an answer as the action server sends it, checked once before the workers start: the first
# check builds the validators and resolves the schema's references
SAMPLE_ACTION_RESULT = {
    "events": [
        {"event": "slot", "timestamp": None, "name": "soc", "value": 5314},
        {"event": "followup", "timestamp": None, "name": "action_listen"},
    ],
    "responses": [
        {
            "text": "Plumbers earn about ...",
            "buttons": [{"title": "Wales", "payload": "/inform"}],
            "elements": [],
            "custom": {"chart": "pay"},
            "image": None,
            "attachment": None,
            "template": None,
            "response": None,
        }
    ],
}


_server_pid = 0  # the process Sanic forks its workers from (set in apply)


def _quiet_signals_while_loading() -> None:
    """A Sanic worker loads its model before it sets its own signal handling, with the parent's
    handler still in place: Ctrl-C then made the loading worker run the parent's shutdown (kill
    every worker it knows of, ProcessLookupError), which failed the load with an ERROR in the
    log. A worker ignores SIGINT, as Sanic sets it later, and is ended by the parent's SIGTERM."""
    if os.getpid() != _server_pid:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


async def _load_agent_then_freeze(*args: Any, **kwargs: Any) -> Any:
    _quiet_signals_while_loading()
    agent = await _rasa_load_agent_on_start(*args, **kwargs)
    if agent is not None and agent.is_ready():
        for text in SAMPLE_MESSAGES:  # no conversation: parsing alone stores nothing
            await agent.parse_message(text)
    gc.collect()
    gc.freeze()
    return agent


_rasa_configure_app = rasa.core.run.configure_app


def _configure_app(*args: Any, **kwargs: Any) -> Sanic:
    app = _rasa_configure_app(*args, **kwargs)
    connection_balance.balance(app)
    app.register_listener(kept_sessions.close_all, "after_server_stop")
    return app


def apply() -> None:
    global _server_pid
    _server_pid = os.getpid()
    _valid_by_event_type(SAMPLE_ACTION_RESULT)
    RemoteAction._validate_action_result = _validate_action_result
    RemoteAction._action_call_format = _action_call_format
    Event.resolve_by_type = staticmethod(_resolve_by_type)
    Domain.is_empty = _domain_is_empty
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner  # the name its model loader uses
    rasa.core.run.load_agent_on_start = _load_agent_then_freeze  # looked up when serving starts
    connection_balance.install()
    kept_sessions.install()
    tracker_copy.install()
    debug_copies.install()
    rasa.core.run.configure_app = _configure_app  # looked up when Rasa builds its server


def main() -> None:
    if not stock.wanted():
        apply()
        handed_socket.install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
