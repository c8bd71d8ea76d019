"""England outlook to 2035 for SOC2010 groups, from Skills Imperative 2035 sub-major groups.

SI2035 projects employment, net change and replacement demand for the 26 SOC2020 sub-major
groups in England. Each SOC2010 unit group's jobs are split across SOC2020 unit groups by the
ONS dual-coding proportions (normalised to sum to 1: the workbook leaves out destinations under
about 1%); that gives each unit group a fixed share of every SOC2020 sub-major group, in
proportion to its England employment (est_employment, 2019) times the proportion. Every
published figure of a sub-major group is then shared out by those fixed shares, so:
- the unit groups' figures add up exactly to the published sub-major figures;
- a unit group coded wholly to one sub-major group grows at that group's rate, with the same
  replacement rate: the "simple assumptions" (DESIGN.md section 2) stated with every answer.
Done separately for all persons, men and women (SI2035 publishes all three), each with its own
employment shares: men + women equal all persons exactly over all jobs, and within a few per
cent for one job.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import select

from ..db.estimates import est_employment, est_outlook
from ..db.facts import projection, soc2010_soc2020
from ..etl.context import BuildContext
from .common import provenance_ids, record_method, soc_groups, unit_groups

BASE, TARGET, CHANGE = "2020", "2035", "2020-2035"
ENGLAND = tuple(range(1, 10))
THOUSAND = 1000.0
# est_outlook column -> (SI2035 measure, period)
FIGURES = {
    "employment_base": ("employment", BASE),
    "employment_2035": ("employment", TARGET),
    "net_change": ("net_change", CHANGE),
    "replacement_demand": ("replacement_demand", CHANGE),
    "openings": ("total_requirement", CHANGE),
}

METHOD = (
    "England projection (Skills Imperative 2035, SOC2020 sub-major groups) shared out to "
    "this occupation with fixed shares: its England employment coded to each SOC2020 group "
    "by the ONS dual-coding crosswalk. Growth and replacement rates are those of the "
    "sub-major groups it belongs to: a projection on simple assumptions, not a forecast."
)


def load(ctx: BuildContext) -> None:
    conn = ctx.conn
    units = unit_groups(conn)
    index = {u: i for i, u in enumerate(units)}
    published: dict[tuple[int, int], np.ndarray] = defaultdict(lambda: np.full(len(FIGURES), np.nan))
    for soc2020, gender, measure, period, value in conn.execute(
        select(
            projection.c.soc2020,
            projection.c.gender,
            projection.c.measure,
            projection.c.period,
            projection.c.value,
        ).where(projection.c.soc2020 >= 10, projection.c.value.isnot(None))
    ):
        for k, wanted in enumerate(FIGURES.values()):
            if (measure, period) == wanted:
                published[(soc2020, gender)][k] = value * THOUSAND
    submajors = sorted({sm for sm, _ in published})
    coding = _coding(ctx, index, submajors)
    england = np.zeros((len(units), 3))
    for soc, gender, value in conn.execute(
        select(est_employment.c.soc, est_employment.c.gender, est_employment.c.value).where(
            est_employment.c.soc.in_(units),
            est_employment.c.status == 0,
            est_employment.c.region.in_(ENGLAND),
        )
    ):
        england[index[soc], gender] += value
    sources = provenance_ids(conn, projection) + provenance_ids(conn, soc2010_soc2020)
    method = record_method(ctx, "outlook_fixed_shares", METHOD, sources)
    rows = []
    for gender in (0, 1, 2):
        contribution = england[:, gender][:, None] * coding  # unit x sub-major
        shares = contribution / np.maximum(contribution.sum(axis=0, keepdims=True), 1e-12)
        figures = np.stack([published[(sm, gender)] for sm in submajors])  # sub-major x figure
        if np.isnan(figures).any():
            raise ValueError(f"SI2035 figures missing for gender {gender}")
        per_unit = shares @ figures
        for code, members in soc_groups(units).items():
            values = per_unit[members].sum(axis=0)
            rows.append(
                {
                    "soc": code,
                    "gender": gender,
                    "method_id": method,
                    **{name: float(v) for name, v in zip(FIGURES, values)},
                }
            )
    ctx.insert(est_outlook, rows)


def _coding(ctx: BuildContext, index: dict[int, int], submajors: list[int]) -> np.ndarray:
    """Unit group x SOC2020 sub-major: share of the unit group's jobs coded there (rows sum to 1)."""
    column = {sm: j for j, sm in enumerate(submajors)}
    coding = np.zeros((len(index), len(submajors)))
    for soc2010, soc2020, value in ctx.conn.execute(
        select(soc2010_soc2020.c.soc2010, soc2010_soc2020.c.soc2020, soc2010_soc2020.c.value).where(
            soc2010_soc2020.c.value.isnot(None)
        )
    ):
        coding[index[soc2010], column[soc2020 // 100]] += value
    totals = coding.sum(axis=1, keepdims=True)
    if (totals <= 0).any():
        raise ValueError("a unit group has no SOC2020 coding")
    return coding / totals
