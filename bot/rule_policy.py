"""Rasa's RulePolicy, matching its rules against the last few turns instead of the whole chat.

To choose the next action Rasa turns the whole conversation into a list of states, twice, and
copies that list for a debug message, then compares the end of it with each rule. That made
the policy the largest single cost of a message, and one that grew with every turn. A rule
only ever looks back one user turn (bot/data/rules; Rasa's own rules for restarts and for the
fallback loop are as short), so the policy is shown the conversation from the third-last user
message on, together with the loop that was active there. Earlier states lie beyond every
rule's reach, where RulePolicy treats any state as a match. No slot influences the dialogue
(bot/domain.yml), so none is carried over. Trackers made in training are used whole.
"""
from __future__ import annotations

import weakref
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

TURNS_SHOWN = 3


def recent_turns(tracker: DialogueStateTracker, domain: Domain,
                 turns: int = TURNS_SHOWN) -> DialogueStateTracker:
    """The conversation from the action before the `turns`-th last user message on."""
    events = list(tracker.applied_events())
    users = [i for i, event in enumerate(events) if isinstance(event, UserUttered)]
    if len(users) <= turns:
        return tracker
    cut = users[-turns]
    while cut > 0 and not isinstance(events[cut], ActionExecuted):
        cut -= 1
    loop = next((e for e in reversed(events[:cut]) if isinstance(e, ActiveLoop)), None)
    carried = [loop] if loop is not None and loop.name else []
    return DialogueStateTracker.from_events(tracker.sender_id, carried + events[cut:], domain.slots)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class RecentTurnsRulePolicy(RulePolicy):
    # the last conversation shortened, and the short one: RulePolicy asks twice per prediction
    _shortened: Tuple[Optional["weakref.ReferenceType"], int, Optional[DialogueStateTracker]] = (None, 0, None)

    def _prediction_states(self, tracker: DialogueStateTracker, domain: Domain,
                           use_text_for_last_user_input: bool = False,
                           rule_only_data: Optional[Dict[Text, Any]] = None) -> List[State]:
        if type(tracker) is DialogueStateTracker:  # a live conversation, not training data
            tracker = self._recent_turns(tracker, domain)
        return super()._prediction_states(tracker, domain, use_text_for_last_user_input,
                                          rule_only_data)

    def _recent_turns(self, tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
        seen, length, short = self._shortened
        if seen is None or seen() is not tracker or length != len(tracker.events):
            short = recent_turns(tracker, domain)
            self._shortened = (weakref.ref(tracker), len(tracker.events), short)
        return short
