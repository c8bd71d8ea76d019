"""The launcher's Rasa speed fixes (bot/runtime/rasa_server.py) change nothing but the speed:
action responses are accepted and refused exactly as Rasa's own check does, and a graph runs to
the same results as under dask."""

from __future__ import annotations

import ast
import copy
import inspect
import logging
import os
import signal

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage

from bot.runtime import debug_copies, rasa_server
from bot.runtime.graph_runner import SequentialGraphRunner


def test_action_responses_are_checked_against_rasas_schema():
    action = RemoteAction("action_answer", None)
    assert rasa_server._validate_action_result(
        action, {"events": [{"event": "slot", "name": "soc", "value": 5314.0}], "responses": [{"text": "hi"}]}
    )
    with pytest.raises(ValidationError):
        rasa_server._validate_action_result(action, {"events": [{"event": "no-such-event"}]})
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(action, {"events": [{"event": "no-such-event"}]})


def test_the_sample_response_checked_at_start_is_one_rasa_accepts():
    """Checked once before the workers start so that their first real check finds the
    validators built: a sample Rasa refused would take the refusal path instead."""
    action = RemoteAction("action_answer", None)
    assert RemoteAction._validate_action_result(action, rasa_server.SAMPLE_ACTION_RESULT)
    assert rasa_server._valid_by_event_type(rasa_server.SAMPLE_ACTION_RESULT)


@pytest.mark.parametrize(
    "response",
    [
        {"events": [{"event": "slot", "name": "soc", "value": 5314.0}, {"event": "action", "name": "x"}]},
        {"events": [{"event": "slot", "value": 1}]},  # a slot event with no name
        {"events": [{"event": "user", "text": 5}]},  # text must be a string
        {"events": [{"event": "followup"}]},  # no action name
        {"events": [], "responses": [{"text": "hi", "buttons": [{"title": "a", "payload": "/b"}]}]},
        {"events": ["slot"]},
        {"responses": "hi"},
    ],
)
def test_the_per_event_check_agrees_with_rasas(response):
    action = RemoteAction("action_answer", None)

    def accepted(check) -> bool:
        try:
            return bool(check(action, response))
        except ValidationError:
            return False

    assert accepted(rasa_server._validate_action_result) == accepted(RemoteAction._validate_action_result)


class _Add(GraphComponent):
    """A synthetic graph step: adds its inputs and its configured amount, and counts its runs."""

    runs: list = []

    def __init__(self, amount: int) -> None:
        self.amount = amount

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> _Add:
        return cls(config["amount"])

    def add(self, x: int, y: int = 0) -> int:
        _Add.runs.append(self.amount)
        return x + y + self.amount


def _graph() -> GraphSchema:
    def step(amount: int, **needs: str) -> SchemaNode:
        return SchemaNode(
            needs=needs,
            uses=_Add,
            constructor_name="create",
            fn="add",
            config={"amount": amount},
            is_target=amount == 100,
        )

    return GraphSchema(
        {
            "a": step(1, x="number"),
            "b": step(10, x="a", y="number"),
            "c": step(100, x="b", y="a"),
            "unused": step(1000, x="number"),
            "needs_missing": step(7, x="nobody"),
        }
    )


@pytest.mark.parametrize("runner", [DaskGraphRunner, SequentialGraphRunner])
def test_the_graph_runner_gives_dasks_results(runner, tmp_path):
    graph = _graph()
    run = runner(graph, LocalModelStorage(tmp_path), ExecutionContext(graph, "test")).run
    _Add.runs.clear()
    assert run(inputs={"number": 5}, targets=["c"]) == {"c": 127}  # a = 5+1, b = a+5+10, c = b+a+100
    assert sorted(_Add.runs) == [1, 10, 100]  # each needed step once, nothing else
    assert run(inputs={"number": 1}, targets=["a", "b"]) == {"a": 2, "b": 13}
    with pytest.raises(GraphRunError):
        run(inputs={"number": 1}, targets=["needs_missing"])


