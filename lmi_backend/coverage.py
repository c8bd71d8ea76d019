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


def _ashe(table, measure: str, period: str, stat: str = "median", status: int = 4):
    return lambda: [
        table.c.measure == measure,
        table.c.period == period,
        table.c.stat == stat,
        table.c.status == status,
        table.c.gender == 0,
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


INDICATORS: list[Indicator] = [
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
]


def coverage(conn: Connection) -> dict[str, dict]:
    units = select(soc_group.c.code).where(soc_group.c.level == 4)
    total = conn.execute(select(func.count()).select_from(units.subquery())).scalar_one()
    result = {}
    for ind in INDICATORS:
        query = select(func.count(distinct(ind.soc_column))).where(
            and_(ind.soc_column.in_(units), *ind.where())
        )
        covered = conn.execute(query).scalar_one()
        result[ind.name] = {
            "description": ind.description,
            "unit_groups": covered,
            "of": total,
            "percent": round(100 * covered / total, 1) if total else 0.0,
        }
    return result


def format_table(cov: dict[str, dict]) -> str:
    lines = [f"{'indicator':<28} {'unit groups':>11}  description"]
    lines += [f"{name:<28} {c['unit_groups']:>5}/{c['of']:<5}  {c['description']}" for name, c in cov.items()]
    return "\n".join(lines)
