"""Rasa's LogisticRegressionClassifier, trained the same way (with its regularisation `C` as a
setting, which Rasa fixes at sklearn's 1.0), answering in a tenth of the time.

Under load the intent classifier was a fifth of the Rasa server's time per message, nearly all of
it overhead around a 25 x 21,000 multiplication: Rasa deep-copies and stacks every featurizer's
sparse matrices (scipy's fixed cost per operation is larger than the sum itself), and sklearn
copies the transposed coefficient matrix on every call because it is not contiguous. Here a
message's sentence features are read as (column, value) pairs and the scores are the sum of the
matching rows of a coefficient matrix laid out once at load time, then sklearn's own softmax.
The training matrix, the fitted model and the probabilities are the same as Rasa's
(tests/test_rasa_project.py checks the probabilities against sklearn's).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix
from sklearn.utils.extmath import softmax


def sentence_features(message: Message) -> tuple[np.ndarray, np.ndarray, int]:
    """The message's sentence features side by side, in the order Rasa stacks them (sparse
    featurizers in pipeline order, then dense): column indices, values and the total width."""
    columns: list[np.ndarray] = []
    values: list[np.ndarray] = []
    width = 0
    features = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
    for feature in sorted(features, key=lambda f: not f.is_sparse()):  # stable: sparse first
        matrix = feature.features
        if feature.is_sparse():
            matrix = matrix.tocoo()
            columns.append(matrix.col + width)
            values.append(matrix.data)
        else:
            row = np.asarray(matrix).reshape(-1)
            columns.append(np.arange(width, width + row.size))
            values.append(row)
        width += matrix.shape[-1]
    if not columns:
        return np.zeros(0, dtype=np.int64), np.zeros(0), width
    return np.concatenate(columns), np.concatenate(values).astype(np.float64), width


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class QuickLogisticRegressionClassifier(LogisticRegressionClassifier):
    _weights: np.ndarray | None = None

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config: dict[str, Any], *args: Any) -> None:
        super().__init__(config, *args)
        self.clf.set_params(C=self.config["C"])

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        rows = [sentence_features(message) for message in messages]
        width = max((r[2] for r in rows), default=0)
        return csr_matrix(
            (
                np.concatenate([r[1] for r in rows]) if rows else np.zeros(0),
                np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, dtype=np.int64),
                np.cumsum([0] + [len(r[0]) for r in rows]),
            ),
            shape=(len(rows), width),
        )

    def _scores(self, message: Message) -> np.ndarray:
        if self._weights is None:
            # one row per feature, contiguous, so a message's rows are read straight out
            self._weights = np.ascontiguousarray(self.clf.coef_.T)
        columns, values, _ = sentence_features(message)
        return values @ self._weights[columns] + self.clf.intercept_

    def process(self, messages: list[Message]) -> list[Message]:
        if len(self.clf.classes_) <= 2:  # sklearn's one-v-rest case: keep its own path
            return super().process(messages)
        names = self.clf.classes_
        for message in messages:
            probabilities = softmax(self._scores(message)[np.newaxis, :], copy=False)[0]
            ranking = sorted(
                ({"name": name, "confidence": confidence} for name, confidence in zip(names, probabilities)),
                key=lambda entry: -entry["confidence"],
            )
            message.set("intent", ranking[0], add_to_output=True)
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
