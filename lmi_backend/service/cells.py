"""From a question to the cell the disclosure layer checks, and that cell's employment.

Employment of a cell is the fitted SOC x region x sex x status cell (est_employment), times the
occupation's share in the qualification group and in the age band when those are asked:
independence within the occupation, as the estimates document. Qualification levels the survey
does not separate (RQF 1-5 and 8 on their own) have no employment, so the ladder moves them to
the survey group that contains them.
"""

from __future__ import annotations

from ..disclosure import QUAL_EXACT, Cell
from .store import Store
from .types import Query

STATUS_CODES = (1, 2, 3)


def validate(store: Store, q: Query) -> None:
    """Refuse codes outside the dimensions, naming the bad one (callers pass user input)."""
    if q.soc not in store.soc:
        raise ValueError(f"Unknown SOC2010 code {q.soc}")
    if q.region is not None and not 1 <= q.region <= 12:
        raise ValueError(f"Region must be 1-12 (LMI for All codes), not {q.region}")
    if q.gender not in (None, 1, 2):
        raise ValueError(f"Gender must be 1 (male) or 2 (female), not {q.gender}")
    if q.status is not None and q.status not in STATUS_CODES:
        raise ValueError(f"Status must be 1 (full-time), 2 (part-time) or 3 (self-employed), not {q.status}")
    if q.qualification is not None and not 1 <= q.qualification <= 9:
        raise ValueError(f"Qualification must be an RQF code 1-9, not {q.qualification}")
    if q.age is not None and not 10 <= q.age <= 100:
        raise ValueError(f"Age must be in years, 10-100, not {q.age}")


def to_cell(q: Query, all_status: int) -> Cell:
    qualification = QUAL_EXACT.get(q.qualification, q.qualification) if q.qualification else 0
    return Cell(
        soc=q.soc,
        region=q.region or 0,
        gender=q.gender or 0,
        status=q.status or all_status,
        qualification=qualification,
        age=q.age,
    )


def employment(store: Store, cell: Cell) -> float | None:
    value = store.employment(cell.soc, cell.region, cell.gender, cell.status)
    if value is None:
        return None
    if cell.qualification:
        share = store.share("qualification", cell.soc, cell.qualification)
        if share is None:
            return None
        value *= share
    if cell.age is not None:
        band = store.age_band(cell.age)
        share = None if band is None else store.share("age_band", cell.soc, band)
        if share is None:
            return None
        value *= share
    return value
