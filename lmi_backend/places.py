"""Place names -> the 12 LMI for All regions (or the whole UK), and places -> local authorities.

Young people name towns, cities, counties and nicknames ("brum", "the toon", "norn iron"), not
the statistical regions the data is published for. The gazetteer (data/places.csv) maps those
names to a region code so the service can be asked for the right region. It lives here, not in
the Rasa project, because a web API or the CLI needs the same mapping.

Figures published by local authority (Census 2011) need the authority: `LocalAuthorities`
resolves a postcode or postcode district (LS6, SW1A 1AA), a position (the nearest postcode
district's centroid, as LMI for All's census calls took 'lat,lng'), an authority's name or a
town's (data/local_authority_names.csv) to one of the 379 UK local authority districts of 2020.
"""

from __future__ import annotations

import csv
import math
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
_FUZZY_TAIL_MIN_LENGTH, _FUZZY_TAIL_CUTOFF = 6, 88  # a misspelt place ending a message


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

    def misspelt_at_end(self, text: str) -> PlaceMatch | None:
        """A close misspelling of a place ending a message after "in", "near" ... ("how much do
        mechanics earn in yorkshre"): where young people put the place, and where the tagger
        misses a misspelt one. Only there, only for names of six letters or more and only very
        close (over the NLU examples and scripted conversations: 2 matches in 7,655 messages,
        both right), since a fuzzy scan of free text would turn "working" into Woking."""
        words = _normalise(text)
        at = max((i for i, w in enumerate(words) if w in _PLACE_PREPOSITIONS), default=None)
        if at is None:
            return None
        tail = words[at + 1 :]
        tail = tail[1:] if tail[:1] == ["the"] else tail
        key = " ".join(tail)
        if not 1 <= len(tail) <= 3 or len(key) < _FUZZY_TAIL_MIN_LENGTH:
            return None
        best = process.extractOne(key, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=_FUZZY_TAIL_CUTOFF)
        return PlaceMatch(best[0], self._entries[best[0]][0], len(words) - len(tail)) if best else None


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
    places = gazetteer()
    return places.find(text) or places.misspelt_at_end(text)


# --- local authorities: towns, cities, postcodes and positions -> a 2020 local authority district


AUTHORITY_NAMES_FILE = Path(__file__).resolve().parent / "data" / "local_authority_names.csv"
_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?")
_LAT_LNG = re.compile(r"(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)")
UK_LATITUDES, UK_LONGITUDES = (49.0, 61.0), (-9.0, 2.5)
EARTH_RADIUS_KM = 6371.0
# how an area was found, as data for the answer: a full postcode or its district, a position
# (nearest district centroid), an authority's or a town's name, or a region's name
BY_POSTCODE, BY_DISTRICT, BY_POSITION, BY_NAME, BY_REGION = (
    "postcode",
    "district",
    "position",
    "name",
    "region",
)


@dataclass(frozen=True)
class LocalAuthority:
    code: str  # E08000035
    name: str  # Leeds
    region: int  # LMI for All region code 1-12
    country: str
    in_census2011: bool


@dataclass(frozen=True)
class District:
    """A postcode district (outward code) and the authority holding most of its postcodes."""

    district: str
    lad: str
    lad_share: float  # % of its postcodes in `lad`
    second_lad: str | None
    second_share: float | None
    latitude: float
    longitude: float


@dataclass(frozen=True)
class AreaMatch:
    """What an area someone gave resolves to: one authority, or a whole region."""

    how: str  # BY_POSTCODE, BY_DISTRICT, BY_POSITION, BY_NAME or BY_REGION
    matched: str  # the postcode district, name or position that matched
    authority: LocalAuthority | None = None
    region: int | None = None  # BY_REGION: the LMI for All region code
    district: District | None = None  # BY_POSTCODE, BY_DISTRICT, BY_POSITION


def _area_words(text: str) -> str:
    """'Stoke-on-Trent', 'St. Helens', 'the Wirral' -> 'stoke on trent', 'st helens', 'wirral'."""
    words = re.sub(r"[^a-z0-9' ]", " ", text.lower().replace("&", " and ").replace("’", "'")).split()
    while words and words[0] in _PLACE_PREPOSITIONS | {"the"}:
        words = words[1:]
    return " ".join(w.replace("'", "") for w in words)


def _authority_names(name: str) -> set[str]:
    """An authority's own name and the shorter forms people use: 'Kingston upon Hull, City of'
    -> 'kingston upon hull'; 'City of Edinburgh', 'Glasgow City' -> 'edinburgh', 'glasgow'. The
    City of London keeps its name: 'London' is the region."""
    forms = {name}
    for suffix in (", City of", ", County of", " City"):
        if name.endswith(suffix):
            forms.add(name[: -len(suffix)])
    if name.startswith("City of ") and name != "City of London":
        forms.add(name[len("City of ") :])
    return {_area_words(f) for f in forms}


class LocalAuthorities:
    """Authorities, postcode districts (both from the LMI database, built from the ONS postcode
    directory) and the gazetteer of town names (data/local_authority_names.csv)."""

    def __init__(
        self, authorities: list[LocalAuthority], districts: list[District], path: Path = AUTHORITY_NAMES_FILE
    ):
        self.authorities = {a.code: a for a in authorities}
        self.districts = {d.district: d for d in districts}
        by_name = {a.name: a for a in authorities}
        self.names: dict[str, LocalAuthority] = {}
        for a in authorities:
            for form in _authority_names(a.name):
                self.names.setdefault(form, a)
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(line for line in fh if not line.startswith("#")):
                if row["local_authority"] not in by_name:
                    raise ValueError(f"{path}: unknown local authority {row['local_authority']!r}")
                self.names.setdefault(_area_words(row["name"]), by_name[row["local_authority"]])
        self.regions = {_area_words(REGION_NAMES[code]): code for code in REGION_NAMES if code}
        self.regions["yorkshire"] = self.regions["yorkshire and humber"] = 7

    def resolve(self, area: str) -> AreaMatch | None:
        """A postcode ('LS6 3AB', 'LS63AB'), a postcode district ('SW1A'), a position
        ('53.8,-1.55': the nearest district centroid), an authority's or a town's name, or a
        region's name; None when it is none of these. A position outside the UK is an error."""
        text = area.strip()
        position = _LAT_LNG.fullmatch(text)
        if position:
            return self.nearest(float(position[1]), float(position[2]))
        postcode = _POSTCODE.fullmatch(text.upper())
        if postcode and postcode[1] in self.districts:
            district = self.districts[postcode[1]]
            how = BY_POSTCODE if postcode[2] else BY_DISTRICT
            return AreaMatch(how, district.district, self.authorities[district.lad], district=district)
        words = _area_words(text)
        if words in self.names:
            return AreaMatch(BY_NAME, words, self.names[words])
        if words in self.regions:
            return AreaMatch(BY_REGION, words, region=self.regions[words])
        return None

    def nearest(self, latitude: float, longitude: float) -> AreaMatch:
        if not (
            UK_LATITUDES[0] <= latitude <= UK_LATITUDES[1]
            and UK_LONGITUDES[0] <= longitude <= UK_LONGITUDES[1]
        ):
            raise ValueError(f"The position {latitude},{longitude} is not in the UK")
        district = min(
            self.districts.values(), key=lambda d: _distance(latitude, longitude, d.latitude, d.longitude)
        )
        return AreaMatch(BY_POSITION, district.district, self.authorities[district.lad], district=district)

    def in_region(self, region: int) -> list[LocalAuthority]:
        return [a for a in self.authorities.values() if a.region == region]


def _distance(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
