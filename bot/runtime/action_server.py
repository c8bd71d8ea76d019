"""Runs Rasa's action server (`python -m bot.runtime.action_server --actions bot.actions ...`)
with the SOC coder and the LMI service loaded, and used, before its workers start.

Both were loaded on each worker's first question (the job-title index takes about a second, the
service's lookups a quarter), so the first young person to ask after a start waited that much
longer, and under load every message sent to that worker queued behind it. Loaded here, in the
process that starts the workers, they are ready in all of them, and the workers share their
memory until they write to it. Loading alone still left each worker's first answers slow
(~100 ms more than later ones: the place-name list read on first use, each query compiled on
first use, first calls through the answer code), so a few sample questions are answered here
too, through the real action; nothing is stored and nobody sees the replies. No database
connection crosses the fork: the coder closes its own once it has read the index, and the
service's is closed here (each worker opens its own on its first query).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.__main__ import main as rasa_sdk_main
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import backend
from bot.actions.answer import ActionAnswer
from bot.runtime import handed_socket

# (intent, text, entities) as the NLU hands them over: the topics and both kinds of place
# (region and city), a comparison, and a broad job that gets choices
SAMPLE_TURNS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("ask_pay", "how much do plumbers earn in Wales?", {"job": "plumbers", "region": "Wales"}),
    ("ask_hours", "how many hours do nurses work in Cardiff?", {"job": "nurses", "region": "Cardiff"}),
    ("ask_outlook", "what is the outlook for chefs?", {"job": "chefs"}),
    ("compare_jobs", "compare electricians with carpenters", {"job": "electricians"}),
    ("ask_skills", "what skills do I need to be a mechanic?", {"job": "mechanic"}),
    ("ask_apprenticeships", "are there apprenticeships for bakers?", {"job": "bakers"}),
    ("ask_pay", "how much does an engineer earn?", {"job": "engineer"}),
    ("ask_best_paid", "what jobs pay the most?", {}),  # ranks every job's full-time pay, ~0.6 s once
    (
        "ask_growing_jobs",
        "which jobs are growing?",
        {},
    ),  # reads the crosswalk and every job's employment, ~0.2 s once
)


def _sample_tracker(intent: str, text: str, entities: dict[str, str]) -> Tracker:
    found: list[dict[str, Any]] = []
    for name, value in entities.items():
        start = text.index(value)
        found.append({"entity": name, "value": value, "start": start, "end": start + len(value)})
    if intent == "compare_jobs":  # the second job of the comparison
        start = text.rindex(" ") + 1
        found.append({"entity": "job", "value": text[start:], "start": start, "end": len(text)})
    return Tracker.from_dict(
        {
            "sender_id": "warm-up",
            "slots": {},
            "paused": False,
            "events": [{"event": "user", "text": text, "input_channel": "rest"}],  # draws charts
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 1.0},
                "entities": found,
                "intent_ranking": [],
            },
        }
    )


def warm_up() -> None:
    backend.coder()
    for turn in SAMPLE_TURNS:
        ActionAnswer().run(CollectingDispatcher(), _sample_tracker(*turn), {})
    backend.service().close()


def main() -> None:
    warm_up()
    handed_socket.install()  # the port the launcher keeps open across restarts, when it gave one
    rasa_sdk_main()


if __name__ == "__main__":
    main()
