"""Place names -> the 12 LMI for All regions (or the whole UK).

Young people name towns, cities, counties and nicknames ("brum", "the toon", "norn iron"), not
the statistical regions the data is published for. The gazetteer (data/places.csv) maps those
names to a region code so the service can be asked for the right region. It lives here, not in
the Rasa project, because a web API or the CLI needs the same mapping.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

DATA_FILE = Path(__file__).resolve().parent / "data" / "places.csv"
UK = 0

# What the bot calls each region in a sentence ("in the North East").
REGION_NAMES: dict[int, str] = {
    0: "the UK",
    1: "London",
    2: "the South East",
    3: "the East of England",
    4: "the South West",
    5: "the West Midlands",
    6: "the East Midlands",
    7: "Yorkshire and the Humber",
    8: "the North West",
    9: "the North East",
    10: "Wales",
    11: "Scotland",
    12: "Northern Ireland",
}

# Words after which a place name that is also an everyday word ("reading", "bath") is a place.
_PLACE_PREPOSITIONS = {"in", "near", "around", "from", "at", "to", "round", "nr", "outside"}
_WORD = re.compile(r"[a-z0-9'.\-]+")
_MAX_WORDS = 4
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 86


@dataclass(frozen=True)
class PlaceMatch:
    name: str  # the gazetteer entry that matched, e.g. "cardiff"
    region: int  # 0 = UK, else LMI for All region code 1..12
    start: int  # word index in the message where the name starts

    @property
    def region_name(self) -> str:
        return REGION_NAMES[self.region]


def _normalise(text: str) -> list[str]:
    return [w.strip(".'-") or w for w in _WORD.findall(text.lower().replace("’", "'"))]


class Gazetteer:
    def __init__(self, entries: dict[str, tuple[int, bool]]):
        self._entries = entries  # name -> (region, needs a preposition before it)
        self._fuzzy_names = [n for n in entries if len(n) >= _FUZZY_MIN_LENGTH]

    @classmethod
    def from_csv(cls, path: Path = DATA_FILE) -> Gazetteer:
        entries: dict[str, tuple[int, bool]] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.DictReader(line for line in fh if not line.startswith("#"))
            for row in rows:
                region = int(row["region"])
                if region not in REGION_NAMES:
                    raise ValueError(f"{path}: unknown region code {region} for {row['name']!r}")
                entries[" ".join(_normalise(row["name"]))] = (region, row["context"] == "1")
        return cls(entries)

    @property
    def names(self) -> list[str]:
        return list(self._entries)

    def region_for(self, phrase: str) -> int | None:
        """Region of a phrase the NLU already tagged as a place ("in glasgow", "manchster").
        Leading prepositions and "the" are ignored; a close misspelling of a longer name counts,
        because the tagger has already said it is a place."""
        words = _normalise(phrase)
        while (
            words and words[0] in _PLACE_PREPOSITIONS | {"the", "of"} and " ".join(words) not in self._entries
        ):
            words = words[1:]
        if not words:
            return None
        key = " ".join(words)
        if key in self._entries:
            return self._entries[key][0]
        match = self.find(key)
        if match is not None:
            return match.region
        if len(key) < _FUZZY_MIN_LENGTH:
            return None
        best = process.extractOne(key, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        return self._entries[best[0]][0] if best else None

    def find(self, text: str) -> PlaceMatch | None:
        """The last place named in a whole message, by exact names only: a fuzzy scan of free
        text would turn "working" into Woking. The last one wins ("from Leeds but moving to
        London" is about London)."""
        words = _normalise(text)
        found: PlaceMatch | None = None
        i = 0
        while i < len(words):
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                name = " ".join(words[i : i + size])
                entry = self._entries.get(name)
                if entry is None:
                    continue
                region, needs_context = entry
                before = words[i - 1] if i else ""
                if before == "new":  # New York, New England, New South Wales...
                    continue
                if needs_context and before not in _PLACE_PREPOSITIONS:
                    continue
                found = PlaceMatch(name, region, i)
                i += size - 1
                break
            i += 1
        return found


@dataclass(frozen=True)
class WidePlace:
    """A name for more than one of the 12 regions: "the Midlands" is two regions in the data, and
    England nine, with no figure published for the whole. The bot asks which part is meant, or
    for England, which has too many parts to offer, says it is using the UK's figures."""

    name: str
    regions: tuple[int, ...]

    @property
    def is_england(self) -> bool:
        return self.regions == ENGLAND


ENGLAND = (1, 2, 3, 4, 5, 6, 7, 8, 9)
_NORTH, _SOUTH, _MIDLANDS = (9, 8, 7), (1, 2, 4), (5, 6)
_WIDE_PLACES: dict[str, tuple[int, ...]] = {
    "midlands": _MIDLANDS,
    "the midlands": _MIDLANDS,
    "the mids": _MIDLANDS,
    "the north": _NORTH,
    "up north": _NORTH,
    "north of england": _NORTH,
    "northern england": _NORTH,
    "the south": _SOUTH,
    "down south": _SOUTH,
    "south of england": _SOUTH,
    "southern england": _SOUTH,
    "england": ENGLAND,
}
WIDE_PLACE_NAMES = tuple(_WIDE_PLACES)


def find_wide_place(text: str) -> WidePlace | None:
    """The last wide place named in a message or a tagged phrase. Longer names are taken first,
    so "the north of england" is the north and not all of England. Call it only when no single
    region was found: "the north east" is a region, not "the north"."""
    padded = f" {' '.join(_normalise(text))} "
    found: dict[int, str] = {}
    for name in sorted(_WIDE_PLACES, key=len, reverse=True):
        for match in re.finditer(f"(?<= ){re.escape(name)}(?= )", padded):
            if not padded[: match.start()].endswith(" new "):  # New England
                found[match.start()] = name
        padded = re.sub(f"(?<= ){re.escape(name)}(?= )", lambda m: "#" * len(m.group()), padded)
    if not found:
        return None
    name = found[max(found)]
    return WidePlace(name, _WIDE_PLACES[name])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv()


def region_for(phrase: str) -> int | None:
    return gazetteer().region_for(phrase)


def find_place(text: str) -> PlaceMatch | None:
    return gazetteer().find(text)
