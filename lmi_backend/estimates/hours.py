"""Weekly paid hours of SOC groups, derived from published pay, for the levels and statuses
ONS does not publish hours for.

ONS publishes paid hours by occupation only down to sub-major groups, for all employees (ASHE
Table 3, 2020); Table 14.9 (4-digit hours) is not among our sources. Annual and hourly pay are
published for every level, all and full-time employees (Table 14, 2021), and
annual pay / (hourly pay x 52.14 weeks) is the paid hours a week they imply: from the means
(the average) and from the medians (a typical figure). The ratio runs a little high (annual pay
includes bonuses and covers only people in the same job all year), so within each sub-major
group the derived hours are scaled so their employment-weighted average equals the published
Table 3 figure (mean to mean, median to median): the RAS step that keeps the 4-digit figures
consistent with what ONS published. Full-time hours get their group's all-employee scaling (no
full-time hours are published). Major groups are anchored on their own published figure.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ..db.estimates import est_employment, est_hours
from ..db.facts import hours, pay
from ..etl.context import BuildContext
from .common import provenance_ids, record_method

PERIOD = "2021"
TABLE3_PERIOD = "2020"
WEEKS_PER_YEAR = 52.143
STATUSES = (4, 1)  # all employees, full-time employees
STATS = ("mean", "median")

METHOD = (
    "paid hours a week derived from ASHE 2021 annual and hourly pay (annual / (hourly x "
    "52.14)), scaled so the occupations in each sub-major group average to its published "
    "paid hours (ASHE Table 3, 2020)"
)

Key = tuple[int, int, str]  # soc, status, stat


def derived(annual: float | None, hourly: float | None) -> float | None:
    """Hours a week implied by annual and hourly pay."""
    return annual / (hourly * WEEKS_PER_YEAR) if annual and hourly else None


def load(ctx: BuildContext) -> None:
    conn = ctx.conn
    figures: dict[Key, dict[str, float]] = defaultdict(dict)
    for soc, status, measure, stat, value in conn.execute(
        select(pay.c.soc, pay.c.status, pay.c.measure, pay.c.stat, pay.c.value).where(
            pay.c.period == PERIOD,
            pay.c.region == 0,
            pay.c.gender == 0,
            pay.c.soc > 0,
            pay.c.status.in_(STATUSES),
            pay.c.stat.in_(STATS),
            pay.c.measure.in_(("annual", "hourly")),
            pay.c.value.isnot(None),
        )
    ):
        figures[(soc, status, stat)][measure] = value
    raw = {
        key: h for key, f in figures.items() if (h := derived(f.get("annual"), f.get("hourly"))) is not None
    }
    published = {
        (soc, stat): v
        for soc, stat, v in conn.execute(
            select(hours.c.soc, hours.c.stat, hours.c.value).where(
                hours.c.period == TABLE3_PERIOD,
                hours.c.region == 0,
                hours.c.gender == 0,
                hours.c.status == 4,
                hours.c.stat.in_(STATS),
                hours.c.measure == "paid_hours_total",
                hours.c.value.isnot(None),
            )
        )
    }
    weights = {
        (s, t): v
        for s, t, v in conn.execute(
            select(est_employment.c.soc, est_employment.c.status, est_employment.c.value).where(
                est_employment.c.region == 0,
                est_employment.c.gender == 0,
                est_employment.c.status.in_(STATUSES),
            )
        )
    }
    scale = _scaling(raw, published, weights)
    sources = provenance_ids(conn, pay, pay.c.period == PERIOD) + provenance_ids(
        conn, hours, hours.c.period == TABLE3_PERIOD
    )
    method = record_method(ctx, "hours_derived", METHOD, sources)
    ctx.insert(
        est_hours,
        [
            {
                "soc": soc,
                "status": status,
                "period": PERIOD,
                "stat": stat,
                "value": h * scale[(anchor(soc), stat)],
                "method_id": method,
            }
            for (soc, status, stat), h in sorted(raw.items())
            if (anchor(soc), stat) in scale
        ],
    )


def anchor(soc: int) -> int:
    """The published group whose hours anchor a code: its sub-major (a major group: itself)."""
    return soc if soc < 10 else int(str(soc)[:2])


def _scaling(
    raw: dict[Key, float], published: dict[tuple[int, str], float], weights: dict[tuple[int, int], float]
) -> dict[tuple[int, str], float]:
    """(anchor group, stat) -> published hours / employment-weighted mean of the group's unit
    groups' derived hours (all employees); a major group: published / its own derived figure."""
    sums: dict[tuple[int, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for (soc, status, stat), h in raw.items():
        if status == 4 and soc >= 1000:
            w = weights.get((soc, 4), 0.0)
            acc = sums[(anchor(soc), stat)]
            acc[0] += w * h
            acc[1] += w
    scale = {key: published[key] / (s / w) for key, (s, w) in sums.items() if w > 0 and key in published}
    scale.update(
        {
            (m, stat): published[(m, stat)] / raw[(m, 4, stat)]
            for m in range(1, 10)
            for stat in STATS
            if (m, stat) in published and (m, 4, stat) in raw
        }
    )
    return scale
