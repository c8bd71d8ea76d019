"""Where the figures come from, and handing over to a human careers adviser."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from lmi_backend.answers import phrases, render_sources, topics

from . import backend
from .turn import dialogue_state

logger = logging.getLogger(__name__)


class ActionDataSource(Action):
    """Cites the source of the last answer (re-asking the service for it), or lists the
    sources when nothing has been answered yet."""

    def name(self) -> str:
        return "action_data_source"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        soc, topic = tracker.get_slot("soc"), tracker.get_slot("topic")
        text = phrases.SOURCES_GENERAL
        if topic in topics.BY_NAME and (soc is not None or topic in topics.ANY_JOB_TOPICS):
            try:
                compared = [int(c) for c in tracker.get_slot("compare_socs") or []]
                ask = topics.Ask(
                    backend.service(),
                    int(soc or 0),
                    topics.Context.of(dialogue_state(tracker.get_slot)),
                    compare_with=tuple(compared[1:]) if topic == "compare" else (),
                    subject=tracker.get_slot("subject"),
                )
                text = render_sources(topics.answer(topic, ask).results)
            except Exception as exc:  # the general list is still a true answer
                logger.error("action_data_source fell back to the general list: %s", type(exc).__name__)
        dispatcher.utter_message(text=text)
        return []


class ActionHandoff(Action):
    """Points to the free careers service for the user's nation (all four when unknown)."""

    def name(self) -> str:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        region = tracker.get_slot("region")
        dispatcher.utter_message(text=phrases.adviser_handoff(None if region is None else int(region)))
        return []
