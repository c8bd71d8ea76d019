"""What a young person likes ("I like baking", "i'm into gaming", "something with animals") ->
jobs to suggest, from a reviewed map (data/interests.yml).

Each interest lists the words that name it and SOC2010 unit groups in the order to show, each
with the reason it suits someone with that interest. The map is checked job by job against
O*NET's interest and knowledge ratings by tests/test_interests.py. Jobs are never found by
words in their titles: that gave betting-shop and debt-collection jobs for "gaming" and
footwear makers for "football". Words the map does not know name no interest, and the reply asks
what else the person enjoys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).parent / "data" / "interests.yml"


@dataclass(frozen=True)
class InterestJob:
    soc: int
    why: str  # why someone with the interest would like the job
    examples: tuple[str, ...] = ()  # job titles in the unit group, when its title does not say it
    exception: str | None = None  # why the job stays although O*NET does not back it


@dataclass(frozen=True)
class Interest:
    name: str  # as the reply says it: "Jobs for someone who likes {name}"
    words: tuple[str, ...]
    onet: tuple[str, ...]  # O*NET interest types and knowledge areas it rests on, by name
    jobs: tuple[InterestJob, ...]


@lru_cache(maxsize=1)
def interests() -> tuple[Interest, ...]:
    """The map, in the file's order."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(
        Interest(
            name=entry["name"],
            words=tuple(entry["words"]),
            onet=tuple(entry["onet"]),
            jobs=tuple(
                InterestJob(
                    soc=int(job["soc"]),
                    why=job["why"],
                    examples=tuple(job.get("examples", ())),
                    exception=job.get("exception"),
                )
                for job in entry["jobs"]
            ),
        )
        for entry in data["interests"]
    )


def _words(text: str) -> str:
    """Lower case, hyphens as spaces ("make-up" is "make up"), curly apostrophes straight."""
    return " ".join(text.lower().replace("’", "'").replace("-", " ").replace("_", " ").split())


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern, dict[str, int]]:
    """One pattern finding every phrase of the map at every position (a lookahead, so a short
    phrase does not hide a longer one starting inside it), and each phrase's interest index."""
    owner = {_words(w): index for index, interest in enumerate(interests()) for w in interest.words}
    alternatives = "|".join(re.escape(p) for p in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?=\b((?:{alternatives})s?)\b)"), owner


def find_interest(text: str) -> Interest | None:
    """The interest the words name; of several ("maths and computers"), the one named by the
    longest phrase ("sport science" over "science"), then the one listed first."""
    pattern, owner = _phrases()
    found = []
    for match in pattern.finditer(_words(text)):
        phrase = match.group(1)
        index = owner.get(phrase, owner.get(phrase[:-1]))  # the plural "s"
        if index is not None:
            found.append((-len(phrase), index))
    return interests()[min(found)[1]] if found else None
