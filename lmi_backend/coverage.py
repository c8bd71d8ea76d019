"""How many of the 369 unit groups each indicator covers: the honest answer to "can the bot
answer this for my job?", printed after every build and by `lmi coverage`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Integer, Text, and_, cast, distinct, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from .db import estimates as est
from .db import facts as f
from .db import occupations as o
from .db.dimensions import soc_group, soc_task


@dataclass(frozen=True)
class Indicator:
    name: str
    description: str
    soc_column: ColumnElement
    where: Callable[[], list[ColumnElement]]


@dataclass(frozen=True)
class QueryIndicator:
    """An indicator whose unit groups one SQL query lists (links across tables)."""

    name: str
    description: str
    sql: str


@dataclass(frozen=True)
class MissingIndicator:
    """What users ask for and no source covers: 0 unit groups, with the reason."""

    name: str
    description: str
    reason: str


# unit groups whose pay answer is for 2024 or 2025: a direct link whose SOC2020 group has a
# median then, or a combined link whose groups with one hold 80% of the job's workers (the rule
# in lmi_backend/service/uk_cells.py)
PAY_2024_ON = """
    WITH medians AS (
        SELECT soc, period FROM fact_pay_soc2020 WHERE measure = 'annual' AND stat = 'median'
        AND gender = 0 AND status = 4 AND period IN ('2024', '2025') AND value IS NOT NULL)
    SELECT l.soc FROM est_soc2020_link l JOIN medians m ON m.soc = l.main_soc2020
    WHERE l.pay_link = 'direct'
    UNION
    SELECT x.soc2010 FROM soc2010_soc2020 x
    JOIN est_soc2020_link l ON l.soc = x.soc2010 AND l.pay_link = 'combined'
    CROSS JOIN (SELECT '2024' AS period UNION SELECT '2025') y
    WHERE x.value > 0
    GROUP BY x.soc2010, y.period
    HAVING SUM(CASE WHEN EXISTS (SELECT 1 FROM medians m WHERE m.soc = x.soc2020 AND m.period = y.period)
                    THEN x.value ELSE 0 END) >= 0.8 * SUM(x.value)
