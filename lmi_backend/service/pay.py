"""Pay and paid hours. Published ASHE figures are answers and come back unchanged whenever ONS
publishes the cell (occupation x sex x full/part-time for the UK; sub-major group x region;
4-digit x region for part-time). Other cells are estimates: the published UK figure of the same
occupation, sex and status times the relativities of lmi_backend/estimates/pay.py (region,
qualification, age), labelled with their method.

Weekly pay is not published below sub-major groups; where it is not, it is derived from annual
pay with the sub-major group's published weekly/annual ratio and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from .. import notes
from ..disclosure import QUAL_PARENT, Cell, Change, Fallback, drop, resolve, step_up
from ..estimates.hours import anchor
from ..estimates.pay import AGES, STATS, estimate, sigma
from .cells import employment, to_cell
from .labels import Labels
from .results import Figure, citations, make_result
from .store import Store
from .types import Query, Result
from .uk_cells import SOC2010_SERIES_YEARS, SOC2020_YEARS, UkCell, linked, uk_cell

EMPLOYEES = 4
ANNUAL = "GBP per year"
HOURS = "hours per week"
RATIO_PERIOD = "2020"  # ASHE Table 3: the year weekly and annual pay are both published by group


def pay(store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    cell, prior = _employees(to_cell(q, EMPLOYEES))
    if cell.qualification in QUAL_PARENT and cell.qualification < 10:
        cell, more = step_up(cell, "qualification", notes.QUALIFICATION_GROUPED, EMPLOYEES)
        prior += more
    if cell.age is not None and cell.age not in AGES:
        cell, more = drop(cell, ["age"], notes.PAY_AGE_RANGE, EMPLOYEES)
        prior += more
    return _checked("pay", store, labels, q, cell, prior, partial(pay_figure, store), ANNUAL, fallback)


def hours(store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    cell, prior = _employees(to_cell(q, EMPLOYEES))
    cell, more = drop(cell, ["qualification", "age"], notes.HOURS_NOT_BY_QUALIFICATION_OR_AGE, EMPLOYEES)
    figure = partial(hours_figure, store)
    return _checked("hours", store, labels, q, cell, prior + more, figure, HOURS, fallback)


def _checked(
    kind: str,
    store: Store,
    labels: Labels,
    q: Query,
    cell: Cell,
    prior: tuple[Change, ...],
    figure: Callable[[Cell], Figure | None],
    unit: str,
    fallback: Fallback,
) -> Result:
    """A pay or hours figure, checked against the employment of the same cell."""
    outcome = resolve(
        cell,
        lambda c: employment(store, c),
        figure,
        all_status=EMPLOYEES,
        prior=prior,
        fallback=fallback,
    )
    return make_result(kind, store, labels, q, outcome, unit, EMPLOYEES)


def _employees(cell: Cell) -> tuple[Cell, tuple[Change, ...]]:
    if cell.status == 3:
        return drop(cell, ["status"], notes.PAY_EMPLOYEES_ONLY, EMPLOYEES)
    return cell, ()


def pay_figure(store: Store, cell: Cell) -> Figure | None:
    if not cell.qualification and cell.age is None:
        if not cell.region:
            annual = uk_cell(store, cell.soc, cell.gender, cell.status, "annual")
            return _published(store, cell, annual) if annual else None
        regional = store.pay_cell(cell.soc, cell.region, cell.gender, cell.status, "annual")
        if regional is not None:
            return _published(
                store, cell, UkCell(regional.period, regional.values, (regional.provenance_id,))
            )
    return _estimated(store, cell)


def _same_source(store: Store, cell: Cell, annual: UkCell, measure: str) -> UkCell | None:
    """Another measure of the cell from the same year and classification as its annual pay."""
    if annual.classification == "SOC2020":
        return linked(store, cell.soc, cell.gender, cell.status, measure, annual.period)
    found = store.pay_cell(cell.soc, cell.region, cell.gender, cell.status, measure, annual.period)
    return UkCell(found.period, found.values, (found.provenance_id,)) if found else None


def _published(store: Store, cell: Cell, annual: UkCell) -> Figure:
    """Published figures (or, for a job whose SOC2020 groups are combined, their estimate): annual
    pay, and hourly and weekly pay of the same year; weekly pay where it is not published is
    derived from annual pay and says so."""
    values = {stat: annual.values.get(stat) for stat in STATS}
    ids = list(annual.provenance_ids)
    caveats: list[str] = []
    hourly = _same_source(store, cell, annual, "hourly")
    values["hourly_median"] = hourly.values.get("median") if hourly else None
    ids += hourly.provenance_ids if hourly else ()
    weekly = _same_source(store, cell, annual, "weekly")
    if weekly:
        values["weekly_median"] = weekly.values["median"]
        ids += weekly.provenance_ids
    else:
        values["weekly_median"], ratio_ids = _weekly(store, cell.soc, values["median"])
        caveats += [notes.WEEKLY_DERIVED] if ratio_ids else []
        ids += ratio_ids
    method = store.methods[annual.method_id] if annual.estimate and annual.method_id else None
    return Figure(
        values,
        annual.period,
        annual.estimate,
        ids + list(method.provenance_ids if method else ()),
        f"Estimate: {method.description}." if method else None,
        [method.key] if method else [],
        caveats,
        annual.classification,
        annual.soc2020(store),
    )


def _weekly(store: Store, soc: int, annual_median: float | None) -> tuple[float | None, list[int]]:
    """Weekly pay from annual pay, by the published weekly/annual ratio of the SOC group above
    (ASHE Table 3, 2020): not published for the job itself (caveat notes.WEEKLY_DERIVED)."""
    group = anchor(soc) if soc else 0
    weekly = store.pay_cell(group, 0, 0, EMPLOYEES, "weekly", RATIO_PERIOD)
    annual = store.pay_cell(group, 0, 0, EMPLOYEES, "annual", RATIO_PERIOD)
    weekly_median = weekly.values.get("median") if weekly else None
    ratio_base = annual.values.get("median") if annual else None
    if annual_median is None or weekly is None or annual is None or not weekly_median or not ratio_base:
        return None, []
    return round(annual_median * weekly_median / ratio_base, 1), [weekly.provenance_id, annual.provenance_id]


def _factor(store: Store, cell: Cell, measure: str) -> tuple[float | None, list[int]]:
    """Product of the relativities the cell needs for one measure, and their method ids."""
    wanted: list[tuple[str, int, str | None]] = []
    if cell.region:
        wanted.append(("region", cell.region, measure))
    if cell.qualification:
        wanted.append(("qualification", cell.qualification, None))
    if cell.age is not None:
        wanted.append(("age", cell.age, None))
    factor, methods = 1.0, []
    for dimension, code, m in wanted:
        found = store.relativity(cell.soc, dimension, code, m)
        if found is None:
            return None, []
        factor *= found[0]
        methods.append(found[1])
    return factor, methods


def _estimated(store: Store, cell: Cell) -> Figure | None:
    """A region, qualification or age: the UK figure for the job (as the UK answer gives it)
    times the relativities; percentiles the UK figure lacks follow a log-normal spread."""
    base = uk_cell(store, cell.soc, cell.gender, cell.status, "annual")
    factor, methods = _factor(store, cell, "annual")
    if base is None or factor is None:
        return None
    spread = sigma(base.values)
    if spread is None and cell.soc >= 10:
        parent = store.pay_cell(cell.soc // 10, 0, cell.gender, cell.status, "annual")
        spread = sigma(parent.values) if parent else None
    values = {
        k: None if v is None else round(v, -1) for k, v in estimate(base.values, factor, spread).items()
    }
    ids = list(base.provenance_ids)
    uk = replace(cell, region=0, qualification=0, age=None)
    caveats: list[str] = []
    for measure, key, digits in (("hourly", "hourly_median", 2), ("weekly", "weekly_median", 1)):
        published = _same_source(store, uk, base, measure)
        measure_factor, _ = _factor(store, cell, measure)
        median = published.values.get("median") if published else None
        if published and median is not None and measure_factor is not None:
            values[key] = round(median * measure_factor, digits)
            ids += published.provenance_ids
        elif measure == "weekly":
            values[key], ratio_ids = _weekly(store, cell.soc, values["median"])
            caveats += [notes.WEEKLY_DERIVED] if ratio_ids else []
            ids += ratio_ids
        else:
            values[key] = None
    link = store.methods[base.method_id] if base.estimate and base.method_id else None
    parts = [store.methods[m] for m in methods]
    ids += [i for m in parts + ([link] if link else []) for i in m.provenance_ids]
    published_as = (
        f"the UK figure for this job (ASHE {base.period}: {link.description})"
        if link
        else f"the published UK figure for this job (ASHE {base.period})"
    )
    method = (
        f"Estimate: {published_as} adjusted by "
        + "; and by ".join(m.description for m in parts)
        + ". Percentiles ONS does not publish for the UK follow a log-normal spread."
    )
    keys = [m.key for m in ([link] if link else []) + parts]
    return Figure(
        values, base.period, True, ids, method, keys, caveats, base.classification, base.soc2020(store)
    )


def hours_figure(store: Store, cell: Cell) -> Figure | None:
    """Published paid hours first (UK: 4-digit from 2021, by sex and work pattern; a region:
    Table 3's groups); else the UK figure times the region's relativity; hours derived from pay
    only where ONS publishes none. Never a combination of SOC2020 groups: hours change little
    from year to year, so a published figure beats a newer estimate."""
    if not cell.region:
        published = uk_cell(store, cell.soc, cell.gender, cell.status, "paid_hours_total", estimates=False)
        if published is not None:
            return _hours_published(store, published)
        return _derived_hours(store, cell, 1.0, []) if not cell.gender else None
    if not cell.gender and cell.status == EMPLOYEES:
        regional = store.pay_cell(cell.soc, cell.region, 0, EMPLOYEES, "paid_hours_total")
        if regional is not None:
            return _hours_published(
                store, UkCell(regional.period, regional.values, (regional.provenance_id,))
            )
    factor, methods = _factor(store, cell, "paid_hours_total")
    if factor is None:
        return None
    uk = uk_cell(store, cell.soc, cell.gender, cell.status, "paid_hours_total", estimates=False)
    if uk is None:
        return _derived_hours(store, cell, factor, methods) if not cell.gender else None
    parts = [store.methods[m] for m in methods]
    return Figure(
        {stat: None if v is None else round(v * factor, 1) for stat, v in uk.values.items() if stat in STATS},
        uk.period,
        True,
        list(uk.provenance_ids) + [i for m in parts for i in m.provenance_ids],
        f"Estimate: the published UK figure for this job (ASHE {uk.period}) adjusted by "
        + "; and by ".join(m.description for m in parts)
        + ".",
        [m.key for m in parts],
        [],
        uk.classification,
        uk.soc2020(store),
    )


def _hours_published(store: Store, cell: UkCell) -> Figure:
    values = {stat: cell.values.get(stat) for stat in STATS}
    return Figure(
        values,
        cell.period,
        False,
        list(cell.provenance_ids),
        classification=cell.classification,
        soc2020=cell.soc2020(store),
    )


def _derived_hours(store: Store, cell: Cell, factor: float, methods: list[int]) -> Figure | None:
    derived = store.est_hours(cell.soc, cell.status)
    if derived is None:
        return None
    figures, method_id, period = derived
    parts = [store.methods[m] for m in (method_id, *methods)]
    method = "Estimate: " + "; adjusted by ".join(m.description for m in parts) + "."
    values: dict[str, float | None] = {stat: round(v * factor, 1) for stat, v in figures.items()}
    return Figure(
        values,
        period,
        True,
        [i for m in parts for i in m.provenance_ids],
        method,
        [m.key for m in parts],
        [notes.HOURS_DERIVED],
    )


SERIES_UNITS = {"annual": ANNUAL, "weekly": "GBP per week", "hourly": "GBP per hour"}
SERIES_STATS = ("median", "mean")


def pay_series(
    store: Store,
    labels: Labels,
    q: Query,
    measure: str = "annual",
    stat: str = "median",
    fallback: Fallback = Fallback.LADDER,
) -> Result:
    """Pay in every year held (2011, 2017-2025), for "has pay gone up?", a line chart and the
    API's ashe/annualChanges. Plain data per year in `items`: the value, whether it is an
    estimate, the classification and SOC2020 groups, ONS's own % change on the previous year
    where it publishes one, and the source. The cell is checked like any pay figure: a job too
    small for its own figures gets its wider group's series. A region's series is the UK's
    times the region's pay relativity, labelled an estimate, as pay() estimates a region."""
    if measure not in SERIES_UNITS:
        raise ValueError(f"Pay series measure must be one of {', '.join(SERIES_UNITS)}, not {measure!r}")
    if stat not in SERIES_STATS:
        raise ValueError(f"Pay series statistic must be one of {', '.join(SERIES_STATS)}, not {stat!r}")
    cell, prior = _employees(to_cell(q, EMPLOYEES))
    cell, more = drop(cell, ["qualification", "age"], notes.SERIES_NOT_BY_QUALIFICATION_OR_AGE, EMPLOYEES)
    prior += more
    figure = partial(_series, store, measure=measure, stat=stat)
    return _checked("pay_series", store, labels, q, cell, prior, figure, SERIES_UNITS[measure], fallback)


def _weekly_beside(store: Store, cell: Cell, annual: UkCell) -> dict[str, Any]:
    """A year's median weekly pay beside its annual median (the API's estpay): published where
    ONS gives it for the same year and classification, else derived from the annual median as
    pay() does, saying which."""
    published = _same_source(store, cell, annual, "weekly")
    if published is not None and published.values.get("median") is not None:
        return {"weekly_median": published.values["median"], "weekly_derived": False}
    derived, _ = _weekly(store, cell.soc, annual.values.get("median"))
    return {"weekly_median": derived, "weekly_derived": derived is not None}


def _series(store: Store, cell: Cell, measure: str, stat: str) -> Figure | None:
    items: list[dict[str, Any]] = []
    ids: set[int] = set()
    methods: set[int] = set()
    first: float | None = None
    newest: UkCell | None = None
    factor, relativities = _factor(store, cell, measure)  # 1 for the UK
    if factor is None:
        return None
    uk = replace(cell, region=0)
    for year in (*SOC2010_SERIES_YEARS, *reversed(SOC2020_YEARS)):
        found = uk_cell(store, cell.soc, cell.gender, cell.status, measure, year)
        published = found.values.get(stat) if found else None
        if found is None or published is None:
            continue
        value = published * factor if cell.region else published
        newest = found
        first = value if first is None else first
        change = found.values.get(f"{stat}_pct_change")
        weekly = _weekly_beside(store, uk, found) if measure == "annual" and stat == "median" else {}
        if cell.region and (uk_weekly := weekly.get("weekly_median")) is not None:
            weekly_factor, _ = _factor(store, cell, "weekly")
            weekly["weekly_median"] = None if weekly_factor is None else uk_weekly * weekly_factor
        items.append(
            {
                "year": int(year),
                "value": round(value, 2 if measure == "hourly" else 0) if cell.region else value,
                **weekly,
                "estimate": found.estimate or bool(cell.region),
                "classification": found.classification,
                "soc2020": [code for code, _ in found.groups],
                "published_change_pct": None if found.estimate or cell.region else change,
                "source": "; ".join(c.text() for c in citations(store, found.provenance_ids)),
            }
        )
        ids |= set(found.provenance_ids)
        if found.estimate and found.method_id:
            methods.add(found.method_id)
    if newest is None:
        return None
    described = [store.methods[m] for m in sorted(methods | set(relativities))]
    ids |= {i for m in described for i in m.provenance_ids}
    return Figure(
        {"latest": items[-1]["value"], "first": first},
        f"{items[0]['year']}-{newest.period}",
        any(i["estimate"] for i in items),
        sorted(ids),
        " ".join(f"Estimate: {m.description}." for m in described) or None,
        [m.key for m in described],
        [],
        newest.classification,
        newest.soc2020(store),
        items,
    )
