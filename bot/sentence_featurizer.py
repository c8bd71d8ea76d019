"""Rasa's CountVectorsFeaturizer without the per-word counts of the message text.

Rasa counts words (or character n-grams) twice per message: once per token, for models that
read a message word by word, and once for the whole message. Here nothing reads the per-token
counts of the text (the intent classifier takes whole-message features and the CRF builds its
own per-word features), and making them was half of the featurizers' time, so only the
whole-message counts are made. Other attributes (intent and action names, responses) are
featurized as in Rasa.

The counts are looked up in the fitted vocabulary directly instead of through scikit-learn's
`transform`, whose checks and matrix conversions for a one-message batch cost more than the
counting (the two featurizers went from ~7% to ~5% of the server's time): the same numbers in
the same sparse format (tests/test_nlu_components.py).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.constants import TEXT
from sklearn.feature_extraction.text import CountVectorizer


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    _analyzers: dict[int, tuple[CountVectorizer, Callable[[str], list[str]]]]

    def _create_features(
        self, attribute: str, all_tokens: list[list[str]]
    ) -> tuple[list[scipy.sparse.spmatrix | None], list[scipy.sparse.spmatrix | None]]:
        vectorizer = self.vectorizers.get(attribute)
        if attribute != TEXT or not vectorizer:
            return super()._create_features(attribute, all_tokens)
        sentences: list[scipy.sparse.spmatrix | None] = []
        for tokens in all_tokens:
            if not tokens:
                sentences.append(None)
                continue
            sentences.append(self._sentence_counts(vectorizer, " ".join(tokens)))
        return [None] * len(all_tokens), sentences

    def _sentence_counts(self, vectorizer: CountVectorizer, text: str) -> scipy.sparse.coo_matrix:
        """What `vectorizer.transform([text]).tocoo()` gives, with its columns in order."""
        analyzers = self.__dict__.setdefault("_analyzers", {})
        known = analyzers.get(id(vectorizer))
        if known is None or known[0] is not vectorizer:  # kept with it: ids can be reused
            known = analyzers[id(vectorizer)] = (vectorizer, vectorizer.build_analyzer())
        vocabulary = vectorizer.vocabulary_
        counts: dict[int, int] = {}
        for feature in known[1](text):
            column = vocabulary.get(feature)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = sorted(counts)
        values = np.array([1 if vectorizer.binary else counts[c] for c in columns], dtype=vectorizer.dtype)
        return scipy.sparse.coo_matrix(
            (values, (np.zeros(len(columns), dtype=np.int32), np.array(columns, dtype=np.int32))),
            shape=(1, len(vocabulary)),
        )
