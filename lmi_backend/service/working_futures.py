"""Working Futures 2017-2027 (UK): yearly employment, replacement demand and breakdowns by sex,
qualification, status and industry, as plain data per year for the LMI for All API's wf/predict,
wf/replacement_demand and wf/predict/breakdown/* (and anything else that wants them).

Working Futures projects major and sub-major groups; a smaller group gets its group's figures
times a fixed share (lmi_backend/estimates/working_futures.py), labelled as an estimate. The
qualification table has sub-major groups only, so a major group's qualification mix is the sum
of its sub-major groups'. Status and industry are published for major groups only, industry by
75 industries; the 22 industry groups of the Working Futures scheme (what LMI for All broke
projections down by) are sums of them, added up before the disclosure check. There is no
regional Working Futures source: a region breakdown is empty, with the reason as a code.

Every cell goes through the disclosure layer's PROJECTION rule (the workbook's own warning):
a series moves up the SOC ladder as a whole until its smallest year passes; a breakdown is
released item by item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .. import notes
from ..disclosure import NO_DATA, PROJECTION, Cell, Fallback, Outcome, drop, release, resolve, worst
from .labels import Labels
from .results import Figure, make_result, table_result
from .store import Store, WfCell
from .types import Query, Result

DATASET = "working_futures_2017_2027"
THOUSAND = 1000.0
SERIES_YEARS = tuple(str(y) for y in range(2007, 2028))
BASE, TARGET, CHANGE = "2017", "2027", "2017-2027"
BREAKDOWNS = ("gender", "qualification", "status", "industry", "industry_group", "region")
NO_REGIONAL_SOURCE = notes.NO_REGIONAL_SOURCE
# where each breakdown is published: sub-major groups (level 2) or major groups (level 1)
PUBLISHED_LEVEL = {
    "series": 2,
    "gender": 2,
    "qualification": 2,
    "status": 1,
    "industry": 1,
    "industry_group": 1,
}
# the WfCell field a breakdown's codes come from, where it is not the breakdown's own name
CELL_FIELD = {"industry_group": "industry"}
INDUSTRY_GROUP_BASE = 100  # the database numbers the 22 groups 101-122 (db/dimensions.py); the scheme 1-22
GENDER_NAMES = {1: "Male", 2: "Female"}


@dataclass(frozen=True)
class Projected:
    """A group's Working Futures figures as they apply to the asked group: the projected group's
    cells, the share that scales them, and the method when a share (an estimate) was used."""

    cells: list[WfCell]
    share: float
    method_id: int | None

    def people(self, cell: WfCell) -> float | None:
        return self.scaled(cell.value)

    def scaled(self, thousands: float | None) -> float | None:
        return None if thousands is None else round(thousands * THOUSAND * self.share)


def projected(store: Store, soc: int, level: int) -> Projected | None:
    """Figures published at `level` (1 major, 2 sub-major) for `soc`: its own where it is that
    level or above (a major group's qualification cells are its sub-major groups' sums), else
    its group's times its fixed share."""
    digits = len(str(soc)) if soc else 0
    if digits <= level:
        if digits == 1 and level == 2:
            return _summed(store, soc)
        return Projected(store.wf_cells(soc), 1.0, None)
    group = int(str(soc)[:level])
    share = store.wf_share(soc, group)
    if share is None:
        return None
    return Projected(store.wf_cells(group), share[0], share[1])


