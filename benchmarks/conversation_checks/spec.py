"""The scripted conversations: YAML files under benchmarks/conversations/ (tuning part) and
benchmarks/conversations/heldout/ (held-out part), read and validated strictly, since a misspelt
key would silently switch a check off.

A file:

    theme: pay basics
    class: basics                    # default class of its conversations' turns
    conversations:
      - id: basics-pay-01
        who: 15, year 10             # who is writing (documentation only)
        class: basics                # optional; else the file's
        turns:
          - user: how much do sparkys earn
            job: 5241                # SOC2010 unit group(s) the reply must name (any of a list)
            topic: pay               # markers.TOPICS
            place: UK                # must be named (any of a list); no other region in the headline
            figure: annual           # or {measure, stat, sex, status, job, estimate_ok, none_ok}, or a list

Turn keys (all optional but `user`):
  class            the turn's class, when it tests something else than its conversation
  job              SOC code or list (any of); {offered: N} = the Nth job offered in the last reply
  ask              never (default) | allowed | required: may or must the reply ask which job,
                   offering choices that include `job`
  topic            what the reply must answer (markers.TOPICS); answers of other exclusive
                   topics must not appear unless listed in `also`
  also             topics whose markers may appear beside `topic`
  place            region name, UK or England (list = any of) the reply must name; no other
                   region in the headline
  also_place       places the user named that the reply may name too (the data's place being
                   another: "in wales" answered for England)
  sex              women | men | both: whose figure is asked; absent = nobody's in particular
  pattern          part-time | full-time | self-employed; absent = no work pattern asked
  age, qualification   this question asks about that age / qualification (true or a value)
  about_me         what the user says about themselves here (age, qualification, place,
                   pattern): persists for the rest of the conversation
  figure           the published figure(s) the reply must give (see checks.FigureSpec)
  lists            {any: [socs], all: [socs], none: [socs]}: jobs offered or named in a list
  says / not_says  regular expressions the reply must / must not contain
  allow            names of markers.FORBIDDEN phrases allowed in this turn
  crisis           true: the reply must point to urgent help (otherwise it must not)
  may_keep         dimensions (place, pattern, sex, age, qualification) that an elliptical
                   follow-up may carry over from the last question that asked them, or drop:
                   both outcomes are accepted ("what about electricians?" after "and part time?")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import markers

CONVERSATIONS_DIR = Path(__file__).resolve().parents[1] / "conversations"
HELDOUT = "heldout"
AFTER_SPLIT = "after_split.yml"  # written after the held-out third was drawn: tuning only
TURN_KEYS = {
    "user",
    "class",
    "job",
    "ask",
    "topic",
    "also",
    "place",
    "also_place",
    "sex",
    "pattern",
    "age",
    "qualification",
    "about_me",
    "figure",
    "lists",
    "says",
    "not_says",
    "allow",
    "crisis",
    "may_keep",
    "note",
}
FIGURE_KEYS = {"measure", "stat", "sex", "status", "job", "estimate_ok", "none_ok", "cah", "place"}
FIGURE_MEASURES = {"annual", "weekly", "hourly", "hours", "employment", "growth", "vacancies", "graduate"}
STATS = {"median", "mean", "p10", "p25", "p75", "p90"}
ABOUT_ME_KEYS = {"age", "qualification", "place", "pattern", "sex"}
SEXES = {"women", "men", "both"}
PATTERNS = set(markers.PATTERN_WORDS)
ASK = {"never", "allowed", "required"}
CONVERSATION_KEYS = {"id", "class", "who", "turns", "note"}
FILE_KEYS = {"theme", "class", "conversations", "note"}


class SpecError(ValueError):
    pass


@dataclass
class Turn:
    user: str
    cls: str
    raw: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)


@dataclass
class Conversation:
    id: str
    cls: str
    theme: str
    heldout: bool
    path: Path
    turns: list[Turn] = field(default_factory=list)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _check_turn(where: str, raw: dict[str, Any], socs: set[int]) -> None:
    unknown = set(raw) - TURN_KEYS
    if unknown:
        raise SpecError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(raw.get("user"), str) or not raw["user"].strip():
        raise SpecError(f"{where}: 'user' must be the message text")
    job = raw.get("job")
    if isinstance(job, dict):
        if set(job) != {"offered"} or not isinstance(job["offered"], int):
            raise SpecError(f"{where}: job as a mapping must be {{offered: N}}")
    elif job is not None:
        for soc in _as_list(job):
            if soc not in socs:
                raise SpecError(f"{where}: job {soc!r} is not a SOC2010 unit group")
    if raw.get("ask", "never") not in ASK:
        raise SpecError(f"{where}: ask must be one of {sorted(ASK)}")
    if isinstance(raw.get("topic"), list):
        raise SpecError(f"{where}: topic is the one topic the reply must answer (others go in `also`)")
    for key in ("topic", "also"):
        for topic in _as_list(raw.get(key) or []):
            if topic not in markers.TOPICS:
                raise SpecError(f"{where}: unknown topic {topic!r}")
    for key in ("place", "also_place"):
        for place in _as_list(raw.get(key) or []):
            if place not in markers.PLACES:
                raise SpecError(f"{where}: unknown place {place!r} (use {sorted(markers.PLACES)})")
    if raw.get("sex") not in (None, *SEXES):
        raise SpecError(f"{where}: sex must be one of {sorted(SEXES)}")
    if raw.get("pattern") not in (None, *PATTERNS):
        raise SpecError(f"{where}: pattern must be one of {sorted(PATTERNS)}")
    about = raw.get("about_me") or {}
    if not isinstance(about, dict) or set(about) - ABOUT_ME_KEYS:
        raise SpecError(f"{where}: about_me keys must be among {sorted(ABOUT_ME_KEYS)}")
    for figure in _as_list(raw.get("figure") or []):
        spec = {"measure": figure} if isinstance(figure, str) else figure
        if (
            not isinstance(spec, dict)
            or set(spec) - FIGURE_KEYS
            or spec.get("measure") not in FIGURE_MEASURES
        ):
            raise SpecError(f"{where}: bad figure {figure!r}")
        for stat in _as_list(spec.get("stat", "median")):
            if stat not in STATS:
                raise SpecError(f"{where}: unknown stat {stat!r}")
        for soc in _as_list(spec.get("job") or []):
            if soc not in socs:
                raise SpecError(f"{where}: figure job {soc!r} is not a SOC2010 unit group")
        if spec["measure"] == "graduate" and not spec.get("cah"):
            raise SpecError(f"{where}: a graduate figure needs its CAH subject code prefix")
        if spec.get("sex") not in (None, "women", "men"):
            raise SpecError(f"{where}: figure sex must be women or men")
    if set(_as_list(raw.get("may_keep") or [])) - ABOUT_ME_KEYS:
        raise SpecError(f"{where}: may_keep names dimensions among {sorted(ABOUT_ME_KEYS)}")
    lists = raw.get("lists") or {}
    if set(lists) - {"any", "all", "none"}:
        raise SpecError(f"{where}: lists keys are any, all, none")
    for soc in (s for v in lists.values() for s in v):
        if soc not in socs:
            raise SpecError(f"{where}: listed job {soc!r} is not a SOC2010 unit group")
    for pattern in _as_list(raw.get("says") or []) + _as_list(raw.get("not_says") or []):
        re.compile(pattern)
    for name in _as_list(raw.get("allow") or []):
        if name not in markers.FORBIDDEN:
            raise SpecError(f"{where}: allow names one of {sorted(markers.FORBIDDEN)}")


def load(socs: set[int], directory: Path = CONVERSATIONS_DIR) -> list[Conversation]:
    """Every conversation, tuning part first; heldout/ marks the held-out part."""
    conversations: list[Conversation] = []
    seen: set[str] = set()
    files = sorted(directory.glob("*.yml")) + sorted((directory / HELDOUT).glob("*.yml"))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if set(data) - FILE_KEYS or "conversations" not in data:
            raise SpecError(f"{path}: a file has theme, class and conversations")
        for raw in data["conversations"]:
            where = f"{path.name}:{raw.get('id')}"
            if set(raw) - CONVERSATION_KEYS or not raw.get("id") or not raw.get("turns"):
                raise SpecError(f"{where}: a conversation has id, class, who and turns")
            if raw["id"] in seen:
                raise SpecError(f"{where}: duplicate id")
            seen.add(raw["id"])
            cls = raw.get("class") or data.get("class")
            if not cls:
                raise SpecError(f"{where}: no class")
            conversation = Conversation(
                raw["id"], cls, data.get("theme", path.stem), path.parent.name == HELDOUT, path
            )
            for number, turn in enumerate(raw["turns"], start=1):
                _check_turn(f"{where} turn {number}", turn, socs)
                conversation.turns.append(Turn(turn["user"], turn.get("class") or cls, turn))
            conversations.append(conversation)
    return conversations
