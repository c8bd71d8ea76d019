"""Where the figures come from, and handing over to a human careers adviser."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from lmi_backend.answers import phrases, render_sources, topics

from . import backend

logger = logging.getLogger(__name__)


class ActionDataSource(Action):
    """Cites the source of the last answer (re-asking the service for it), or lists the
    sources when nothing has been answered yet."""

    def name(self) -> str:
        return "action_data_source"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        soc, topic = tracker.get_slot("soc"), tracker.get_slot("topic")
        text = phrases.SOURCES_GENERAL
        if topic in topics.TOPICS and (soc is not None or topic in topics.ANY_JOB_TOPICS):
            try:
                slot = {
                    name: None if tracker.get_slot(name) is None else int(tracker.get_slot(name))
                    for name in ("region", "work_pattern", "qualification", "age")
                }
                context = topics.Context(
                    region=slot["region"],
                    status=slot["work_pattern"],
                    qualification=slot["qualification"],
                    age=slot["age"],
                )
                compared = [int(c) for c in tracker.get_slot("compare_socs") or []]
                answer = topics.answer(
                    backend.service(),
                    topic,
                    int(soc or 0),
                    context,
                    compare_with=compared[1:] if topic == "compare" else None,
                )
                text = render_sources(answer.results)
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
