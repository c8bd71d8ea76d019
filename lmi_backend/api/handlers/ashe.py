"""ashe/*: pay (estpay: median gross pounds a week) and paid hours by year, with the filters and
breakdowns the original took. The cell asked for is checked by the disclosure rules like any
question: `coarse=true` lets the figure come from a wider SOC group (the answer's `soc` says
which); otherwise a suppressed cell gives null. Breakdown entries are for the group the answer
describes and never move: an entry that cannot be given exactly is null."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ...disclosure import Fallback
from ...estimates.pay import AGES
from ...service import LmiService, Query
from .. import adapters
from ..endpoints import COARSE, CODE_LISTS, OWN_LIST, SOC, ApiError, Call, Param, endpoint

ASHE = "ONS Annual Survey of Hours and Earnings"
PAY_SOURCE = (
    f"{ASHE}: 2011 and 2017-2021 by SOC2010 (Tables 14, 14.7a), 2022-2025 by SOC2020 through the "
    "job's SOC2020 link (Table 14), by region (Tables 3, 15.7a), and the project's estimates for other cells"
)
HOURS_SOURCE = (
    f"{ASHE}: total paid hours, the newest year published for the cell (Table 14: 2021 by SOC2010, "
    "2022-2025 by SOC2020 through the job's link; Table 3 by region), else derived from pay"
)
FILTER_NAMES = ("region", "gender", "status", "qualification", "age")
BREAKDOWN_AGES = tuple(range(AGES.start, AGES.stop, 5))  # 20, 25, ... 65
ASHE_STATUSES = (1, 2)  # ASHE covers employees: full-time and part-time
SEPARATORS = re.compile(r"[,|;]")
FILTERS = Param(
    "filters",
    "cell to describe, name:code pairs separated by commas, e.g. region:11,gender:2 "
    "(region 1-12, gender 1-2, status 1 full-time / 2 part-time, qualification 1-9, age in years)",
    example="region:11",
)
AGE = Param("age", "age in years (pay is estimated for ages 20 to 65)", "integer", example="25")
BREAKDOWN = Param(
    "breakdown", "one entry per code of region, gender, status, qualification or age", example="region"
)
ESTIMATE_PARAMS = (SOC, COARSE, FILTERS, AGE, BREAKDOWN)


def cell(call: Call) -> Query:
    """The cell asked for: soc, `filters` and `age`."""
    codes: dict[str, int] = {}
    for part in SEPARATORS.split(call.value("filters") or ""):
        name, _, code = part.partition(":")
        name = name.strip().lower()
        if name not in FILTER_NAMES:
            continue  # unknown filters are ignored, as unknown parameters are
        if not code.strip().isdigit() or len(code.strip()) > 3:
            raise ApiError(f"The {name} filter needs a code, e.g. {name}:1.")
        codes[name] = int(code)
    age = call.integer("age")
    if "age" not in codes and age is not None:
        codes["age"] = age
    return Query(call.soc(), **codes)


def breakdown_codes(service: LmiService, name: str | None) -> tuple[str, tuple[int, ...]] | None:
    if name is None or not name.strip():
        return None
    dimension = name.strip().lower()
    if dimension == "age":
        return dimension, BREAKDOWN_AGES
    if dimension == "status":
        return dimension, ASHE_STATUSES
    if dimension not in FILTER_NAMES:
        raise ApiError(f"breakdown must be one of {', '.join(FILTER_NAMES)}.")
    return dimension, tuple(service.codes(dimension))


def whole(value: float | None) -> int | None:
    return None if value is None else round(value)


def _pay(call: Call, years_key: str) -> dict:
    q = cell(call)
    main = adapters.pay_years(call.service, q, call.fallback())
    split = breakdown_codes(call.service, call.value("breakdown"))
    rows: list[dict[str, Any]] = [{"year": year, "estpay": whole(pay)} for year, pay in main.weekly.items()]
    if split:
        dimension, codes = split
        parts = {
            code: adapters.pay_years(
                call.service, replace(q, soc=main.soc, **{dimension: code}), Fallback.EXACT
            )
            for code in codes
        }
        for row in rows:
            row["breakdown"] = [
                {dimension: code, "estpay": whole(parts[code].weekly.get(row["year"]))} for code in codes
            ]
    return {"soc": main.soc, years_key: rows}


@endpoint(
    "/ashe/estimatePay",
    "ashe",
    "Median gross weekly pay (estpay, pounds a week) by year, optionally by region, sex, "
    "status, qualification or age",
    params=ESTIMATE_PARAMS,
    example="/ashe/estimatePay?soc=5314&coarse=true",
    answers_from=PAY_SOURCE,
)
def estimate_pay(call: Call) -> dict:
    return _pay(call, "series")


@endpoint(
    "/ashe/estimate",
    "ashe",
    "The 2013 form of estimatePay: the same figures under `years` (and `series`)",
    params=ESTIMATE_PARAMS,
    example="/ashe/estimate?soc=5314",
    answers_from=PAY_SOURCE,
)
def estimate_2013(call: Call) -> dict:
    answer = _pay(call, "series")
    return {**answer, "years": answer["series"]}


@endpoint(
    "/ashe/estimateHours",
    "ashe",
    "Median paid hours a week in the newest year published, optionally by region, sex or status "
    "(an entry with no figure for that year, and every qualification or age entry, is null)",
    params=ESTIMATE_PARAMS,
    example="/ashe/estimateHours?soc=5314&coarse=true",
    answers_from=HOURS_SOURCE,
)
def estimate_hours(call: Call) -> dict:
    q = cell(call)
    main = adapters.paid_hours(call.service, q, call.fallback())
    row: dict[str, Any] = {"year": main.year, "hours": whole(main.hours)}
    split = breakdown_codes(call.service, call.value("breakdown"))
    if split:
        dimension, codes = split
        entries = []
        for code in codes:
            part = adapters.paid_hours(
                call.service, replace(q, soc=main.soc, **{dimension: code}), Fallback.EXACT
            )
            entries.append({dimension: code, "hours": whole(part.hours) if part.year == main.year else None})
        row["breakdown"] = entries
    return {"soc": main.soc, "series": [row]}


@endpoint(
    "/ashe/annualChanges",
    "ashe",
    "Year-on-year change in median gross pay, per cent",
    params=(SOC, COARSE, FILTERS, AGE),
    example="/ashe/annualChanges?soc=5314",
    answers_from=PAY_SOURCE,
)
def annual_changes(call: Call) -> dict:
    main = adapters.pay_years(call.service, cell(call), call.fallback())
    changes = []
    for year, pay in main.annual.items():
        before = main.annual.get(year - 1)
        if pay is not None and before:
            changes.append({"year": year, "change": round(100 * (pay / before - 1), 1)})
    # as estimatePay, a row (change null) when there is nothing to compare: apps read the latest
    return {"soc": main.soc, "annual_changes": changes or [{"year": max(main.annual), "change": None}]}


def _filter(service: LmiService, name: str) -> dict:
    codes = ASHE_STATUSES if name == "status" else tuple(service.codes(name))
    names = service.codes(name)
    return {"name": name, "codings": [{"name": names[code], "value": code} for code in codes]}


CODED_FILTERS = ("region", "gender", "status", "qualification")


@endpoint(
    "/ashe/filters",
    "ashe",
    "The names of the filters estimatePay and estimateHours take",
    example="/ashe/filters",
    answers_from=OWN_LIST,
)
def filters(call: Call) -> list[str]:
    return list(FILTER_NAMES)


@endpoint(
    "/ashe/filters/all",
    "ashe",
    "Every coded filter with its codes and names (age is in years)",
    example="/ashe/filters/all",
    answers_from=CODE_LISTS,
)
def filters_all(call: Call) -> list[dict]:
    return [_filter(call.service, name) for name in CODED_FILTERS]


@endpoint(
    "/ashe/filter/{name}",
    "ashe",
    "One coded filter with its codes and names",
    params=(
        Param(
            "name", "region, gender, status or qualification", where="path", required=True, example="region"
        ),
    ),
    example="/ashe/filter/region",
    answers_from=CODE_LISTS,
)
def one_filter(call: Call) -> dict:
    name = (call.value("name") or "").strip().lower()
    if name not in CODED_FILTERS:
        raise ApiError(f"No such filter: use one of {', '.join(CODED_FILTERS)}.")
    return _filter(call.service, name)