def test_the_action_server_gets_the_conversation_from_the_latest_user_message():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml("slots:\n  soc:\n    type: float\n    mappings:\n    - type: custom\n")
    events = [
        ActionExecuted("action_listen"),
        UserUttered("how much do plumbers earn", input_channel="rest"),
        ActionExecuted("action_answer"),
        BotUttered("£30,430"),
        SlotSet("soc", 5314.0),
        ActionExecuted("action_listen"),
        UserUttered("and hours?", input_channel="socketio"),
    ]
    tracker = DialogueStateTracker.from_events("chat", events, domain.slots)
    action = RemoteAction("action_answer", None)
    request = rasa_server._action_call_format(action, tracker, domain)
    sent = request["tracker"]
    assert [e["event"] for e in sent["events"]] == ["user"]
    assert sent["events"][0]["input_channel"] == "socketio"  # the channel the actions read
    assert sent["slots"]["soc"] == 5314.0 and sent["latest_message"]["text"] == "and hours?"
    rasas = rasa_server._rasa_action_call_format(action, tracker, domain)  # all events
    assert sent["events"] == rasas["tracker"]["events"][-1:]
    assert {**sent, "events": None} == {**rasas["tracker"], "events": None}  # the rest as Rasa's
    assert {**request, "tracker": None} == {**rasas, "tracker": None}


def test_event_types_are_found_as_rasa_finds_them():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    for event_type in all_subclasses(Event):
        for _ in range(2):  # the second time from memory
            assert rasa_server._resolve_by_type(event_type.type_name) is rasa_server._rasa_resolve_by_type(
                event_type.type_name
            )
    assert rasa_server._resolve_by_type("no-such-event", default=Event) is Event
    with pytest.raises(ValueError):
        rasa_server._resolve_by_type("no-such-event")


def test_whether_a_domain_is_empty_is_answered_as_rasa_does():
    from rasa.shared.core.domain import Domain

    for domain in (Domain.empty(), Domain.from_yaml("intents:\n  - greet\n")):
        for _ in range(2):  # the second time from memory
            assert rasa_server._domain_is_empty(domain) is rasa_server._rasa_domain_is_empty(domain)
    assert rasa_server._domain_is_empty(Domain.empty()) and not rasa_server._domain_is_empty(
        Domain.from_yaml("intents:\n  - greet\n")
    )


def _copy_uses_outside_debug_logs(module) -> list[int]:
    """Lines where `module` uses `copy.` other than in an argument of `structlogger.debug(...)`."""
    tree = ast.parse(inspect.getsource(module))
    in_debug_calls = {
        id(node)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and ast.unparse(call.func) == "structlogger.debug"
        for node in ast.walk(call)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "copy"
        and id(node) not in in_debug_calls
    ]


@pytest.mark.parametrize("module", debug_copies.MODULES, ids=lambda m: m.__name__)
def test_the_modules_copy_only_for_debug_log_lines(module):
    """If a Rasa upgrade used `copy` for real work in these modules, skipping copies would be
    wrong: this fails first."""
    assert _copy_uses_outside_debug_logs(module) == []
    assert "copy.deepcopy" in inspect.getsource(module)  # else the patch has nothing to do


def test_debug_log_arguments_are_copied_only_when_debug_lines_are_logged(monkeypatch):
    import rasa.core.processor as processor

    for module in debug_copies.MODULES:
        monkeypatch.setattr(module, "copy", module.copy)  # restored after the test
    debug_copies.install()
    events = [{"event": "bot", "data": {"custom": {"chart": [1, 2]}}}]
    logger = logging.getLogger(processor.__name__)
    level = logger.level
    try:
        logger.setLevel(logging.INFO)
        assert processor.copy.deepcopy(events) is events
        logger.setLevel(logging.DEBUG)
        copied = processor.copy.deepcopy(events)
    finally:
        logger.setLevel(level)
    assert copied == events and copied is not events and copied[0]["data"] is not events[0]["data"]
    assert processor.copy.copy is copy.copy


@pytest.mark.parametrize("in_a_worker", [True, False])
def test_a_worker_loading_its_model_ignores_ctrl_c_and_ends_on_sigterm(monkeypatch, in_a_worker):
    """Sanic's workers load the model with the parent's signal handler still set: Ctrl-C then
    failed the load with an ERROR (seen once in a full test run). The parent itself (one
    worker, no fork) keeps Python's handling."""
    monkeypatch.setattr(rasa_server, "_server_pid", -1 if in_a_worker else os.getpid())
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        rasa_server._quiet_signals_while_loading()
        now = {s: signal.getsignal(s) for s in saved}
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
    if in_a_worker:
        assert now == {signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: signal.SIG_DFL}
    else:
        assert now == saved
