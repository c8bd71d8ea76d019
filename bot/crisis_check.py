"""NLU component after the intent classifier, before the FallbackClassifier: decides whether a
message gets the crisis-support reply (the `distress` intent, answered by a rule before anything
else) with lmi_backend.wellbeing's phrase rules.

The rules decide, both ways. A message they read as distress becomes `distress` with full
confidence whatever the classifier said, so no fallback question comes first. A `distress` the
classifier gave to anything else ("football is my life", "the gym is killing me") gives way to
its next intent, which the FallbackClassifier then judges like any other: on the held-out
messages the classifier alone would have sent 41 of 300 ordinary ones to the crisis reply
(benchmarks/crisis_eval.py --nlu). When it changes the intent it notes the classifier's under
CHECK_KEY. The reply itself is bot/domain.yml's utter_support, given by the rule for `distress`.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from lmi_backend.wellbeing import read

from .stateless_component import StatelessComponent

DISTRESS = "distress"
CHECK_KEY = "crisis_check"  # parse-data key: {"classifier": the intent the classifier gave}


def checked_intent(text: str, intent: dict[str, Any], ranking: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The intent the message should have instead of `intent`, or None to keep it."""
    if read(text).distress:
        return {INTENT_NAME_KEY: DISTRESS, "confidence": 1.0}
    if intent.get(INTENT_NAME_KEY) != DISTRESS:
        return None
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 0.0}
    return next((r for r in ranking if r.get(INTENT_NAME_KEY) != DISTRESS), fallback)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisCheck(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            ranking = message.get(INTENT_RANKING_KEY) or []
            chosen = checked_intent(message.get(TEXT) or "", intent, ranking)
            if chosen is None:
                continue
            # the support reply is certain: no other intent stays in the ranking for the fallback's
            # "too close to call" test; a demoted `distress` leaves the rest as the classifier ranked them
            others = [r for r in ranking if r.get(INTENT_NAME_KEY) not in (chosen[INTENT_NAME_KEY], DISTRESS)]
            message.set(INTENT, chosen, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [chosen] if chosen[INTENT_NAME_KEY] == DISTRESS else [chosen, *others],
                add_to_output=True,
            )
            if chosen[INTENT_NAME_KEY] != intent.get(INTENT_NAME_KEY):
                message.set(CHECK_KEY, {"classifier": intent.get(INTENT_NAME_KEY)}, add_to_output=True)
        return messages