"""


def _ashe(table, measure: str, period: str, stat: str = "median", status: int = 4, gender: int = 0):
    return lambda: [
        table.c.measure == measure,
        table.c.period == period,
        table.c.stat == stat,
        table.c.status == status,
        table.c.gender == gender,
        table.c.region == 0,
        table.c.value.isnot(None),
    ]


def _onet_rated(domain: str):
    return lambda: [
        o.soc_onet.c.onet_code.in_(
            select(o.onet_value.c.onet_code)
            .join(o.onet_element, o.onet_element.c.element_id == o.onet_value.c.element_id)
            .where(o.onet_element.c.domain == domain)
        )
    ]


INDICATORS: list[Indicator | QueryIndicator | MissingIndicator] = [
    Indicator(
        "description",
        "ONS unit-group description",
        soc_group.c.code,
        lambda: [soc_group.c.level == 4, soc_group.c.description != ""],
    ),
    Indicator(
        "entry_routes",
        "ONS entry routes and qualifications",
        soc_group.c.code,
        lambda: [soc_group.c.level == 4, soc_group.c.entry_routes.isnot(None)],
    ),
    Indicator("tasks", "ONS tasks", soc_task.c.soc, lambda: []),
    Indicator("job_titles", "coded job titles", o.job_title.c.soc, lambda: []),
    Indicator(
        "pay_annual_median_2021",
        "ASHE 2021p median annual pay, all employees",
        f.pay.c.soc,
        _ashe(f.pay, "annual", "2021"),
    ),
    Indicator(
        "pay_annual_median_2021_ft",
        "ASHE 2021p median annual pay, full-time",
        f.pay.c.soc,
        _ashe(f.pay, "annual", "2021", status=1),
    ),
    Indicator(
        "pay_hourly_median_2021",
        "ASHE 2021p median hourly pay, all employees",
        f.pay.c.soc,
        _ashe(f.pay, "hourly", "2021"),
    ),
    Indicator(
        "pay_annual_median_2020",
        "ASHE 2020 median annual pay, all employees",
        f.pay.c.soc,
        _ashe(f.pay, "annual", "2020"),
    ),
    Indicator(
        "employment_2019",
        "APS 2019 employment (UK, by sex)",
        f.employment.c.soc,
        lambda: [
            f.employment.c.period == "2019",
            f.employment.c.region == 0,
            f.employment.c.age_band == 0,
            f.employment.c.qualification == 0,
            f.employment.c.sic.is_(None),
            f.employment.c.value.isnot(None),
        ],
    ),
    Indicator(
        "employment_english_regions",
        "APS 2017-2021 employment in an English region",
        f.employment.c.soc,
        lambda: [
            f.employment.c.period.in_(["2017", "2018", "2019", "2020", "2021"]),
            f.employment.c.region.between(1, 9),
            f.employment.c.area.is_(None),
            f.employment.c.value.isnot(None),
        ],
    ),
    Indicator(
        "employment_status_2018",
        "LFS Apr-Jun 2018 employment by status",
        f.employment.c.soc,
        lambda: [f.employment.c.period == "2018Q2", f.employment.c.value.isnot(None)],
    ),
    Indicator(
        "vacancies_2022",
        "ESS 2022 vacancies",
        f.vacancy.c.soc,
        lambda: [f.vacancy.c.measure == "vacancies", f.vacancy.c.value.isnot(None)],
    ),
    Indicator(
        "projection_2035",
        "SI2035 England employment 2035 (SOC2020, via crosswalk)",
        f.soc2010_soc2020.c.soc2010,
        lambda: [
            cast(func.substr(cast(f.soc2010_soc2020.c.soc2020, Text), 1, 2), Integer).in_(
                select(f.projection.c.soc2020).where(
                    f.projection.c.measure == "employment",
                    f.projection.c.period == "2035",
                    f.projection.c.gender == 0,
                    f.projection.c.value.isnot(None),
                )
            )
        ],
    ),
    Indicator("onet_link", "linked to O*NET occupations", o.soc_onet.c.soc, lambda: []),
    Indicator("onet_skills", "O*NET skills through the crosswalk", o.soc_onet.c.soc, _onet_rated("skills")),
    Indicator(
        "onet_interests",
        "O*NET interests (RIASEC) through the crosswalk",
        o.soc_onet.c.soc,
        _onet_rated("interests"),
    ),
    Indicator(
        "onet_job_zone",
        "O*NET job zone through the crosswalk",
        o.soc_onet.c.soc,
        lambda: [
            o.soc_onet.c.onet_code.in_(
                select(o.onet_occupation.c.code).where(o.onet_occupation.c.job_zone.isnot(None))
            )
        ],
    ),
    Indicator("apprenticeships", "linked apprenticeship standards", o.apprenticeship_soc.c.soc, lambda: []),
    Indicator(
        "est_pay_by_region",
        "pay estimates by region (relativities)",
        est.est_pay_relativity.c.soc,
        lambda: [est.est_pay_relativity.c.dimension == "region"],
    ),
    Indicator(
        "est_hours",
        "paid hours derived from pay, all employees",
        est.est_hours.c.soc,
        lambda: [est.est_hours.c.status == 4],
    ),
    Indicator(
        "est_outlook_2035",
        "England outlook to 2035 for the unit group",
        est.est_outlook.c.soc,
        lambda: [est.est_outlook.c.gender == 0],
    ),
    Indicator(
        "similar_jobs", "similar jobs by skills and SOC neighbourhood", est.soc_similarity.c.soc, lambda: []
    ),
    Indicator(
        "pay_weekly_median_2021",
        "ASHE 2021p median weekly pay, all employees (published)",
        f.pay.c.soc,
        _ashe(f.pay, "weekly", "2021"),
    ),
    Indicator(
        "hours_median_2021",
        "ASHE 2021p median paid hours, all employees (published)",
        f.hours.c.soc,
        _ashe(f.hours, "paid_hours_total", "2021"),
    ),
    Indicator(
        "pay_annual_median_2021_female",
        "ASHE 2021p median annual pay, women",
        f.pay.c.soc,
        _ashe(f.pay, "annual", "2021", gender=2),
    ),
    Indicator(
        "pay_annual_median_2021_pt",
        "ASHE 2021p median annual pay, part-time",
        f.pay.c.soc,
        _ashe(f.pay, "annual", "2021", status=2),
    ),
    Indicator(
        "soc2020_pay_direct",
        "a SOC2020 group's ASHE 2022-2025 figures stand for the job",
        est.est_soc2020_link.c.soc,
        lambda: [est.est_soc2020_link.c.pay_link == "direct"],
    ),
    Indicator(
        "soc2020_pay_combined",
        "ASHE 2022-2025 pay estimated from the job's SOC2020 groups",
        est.est_soc2020_link.c.soc,
        lambda: [est.est_soc2020_link.c.pay_link == "combined"],
    ),
    QueryIndicator(
        "pay_annual_2024_or_later",
        "median annual pay of 2024 or 2025 (SOC2020 link), all employees",
        PAY_2024_ON,
    ),
    Indicator(
        "pay_series_2011_2025",
        "ASHE annual pay 2011 (SOC2010) for a series to 2021 or later",
        f.pay.c.soc,
        _ashe(f.pay, "annual", "2011"),
    ),
    Indicator(
        "wf_projection_2027",
        "Working Futures 2017-2027 UK, by fixed share of the sub-major group",
        est.est_wf_share.c.soc,
        lambda: [est.est_wf_share.c.group_soc >= 10],
    ),
    QueryIndicator(
        "census2011_minor_group",
        "Census 2011 residents in the job's minor group, England and Wales LADs",
        "SELECT code FROM soc_group WHERE level = 4 AND code / 10 IN (SELECT soc FROM fact_census_occupation)",
    ),
    QueryIndicator(
        "industries_aps_2024",
        "APS 2024 industry sections through the SOC2020 link",
        """
        SELECT x.soc2010 FROM soc2010_soc2020 x WHERE x.soc2020 IN (
            SELECT soc2020 FROM fact_employment_soc2020_industry WHERE period = '2024' AND value IS NOT NULL)
        """,
    ),
    MissingIndicator(
        "unemployment_by_occupation",
        "unemployment rate by occupation",
        "no source: no LFS/APS unemployment-by-occupation table (e.g. ONS UNEM02) in lmi-sources",
    ),
    MissingIndicator(
        "graduate_subjects",
        "graduates' subjects by occupation",
        "no source: no HESA / Graduate Outcomes subject x occupation table in lmi-sources",
    ),
]


def coverage(conn: Connection) -> dict[str, dict]:
    units = select(soc_group.c.code).where(soc_group.c.level == 4)
    total = conn.execute(select(func.count()).select_from(units.subquery())).scalar_one()
    unit_codes = set(conn.execute(units).scalars())
    result = {}
    for ind in INDICATORS:
        if isinstance(ind, MissingIndicator):
            covered = 0
        elif isinstance(ind, QueryIndicator):
            covered = len(unit_codes & set(conn.exec_driver_sql(ind.sql).scalars()))
        else:
            query = select(func.count(distinct(ind.soc_column))).where(
                and_(ind.soc_column.in_(units), *ind.where())
            )
            covered = conn.execute(query).scalar_one()
        result[ind.name] = {
            "description": ind.description,
            "unit_groups": covered,
            "of": total,
            "percent": round(100 * covered / total, 1) if total else 0.0,
            **({"reason": ind.reason} if isinstance(ind, MissingIndicator) else {}),
        }
    return result


def format_table(cov: dict[str, dict]) -> str:
    lines = [f"{'indicator':<30} {'unit groups':>11}  description"]
    lines += [
        f"{name:<30} {c['unit_groups']:>5}/{c['of']:<5}  {c['description']}"
        + (f" ({c['reason']})" if "reason" in c else "")
        for name, c in cov.items()
    ]
    return "\n".join(lines)
