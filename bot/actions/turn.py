"""Reading one user turn: the intent, the job phrases, and any place, age, qualification or work
pattern the user gave, turned into codes by lmi_backend's parsers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker

from lmi_backend.answers.topics import Asked
from lmi_backend.dialogue_slots import (
    DEGREE,
    SELF_EMPLOYED,
    asked_qualification,
    parse_age,
    parse_qualification,
    parse_work_pattern,
)
from lmi_backend.places import UK, WidePlace, find_place, find_wide_place, region_for
from lmi_backend.question_asks import (
    asked_feeling,
    asked_schedule,
    asks_about_tax,
    asks_apprentice_pay,
    asks_duration,
    asks_hourly_rate,
    asks_if_pay_is_good,
    asks_monthly,
    asks_starting_pay,
    asks_subjects,
    rules_out_degree,
)

INTENT_TOPICS = {
    "ask_pay": "pay",
    "ask_hours": "hours",
    "ask_outlook": "outlook",
    "ask_vacancies": "vacancies",
    "ask_skills": "skills",
    "ask_job_description": "description",
    "ask_entry_routes": "entry_routes",
    "ask_apprenticeships": "apprenticeships",
    "compare_jobs": "compare",
    "similar_jobs": "similar",
    "ask_best_paid": "best_paid",
    "ask_growing_jobs": "growing",
    "ask_employment": "employment",
}
# intents where a qualification or work pattern in the words is about the user, not the question
# ("do I need a degree?" asks about entry, it does not say the user has one)
_ABOUT_ME_INTENTS = {"inform", "ask_pay", "ask_hours", "compare_jobs", "ask_best_paid"}
_ORDINALS = {
    "first": 0,
    "1": 0,
    "1st": 0,
    "one": 0,
    "top": 0,
    "second": 1,
    "2": 1,
    "2nd": 1,
    "two": 1,
    "third": 2,
    "3": 2,
    "3rd": 2,
    "three": 2,
    "fourth": 3,
    "4": 3,
    "4th": 3,
    "four": 3,
    "last": -1,
}
_SAFE = re.compile(r"[^\w\s'\-&/]")


@dataclass
class Turn:
    intent: str
    text: str
    jobs: list[str] = field(default_factory=list)
    entity_words: set[str] = field(default_factory=set)
    place_words: set[str] = field(default_factory=set)  # a place found in the text, not tagged
    unknown_place: str | None = None  # a place the NLU tagged that no region matches ("narnia")
    region: int | None = None  # 0 = the whole UK
    wide_place: WidePlace | None = None  # "the Midlands": several regions, or England
    age: int | None = None
    qualification: int | None = None
    work_pattern: int | None = None
    chosen_soc: int | None = None  # from a button payload
    choice: int | None = None  # index into the offered jobs ("the second one")
    hourly: bool = False  # "whats that per hour": pay by the hour
    asked: Asked = Asked()  # "is that good money?", "do I need a degree?", ...

    @property
    def topic(self) -> str | None:
        return INTENT_TOPICS.get(self.intent)


def echo(phrase: str, limit: int = 40) -> str:
    """A user's words safe to repeat back: no markup characters, not too long."""
    text = " ".join(_SAFE.sub("", phrase).split())
    return text[:limit].rstrip() + ("..." if len(text) > limit else "")


def _values(entities: list[dict[str, Any]], name: str) -> list[str]:
    return [
        str(e.get("value", "")).strip()
        for e in entities
        if e.get("entity") == name and e.get("value") is not None
    ]


# "my mum says I should be an accountant but I want to be a chef": the job the user wants
_WANTS = re.compile(
    r"\b(?:i\s*(?:'d|would)?\s*(?:really\s+)?(?:want|wanna|like|love|prefer)(?:\s+to)?\s+"
    r"(?:be|become|do|work as)|i'?m\s+(?:thinking of|interested in)\s+(?:being|becoming))\s+(?:an?\s+)?",
    re.IGNORECASE,
)


def _wanted_first(jobs: list[str], text: str, intent: str) -> list[str]:
    """Several jobs outside a comparison: the one the user says they want comes first, since
    the first is the one answered about."""
    if len(jobs) < 2 or intent == "compare_jobs":
        return jobs
    lowered = text.lower()
    wanted = {m.end() for m in _WANTS.finditer(lowered)}
    chosen = next((j for j in jobs if lowered.find(j.lower()) in wanted), None)
    return jobs if chosen is None else [chosen] + [j for j in jobs if j != chosen]


def read_turn(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    intent = (message.get("intent") or {}).get("name") or ""
    entities = message.get("entities") or []
    turn = Turn(intent=intent, text=text)
    turn.jobs = _wanted_first([j for j in dict.fromkeys(_values(entities, "job")) if j], text, intent)
    turn.entity_words = {w for e in entities for w in str(e.get("value", "")).lower().split()}
    turn.hourly = asks_hourly_rate(text)

    for value in _values(entities, "region"):
        region = region_for(value)
        if region is not None:
            turn.region = region
        elif find_wide_place(value) is None:
            turn.unknown_place = value
    if turn.region is None:
        place = find_place(text)
        turn.region = place.region if place else None
        turn.place_words = set(place.name.split()) if place else set()
    if turn.region is None:
        turn.wide_place = next(
            filter(None, map(find_wide_place, _values(entities, "region"))), None
        ) or find_wide_place(text)
        if turn.wide_place is not None and turn.wide_place.is_england:
            turn.region = UK  # no England-wide figures: the reply says the UK's are used

    ages = [a for a in (parse_age(v, tagged=True) for v in _values(entities, "age")) if a]
    turn.age = ages[-1] if ages else parse_age(text)

    about_me = intent in _ABOUT_ME_INTENTS
    quals = [q for q in (parse_qualification(v) for v in _values(entities, "qualification")) if q]
    # the highest named (lowest RQF9 code): "gcses and a levels" -> A levels
    turn.qualification = min(quals) if quals else (parse_qualification(text) if about_me else None)
    no_degree = rules_out_degree(text)
    if no_degree and turn.qualification is not None and turn.qualification <= DEGREE:
        turn.qualification = None  # "without a degree" names the degree they do not have
    turn.asked = Asked(
        judges_pay=asks_if_pay_is_good(text),
        qualification=None if about_me else min(quals) if quals else asked_qualification(text),
        starting_pay=asks_starting_pay(text),
        apprentice_pay=asks_apprentice_pay(text),
        schedule=asked_schedule(text),
        feeling=asked_feeling(text),
        without_degree=no_degree,
        duration=asks_duration(text),
        subjects=asks_subjects(text),
        monthly=asks_monthly(text),
        tax=asks_about_tax(text),
    )
    patterns = [p for p in (parse_work_pattern(v) for v in _values(entities, "work_pattern")) if p]
    turn.work_pattern = patterns[-1] if patterns else (parse_work_pattern(text) if about_me else None)
    if intent == "ask_employment" and turn.work_pattern == SELF_EMPLOYED:
        turn.work_pattern = None  # "are most plumbers self-employed?": everyone's count gives the share

    socs = _values(entities, "soc")
    if socs and socs[-1].isdigit():
        turn.chosen_soc = int(socs[-1])
    for value in _values(entities, "choice"):
        if value.lower() in _ORDINALS:
            turn.choice = _ORDINALS[value.lower()]
    return turn
