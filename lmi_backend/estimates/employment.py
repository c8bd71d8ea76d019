"""Employment cells, 2019: SOC x region x sex x status, and SOC x qualification / age / industry.

The disclosure layer judges every figure by the employment of its cell, and pay estimates are
weighted by it, so these cells must exist for every combination a question can name, while the
published tables give only one breakdown at a time. How each array is made:

1. Unit-group totals: APS 2019 men + women. Where one sex is suppressed ('*', 24 cells) it is
   filled (see `fill_suppressed`) and the total is the sum.
2. SOC x region (12): seeded from the APS 2019 English-region figures (NOMIS) and, for Wales,
   Scotland and Northern Ireland, the APS 2019 NUTS3 cells summed to their nation; then fitted
   by IPF to the unit-group totals and to the regional totals: the published NOMIS totals for
   the nine English regions, and the UK total less England shared between the three nations.
3. SOC x sex x status: the unit-group totals by sex times status shares from the LFS April-June
   2018 table (full-time employees, part-time employees, self-employed), with the full/part-time
   split of employees taken from ASHE 2019 job counts where they count at least 10,000 jobs
   (ASHE samples 1% of all employee jobs, the LFS about 0.1% of people, in a different year).
4. The cube is fitted by IPF to (2) and (3). No published table crosses region with sex or
   status, so within an occupation region is independent of sex and status: the fit converges
   in one iteration and says so in est_fit.
5. Qualification, age and industry arrays are fitted to the unit-group totals on their own:
   published cells, suppressed cells filled from what their row leaves over, the "don't know"
   qualification spread pro rata.
Aggregates (SOC groups, UK, both sexes, all statuses) are sums of the fitted unit-group cells.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import select

from ..db.dimensions import area, industry
from ..db.estimates import (
    est_employment,
    est_employment_age,
    est_employment_industry,
    est_employment_qualification,
)
from ..db.facts import employment, pay
from ..etl.context import BuildContext
from ..etl.parsing import MISSING_MARKERS
from .common import provenance_ids, record_fit, record_method, soc_groups, unit_groups
from .ras import Margin, ipf

PERIOD = "2019"
LFS_PERIOD = "2018Q2"
REGIONS = list(range(1, 13))
ENGLAND = list(range(1, 10))
SEXES = (1, 2)
STATUSES = (1, 2, 3)  # full-time employees, part-time employees, self-employed
ASHE_MIN_JOBS = 10.0  # thousand jobs (FT + PT) before ASHE's split is used: rounding <= 5%
QUALIFICATIONS = (301, 302, 303, 304, 305, 306)
DONT_KNOW = 307
BAND3 = {201: (301, 302), 202: (303, 304, 305), 203: (306,)}
AGE_BANDS = tuple(range(4, 16))
NIL = MISSING_MARKERS["-"]


class Published:
    """A unit group x category block of survey cells: values (0 where nil or suppressed) and a
    mask of the suppressed ones."""

    def __init__(self, units: list[int], columns: list, cells: dict[tuple[int, object], tuple]):
        self.columns = columns
        index = {c: j for j, c in enumerate(columns)}
        self.values = np.zeros((len(units), len(columns)))
        self.suppressed = np.zeros_like(self.values, dtype=bool)
        rows = {u: i for i, u in enumerate(units)}
        for (soc, column), (value, reason) in cells.items():
            i, j = rows[soc], index[column]
            if value is not None:
                self.values[i, j] = value
            elif reason != NIL:
                self.suppressed[i, j] = True


def fill_suppressed(block: Published, totals: np.ndarray | None = None) -> np.ndarray:
    """Published cells kept; suppressed cells estimated.

    With row totals, each row's shortfall (total less its published cells, never below 0) is
    shared among its suppressed cells in proportion to their columns' published sums. Without
    (the sex table, whose total is what we derive), a suppressed cell is its row's published
    figures spread by column sums, capped at the smallest figure published in its column: the
    survey suppresses a cell because it is small."""
    values, suppressed = block.values, block.suppressed
    column_sums = values.sum(axis=0)
    if totals is not None:
        weights = suppressed * column_sums[None, :]
        weights = np.where(weights.sum(axis=1, keepdims=True) > 0, weights, suppressed * 1.0)
        norm = weights.sum(axis=1, keepdims=True)
        shortfall = np.maximum(totals - values.sum(axis=1), 0)[:, None]
        return values + np.divide(weights, norm, out=np.zeros_like(weights), where=norm > 0) * shortfall
    floor = np.where((values > 0) & ~suppressed, values, np.inf).min(axis=0)
    known_share = ((~suppressed) * column_sums[None, :]).sum(axis=1, keepdims=True)
    spread = values.sum(axis=1, keepdims=True) * column_sums[None, :] / np.maximum(known_share, 1)
    return np.where(suppressed, np.minimum(spread, floor[None, :]), values)


def load(ctx: BuildContext) -> None:
    conn = ctx.conn
    units = unit_groups(conn)
    groups = soc_groups(units)
    sources = provenance_ids(conn, employment, employment.c.period.in_((PERIOD, LFS_PERIOD)))
    sources += provenance_ids(conn, pay, pay.c.period == PERIOD, pay.c.stat == "jobs_thousand")

    by_sex = fill_suppressed(
        _block(
            ctx,
            units,
            "gender",
            SEXES,
            employment.c.gender != 0,
            employment.c.age_band == 0,
            employment.c.qualification == 0,
        )
    )
    totals = by_sex.sum(axis=1)
    regions = _regions(ctx, units, totals)
    target = by_sex[:, :, None] * _status_shares(ctx, units)
    seed = (regions / totals[:, None])[:, :, None, None] * target[:, None, :, :]
    fit = ipf(
        seed,
        [
            Margin("unit group x region", (0, 1), regions),
            Margin("unit group x sex x status", (0, 2, 3), target),
        ],
    )
    record_fit(ctx, "employment cube", fit)
    method = record_method(ctx, "employment_cube", CUBE_METHOD, sources)
    ctx.insert(est_employment, _cube_rows(fit.array, groups, method))

    _breakdowns(ctx, units, groups, totals, sources)


CUBE_METHOD = (
    "Estimated people in employment in 2019: Annual Population Survey 2019 totals for each "
    "occupation by sex, spread across regions by the APS 2019 regional and local figures and "
    "fitted to the published regional totals, and split by full-time, part-time and "
    "self-employment with Labour Force Survey (Apr-Jun 2018) and ASHE 2019 shares. Within an "
    "occupation, region is assumed independent of sex and status."
)


def _block(ctx: BuildContext, units: list[int], column: str, codes, *where) -> Published:
    """APS 2019 cells of one breakdown (the national file: no area, no SIC class)."""
    col = employment.c[column]
    rows = ctx.conn.execute(
        select(employment.c.soc, col, employment.c.value, employment.c.missing_reason).where(
            employment.c.period == PERIOD,
            employment.c.soc.in_(units),
            employment.c.region == 0,
            employment.c.area.is_(None),
            employment.c.sic.is_(None),
            employment.c.status == 0,
            *where,
        )
    )
    return Published(units, list(codes), {(s, c): (v, r) for s, c, v, r in rows})


def _regions(ctx: BuildContext, units: list[int], totals: np.ndarray) -> np.ndarray:
    conn = ctx.conn
    areas = dict(conn.execute(select(area.c.code, area.c.region)).all())
    cells = conn.execute(
        select(employment.c.soc, employment.c.area, employment.c.value, employment.c.missing_reason).where(
            employment.c.period == PERIOD, employment.c.area.isnot(None)
        )
    )
    nuts3 = Published(units, sorted(areas), {(s, a): (v, r) for s, a, v, r in cells})
    filled = fill_suppressed(nuts3, totals)
    from_areas = np.zeros((len(units), len(REGIONS)))
    for j, code in enumerate(nuts3.columns):
        from_areas[:, areas[code] - 1] += filled[:, j]

    nomis_rows = conn.execute(
        select(employment.c.soc, employment.c.region, employment.c.value, employment.c.missing_reason).where(
            employment.c.period == PERIOD, employment.c.area.is_(None), employment.c.region.in_(ENGLAND)
        )
    ).all()
    nomis = Published(units, ENGLAND, {(s, r): (v, m) for s, r, v, m in nomis_rows if s != 0})
    england_totals = np.array(
        [next(v for s, r, v, _ in nomis_rows if s == 0 and r == code) for code in ENGLAND]
    )
    floor = np.where(nomis.values > 0, nomis.values, np.inf).min(axis=0)
    seed = from_areas.copy()
    seed[:, : len(ENGLAND)] = np.where(
        nomis.suppressed, np.minimum(from_areas[:, : len(ENGLAND)], floor), nomis.values
    )
    nations = seed[:, len(ENGLAND) :].sum(axis=0)
    rest = totals.sum() - england_totals.sum()
    columns = np.concatenate([england_totals, rest * nations / nations.sum()])
    fit = ipf(
        seed,
        [
            Margin("unit-group totals (APS 2019, men + women)", (0,), totals),
            Margin("regional totals (APS 2019; nations = UK less England)", (1,), columns),
        ],
    )
    record_fit(ctx, "employment by region", fit)
    return fit.array


def _status_shares(ctx: BuildContext, units: list[int]) -> np.ndarray:
    """Unit group x sex x (FT employees, PT employees, self-employed) shares summing to 1."""
    lfs = {
        (s, g, t): v
        for s, g, t, v in ctx.conn.execute(
            select(employment.c.soc, employment.c.gender, employment.c.status, employment.c.value).where(
                employment.c.period == LFS_PERIOD
            )
        )
    }
    jobs: dict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    for s, g, t, v in ctx.conn.execute(
        select(pay.c.soc, pay.c.gender, pay.c.status, pay.c.value).where(
            pay.c.period == PERIOD,
            pay.c.measure == "annual",
            pay.c.stat == "jobs_thousand",
            pay.c.region == 0,
            pay.c.gender.in_(SEXES),
            pay.c.status.in_((1, 2)),
            pay.c.value.isnot(None),
        )
    ):
        jobs[(s, g)][t] = v
    shares = np.zeros((len(units), len(SEXES), len(STATUSES)))
    for i, soc in enumerate(units):
        for k, sex in enumerate(SEXES):
            share = _lfs_shares(lfs, soc, sex)
            counts = jobs.get((soc, sex), {})
            if len(counts) == 2 and counts[1] + counts[2] >= ASHE_MIN_JOBS:
                employees = share[0] + share[1]
                share[:2] = employees * np.array([counts[1], counts[2]]) / (counts[1] + counts[2])
            shares[i, k] = share
    return shares


def _lfs_parent(code: int) -> int | None:
    """The LFS table publishes unit, minor and major groups (no sub-major) and the total."""
    digits = len(str(code))
    return {4: code // 10, 3: code // 100, 1: 0}.get(digits) if code else None


def _lfs_shares(lfs: dict, soc: int, sex: int) -> np.ndarray:
    """Status shares of one group and sex; a suppressed status is derived from the published
    totals (all in employment, all employees) where it can be, else from the group above."""
    ft, pt, se, employees, everyone = (lfs.get((soc, sex, t)) for t in (1, 2, 3, 4, 0))
    if se is None and everyone is not None and employees is not None:
        se = max(everyone - employees, 0.0)
    if ft is None and employees is not None and pt is not None:
        ft = max(employees - pt, 0.0)
    if pt is None and employees is not None and ft is not None:
        pt = max(employees - ft, 0.0)
    known = np.array([np.nan if v is None else v for v in (ft, pt, se)])
    missing = np.isnan(known)
    if missing.any() or np.nansum(known) <= 0:
        parent = _lfs_parent(soc)
        if parent is None:
            raise ValueError(f"LFS {LFS_PERIOD} has no status breakdown for all occupations")
        above = _lfs_shares(lfs, parent, sex)
        if missing.all() or np.nansum(known) <= 0:
            return above
        left = (
            max((everyone or 0.0) - np.nansum(known), 0.0)
            if everyone is not None
            else (np.nansum(known) * above[missing].sum() / max(above[~missing].sum(), 1e-9))
        )
        known[missing] = left * above[missing] / max(above[missing].sum(), 1e-9)
    return known / known.sum()


def _cube_rows(cube: np.ndarray, groups: dict[int, np.ndarray], method: int) -> list[dict]:
    """Every SOC group x region 0-12 x sex 0-2 x status 0-4, margins as sums of the interior."""
    rows = []
    for code, members in groups.items():
        full = np.zeros((len(REGIONS) + 1, len(SEXES) + 1, 5))
        full[1:, 1:, 1:4] = cube[members].sum(axis=0)
        full[:, :, 0] = full[:, :, 1:4].sum(axis=2)
        full[:, :, 4] = full[:, :, 1:3].sum(axis=2)
        full[:, 0] = full[:, 1:].sum(axis=1)
        full[0] = full[1:].sum(axis=0)
        rows += [
            {
                "soc": code,
                "region": r,
                "gender": g,
                "status": t,
                "value": float(full[r, g, t]),
                "method_id": method,
            }
            for r in range(full.shape[0])
            for g in range(full.shape[1])
            for t in range(5)
        ]
    return rows


def _breakdowns(
    ctx: BuildContext, units: list[int], groups: dict[int, np.ndarray], totals: np.ndarray, sources: list[int]
) -> None:
    """SOC x qualification, SOC x age band, SOC x industry, each fitted to the unit-group totals."""
    qual = _block(
        ctx,
        units,
        "qualification",
        (*QUALIFICATIONS, DONT_KNOW),
        employment.c.qualification != 0,
        employment.c.gender == 0,
        employment.c.age_band == 0,
    )
    quals = _fit_rows(ctx, "employment by qualification", fill_suppressed(qual, totals)[:, :-1], totals)
    quals = np.hstack(
        [
            quals,
            np.stack(
                [
                    quals[:, [QUALIFICATIONS.index(q) for q in members]].sum(axis=1)
                    for members in BAND3.values()
                ],
                axis=1,
            ),
        ]
    )
    method = record_method(
        ctx,
        "employment_qualification",
        BREAKDOWN_METHOD.format(what="highest qualification (APS groups; 'don't know' spread pro rata)"),
        sources,
    )
    _write(
        ctx, est_employment_qualification, "qualification", (*QUALIFICATIONS, *BAND3), quals, groups, method
    )

    age = _block(
        ctx,
        units,
        "age_band",
        AGE_BANDS,
        employment.c.age_band != 0,
        employment.c.gender == 0,
        employment.c.qualification == 0,
    )
    ages = _fit_rows(ctx, "employment by age band", fill_suppressed(age, totals), totals)
    method = record_method(ctx, "employment_age", BREAKDOWN_METHOD.format(what="age band"), sources)
    _write(ctx, est_employment_age, "age_band", AGE_BANDS, ages, groups, method)

    codes, array = _industries(ctx, units, totals)
    method = record_method(
        ctx,
        "employment_industry",
        BREAKDOWN_METHOD.format(
            what="industry (SIC2007 classes mapped to the 75 Working Futures industries, then 22 and 6)"
        ),
        sources,
    )
    _write(ctx, est_employment_industry, "industry", codes, array, groups, method, skip_zero=True)


BREAKDOWN_METHOD = (
    "Estimated people in employment in 2019 by {what}: Annual Population Survey "
    "2019 figures, with cells the survey suppressed filled from what the "
    "occupation's total leaves over, scaled to the occupation's total. Combined "
    "with region, sex or status as the occupation's share in that group."
)


def _fit_rows(ctx: BuildContext, name: str, seed: np.ndarray, totals: np.ndarray) -> np.ndarray:
    fit = ipf(seed, [Margin("unit-group totals (APS 2019, men + women)", (0,), totals)])
    record_fit(ctx, name, fit)
    return fit.array


def _industries(ctx: BuildContext, units: list[int], totals: np.ndarray) -> tuple[list[int], np.ndarray]:
    """SIC classes filled and fitted, then summed to industries at 75, 22 and 6 levels."""
    sic = ctx.conn.execute(
        select(
            employment.c.soc,
            employment.c.sic,
            employment.c.industry,
            employment.c.value,
            employment.c.missing_reason,
        ).where(employment.c.period == PERIOD, employment.c.sic.isnot(None))
    ).all()
    to_wf75 = {c: i for _, c, i, _, _ in sic}
    block = Published(units, sorted(to_wf75), {(s, c): (v, r) for s, c, _, v, r in sic})
    fitted = _fit_rows(ctx, "employment by industry", fill_suppressed(block, totals), totals)
    parents = dict(
        ctx.conn.execute(
            select(industry.c.code, industry.c.parent).where(industry.c.level.in_((75, 22)))
        ).all()
    )
    sums: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(len(units)))
    for j, code in enumerate(block.columns):
        level75 = to_wf75[code]
        for level in (level75, parents[level75], parents[parents[level75]]):
            sums[level] += fitted[:, j]
    codes = sorted(sums)
    return codes, np.stack([sums[c] for c in codes], axis=1)


def _write(
    ctx: BuildContext,
    table,
    column: str,
    codes,
    array: np.ndarray,
    groups: dict[int, np.ndarray],
    method: int,
    skip_zero: bool = False,
) -> None:
    rows = []
    for soc, members in groups.items():
        sums = array[members].sum(axis=0)
        rows += [
            {"soc": soc, column: code, "value": float(v), "method_id": method}
            for code, v in zip(codes, sums)
            if not (skip_zero and v <= 0)
        ]
    ctx.insert(table, rows)
