"""Names for codes in a Result: what was asked, what a figure describes, and the two sides of a
change (the answer layer words changes itself, from their codes: answers/words.py)."""

from __future__ import annotations

from ..disclosure import Cell
from ..jobtitles import sentence_case
from .store import Store
from .types import Query

GENDER_WORDS = {0: "men and women together", 1: "men", 2: "women"}
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
