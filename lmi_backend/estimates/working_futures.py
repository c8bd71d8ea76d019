"""Fixed shares for Working Futures 2017-2027 below the groups it projects.

Working Futures projects SOC2010 major and sub-major groups (by qualification: sub-major; by
status and industry: major). LMI for All gave 4-digit groups the projection of their group
times a fixed share (DESIGN.md section 2: "projections on simple assumptions, not forecasts";
replacement demand by the group's common outflow rate). Each smaller group's fixed share of a
projected group is its share of that group's employment (est_employment, UK 2019): a unit
group's figure is then its group's figure times the share, every year, so it grows and is
replaced at its group's rates.
"""

from __future__ import annotations

from sqlalchemy import select

from ..db.estimates import est_employment, est_wf_share
from ..etl.context import BuildContext
from .common import method_sources, record_method

METHOD_KEY = "wf_fixed_shares"
METHOD = (
    "Working Futures 2017-2027 projects major and sub-major groups only: this job's figure is its "
    "group's projection times the job's fixed share of the group's employment (APS 2019, UK), as "
    "LMI for All did, so it grows and is replaced at the group's rates: a projection on simple "
    "assumptions, not a forecast"
)


def load(ctx: BuildContext) -> None:
    people = dict(
        ctx.conn.execute(
            select(est_employment.c.soc, est_employment.c.value).where(
                est_employment.c.region == 0, est_employment.c.gender == 0, est_employment.c.status == 0
            )
        ).all()
    )
    method = record_method(ctx, METHOD_KEY, METHOD, method_sources(ctx.conn, est_employment))
    rows = []
    for soc, value in sorted(people.items()):
        digits = len(str(soc)) if soc else 0
        for group_digits in (1, 2):
            if digits > group_digits:
                group = int(str(soc)[:group_digits])
                if people.get(group):
                    rows.append(
                        {"soc": soc, "group_soc": group, "share": value / people[group], "method_id": method}
                    )
    ctx.insert(est_wf_share, rows)
