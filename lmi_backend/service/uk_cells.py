"""The UK ASHE figures of a SOC2010 group, whichever classification ONS published them in.

ASHE is coded to SOC2010 up to 2021 and to SOC2020 from 2022. For a unit group the newest figure
a user can trust comes first (lmi_backend/estimates/soc2020_link.py decides which):
- a direct link: the SOC2020 group's published cell stands for the job, unchanged;
- a combined link (pay only): the share-weighted combination of the job's SOC2020 groups'
  published cells, an estimate;
- otherwise, and for every year before 2022, the SOC2010 cell (2021 back to 2017).
All jobs together (code 0) are the same population in both classifications. Groups above unit
level (the disclosure ladder's fallbacks) keep their SOC2010 figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..estimates.pay import STATS
from ..estimates.soc2020_link import COVERAGE_MIN
from .store import PayCell, Store

SOC2020_YEARS = ("2025", "2024", "2023", "2022")  # newest first
SOC2010_SERIES_YEARS = ("2011", "2017", "2018", "2019", "2020", "2021")
DIRECT, COMBINED = "direct", "combined"
ALL_JOBS = 0
# how finely a combined estimate is given: pounds a year to £10, a week to 10p, an hour to 1p
ROUNDING = {"annual": -1, "weekly": 1, "hourly": 2, "paid_hours_total": 1}


@dataclass(frozen=True)
class UkCell:
    """One UK cell of ASHE figures for a SOC2010 group: statistic -> value for one year."""

    period: str
    values: dict[str, float | None]
    provenance_ids: tuple[int, ...]
    classification: str = "SOC2010"
    groups: tuple[tuple[int, float], ...] = ()  # SOC2020 groups used, with the job's share in each
    estimate: bool = False
    method_id: int | None = None  # estimate_method of the SOC2020 link, where one was used

    def soc2020(self, store: Store) -> list[dict]:
        """The SOC2020 groups as plain data for a Result."""
        return [
            {"code": code, "title": store.soc2020_titles.get(code, ""), "share": round(share, 3)}
            for code, share in self.groups
        ]


def uk_cell(
    store: Store,
    soc: int,
    gender: int,
    status: int,
    measure: str,
    period: str | None = None,
    *,
    estimates: bool = True,
) -> UkCell | None:
    """The given year's cell, or the newest with a median. `estimates=False` leaves out combined
    links (published figures only)."""
    if period is None or period >= SOC2020_YEARS[-1]:
        for year in (period,) if period else SOC2020_YEARS:
            found = linked(store, soc, gender, status, measure, year, estimates=estimates)
            if found is not None:
                return found
        if period:
            return None
    published = store.pay_cell(soc, 0, gender, status, measure, period)
    return _soc2010(published) if published else None


def _soc2010(cell: PayCell) -> UkCell:
    return UkCell(cell.period, cell.values, (cell.provenance_id,))


def linked(
    store: Store, soc: int, gender: int, status: int, measure: str, year: str, *, estimates: bool = True
) -> UkCell | None:
    """One year's SOC2020 figures standing for a SOC2010 unit group (or all jobs), if its link
    allows and the cell has a median."""
    if soc == ALL_JOBS:
        cell = store.pay_cell_soc2020(ALL_JOBS, gender, status, measure, year)
        return _direct(cell, ALL_JOBS, 1.0, None) if cell else None
    link = store.soc2020_links.get(soc)
    if link is None or link.pay_link not in ((DIRECT, COMBINED) if estimates else (DIRECT,)):
        return None
    method = store.method_ids.get(f"soc2020_{link.pay_link}")
    if link.pay_link == DIRECT:
        cell = store.pay_cell_soc2020(link.main, gender, status, measure, year)
        return _direct(cell, link.main, link.forward_share, method) if cell else None
    return _combined(store, link.shares, gender, status, measure, year, method)


def _direct(cell: PayCell, code: int, share: float, method: int | None) -> UkCell:
    return UkCell(cell.period, cell.values, (cell.provenance_id,), "SOC2020", ((code, share),), False, method)


def _combined(
    store: Store,
    shares: dict[int, float],
    gender: int,
    status: int,
    measure: str,
    year: str,
    method: int | None,
) -> UkCell | None:
    """Each statistic averaged over the SOC2020 groups that publish it, weighted by the job's
    share in each; a statistic whose groups hold under COVERAGE_MIN of the job's workers is
    left out (the median decides whether there is a figure at all)."""
    found = {b: store.pay_cell_soc2020(b, gender, status, measure, year) for b in shares}
    cells = {b: c for b, c in found.items() if c is not None}
    listed = sum(shares.values())
    values: dict[str, float | None] = {}
    for stat in STATS:
        have = {b: c.values[stat] for b, c in cells.items() if c.values.get(stat) is not None}
        weight = sum(shares[b] for b in have)
        total = sum(shares[b] * v for b, v in have.items() if v is not None)
        values[stat] = round(total / weight, ROUNDING[measure]) if weight >= COVERAGE_MIN * listed else None
    if values["median"] is None:
        return None
    used = tuple(sorted(((b, shares[b]) for b in cells), key=lambda g: -g[1]))
    ids = tuple(sorted({c.provenance_id for c in cells.values()}))
    return UkCell(year, values, ids, "SOC2020", used, True, method)
