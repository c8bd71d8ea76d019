"""Where the endpoint families whose data grows meet the service: one function per family,
returning plain values for the handlers, so pointing a family at new service calls changes only
its function here.

- projection(), replacement(), projection_breakdown(): wf/predict, wf/replacement_demand,
  wf/predict/breakdown/*. Working Futures 2017-2027 for the UK (LmiService.wf_predict,
  wf_replacement_demand, wf_breakdown): every year 2007-2027, by sex, qualification, status and
  the 22 industry groups in the years the workbook publishes them; no regional source.
- pay_years(): ashe/estimatePay, ashe/annualChanges: ASHE 2011 and 2017-2025 (LmiService.pay_series;
  2022 on through the job's SOC2020 link).
- paid_hours(): ashe/estimateHours: the newest trustworthy year of paid hours (LmiService.hours).
- area_jobs(): census/jobs_breakdown, census/resident_occupations: Census 2011 residents in
  employment by minor group in the local authority of a postcode or position (LmiService.area_jobs);
  none for Scotland and Northern Ireland.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..disclosure import RELEASED, Fallback
from ..service import LmiService, Query


@dataclass(frozen=True)
class Projection:
    soc: int  # the SOC group the figures describe
    employment: dict[int, float | None]  # year -> people in work; None: withheld (the workbook's warning)


def projection(
    service: LmiService, soc: int, fallback: Fallback, min_year: int | None, max_year: int | None
) -> Projection | None:
    """Projected employment of a job in the years asked; None when no figure can be given."""
    result = service.wf_predict(Query(soc), min_year, max_year, fallback)
    if result.reliability not in RELEASED:
        return None
    return Projection(result.soc, {item["year"]: item["employment"] for item in result.items})


@dataclass(frozen=True)
class Replacement:
    soc: int
    start_year: int
    end_year: int
    rate: float  # people needed to replace those leaving, start to end, per 100 in work at the start


def replacement(service: LmiService, soc: int, fallback: Fallback) -> Replacement | None:
    result = service.wf_replacement_demand(Query(soc), fallback)
    needed, base = (result.values.get(k) for k in ("replacement_demand", "employment_2017"))
    if result.reliability not in RELEASED or not result.period or needed is None or not base:
        return None
    start, end = (int(year) for year in result.period.split("-"))
    return Replacement(result.soc, start, end, round(100 * needed / base, 1))


@dataclass(frozen=True)
class ProjectionBreakdown:
    soc: int
    years: dict[int, list[dict[str, Any]]]  # year -> entries: code, name, employment, reliability
    unavailable: str | None  # the reason key when no source gives the breakdown


def projection_breakdown(
    service: LmiService, soc: int, dimension: str, min_year: int | None, max_year: int | None
) -> ProjectionBreakdown:
    """Projected employment of exactly `soc` split by `dimension`, each entry released on its own
    (null where the workbook's warning withholds it)."""
    result = service.wf_breakdown(Query(soc), dimension, min_year, max_year)
    return ProjectionBreakdown(
        result.soc, {item["year"]: item["breakdown"] for item in result.items}, result.unavailable
    )


@dataclass(frozen=True)
class PayYears:
    soc: int  # the SOC group the figures describe
    weekly: dict[int, float | None]  # year -> median gross weekly pay, GBP
    annual: dict[int, float | None]  # year -> median gross annual pay, GBP


def pay_years(service: LmiService, q: Query, fallback: Fallback) -> PayYears:
    """Median pay of a cell in each year; with no figure, the latest year with none."""
    result = service.pay_series(q, fallback=fallback)
    if result.reliability not in RELEASED or not result.items:
        latest = int(service.pay_periods[-1])
        return PayYears(q.soc, {latest: None}, {latest: None})
    return PayYears(
        result.soc,
        {item["year"]: item["weekly_median"] for item in result.items},
        {item["year"]: item["value"] for item in result.items},
    )


@dataclass(frozen=True)
class PaidHours:
    soc: int
    year: int
    hours: float | None  # median paid hours a week


def paid_hours(service: LmiService, q: Query, fallback: Fallback) -> PaidHours:
    result = service.hours(q, fallback)
    if result.reliability not in RELEASED or not result.period:
        return PaidHours(q.soc, int(service.pay_periods[-1]), None)
    return PaidHours(result.soc, int(result.period), result.values.get("median"))


@dataclass(frozen=True)
class AreaJobs:
    name: str  # the local authority (or region) the figures are for
    area: dict[str, str]  # how the area was matched: matched_by, matched, local_authority, country
    year: int | None
    groups: list[dict[str, Any]]  # largest first: soc, title, persons, share_pct
    unavailable: str | None  # the reason key when the census has no rows for the area


def area_jobs(service: LmiService, area: str) -> AreaJobs:
    """The minor groups of the jobs people living in the area do (ValueError: no such area)."""
    result = service.area_jobs(area)
    return AreaJobs(
        result.geography,
        dict(result.breakdown),
        int(result.period) if result.period else None,
        result.items,
        result.unavailable,
    )
