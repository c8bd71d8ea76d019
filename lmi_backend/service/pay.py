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
from functools import partial

from .. import notes
from ..disclosure import QUAL_PARENT, Cell, Change, Fallback, drop, resolve, step_up
from ..estimates.hours import anchor
from ..estimates.pay import AGES, STATS, estimate, sigma
from .cells import employment, to_cell
from .labels import Labels
from .results import Figure, make_result
from .store import PayCell, Store
from .types import Query, Result

EMPLOYEES = 4
ANNUAL = "GBP per year"
HOURS = "hours per week"
RATIO_PERIOD = "2020"  # ASHE Table 3: the year weekly and annual pay are both published by group


def pay(store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    cell, prior = _pay_cell(q)
    figure = partial(pay_figure, store)
    return _checked("pay", store, labels, q, cell, prior, figure, ANNUAL, fallback)


def pay_series(store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    """Median pay in every year the sources give for the cell (one item a year: year, annual and
    weekly median, estimate), checked once by the cell's employment as `pay` is. Each year is
    published or estimated exactly as `pay` does for the latest year."""
    cell, prior = _pay_cell(q)
    figure = partial(_series_figure, store)
    return _checked("pay_series", store, labels, q, cell, prior, figure, ANNUAL, fallback)


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


def _pay_cell(q: Query) -> tuple[Cell, tuple[Change, ...]]:
    cell, prior = _employees(to_cell(q, EMPLOYEES))
    if cell.qualification in QUAL_PARENT and cell.qualification < 10:
        cell, more = step_up(cell, "qualification", notes.QUALIFICATION_GROUPED, EMPLOYEES)
        prior += more
    if cell.age is not None and cell.age not in AGES:
        cell, more = drop(cell, ["age"], notes.PAY_AGE_RANGE, EMPLOYEES)
        prior += more
    return cell, prior


def _series_figure(store: Store, cell: Cell) -> Figure | None:
    years = [
        (period, figure)
        for period in store.pay_periods
        if (figure := pay_figure(store, cell, period)) is not None and figure.values.get("median") is not None
    ]
    if not years:
        return None
    items = [
        {
            "year": int(period),
            "median": figure.values["median"],
            "weekly_median": figure.values.get("weekly_median"),
            "estimate": figure.estimate,
        }
        for period, figure in years
    ]
    latest = years[-1][1]
    estimated = [f for _, f in years if f.estimate]
    return Figure(
        dict(latest.values),
        f"{years[0][0]}-{years[-1][0]}" if len(years) > 1 else years[0][0],
        bool(estimated),
        sorted({i for _, f in years for i in f.provenance_ids}),
        estimated[-1].method if estimated else None,
        list(dict.fromkeys(k for _, f in years for k in f.method_keys)),
        list(dict.fromkeys(c for _, f in years for c in f.caveats)),
        items,
    )


def hours(store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    cell, prior = _employees(to_cell(q, EMPLOYEES))
    for dims, reason in (
        (["gender"], notes.HOURS_NOT_BY_SEX),
        (["qualification", "age"], notes.HOURS_NOT_BY_QUALIFICATION_OR_AGE),
    ):
        cell, more = drop(cell, dims, reason, EMPLOYEES)
        prior += more
    if cell.status == 2:
        cell, more = drop(cell, ["status"], notes.PART_TIME_HOURS_NOT_PUBLISHED, EMPLOYEES)
        prior += more
    return _checked("hours", store, labels, q, cell, prior, partial(hours_figure, store), HOURS, fallback)


def _employees(cell: Cell) -> tuple[Cell, tuple[Change, ...]]:
    if cell.status == 3:
        return drop(cell, ["status"], notes.PAY_EMPLOYEES_ONLY, EMPLOYEES)
    return cell, ()


def pay_figure(store: Store, cell: Cell, period: str | None = None) -> Figure | None:
    """The cell's pay in `period`, or in the latest year with a figure."""
    if not cell.qualification and cell.age is None:
        published = store.pay_cell(cell.soc, cell.region, cell.gender, cell.status, "annual", period)
        if published is not None:
            return _published(store, cell, published, period)
        if not cell.region:
            return None
    return _estimated(store, cell, period)


def _published(store: Store, cell: Cell, annual: PayCell, period: str | None) -> Figure:
    values = {stat: annual.values.get(stat) for stat in STATS}
    ids = [annual.provenance_id]
    caveats: list[str] = []
    hourly = store.pay_cell(cell.soc, cell.region, cell.gender, cell.status, "hourly", period)
    values["hourly_median"] = hourly.values["median"] if hourly else None
    if hourly:
        ids.append(hourly.provenance_id)
    weekly = store.pay_cell(cell.soc, cell.region, cell.gender, cell.status, "weekly", period)
    if weekly:
        values["weekly_median"] = weekly.values["median"]
        ids.append(weekly.provenance_id)
    else:
        values["weekly_median"], ratio_ids = _weekly(store, cell.soc, values["median"])
        caveats += [notes.WEEKLY_DERIVED] if ratio_ids else []
        ids += ratio_ids
    return Figure(values, annual.period, False, ids, caveats=caveats)


def _weekly(store: Store, soc: int, annual_median: float | None) -> tuple[float | None, list[int]]:
    """Weekly pay from annual pay, by the published weekly/annual ratio of the SOC group above
    (ASHE Table 3, 2020): not published for the job itself (caveat notes.WEEKLY_DERIVED)."""
    group = anchor(soc) if soc else 0
    weekly = store.pay_cell(group, 0, 0, EMPLOYEES, "weekly", RATIO_PERIOD)
    annual = store.pay_cell(group, 0, 0, EMPLOYEES, "annual", RATIO_PERIOD)
    weekly_median = weekly.values.get("median") if weekly else None
    annual_ratio_base = annual.values.get("median") if annual else None
    if (
        annual_median is None
        or weekly is None
        or annual is None
        or not weekly_median
        or not annual_ratio_base
    ):
        return None, []
    return (
        round(annual_median * weekly_median / annual_ratio_base, 1),
        [weekly.provenance_id, annual.provenance_id],
    )


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


def _estimated(store: Store, cell: Cell, period: str | None = None) -> Figure | None:
    base = store.pay_cell(cell.soc, 0, cell.gender, cell.status, "annual", period)
    factor, methods = _factor(store, cell, "annual")
    if base is None or factor is None:
        return None
    spread = sigma(base.values)
    if spread is None and cell.soc >= 10:
        parent = store.pay_cell(cell.soc // 10, 0, cell.gender, cell.status, "annual", period)
        spread = sigma(parent.values) if parent else None
    values = {
        k: None if v is None else round(v, -1) for k, v in estimate(base.values, factor, spread).items()
    }
    ids = [base.provenance_id]
    hourly = store.pay_cell(cell.soc, 0, cell.gender, cell.status, "hourly", period)
    hourly_factor, _ = _factor(store, cell, "hourly")
    hourly_median = hourly.values.get("median") if hourly else None
    values["hourly_median"] = (
        round(hourly_median * hourly_factor, 2) if hourly_median and hourly_factor is not None else None
    )
    if hourly is not None and values["hourly_median"] is not None:
        ids.append(hourly.provenance_id)
    values["weekly_median"], ratio_ids = _weekly(store, cell.soc, values["median"])
    ids += ratio_ids
    parts = [store.methods[m] for m in methods]
    ids += [i for m in parts for i in m.provenance_ids]
    method = (
        f"Estimate: the published UK figure for this job (ASHE {base.period}) adjusted by "
        + "; and by ".join(m.description for m in parts)
        + ". Percentiles ONS does not publish for the UK follow a log-normal spread."
    )
    caveats = [notes.WEEKLY_DERIVED] if ratio_ids else []
    return Figure(values, base.period, True, ids, method, [m.key for m in parts], caveats)


def hours_figure(store: Store, cell: Cell) -> Figure | None:
    if len(str(cell.soc)) <= 2 and cell.status == EMPLOYEES:
        published = store.pay_cell(cell.soc, cell.region, 0, EMPLOYEES, "paid_hours_total")
        if published is not None:
            values = {stat: published.values.get(stat) for stat in STATS}
            return Figure(values, published.period, False, [published.provenance_id])
    derived = store.est_hours(cell.soc, cell.status)
    factor, methods = _factor(store, cell, "paid_hours_total")
    if derived is None or factor is None:
        return None
    figures, method_id, period = derived
    parts = [store.methods[m] for m in (method_id, *methods)]
    method = "Estimate: " + "; adjusted by ".join(m.description for m in parts) + "."
    values = {stat: round(v * factor, 1) for stat, v in figures.items()}
    return Figure(
        values,
        period,
        True,
        [i for m in parts for i in m.provenance_ids],
        method,
        [m.key for m in parts],
        [notes.HOURS_DERIVED],
    )
