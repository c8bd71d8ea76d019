"""A conversation copied without replaying its events (bot/runtime/tracker_copy.py) is the
copy Rasa makes by replaying them: field by field, for conversations with every kind of event
that changes a tracker's state, and changing the copy leaves the original alone. Synthetic
conversations, made up here."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from bot.runtime.tracker_copy import copy_slot, copy_tracker

DOMAIN = Domain.load(str(Path(__file__).resolve().parent.parent / "bot" / "domain.yml"))


def _user(text: str, intent: str) -> list:
    return [
        ActionExecuted("action_listen"),
        UserUttered(
            text,
            {"name": intent, "confidence": 0.9},
            [{"entity": "job", "value": "plumber", "start": 0, "end": 7}],
        ),
    ]


START = [ActionExecuted("action_session_start"), SessionStarted()]
CONVERSATIONS = {
    "questions and answers": START
    + _user("pay for plumbers", "ask_pay")
    + [
        ActionExecuted("action_answer"),
        BotUttered("GBP 31,602", {"buttons": []}),
        SlotSet("soc", 5314.0),
        SlotSet("job", "plumber"),
    ]
    + _user("and hours", "ask_hours"),
    "a loop, interrupted and rejected": START
    + _user("?", "nlu_fallback")
    + [
        ActionExecuted("action_two_stage_fallback"),
        ActiveLoop("action_two_stage_fallback"),
        LoopInterrupted(True),
        ActionExecutionRejected("action_two_stage_fallback"),
    ],
    "paused, followed up, reverted": START
    + _user("hi", "greet")
    + [
        ConversationPaused(),
        ConversationResumed(),
        FollowupAction("utter_greet"),
        ActionExecuted("utter_greet"),
        UserUtteranceReverted(),
        ActionReverted(),
    ],
    "restarted with slots reset": START
    + _user("pay", "ask_pay")
    + [
        SlotSet("region", 10.0),
        AllSlotsReset(),
        SlotSet("topic", "pay"),
        Restarted(),
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("soc", 2231.0),
    ],
    "slot set back to nothing": START + [SlotSet("soc", 5314.0), SlotSet("soc", None)],
    "left paused in a loop": START
    + _user("?", "nlu_fallback")
    + [ActiveLoop("action_two_stage_fallback"), ConversationPaused()],
    "empty": [],
}


def _fields(tracker: DialogueStateTracker) -> dict:
    fields = dict(vars(tracker))
    fields["events"] = [id(event) for event in tracker.events]  # the same event objects
    fields["slots"] = {
        name: (type(slot), slot.value, slot.has_been_set) for name, slot in tracker.slots.items()
    }
    return fields


@pytest.mark.parametrize("events", CONVERSATIONS.values(), ids=list(CONVERSATIONS))
@pytest.mark.parametrize("slots", [DOMAIN.slots, None], ids=["domain slots", "no slots"])
def test_the_copy_is_rasas_copy(events, slots):
    tracker = DialogueStateTracker.from_events("chat", events, slots)
    tracker.model_id = "model"  # set on a live tracker; neither copy carries it
    ours, rasas = copy_tracker(tracker), DialogueStateTracker.travel_back_in_time(tracker, float("inf"))
    assert type(ours) is type(rasas)
    assert _fields(ours) == _fields(rasas)
    assert ours.events.maxlen == rasas.events.maxlen
    assert ours.current_state(EventVerbosity.ALL) == rasas.current_state(EventVerbosity.ALL)


@pytest.mark.parametrize("events", CONVERSATIONS.values(), ids=list(CONVERSATIONS))
def test_changing_the_copy_leaves_the_original_alone(events):
    tracker = DialogueStateTracker.from_events("chat", events, DOMAIN.slots)
    before = _fields(DialogueStateTracker.travel_back_in_time(tracker, float("inf")))
    duplicate = copy_tracker(tracker)
    for event in [
        *_user("compare", "compare_jobs"),
        SlotSet("soc", 1.0),
        ActiveLoop("a_loop"),
        LoopInterrupted(True),
        ActionExecuted("action_answer"),
        ConversationPaused(),
    ]:
        duplicate.update(event)
    assert _fields(tracker) == before
    assert duplicate.get_slot("soc") == 1.0 and tracker.get_slot("soc") != 1.0


@pytest.mark.parametrize("slot", DOMAIN.slots, ids=[slot.name for slot in DOMAIN.slots])
def test_a_slot_copy_is_the_copy_copyreg_makes(slot):
    """Slot.__copy__ (installed with the tracker copy) against the general shallow copy it
    replaces, for every slot type in the domain, set and unset."""
    import copyreg

    slot = copy_slot(slot)
    for value in (None, slot.value if slot.value is not None else "x"):
        slot.value = value
        expected = slot.value  # a list slot keeps a value as a list
        general = copyreg.__newobj__(type(slot))
        general.__dict__.update(slot.__reduce_ex__(4)[2])
        ours = copy_slot(slot)
        assert type(ours) is type(general) and vars(ours) == vars(general)
        assert all(vars(ours)[key] is vars(slot)[key] for key in vars(slot))  # shallow, as copy.copy
        ours.value = "changed"
        assert slot.value == expected
