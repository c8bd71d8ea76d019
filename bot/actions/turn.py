"""Reading one user turn: the intent, the job phrases, and any place, sex, work pattern,
qualification or age the user gave (and whether they said it about themselves), turned into codes
by lmi_backend's parsers; and the dialogue state kept in the slots."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from rasa_sdk import Tracker

from lmi_backend.answers.topics import BY_NAME, FIGURES, INTENT_TOPICS
from lmi_backend.dialogue_slots import (
    DEGREE,
    SELF_EMPLOYED,
    about_me,
    names_a_subject,
    parse_age,
    parse_gender,
    parse_qualification,
    parse_work_pattern,
    without_leading_non_job_words,
)
from lmi_backend.dialogue_state import DIMENSIONS, State
from lmi_backend.places import UK, WidePlace, find_place, find_wide_place, region_for
from lmi_backend.question_asks import Asked, read_asks

# the slot of each dimension: the current question's qualifier, and the user's own fact
QUALIFIER_SLOTS = {
    "region": "region",
    "gender": "gender",
    "status": "work_pattern",
    "qualification": "qualification",
    "age": "age",
}
FACT_SLOTS = {d: f"my_{slot}" for d, slot in QUALIFIER_SLOTS.items()}
# intents whose words can name the group a figure is for ("part-time", "with a degree"): the
# topics with figures, and a bare follow-up. Elsewhere a qualification is what the question
# asks about ("do I need a degree?").
_GROUP_INTENTS = {"inform", *(i for i, t in INTENT_TOPICS.items() if BY_NAME[t].uses & FIGURES)}
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
_BARE_NUMBER = re.compile(
    r"^\s*(?:(?:no\.?|number|num|option|#)\s*)?([1-4])(?:st|nd|rd|th)?\s*(?:one|pls|please)?\s*[.)!]?\s*$"
)


@dataclass
class Turn:
    intent: str
    text: str
    jobs: list[str] = field(default_factory=list)
    entity_words: set[str] = field(default_factory=set)
    place_words: set[str] = field(default_factory=set)  # a place found in the text, not tagged
    unknown_place: str | None = None  # a place the NLU tagged that no region matches ("narnia")
    wide_place: WidePlace | None = None  # "the Midlands": several regions, or England
    values: dict[str, int] = field(default_factory=dict)  # dimension -> code (region 0: the UK)
    about_me: frozenset[str] = frozenset()  # of `values`, those the user said about themselves
    chosen_soc: int | None = None  # from a button payload
    choice: int | None = None  # index into the offered jobs ("the second one", "2")
    asked: Asked = Asked()  # "is that good money?", "do I need a degree?", ...
    wants_job: bool = False  # "I want to be a vet": a job of their own, not a follow-up of the last

    @property
    def topic(self) -> str | None:
        return INTENT_TOPICS.get(self.intent)

    @property
    def region(self) -> int | None:
        return self.values.get("region")


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
    r"\b(?:i\s*(?:'d|would|'ve|ve|have)?\s*(?:really\s+|always\s+)?(?:want(?:ed)?|wanna|like|love|prefer)(?:\s+to)?\s+"
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


def _without(text: str, words: set[str]) -> str:
    """The message without the job's words: "how much do male nurses earn" keeps "male", "what
    does a bin man do" loses "man"."""
    return " ".join(w for w in text.split() if w.lower().strip("?.,!") not in words)


def _place(turn: Turn, entities: list[dict[str, Any]], text: str) -> None:
    region = None
    for value in _values(entities, "region"):
        found = region_for(value)
        if found is not None:
            region = found
        elif find_wide_place(value) is None:
            turn.unknown_place = value
    if region is None:
        place = find_place(text)
        region = place.region if place else None
        turn.place_words = set(place.name.split()) if place else set()
    if region is None:
        turn.wide_place = next(
            filter(None, map(find_wide_place, _values(entities, "region"))), None
        ) or find_wide_place(text)
        if turn.wide_place is not None and turn.wide_place.is_england:
            region = UK  # no England-wide figures: the reply says the UK's are used
    if region is not None:
        turn.values["region"] = region


