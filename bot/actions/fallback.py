"""The two-stage fallback's own steps, worded for young people.

Stage one (action_default_ask_affirmation) offers the NLU's best guesses as buttons, named in
plain words; "Something else" sends /out_of_scope, which makes Rasa ask for a rephrase
(action_default_ask_rephrase). Failing twice ends in action_default_fallback. A guess the NLU
rates below "not a question for me" (out_of_scope) is no guess: keyboard mashing ("jjjjjj",
"brb") is asked to say it another way, not offered "Say hello".
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from lmi_backend.answers import phrases, topics

MAX_GUESSES = 2
_CLOSE = 0.2  # offer a second guess only when it is this close to the first


class ActionDefaultAskAffirmation(Action):
    def name(self) -> str:
        return "action_default_ask_affirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        ranking = message.get("intent_ranking") or []
        unclear = next((r["confidence"] for r in ranking if r.get("name") == "out_of_scope"), 0.0)
        ranking = [r for r in ranking if r.get("name") in topics.INTENT_BUTTONS and r["confidence"] > unclear]
        if not ranking:
            dispatcher.utter_message(text=phrases.ASK_REPHRASE)
            return []
        if len(ranking) > 1 and ranking[0]["confidence"] - ranking[1]["confidence"] > _CLOSE:
            ranking = ranking[:1]
        entities = {
            e["entity"]: e["value"]
            for e in message.get("entities") or []
            if e.get("entity") in ("job", "region")
        }
        suffix = json.dumps(entities) if entities else ""
        buttons = [
            {"title": topics.INTENT_BUTTONS[r["name"]], "payload": f"/{r['name']}{suffix}"}
            for r in ranking[:MAX_GUESSES]
        ]
        buttons.append({"title": phrases.SOMETHING_ELSE, "payload": "/out_of_scope"})
        dispatcher.utter_message(text=phrases.AFFIRM_PROMPT, buttons=buttons)
        return []


class ActionDefaultAskRephrase(Action):
    def name(self) -> str:
        return "action_default_ask_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=phrases.ASK_REPHRASE)
        return []


class ActionDefaultFallback(Action):
    def name(self) -> str:
        return "action_default_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=phrases.GIVE_UP)
        return [UserUtteranceReverted()]
