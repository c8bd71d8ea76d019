"""Runs Rasa's command line (`python -m bot.runtime.rasa_server run ...`) with two speed fixes.

- Start-up. Rasa 3.6 loads each TensorFlow model (DIET, TED) by building it, training it for one
  step so that its weights and its optimizer's exist, then reading the saved weights over them.
  Tracing the training graph is most of the 45-100 s a start takes on two cores. For prediction
  the weights can be created by one prediction instead; after the saved weights are read, the
  label embeddings Rasa caches for prediction, and the prediction graph that captured them, are
  rebuilt from those weights. Predictions are the same to the last digit
  (tests/test_rasa_server.py); loading for fine-tuning keeps Rasa's way.
- Custom actions. Rasa checks every action server response with `jsonschema.validate`, which
  first checks the large, constant schema against the JSON Schema meta-schema: ~150 ms per
  custom action, two thirds of the time to answer a question. Even with a validator built once,
  trying each event against every event type's schema was a tenth of the server's time per
  message. Here each event is checked against its own type's schema only (the same rules);
  a response that fails goes through Rasa's own check, which raises its usual error.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jsonschema import validators
from rasa.core.actions.action import RemoteAction
from rasa.utils.tensorflow.models import RasaModel

_rasa_load = RasaModel.load.__func__
_rasa_validate = RemoteAction._validate_action_result


def _load_for_prediction(cls: type[RasaModel], model_file_name: str, model_data_example: Any,
                         predict_data_example: Any = None, finetune_mode: bool = False,
                         *args: Any, **kwargs: Any) -> RasaModel:
    if finetune_mode or predict_data_example is None:
        return _rasa_load(cls, model_file_name, model_data_example, predict_data_example,
                          finetune_mode, *args, **kwargs)
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY

    config = kwargs.get("config", {})
    model = cls(*args, **kwargs)
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
                  run_eagerly=config.get(RUN_EAGERLY))
    model.run_inference(predict_data_example)  # creates the weights prediction uses
    model.load_weights(model_file_name).expect_partial()  # the optimizer's are not needed
    model.prepared_for_prediction = False  # label embeddings: from the loaded weights ...
    model._tf_predict_step = None  # ... and a graph that captures those, not the first ones
    model.run_inference(predict_data_example)
    return model


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
    RasaModel.load = classmethod(_load_for_prediction)
    RemoteAction._validate_action_result = _validate_action_result


def main() -> None:
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