def _summed(store: Store, major: int) -> Projected:
    """A major group's figures, with its qualification cells summed from its sub-major groups."""
    own = [c for c in store.wf_cells(major) if not c.qualification]
    sums: dict[WfCell, float] = defaultdict(float)
    for sub in (code for code, g in store.soc.items() if g.level == 2 and code // 10 == major):
        for c in store.wf_cells(sub):
            if c.qualification and c.value is not None:
                sums[replace(c, value=None)] += c.value  # cells of the same key and source add up
    summed = [replace(key, value=value) for key, value in sums.items()]
    return Projected(own + summed, 1.0, None)


def _years(years: tuple[str, ...], min_year: int | None, max_year: int | None) -> tuple[str, ...]:
    return tuple(
        y
        for y in years
        if (min_year is None or int(y) >= min_year) and (max_year is None or int(y) <= max_year)
    )


def _employment(p: Projected, **where: object) -> dict[str, float | None]:
    """Employment (people) by year of the cells matching `where` (other dimensions 'all')."""
    key = {"gender": 0, "status": 0, "qualification": 0, "industry": 0, **where}
    return {
        c.period: p.people(c)
        for c in p.cells
        if c.measure == "employment" and all(getattr(c, k) == v for k, v in key.items())
    }


def _checked(q: Query) -> tuple[Cell, tuple]:
    """Working Futures gives UK figures: a region asked is dropped, saying why."""
    return drop(Cell(q.soc, region=q.region or 0), ["region"], notes.WORKING_FUTURES_UK_ONLY)


def predict(
    store: Store,
    labels: Labels,
    q: Query,
    min_year: int | None = None,
    max_year: int | None = None,
    fallback: Fallback = Fallback.LADDER,
) -> Result:
    """Employment every year 2007-2027 (or the years asked)."""
    years = _years(SERIES_YEARS, min_year, max_year)
    cell, prior = _checked(q)
    outcome = resolve(
        cell,
        lambda c: _smallest(store, c.soc, years),
        lambda c: _series_figure(store, c.soc, years),
        rule=PROJECTION,
        prior=prior,
        fallback=fallback,
    )
    return _result("wf_predict", store, labels, q, outcome)


def _smallest(store: Store, soc: int, years: tuple[str, ...]) -> float | None:
    found = projected(store, soc, PUBLISHED_LEVEL["series"])
    if found is None:
        return None
    series = _employment(found)
    values = [series.get(y) for y in years]
    return None if not values or None in values else min(v for v in values if v is not None)


def _series_figure(store: Store, soc: int, years: tuple[str, ...]) -> Figure | None:
    found = projected(store, soc, PUBLISHED_LEVEL["series"])
    if found is None:
        return None
    series = _employment(found)
    items = []
    for year in years:
        released = release(series.get(year), series.get(year), PROJECTION)
        value, reliability = released.figure, released.reliability
        items.append({"year": int(year), "employment": value, "reliability": reliability})
    return _figure(store, found, f"{years[0]}-{years[-1]}" if years else None, {}, items, _total_employment)


def _total_employment(c: WfCell) -> bool:
    return c.measure == "employment" and not (c.gender or c.status or c.qualification or c.industry)


def replacement_demand(
    store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER
) -> Result:
    """Employment 2017 and 2027, net change, replacement demand and total requirement 2017-2027,
    and the replacement rate (replacement demand over 2017 employment)."""
    cell, prior = _checked(q)

    def size(c: Cell) -> float | None:
        found = projected(store, c.soc, PUBLISHED_LEVEL["series"])
        return _employment(found).get(BASE) if found else None

    def figure(c: Cell) -> Figure | None:
        found = projected(store, c.soc, PUBLISHED_LEVEL["series"])
        if found is None:
            return None
        employment = _employment(found)
        change = {
            cl.measure: found.people(cl)
            for cl in found.cells
            if cl.period == CHANGE and not (cl.gender or cl.status or cl.qualification or cl.industry)
        }
        base = employment.get(BASE)
        values = {
            "employment_2017": base,
            "employment_2027": employment.get(TARGET),
            "net_change": change.get("net_change"),
            "replacement_demand": change.get("replacement_demand"),
            "total_requirement": change.get("total_requirement"),
        }
        rd = values["replacement_demand"]
        values["replacement_rate"] = round(rd / base, 4) if rd is not None and base else None
        return _figure(store, found, CHANGE, values, [], lambda c: _total_employment(c) or c.period == CHANGE)

    outcome = resolve(cell, size, figure, rule=PROJECTION, prior=prior, fallback=fallback)
    return _result("wf_replacement_demand", store, labels, q, outcome)


def breakdown(
    store: Store,
    labels: Labels,
    q: Query,
    dimension: str,
    min_year: int | None = None,
    max_year: int | None = None,
) -> Result:
    """Employment by sex, qualification (nine RQF levels), status, industry (75 Working Futures
    industries) or industry_group (its 22 groups) in each year the workbook gives; each item
    released on its own. A region breakdown has no source: empty, with reason "no_regional_source"."""
    if dimension not in BREAKDOWNS:
        raise ValueError(f"Breakdown must be one of {', '.join(BREAKDOWNS)}, not {dimension!r}")
    if dimension == "region":
        return _empty(store, labels, q, NO_REGIONAL_SOURCE)
    found = projected(store, q.soc, PUBLISHED_LEVEL[dimension])
    if found is None:
        return _empty(store, labels, q, None)
    names = _names(store, labels, dimension)
    own = CELL_FIELD.get(dimension, dimension)
    others = {"gender", "status", "qualification", "industry"} - {own}
    thousands: dict[tuple[str, int], float | None] = {}  # (year, code) -> the cells' sum
    for c in found.cells:
        code = _code(store, dimension, getattr(c, own))
        if c.measure != "employment" or not code or any(getattr(c, o) for o in others):
            continue
        before = thousands.get((c.period, code), 0.0)
        thousands[(c.period, code)] = None if before is None or c.value is None else before + c.value
    by_year: dict[str, list[dict]] = defaultdict(list)
    for (year, code), value in thousands.items():
        people = found.scaled(value)
        released = release(people, people, PROJECTION)
        by_year[year].append(
            {
                "code": code,
                "name": names.get(code, str(code)),
                "employment": released.figure,
                "reliability": released.reliability,
            }
        )
    years = _years(tuple(sorted(by_year)), min_year, max_year)
    items: list[dict[str, Any]] = [
        {"year": int(y), "breakdown": sorted(by_year[y], key=lambda i: i["code"])} for y in years
    ]
    period = f"{years[0]}-{years[-1]}" if years else None
    figure = _figure(store, found, period, {}, items, lambda c: bool(getattr(c, own)))
    reliability = worst(i["reliability"] for item in items for i in item["breakdown"])
    return table_result(
        f"wf_breakdown_{dimension}",
        store,
        labels,
        q,
        figure,
        reliability,
        breakdown={"by": dimension},
        dataset=DATASET,
    )


def _code(store: Store, dimension: str, code: int) -> int:
    """A cell's code on a breakdown: its own, or for industry_group its industry's group (1-22)."""
    if dimension != "industry_group" or not code:
        return code
    return store.industry_parents[code] - INDUSTRY_GROUP_BASE


def industry_groups(store: Store) -> dict[int, str]:
    """Working Futures' 22 industry groups, numbered 1-22 as in its scheme."""
    return {code - INDUSTRY_GROUP_BASE: name for code, name in sorted(store.industry_groups.items())}


def _names(store: Store, labels: Labels, dimension: str) -> dict[int, str]:
    if dimension == "industry_group":
        return industry_groups(store)
    if dimension == "gender":
        return dict(GENDER_NAMES)
    if dimension == "status":
        return {c: n for c, n in store.statuses.items() if c in (1, 2, 3)}
    if dimension == "qualification":
        return {c: n for c, n in store.qualifications.items() if 1 <= c <= 9}
    return {c: n for c, n in store.industries.items() if 1 <= c <= 75}


def _figure(
    store: Store,
    found: Projected,
    period: str | None,
    values: dict,
    items: list[dict],
    used: Callable[[WfCell], bool],
) -> Figure:
    """The figure with the sources of the cells `used` (and of the fixed shares, if any)."""
    ids = sorted({c.provenance_id for c in found.cells if used(c)})
    method = store.methods[found.method_id] if found.method_id else None
    if method:
        ids = sorted(set(ids) | set(method.provenance_ids))
    return Figure(
        values,
        period,
        method is not None,
        ids,
        method.description + "." if method else None,
        [method.key] if method else [],
        items=items,
    )


def _result(kind: str, store: Store, labels: Labels, q: Query, outcome: Outcome[Figure]) -> Result:
    result = make_result(kind, store, labels, q, outcome, "people", 0)
    result.dataset = DATASET
    return result


def _empty(store: Store, labels: Labels, q: Query, reason: str | None) -> Result:
    figure = Figure({}, None, False, [])
    return table_result(
        "wf_breakdown", store, labels, q, figure, NO_DATA, unavailable=reason, dataset=DATASET
    )
