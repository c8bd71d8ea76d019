"""Pay where ONS does not publish it: by region, qualification and age for a unit group.

A published UK figure of the occupation (ASHE Table 14 / 14.7a) is multiplied by relativities
stored in est_pay_relativity; `estimate` below applies them at query time, so every
combination of region, qualification, age, sex and status costs a few multiplications.

- Region: the median of the occupation's sub-major group in that region over its UK median
  (ASHE Table 3, 2020), per measure (annual, weekly, hourly pay, paid hours). Where Table 3
  does not publish the sub-major group in the region, the major group's ratio; then the
  all-occupations ratio; then the earnings-function region coefficient (DESIGN.md section 2).
- Qualification: the earnings-function coefficients (degree 0, higher education -0.11,
  A level -0.18, GCSE A-C -0.24, other -0.28, none -0.33), as exp(coefficient).
- Age: exp(b*age + c*age^2), b = 0.06. The design notes give c as -0.001 (rounded to three
  decimals) and say the profile peaks in middle age; -0.001 exactly would put the peak at 30 and
  make 60-year-olds earn 40% of 30-year-olds, so c = -b/(2*45) = -0.00067 (peak at 45, and
  -0.001 to three decimals). Ages 20-65 only, where the profile was estimated.
Every relativity is then divided by its employment-weighted average over the occupation's
employees (region: est_employment employees by region; qualification, age: the occupation's
APS 2019 mix), the RAS step: weighted over the dimension the estimates reproduce the published
UK figure exactly, so the estimates never drift from what ONS published.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from sqlalchemy import select

from ..db.estimates import (
    est_employment,
    est_employment_age,
    est_employment_qualification,
    est_pay_relativity,
)
from ..db.facts import hours, pay
from ..etl.context import BuildContext
from .common import method_sources, provenance_ids, record_method, unit_groups
from .employment import AGE_BANDS, BAND3, QUALIFICATIONS, REGIONS

TABLE3_PERIOD = "2020"
MEASURES = ("annual", "weekly", "hourly", "paid_hours_total")
# Earnings-function coefficients (LFS 2013, full-time; DESIGN.md section 2): log pay vs London
# and vs a degree.
REGION_COEF = {
    1: 0.0,
    2: -0.18,
    3: -0.19,
    4: -0.20,
    5: -0.16,
    6: -0.16,
    7: -0.17,
    8: -0.10,
    9: -0.08,
    10: -0.21,
    11: -0.14,
    12: -0.21,
}
QUAL_COEF = {301: 0.0, 302: -0.11, 303: -0.18, 304: -0.24, 305: -0.28, 306: -0.33}
AGE_B = 0.06
AGE_PEAK = 45
AGE_C = -AGE_B / (2 * AGE_PEAK)
AGES = range(20, 66)
PROFILE_BANDS = tuple(b for b in AGE_BANDS if 5 <= b <= 13)  # 20-24 ... 60-64
BAND_AGES = {b: range(20 + 5 * (b - 5), 25 + 5 * (b - 5)) for b in PROFILE_BANDS}

# Percentiles as standard-normal quantiles, for the log-normal method.
Z = {
    "p10": -1.2816,
    "p20": -0.8416,
    "p25": -0.6745,
    "p30": -0.5244,
    "p40": -0.2533,
    "p60": 0.2533,
    "p70": 0.5244,
    "p75": 0.6745,
    "p80": 0.8416,
    "p90": 1.2816,
}
STATS = ("median", "mean", *Z)

REGION_METHODS = {
    "region_submajor": "the occupation's sub-major group's pay in the region relative to the UK "
    "(ASHE Table 3, 2020)",
    "region_major": "the occupation's major group's pay in the region relative to the UK "
    "(ASHE Table 3, 2020; the sub-major group is not published there)",
    "region_all": "all employees' pay in the region relative to the UK (ASHE Table 3, 2020; the "
    "occupation's groups are not published there)",
    "region_earnings_function": "the earnings-function region difference (LFS 2013 estimates)",
}
QUAL_METHOD = (
    "pay differences by highest qualification from the earnings function (LFS 2013: "
    "higher education -11%, A level -18%, GCSE -24%, other -28%, none -33% in log pay "
    "against a degree), scaled so the occupation's qualification mix averages to its "
    "published pay"
)
AGE_METHOD = (
    "an age profile (log pay rising 0.06 a year, peaking at 45) scaled so the "
    "occupation's age mix (APS 2019, ages 20-64) averages to its published pay"
)


def profile(age: float) -> float:
    return math.exp(AGE_B * age + AGE_C * age * age)


def load(ctx: BuildContext) -> None:
    conn = ctx.conn
    units = unit_groups(conn)
    rows = _region_rows(ctx, units)
    rows += _qualification_rows(ctx, units)
    rows += _age_rows(ctx, units)
    ctx.insert(est_pay_relativity, rows)


def _region_rows(ctx: BuildContext, units: list[int]) -> list[dict]:
    conn = ctx.conn
    medians: dict[tuple[int, int, str], float] = {}
    for table in (pay, hours):
        for soc, region, measure, value in conn.execute(
            select(table.c.soc, table.c.region, table.c.measure, table.c.value).where(
                table.c.period == TABLE3_PERIOD,
                table.c.stat == "median",
                table.c.status == 4,
                table.c.gender == 0,
                table.c.value.isnot(None),
                table.c.soc < 100,
            )
        ):
            medians[(soc, region, measure)] = value
    # Table 3 (the only regional file with weekly pay) and the employment the weights come from
    sources = provenance_ids(conn, pay, pay.c.period == TABLE3_PERIOD, pay.c.measure == "weekly")
    sources += method_sources(ctx.conn, est_employment)
    methods = {key: record_method(ctx, key, text, sources) for key, text in REGION_METHODS.items()}
    employees = _employees_by_region(ctx)
    rows = []
    for soc in units:
        weights = employees[soc]
        for measure in MEASURES:
            raw, keys = [], []
            for region in REGIONS:
                ratio, key = _region_ratio(medians, soc, region, measure)
                raw.append(ratio)
                keys.append(key)
            factors = np.array(raw) / np.dot(weights, raw) * weights.sum()
            rows += [
                {
                    "soc": soc,
                    "dimension": "region",
                    "code": region,
                    "measure": measure,
                    "factor": float(f),
                    "method_id": methods[k],
                }
                for region, f, k in zip(REGIONS, factors, keys)
            ]
    return rows


def _region_ratio(medians: dict, soc: int, region: int, measure: str) -> tuple[float, str]:
    """Region / UK median for the closest published group, else the earnings function."""
    for group, key in ((soc // 100, "region_submajor"), (soc // 1000, "region_major"), (0, "region_all")):
        here, uk = medians.get((group, region, measure)), medians.get((group, 0, measure))
        if here and uk:
            return here / uk, key
    return math.exp(REGION_COEF[region]), "region_earnings_function"


def _employees_by_region(ctx: BuildContext) -> dict[int, np.ndarray]:
    out: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(len(REGIONS)))
    for soc, region, value in ctx.conn.execute(
        select(est_employment.c.soc, est_employment.c.region, est_employment.c.value).where(
            est_employment.c.gender == 0, est_employment.c.status == 4, est_employment.c.region != 0
        )
    ):
        out[soc][region - 1] = value
    return out


def _shares(ctx: BuildContext, table, column: str, codes) -> dict[int, np.ndarray]:
    out: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(len(codes)))
    index = {c: i for i, c in enumerate(codes)}
    for soc, code, value in ctx.conn.execute(
        select(table.c.soc, table.c[column], table.c.value).where(table.c[column].in_(codes))
    ):
        out[soc][index[code]] = value
    return out


def _qualification_rows(ctx: BuildContext, units: list[int]) -> list[dict]:
    mix = _shares(ctx, est_employment_qualification, "qualification", QUALIFICATIONS)
    method = record_method(
        ctx,
        "qualification_earnings_function",
        QUAL_METHOD,
        method_sources(ctx.conn, est_employment_qualification),
    )
    raw = np.exp([QUAL_COEF[q] for q in QUALIFICATIONS])
    rows = []
    for soc in units:
        weights = mix[soc]
        factors = raw / np.dot(weights, raw) * weights.sum()
        by_code = dict(zip(QUALIFICATIONS, factors))
        for band, members in BAND3.items():
            w = np.array([weights[QUALIFICATIONS.index(q)] for q in members])
            f = np.array([by_code[q] for q in members])
            by_code[band] = float(np.dot(w, f) / w.sum()) if w.sum() > 0 else float(f.mean())
        rows += [
            {
                "soc": soc,
                "dimension": "qualification",
                "code": code,
                "measure": None,
                "factor": float(f),
                "method_id": method,
            }
            for code, f in by_code.items()
        ]
    return rows


def _age_rows(ctx: BuildContext, units: list[int]) -> list[dict]:
    mix = _shares(ctx, est_employment_age, "age_band", PROFILE_BANDS)
    method = record_method(ctx, "age_profile", AGE_METHOD, method_sources(ctx.conn, est_employment_age))
    band_profile = np.array([np.mean([profile(a) for a in BAND_AGES[b]]) for b in PROFILE_BANDS])
    rows = []
    for soc in units:
        weights = mix[soc]
        norm = np.dot(weights, band_profile) / weights.sum()
        rows += [
            {
                "soc": soc,
                "dimension": "age",
                "code": age,
                "measure": None,
                "factor": profile(age) / norm,
                "method_id": method,
            }
            for age in AGES
        ]
    return rows


def sigma(values: dict[str, float | None]) -> float | None:
    """Spread of log pay. From the published percentiles where at least two are given (the
    direct measure: ln(p) - ln(median) = z * sigma); else from mean/median = exp(sigma^2/2);
    mean and median are often too close for that (plumbers' mean is below their median), which
    is why percentiles come first."""
    median = values.get("median")
    if not median:
        return None
    spreads = [(math.log(v) - math.log(median)) / z for k, z in Z.items() if (v := values.get(k))]
    if len(spreads) >= 2:
        return max(sum(spreads) / len(spreads), 0.0)
    mean = values.get("mean")
    if mean and mean > median:
        return math.sqrt(2 * math.log(mean / median))
    return None


def estimate(
    published: dict[str, float | None], factor: float, spread: float | None
) -> dict[str, float | None]:
    """A published UK cell scaled by a relativity; percentiles the UK cell lacks come from the
    log-normal method (median x exp(z * sigma)) when a spread is known."""
    out: dict[str, float | None] = {}
    median = published.get("median")
    for stat in STATS:
        value = published.get(stat)
        if value is not None:
            out[stat] = value * factor
        elif stat in Z and median and spread is not None:
            out[stat] = median * factor * math.exp(Z[stat] * spread)
        else:
            out[stat] = None
    return out
