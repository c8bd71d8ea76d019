"""The launcher's Rasa speed fixes (bot/runtime/rasa_server.py) change nothing but the speed: a
model loaded the fast way holds the same weights and predicts exactly what Rasa's own loading
predicts, and action responses are checked against the same schema."""
from __future__ import annotations

import asyncio

import numpy as np
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.utils.tensorflow.models import RasaModel

from bot.runtime import prepare, rasa_server

MESSAGES = ("hi", "how much do plumbers earn in Wales?", "what about in Scotland?",
            "how many hours do electricians work", "compare nurses with paramedics",
            "how much does an engineer earn?", "sparky wages cardiff", "thanks", "bye")


def _tensorflow_models(agent: Agent) -> dict[str, RasaModel]:
    nodes = agent.processor.graph_runner._instantiated_nodes
    components = {name: getattr(node, "_component", None) for name, node in nodes.items()}
    return {name: c.model for name, c in components.items()
            if isinstance(getattr(c, "model", None), RasaModel)}


def _load(model_path):
    agent = Agent.load(str(model_path))
    parses = [asyncio.run(agent.parse_message(m)) for m in MESSAGES]
    # the learned parameters (Rasa's way also leaves training-metric counters behind)
    weights = {name: [(w.name, w.numpy()) for w in model.trainable_weights]
               for name, model in _tensorflow_models(agent).items()}
    labels = {name: model.all_labels_embed.numpy() for name, model in
              _tensorflow_models(agent).items() if getattr(model, "all_labels_embed", None) is not None}
    return parses, weights, labels


def test_fast_loading_gives_the_same_model_and_predictions(monkeypatch):
    model_path = prepare.ensure_model()
    rasa_parses, rasa_weights, rasa_labels = _load(model_path)
    monkeypatch.setattr(RasaModel, "load", classmethod(rasa_server._load_for_prediction))
    fast_parses, fast_weights, fast_labels = _load(model_path)

    assert len(rasa_weights) >= 2, "expected DIET and TED"
    assert fast_weights.keys() == rasa_weights.keys()
    for name, weights in rasa_weights.items():
        fast = dict(fast_weights[name])
        for weight_name, value in weights:
            assert np.array_equal(fast[weight_name], value), f"{name}: {weight_name}"
    assert fast_labels.keys() == rasa_labels.keys()
    for name, embeddings in rasa_labels.items():
        assert np.array_equal(fast_labels[name], embeddings), name
    assert fast_parses == rasa_parses


def test_action_responses_are_checked_against_rasas_schema():
    action = RemoteAction("action_answer", None)
    assert rasa_server._validate_action_result(
        action, {"events": [{"event": "slot", "name": "soc", "value": 5314.0}],
                 "responses": [{"text": "hi"}]})
    with pytest.raises(ValidationError):
        rasa_server._validate_action_result(action, {"events": [{"event": "no-such-event"}]})
    with pytest.raises(ValidationError):
        RemoteAction._validate_action_result(action, {"events": [{"event": "no-such-event"}]})