def read_turn(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    intent = (message.get("intent") or {}).get("name") or ""
    entities = message.get("entities") or []
    turn = Turn(intent=intent, text=text)
    jobs = [
        j
        for j in dict.fromkeys(map(without_leading_non_job_words, _values(entities, "job")))
        if j and not names_a_subject(text, j)
    ]
    turn.jobs = _wanted_first(jobs, text, intent)
    turn.wants_job = bool(jobs) and bool(_WANTS.search(text))
    turn.entity_words = {w for e in entities for w in str(e.get("value", "")).lower().split()}
    job_words = {w for j in turn.jobs for w in j.lower().split()}
    _place(turn, entities, text)

    ages = [a for a in (parse_age(v, tagged=True) for v in _values(entities, "age")) if a]
    age = ages[-1] if ages else parse_age(text)
    names_group = intent in _GROUP_INTENTS
    quals = [q for q in (parse_qualification(v) for v in _values(entities, "qualification")) if q]
    # the highest named (lowest RQF9 code): "gcses and a levels" -> A levels
    qualification = min(quals) if quals else (parse_qualification(text) if names_group else None)
    turn.asked = read_asks(
        text, named_qualification=min(quals) if quals else None, names_group=names_group, jobs=turn.jobs
    )
    if turn.asked.without_degree and qualification is not None and qualification <= DEGREE:
        qualification = None  # "without a degree" names the degree they do not have
    patterns = [p for p in (parse_work_pattern(v) for v in _values(entities, "work_pattern")) if p]
    status = patterns[-1] if patterns else (parse_work_pattern(text) if names_group else None)
    if intent == "ask_employment" and status == SELF_EMPLOYED:
        status = None  # "are most plumbers self-employed?": everyone's count gives the share
    sexes = [g for g in (parse_gender(v) for v in _values(entities, "gender")) if g]
    gender = sexes[-1] if sexes else parse_gender(_without(text, job_words))
    if len(set(sexes)) > 1:  # "do female hairdressers earn less than male ones?"
        turn.asked = replace(turn.asked, pay_gap=True)
    if turn.asked.pay_gap:
        gender = None  # "do men or women earn more?" compares them, it is not about one
    for dimension, value in (
        ("gender", gender),
        ("status", status),
        ("qualification", qualification),
        ("age", age),
    ):
        if value is not None:
            turn.values[dimension] = value
    turn.about_me = frozenset(d for d in turn.values if about_me(text, d))

    socs = _values(entities, "soc")
    if socs and socs[-1].isdigit():
        turn.chosen_soc = int(socs[-1])
    for word in _values(entities, "choice"):
        if word.lower() in _ORDINALS:
            turn.choice = _ORDINALS[word.lower()]
    bare = _BARE_NUMBER.match(text)
    if turn.choice is None and bare:
        turn.choice = int(bare.group(1)) - 1
    return turn


def dialogue_state(slot: Callable[[str], Any]) -> State:
    """The dialogue state as the slots hold it (lmi_backend/dialogue_state.py)."""

    def codes(slots: dict[str, str]) -> dict[str, int]:
        return {d: int(slot(name)) for d, name in slots.items() if slot(name) is not None}

    return State(facts=codes(FACT_SLOTS), qualifiers=codes(QUALIFIER_SLOTS))


def state_slots(state: State) -> dict[str, float | None]:
    """The slot values that hold a dialogue state."""
    out: dict[str, float | None] = {}
    for d in DIMENSIONS:
        fact, qualifier = state.facts.get(d), state.qualifiers.get(d)
        out[FACT_SLOTS[d]] = None if fact is None else float(fact)
        out[QUALIFIER_SLOTS[d]] = None if qualifier is None else float(qualifier)
    return out
