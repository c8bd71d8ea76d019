"""Rasa's RulePolicy, matching its rules against the last few turns instead of the whole chat.

To choose the next action Rasa turns the whole conversation into a list of states, twice, and
copies that list for a debug message, then compares the end of it with each rule. That made
the policy the largest single cost of a message, and one that grew with every turn. A rule
only ever looks back one user turn (bot/data/rules; Rasa's own rules for restarts and for the
fallback loop are as short), so the policy is shown the conversation from the third-last user
message on, together with the loop that was active there. Earlier states lie beyond every
rule's reach, where RulePolicy treats any state as a match. The slots that influence the
dialogue (bot/domain.yml: the jobs on offer) keep their value at the cut, so a rule conditioned
on one still sees it. Trackers made in training are used whole.

RulePolicy also looks for a rule twice after every user message: once with the message's text
in place of its intent (for rules written with example text), then with the intent. When no
rule can match a state without an intent, as here (every rule names an intent; no rule is
written with text), the first search always finds nothing and is skipped: the same prediction,
with the states made once instead of twice.
"""

from __future__ import annotations

import weakref
from typing import Any

from rasa.core.policies.rule_policy import RULES, RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted, ActiveLoop, AllSlotsReset, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT

TURNS_SHOWN = 3


def recent_turns(
    tracker: DialogueStateTracker, domain: Domain, turns: int = TURNS_SHOWN
) -> DialogueStateTracker:
    """The conversation from the action before the `turns`-th last user message on."""
    events = list(tracker.applied_events())
    users = [i for i, event in enumerate(events) if isinstance(event, UserUttered)]
    if len(users) <= turns:
        return tracker
    cut = users[-turns]
    while cut > 0 and not isinstance(events[cut], ActionExecuted):
        cut -= 1
    loop = next((e for e in reversed(events[:cut]) if isinstance(e, ActiveLoop)), None)
    carried: list[Event] = [loop] if loop is not None and loop.name else []
    carried += _steering_slots_at(events[:cut], domain)
    return DialogueStateTracker.from_events(tracker.sender_id, carried + events[cut:], domain.slots)


def _steering_slots_at(events: list[Event], domain: Domain) -> list[SlotSet]:
    """The last value set before the cut of each slot that influences the dialogue."""
    steering = {slot.name for slot in domain.slots if slot.influence_conversation}
    latest: dict[str, SlotSet] = {}
    for event in events:
        if isinstance(event, AllSlotsReset):
            latest.clear()
        elif isinstance(event, SlotSet) and event.key in steering:
            latest[event.key] = event
    return list(latest.values())


def _could_match_text(rule_states: list[State]) -> bool:
    if not rule_states:
        return True
    last = rule_states[-1]
    intent = last.get(USER, {}).get(INTENT)
    return bool(last.get(PREVIOUS_ACTION)) and (not intent or intent == SHOULD_NOT_BE_SET)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class RecentTurnsRulePolicy(RulePolicy):
    # the last conversation shortened, and the short one: RulePolicy may ask twice per
    # prediction (once by the message's text, once by its intent)
    _shortened: tuple[weakref.ReferenceType | None, int, DialogueStateTracker | None] = (None, 0, None)
    _checked_rules: dict[str, str] | None = None  # the lookup _text_can_match was found for
    _text_can_match = True

    def _prediction_states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        use_text_for_last_user_input: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:
        if type(tracker) is DialogueStateTracker:  # a live conversation, not training data
            tracker = self._recent_turns(tracker, domain)
        return super()._prediction_states(tracker, domain, use_text_for_last_user_input, rule_only_data)

    def _find_action_from_rules(
        self, tracker: DialogueStateTracker, domain: Domain, use_text_for_last_user_input: bool
    ) -> tuple[str | None, str | None, bool]:
        if use_text_for_last_user_input and not self._a_rule_can_match_text():
            return None, None, False
        return super()._find_action_from_rules(tracker, domain, use_text_for_last_user_input)

    def _a_rule_can_match_text(self) -> bool:
        """Whether a rule's last state could match a user turn shown as text: at prediction it
        has the previous action (action_listen) and no intent, so a rule whose last state has
        no previous action, or requires an intent, cannot match (RulePolicy._is_rule_applicable)."""
        rules = self.lookup.get(RULES, {})
        if self._checked_rules is not rules:
            self._checked_rules, self._text_can_match = (
                rules,
                any(_could_match_text(self._rule_key_to_state(key)) for key in rules),
            )
        return self._text_can_match

    def _recent_turns(self, tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
        seen, length, short = self._shortened
        size = len(tracker.events or ())
        if short is None or seen is None or seen() is not tracker or length != size:
            short = recent_turns(tracker, domain)
            self._shortened = (weakref.ref(tracker), size, short)
        return short
