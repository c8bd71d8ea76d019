"""The rule policy sees only the last few turns of a conversation (bot/rule_policy.py), and that
leaves every state a rule can look at as it was. Synthetic conversations, made up here."""

from __future__ import annotations

from pathlib import Path

import yaml
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rule_policy import TURNS_SHOWN, RecentTurnsRulePolicy, recent_turns

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = Domain.load(str(ROOT / "bot" / "domain.yml"))


def _turn(intent: str, action: str = "action_answer") -> list:
    return [
        ActionExecuted("action_listen"),
        UserUttered(intent, {"name": intent}),
        ActionExecuted(action),
        BotUttered("..."),
        SlotSet("topic", intent),
    ]


def _conversation(*events) -> DialogueStateTracker:
    start = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("hi", {"name": "greet"}),
        ActionExecuted("utter_greet"),
    ]
    return DialogueStateTracker.from_events("chat", start + list(events), DOMAIN.slots)


def _states(tracker: DialogueStateTracker, tmp_path: Path) -> list:
    policy = RulePolicy.create(
        RulePolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("rules"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    return policy._prediction_states(tracker, DOMAIN)


def test_the_last_turns_give_the_same_states_as_the_whole_conversation(tmp_path):
    tracker = _conversation(
        *_turn("ask_pay"),
        *_turn("inform"),
        *_turn("ask_hours"),
        *_turn("compare_jobs"),
        *_turn("thanks", "utter_thanks"),
        ActionExecuted("action_listen"),
        UserUttered("x", {"name": "ask_outlook"}),
    )
    short = recent_turns(tracker, DOMAIN)
    assert len(short.events) < len(tracker.events)
    whole, recent = _states(tracker, tmp_path), _states(short, tmp_path)
    shown = 2 * TURNS_SHOWN - 1  # two states a turn, the last turn waiting for its action
    assert recent[-shown:] == whole[-shown:]


def test_a_loop_active_before_the_cut_is_carried_over(tmp_path):
    tracker = _conversation(
        ActionExecuted("action_listen"),
        UserUttered("?", {"name": "nlu_fallback"}),
        ActionExecuted("action_two_stage_fallback"),
        ActiveLoop("action_two_stage_fallback"),
        *_turn("ask_pay"),
        *_turn("inform"),
        *_turn("ask_hours"),
    )
    short = recent_turns(tracker, DOMAIN)
    assert short.active_loop_name == "action_two_stage_fallback" == tracker.active_loop_name
    assert _states(short, tmp_path)[-5:] == _states(tracker, tmp_path)[-5:]


def test_short_conversations_are_used_whole():
    tracker = _conversation(*_turn("ask_pay"))
    assert recent_turns(tracker, DOMAIN) is tracker


def test_jobs_offered_before_the_cut_still_steer_the_dialogue(tmp_path):
    """An unclear reply to "which of these?" goes to the answering action (rules/fallback.yml),
    however many turns ago the jobs were offered."""
    offered = SlotSet("candidates", ["2314", "2315"])
    tracker = _conversation(
        ActionExecuted("action_listen"),
        UserUttered("teacher", {"name": "ask_pay"}),
        ActionExecuted("action_answer"),
        offered,
        *_turn("ask_pay"),
        *_turn("inform"),
        *_turn("ask_hours"),
    )
    short = recent_turns(tracker, DOMAIN)
    assert not any(isinstance(e, UserUttered) and e.text == "teacher" for e in short.events)
    assert short.get_slot("candidates") == ["2314", "2315"] == tracker.get_slot("candidates")
    assert _states(short, tmp_path)[-5:] == _states(tracker, tmp_path)[-5:]


def test_only_the_jobs_on_offer_steer_the_dialogue():
    """Other slots are not carried past the cut, which is right only while they do not steer."""
    slots = yaml.safe_load((ROOT / "bot" / "domain.yml").read_text())["slots"]
    steering = [name for name, slot in slots.items() if slot.get("influence_conversation") is not False]
    assert steering == ["candidates"]


def test_the_assistant_uses_the_recent_turns_policy():
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    assert [p["name"] for p in config["policies"]] == ["bot.rule_policy.RecentTurnsRulePolicy"]
    assert issubclass(RecentTurnsRulePolicy, RulePolicy)


def test_the_policy_shortens_a_conversation_once_per_prediction(tmp_path, monkeypatch):
    import bot.rule_policy as module

    calls = []
    monkeypatch.setattr(module, "recent_turns", lambda t, d: calls.append(t) or recent_turns(t, d))
    policy = RecentTurnsRulePolicy.create(
        RecentTurnsRulePolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("rules"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    tracker = _conversation(
        *_turn("ask_pay"),
        *_turn("inform"),
        *_turn("ask_hours"),
        ActionExecuted("action_listen"),
        UserUttered("x", {"name": "thanks"}),
    )
    first = policy._prediction_states(tracker, DOMAIN)
    assert policy._prediction_states(tracker, DOMAIN) == first and len(calls) == 1
    tracker.update(ActionExecuted("utter_thanks"))  # the conversation moved on: shortened again
    policy._prediction_states(tracker, DOMAIN)
    assert len(calls) == 2


def _rule(intent: str, action: str):
    from rasa.shared.core.constants import RULE_SNIPPET_ACTION_NAME
    from rasa.shared.core.generator import TrackerWithCachedStates

    events = [
        ActionExecuted(RULE_SNIPPET_ACTION_NAME),
        ActionExecuted("action_listen"),
        UserUttered(intent=intent and {"name": intent}),
        ActionExecuted(action),
        ActionExecuted("action_listen"),
    ]
    return TrackerWithCachedStates.from_events(f"rule {intent}", events, domain=DOMAIN, is_rule_tracker=True)


def _trained(policy_class, tmp_path: Path, name: str):
    policy = policy_class.create(
        policy_class.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource(name),
        ExecutionContext(GraphSchema({}), name),
    )
    policy.train([_rule("greet", "utter_greet"), _rule("ask_pay", "action_answer")], DOMAIN)
    return policy


def test_skipping_the_search_by_text_gives_rasas_predictions(tmp_path):
    ours, rasas = (_trained(RecentTurnsRulePolicy, tmp_path, "ours"), _trained(RulePolicy, tmp_path, "rasas"))
    assert not ours._a_rule_can_match_text()  # every rule names an intent: the search is skipped
    for said in ("greet", "ask_pay", "thanks"):
        tracker = _conversation(
            *_turn("ask_hours"),
            ActionExecuted("action_listen"),
            UserUttered(f"text for {said}", {"name": said}),
        )
        mine, theirs = (p.predict_action_probabilities(tracker, DOMAIN) for p in (ours, rasas))
        assert mine.probabilities == theirs.probabilities
        assert mine.is_end_to_end_prediction == theirs.is_end_to_end_prediction
    assert ours._find_action_from_rules(tracker, DOMAIN, True) == (None, None, False)


def test_a_rule_that_names_no_intent_keeps_the_search_by_text():
    from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER

    from bot.rule_policy import _could_match_text

    listen = {PREVIOUS_ACTION: {"action_name": "action_listen"}}
    assert not _could_match_text([{**listen, USER: {"intent": "greet"}}])
    assert not _could_match_text([{USER: {"intent": "greet"}}])  # a conversation start
    assert _could_match_text([{PREVIOUS_ACTION: {"action_name": "utter_greet"}}])
    assert _could_match_text([{**listen, USER: {"intent": SHOULD_NOT_BE_SET}}])
    assert _could_match_text([{**listen, USER: {"text": "hello there"}}])
