"""Where the endpoint families whose data is about to grow meet the service: one function per
family, returning plain values for the handlers, so pointing a family at new service calls
changes only its function here.

- projection(): wf/predict, wf/predict/breakdown/*, wf/replacement_demand. Today the Skills
  Imperative 2035 projections for England shared out to unit groups (LmiService.outlook): two
  years (2020, 2035), by sex only. Working Futures 2017-2027 (UK, every year, by qualification,
  status and industry) would answer more years and breakdowns.
- pay_years(): ashe/estimatePay, ashe/annualChanges: ASHE 2011 and 2017-2025 (LmiService.pay_series;
  2022 on through the job's SOC2020 link).
- paid_hours(): ashe/estimateHours. Today ASHE 2020 by group and region, 2021 derived.
- census(): census/*. No source in the database yet: the original's empty answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..disclosure import RELEASED, Fallback
from ..service import LmiService, Query


@dataclass(frozen=True)
class Projection:
    soc: int  # the SOC group the figures describe
    employment: dict[int, float]  # year -> people in work
    start_year: int
    end_year: int
    replacement_demand: float  # people needed to replace those leaving, start_year to end_year


def projection(
    service: LmiService, soc: int, fallback: Fallback, *, gender: int | None = None, **other: int | None
) -> Projection | None:
    """Projected employment of a job, for everyone or one group; None when no figure can be
    given (no source projects that group, or the disclosure rules hold it back)."""
    if any(code is not None for code in other.values()):
        return None  # region, status, qualification, industry: not in the projections we hold
    result = service.outlook(Query(soc, gender=gender), fallback)
    if result.reliability not in RELEASED or not result.period:
        return None
    start, end = (int(year) for year in result.period.split("-"))
    now, later, replacement = (
        result.values.get(k) for k in ("employment_now", "employment_2035", "replacement")
    )
    if now is None or later is None or replacement is None:
        return None
    return Projection(result.soc, {start: now, end: later}, start, end, replacement)


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


def census(kind: str, area: str) -> list[dict]:
    """Occupations of the people living or working near `area` (a postcode or "lat,lng"):
    none until the database holds the 2011 Census by local authority and postcodes."""
    return []
