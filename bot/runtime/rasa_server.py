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
  custom action, two thirds of the time to answer a question. Here the same schema checks the
  response, with the same errors, through a validator built once.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import best_match
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


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if best_match(_response_validator().iter_errors(result)) is None:
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
