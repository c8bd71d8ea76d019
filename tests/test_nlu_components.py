"""The NLU components that replace Rasa's for speed give Rasa's answers: the same features for
the classifier and the same intent probabilities. Small synthetic training data, made up here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intent_classifier import QuickLogisticRegressionClassifier
from bot.sentence_featurizer import SentenceCountVectorsFeaturizer

EXAMPLES = [  # synthetic: three intents, a few ways of saying each
    ("how much do plumbers earn", "ask_pay"),
    ("whats the pay for nurses", "ask_pay"),
    ("salary of a chef", "ask_pay"),
    ("how many hours do vets work", "ask_hours"),
    ("hours for a builder", "ask_hours"),
    ("do nurses work nights", "ask_hours"),
    ("hiya", "greet"),
    ("hello there", "greet"),
    ("hey", "greet"),
]
NEW = ["how much do chefs get paid", "how many hours do chefs work", "hello", "zzz unknown words"]


def _component(cls, storage: LocalModelStorage, name: str, **config):
    return cls.create(
        {**cls.get_default_config(), **config},
        storage,
        Resource(name),
        ExecutionContext(GraphSchema({}), name),
    )


def _featurized(storage: LocalModelStorage, featurizers: list, texts: list[str]) -> list[Message]:
    tokenizer = _component(WhitespaceTokenizer, storage, "tokens")
    data = TrainingData([Message.build(text=t, intent=i) for t, i in EXAMPLES])
    tokenizer.process_training_data(data)
    messages = [Message.build(text=t) for t in texts]
    tokenizer.process(messages)
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)
        featurizer.process(messages)
    return data, messages


@pytest.fixture
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


@pytest.mark.parametrize(
    "config",
    [
        {},
        {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5},
        {"min_ngram": 1, "max_ngram": 2},
    ],
)
def test_count_featurizer_makes_rasas_whole_message_counts_and_no_per_word_counts(storage, config):
    rasa_words = _component(CountVectorsFeaturizer, storage, "rasa-words", **config)
    ours = _component(SentenceCountVectorsFeaturizer, storage, "our-words", **config)
    _, theirs_messages = _featurized(storage, [rasa_words], NEW + ["hours hours HOURS"])
    _, our_messages = _featurized(storage, [ours], NEW + ["hours hours HOURS"])
    for theirs, mine in zip(theirs_messages, our_messages):
        expected = theirs.get_sparse_features(TEXT)[1].features
        got = mine.get_sparse_features(TEXT)[1].features
        assert got.format == expected.format == "coo" and got.dtype == expected.dtype
        assert got.shape == expected.shape and (got != expected).nnz == 0
        assert list(got.col) == sorted(got.col)  # in order, as scikit-learn leaves them
        assert mine.get_sparse_features(TEXT)[0] is None  # no per-word features to carry


def test_quick_classifier_gives_rasas_intents_and_probabilities(storage):
    featurizers = [
        _component(CountVectorsFeaturizer, storage, "words"),
        _component(CountVectorsFeaturizer, storage, "chars", analyzer="char_wb", min_ngram=2, max_ngram=4),
    ]
    data, messages = _featurized(storage, featurizers, NEW)
    rasa_classifier = _component(LogisticRegressionClassifier, storage, "rasa-lr", random_state=1)
    quick = _component(QuickLogisticRegressionClassifier, storage, "quick-lr", random_state=1)
    rasa_classifier.train(data)
    quick.train(data)
    # the training matrix is Rasa's, stacked the same way (two featurizers side by side)
    examples = data.intent_examples
    assert (quick._create_X(examples) != rasa_classifier._create_X(examples)).nnz == 0

    expected = rasa_classifier.clf.predict_proba(rasa_classifier._create_X(messages))
    quick.process(messages)
    for message, probabilities in zip(messages, expected):
        ranking = message.get("intent_ranking")
        names = list(rasa_classifier.clf.classes_)
        assert message.get("intent")["name"] == names[int(np.argmax(probabilities))]
        for entry in ranking:
            assert entry["confidence"] == pytest.approx(probabilities[names.index(entry["name"])], abs=1e-12)
    assert [m.get("intent")["name"] for m in messages[:3]] == ["ask_pay", "ask_hours", "greet"]
