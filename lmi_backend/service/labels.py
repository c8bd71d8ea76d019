"""Names for codes, as an answer says them: what was asked, what a figure describes, and what a
fallback changed ("the UK instead of Wales")."""

from __future__ import annotations

from ..dialogue_slots import QUALIFICATION_NAMES
from ..disclosure import Cell
from ..jobtitles import lower_first, sentence_case
from ..places import REGION_NAMES
from .store import Store
from .types import Query

GENDER_WORDS = {0: "men and women together", 1: "men", 2: "women"}
# the APS 2019 highest-qualification groups (codes 301-306) the pay estimates are weighted by
APS_QUALIFICATION_WORDS = {
    301: "a degree",
    302: "higher education below a degree",
    303: "A levels or similar",
    304: "GCSEs (grades 4 to 9)",
    305: "other qualifications",
    306: "no qualifications",
}
STATUS_WORDS = {
    0: "everyone in work",
    1: "full-time employees",
    2: "part-time employees",
    3: "the self-employed",
    4: "all employees",
}


class Labels:
    """`area` is what region 0 means for a kind (the UK; England for projections), as a place
    name and as said in a sentence."""

    def __init__(self, store: Store, area: str = "United Kingdom", in_sentence: str = "the UK"):
        self.store = store
        self.area, self.in_sentence = area, in_sentence

    def label(self, dimension: str, code: int | None) -> str:
        s = self.store
        if dimension == "soc":
            return sentence_case(s.soc[code].title) if code in s.soc else f"SOC {code}"
        if dimension == "region":
            return self.in_sentence if not code else s.regions[code]
        if dimension == "gender":
            return GENDER_WORDS[code or 0]
        if dimension == "status":
            return STATUS_WORDS[code or 0]
        if dimension == "qualification":
            return "all qualification levels" if not code else s.qualifications[code]
        if dimension == "age":
            return "all ages" if code is None else f"age {code}"
        raise ValueError(f"unknown dimension {dimension}")

    def mid_sentence(self, dimension: str, code: int | None) -> str:
        """A name as said after "this figure is for": "all jobs" rather than the ONS title
        "All occupations", a job in lower case, "people with GCSEs (grades 4 to 9)" rather than the survey's
        "GCSE (RQF2 GCSE(A-C) & equivalent)", "the South East" rather than "South East
        (England)"."""
        if dimension == "region" and code:
            return REGION_NAMES[code]
        if dimension == "soc" and code == 0:
            return "all jobs"
        if dimension == "soc":  # "instead of actors, entertainers and presenters"; "IT ..." stays
            return lower_first(self.label(dimension, code))
        if dimension == "qualification" and code:
            plain = QUALIFICATION_NAMES.get(code) or APS_QUALIFICATION_WORDS.get(code)
            return f"people with {plain}" if plain else self.label(dimension, code)
        return self.label(dimension, code)

    def geography(self, region: int) -> str:
        return self.store.regions[region] if region else self.area

    def breakdown(self, cell: Cell, all_status: int) -> dict[str, str]:
        """The dimensions a figure is actually for, beyond occupation and place."""
        s = self.store
        out: dict[str, str] = {}
        if cell.gender:
            out["gender"] = s.genders[cell.gender]
        if cell.status != all_status:
            out["status"] = s.statuses[cell.status]
        if cell.qualification:
            out["qualification"] = s.qualifications[cell.qualification]
        if cell.age is not None:
            out["age"] = str(cell.age)
        return out

    def requested(self, q: Query) -> dict[str, str]:
        s = self.store
        out = {
            "soc": f"{q.soc} {self.label('soc', q.soc)}",
            "geography": s.regions[q.region] if q.region else "United Kingdom",
        }
        if q.gender:
            out["gender"] = s.genders[q.gender]
        if q.status:
            out["status"] = s.statuses[q.status]
        if q.qualification:
            out["qualification"] = s.qualifications[q.qualification]
        if q.age is not None:
            out["age"] = str(q.age)
        return out
