"""Read-only access to the built database for the service.

Speed (p95 <= 5 ms a question) comes from three things: small dimensions are read once at
start-up; every lookup is a statement built once with bind parameters (building a SQLAlchemy
expression per call costs more than the indexed query itself); and the lookups the disclosure
ladder repeats (a job's employment cells, shares, pay cells, relativities) are cached per
process. One connection per thread: the Rasa action server answers from several threads and a
SQLite connection must stay in the thread that opened it.

The database is the built SQLite file or a PostgreSQL copy of it (lmi_backend.db.publish). A
server can restart under a running service; the first query after that finds its connection
gone, and is asked once more on a new connection, so the service carries on by itself.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ..config import Location
from ..db import dimensions as d
from ..db import estimates as e
from ..db import facts as f
from ..db import graduates as g
from ..db import occupations as o
from ..db import places as p
from ..db.engine import readonly_engine
from ..db.provenance import provenance

OLDEST_PAY_PERIOD = "2017"  # 2011 figures (first SOC2010 year) are too old to quote
FIRST_SOC2020_PERIOD = "2022"  # ASHE is published in SOC2020 from 2022
CACHE = 8192


@dataclass(frozen=True)
class PayCell:
    """One published ASHE cell: its statistics for one year (the latest with a median)."""

    period: str
    values: dict[str, float | None]
    provenance_id: int


@dataclass(frozen=True)
class Method:
    key: str
    description: str
    provenance_ids: tuple[int, ...]


def _p(name: str):
    return bindparam(name)


def _ashe(t):
    return select(t.c.period, t.c.stat, t.c.value, t.c.provenance_id).where(
        t.c.soc == _p("soc"),
        t.c.measure == _p("measure"),
        t.c.gender == _p("gender"),
        t.c.status == _p("status"),
        t.c.region == _p("region"),
        t.c.period >= _p("since"),
    )


_EMPLOYMENT = select(
    e.est_employment.c.region, e.est_employment.c.gender, e.est_employment.c.status, e.est_employment.c.value
).where(e.est_employment.c.soc == _p("soc"))
_QUALIFICATION = select(
    e.est_employment_qualification.c.qualification, e.est_employment_qualification.c.value
).where(e.est_employment_qualification.c.soc == _p("soc"))
_AGE = select(e.est_employment_age.c.age_band, e.est_employment_age.c.value).where(
    e.est_employment_age.c.soc == _p("soc")
)
_PAY = {"pay": _ashe(f.pay), "hours": _ashe(f.hours)}
_PAY_SOC2020 = {"pay": _ashe(f.pay_soc2020), "hours": _ashe(f.hours_soc2020)}
_RELATIVITY = select(
    e.est_pay_relativity.c.code,
    e.est_pay_relativity.c.measure,
    e.est_pay_relativity.c.factor,
    e.est_pay_relativity.c.method_id,
).where(e.est_pay_relativity.c.soc == _p("soc"), e.est_pay_relativity.c.dimension == _p("dimension"))
_HOURS = select(e.est_hours.c.stat, e.est_hours.c.value, e.est_hours.c.method_id, e.est_hours.c.period).where(
    e.est_hours.c.soc == _p("soc"), e.est_hours.c.status == _p("status")
)
_OUTLOOK = select(e.est_outlook).where(
    e.est_outlook.c.soc == _p("soc"), e.est_outlook.c.gender == _p("gender")
)
_VACANCY = select(
    f.vacancy.c.measure, f.vacancy.c.value, f.vacancy.c.provenance_id, f.vacancy.c.period
).where(f.vacancy.c.soc == _p("soc"), f.vacancy.c.region == 0)
_DESCRIPTORS = (
    select(o.onet_element.c.domain, o.onet_element.c.name, e.soc_descriptor.c.scale, e.soc_descriptor.c.value)
    .join_from(e.soc_descriptor, o.onet_element, e.soc_descriptor.c.element_id == o.onet_element.c.element_id)
    .where(e.soc_descriptor.c.soc == _p("soc"))
)
_ONET_LINKS = select(o.soc_onet.c.provenance_id).where(o.soc_onet.c.soc == _p("soc"))
_SIMILAR = (
    select(
        e.soc_similarity.c.other,
        e.soc_similarity.c.similarity,
        e.soc_similarity.c.skills_similarity,
        e.soc_similarity.c.same_minor_group,
    )
    .where(e.soc_similarity.c.soc == _p("soc"), e.soc_similarity.c.rank <= _p("limit"))
    .order_by(e.soc_similarity.c.rank)
)
_TEXT = select(d.soc_group.c.description, d.soc_group.c.entry_routes).where(d.soc_group.c.code == _p("soc"))
_TASKS = select(d.soc_task.c.task).where(d.soc_task.c.soc == _p("soc")).order_by(d.soc_task.c.seq)
_APPRENTICESHIPS = (
    select(
        o.apprenticeship_standard.c.reference,
        o.apprenticeship_standard.c.title,
        o.apprenticeship_standard.c.level,
        o.apprenticeship_standard.c.duration_months,
        o.apprenticeship_standard.c.route,
        o.apprenticeship_soc.c.score,
        o.apprenticeship_standard.c.provenance_id,
    )
    .join_from(
        o.apprenticeship_soc,
        o.apprenticeship_standard,
        o.apprenticeship_soc.c.reference == o.apprenticeship_standard.c.reference,
    )
    .where(o.apprenticeship_soc.c.soc == _p("soc"))
    .order_by(
        o.apprenticeship_soc.c.score.desc(),
        o.apprenticeship_standard.c.level,
        o.apprenticeship_standard.c.reference,
    )
)


# the England projections of SOC2020 sub-major groups ("job areas"): employment in 2020 and
# 2035 and the total requirement 2020-2035, all people (gender 0), in thousands
_AREAS = (
    select(
        f.soc2020_group.c.code,
        f.soc2020_group.c.title,
        f.projection.c.measure,
        f.projection.c.period,
        f.projection.c.value,
        f.projection.c.provenance_id,
    )
    .join_from(f.projection, f.soc2020_group, f.projection.c.soc2020 == f.soc2020_group.c.code)
    .where(f.soc2020_group.c.level == 2, f.projection.c.gender == 0)
)
_CROSSWALK = select(f.soc2010_soc2020.c.soc2010, f.soc2010_soc2020.c.soc2020, f.soc2010_soc2020.c.value)
# the ONS coding index's titles of a unit group, as published ("Engineer, heating")
_INDEX_TITLES = (
    select(o.job_title.c.title, o.job_title.c.qualifier, o.job_title.c.provenance_id)
    .where(o.job_title.c.soc == _p("soc"), o.job_title.c.source == "coding_index")
    .order_by(o.job_title.c.title, o.job_title.c.qualifier)
)
# O*NET ratings as published, for one O*NET occupation, leaving out what O*NET recommends to suppress
_ONET_RATINGS = (
    select(o.onet_value.c.element_id, o.onet_element.c.name, o.onet_value.c.scale, o.onet_value.c.value)
    .join_from(o.onet_value, o.onet_element, o.onet_value.c.element_id == o.onet_element.c.element_id)
    .where(
        o.onet_value.c.onet_code == _p("code"),
        o.onet_element.c.domain == _p("domain"),
        o.onet_value.c.value.isnot(None),
        o.onet_value.c.recommend_suppress.isnot(True),
    )
    .order_by(o.onet_value.c.scale, o.onet_value.c.element_id)
)
_ONET_ELEMENT = select(o.onet_value.c.onet_code, o.onet_value.c.scale, o.onet_value.c.value).where(
    o.onet_value.c.element_id == _p("element"),
    o.onet_value.c.value.isnot(None),
    o.onet_value.c.recommend_suppress.isnot(True),
)
_SOC_TO_ONET = (
    select(o.soc_onet.c.onet_code, o.soc_onet.c.weight, o.soc_onet.c.provenance_id)
    .where(o.soc_onet.c.soc == _p("soc"))
    .order_by(o.soc_onet.c.weight.desc(), o.soc_onet.c.onet_code)
)
_ONET_TO_SOC = (
    select(o.soc_onet.c.soc, o.soc_onet.c.weight, o.soc_onet.c.provenance_id)
    .where(o.soc_onet.c.onet_code == _p("code"))
    .order_by(o.soc_onet.c.weight.desc(), o.soc_onet.c.soc)
)
_GRADUATE_PAY = select(
    g.graduate_pay.c.measure,
    g.graduate_pay.c.mode,
    g.graduate_pay.c.level,
    g.graduate_pay.c.nation,
    g.graduate_pay.c.stat,
    g.graduate_pay.c.value,
    g.graduate_pay.c.provenance_id,
).where(g.graduate_pay.c.subject == _p("subject"))


@dataclass(frozen=True)
class GraduateCell:
    """One published Discover Uni cell: a subject's figures for one measure, mode and level of
    study and nation (stat -> value: lower_quartile, median, upper_quartile, graduates)."""

    values: dict[str, float | None]
    provenance_id: int


_WF = select(
    f.wf_projection.c.gender,
    f.wf_projection.c.status,
    f.wf_projection.c.qualification,
    f.wf_projection.c.industry,
    f.wf_projection.c.period,
    f.wf_projection.c.measure,
    f.wf_projection.c.value,
    f.wf_projection.c.provenance_id,
).where(f.wf_projection.c.soc == _p("soc"))
_WF_SHARE = select(e.est_wf_share.c.share, e.est_wf_share.c.method_id).where(
    e.est_wf_share.c.soc == _p("soc"), e.est_wf_share.c.group_soc == _p("group")
)
_INDUSTRY_MIX = select(
    f.employment_soc2020_industry.c.section,
    f.employment_soc2020_industry.c.period,
    f.employment_soc2020_industry.c.value,
    f.employment_soc2020_industry.c.provenance_id,
).where(f.employment_soc2020_industry.c.soc2020 == _p("soc"))
_CENSUS_AREA = select(
    p.census_occupation.c.soc, p.census_occupation.c.value, p.census_occupation.c.provenance_id
).where(p.census_occupation.c.lad == _p("lad"))


@dataclass(frozen=True)
class WfCell:
    """One Working Futures figure (thousands of jobs) of a group."""

    gender: int
    status: int
    qualification: int
    industry: int
    period: str
    measure: str
    value: float | None
    provenance_id: int


@dataclass(frozen=True)
class Soc2020Link:
    """How a SOC2010 unit group may use SOC2020 figures (est_soc2020_link)."""

    main: int  # the SOC2020 unit group most of its workers are coded to
    forward_share: float
    reverse_share: float
    pay_link: str  # direct | combined | none
    industry_link: str  # direct | combined
    shares: dict[int, float]  # SOC2020 unit group -> share of the job's workers (dual coding)


@dataclass(frozen=True)
class ProjectedArea:
    """A SOC2020 sub-major group's England projection, in people."""

    code: int
    title: str
    employment_2020: float
    employment_2035: float
    openings: float  # total requirement 2020-2035: new jobs plus people to replace
    provenance_ids: tuple[int, ...]


class Store:
    def __init__(self, location: Location):
        self.engine = readonly_engine(location)
        self._local = threading.local()
        conn = self.conn
        self.soc = {
            r.code: r
            for r in conn.execute(select(d.soc_group.c.code, d.soc_group.c.level, d.soc_group.c.title))
        }
        self.regions = dict(conn.execute(select(d.region.c.code, d.region.c.name)).all())
        self.nations = dict(conn.execute(select(d.region.c.code, d.region.c.nation)).all())
        self.subjects = {r.code: r for r in conn.execute(select(g.graduate_subject))}
        self.genders = dict(conn.execute(select(d.gender.c.code, d.gender.c.name)).all())
        self.statuses = dict(conn.execute(select(d.status.c.code, d.status.c.name)).all())
        self.qualifications = dict(conn.execute(select(d.qualification.c.code, d.qualification.c.name)).all())
        self.industry_groups = dict(  # Working Futures' 22 industry groups
            conn.execute(select(d.industry.c.code, d.industry.c.name).where(d.industry.c.level == 22)).all()
        )
        self.industries = dict(conn.execute(select(d.industry.c.code, d.industry.c.name)).all())
        self.industry_parents = dict(  # each of the 75 Working Futures industries -> its group
            conn.execute(select(d.industry.c.code, d.industry.c.parent).where(d.industry.c.level == 75)).all()
        )
        self.sections = dict(conn.execute(select(d.sic_section.c.code, d.sic_section.c.name)).all())
        self.age_bands = [
            (c, lo, hi)
            for c, lo, hi in conn.execute(
                select(d.age_band.c.code, d.age_band.c.age_min, d.age_band.c.age_max)
            )
            if c
        ]
        self.provenance = {r.id: r for r in conn.execute(select(provenance))}
        self.pay_periods = sorted(
            conn.execute(
                select(f.pay.c.period)
                .where(f.pay.c.measure == "annual", f.pay.c.period >= OLDEST_PAY_PERIOD)
                .distinct()
            ).scalars()
        )
        self.onet_titles = dict(
            conn.execute(select(o.onet_occupation.c.code, o.onet_occupation.c.title)).all()
        )
        self.onet_elements = {
            r.element_id: r for r in conn.execute(select(o.onet_element)).all()
        }  # id -> (element_id, name, domain)
        self.methods = {
            r.id: Method(r.key, r.description, tuple(int(i) for i in r.provenance_ids.split()))
            for r in conn.execute(select(e.estimate_method))
        }
        self.method_ids = {m.key: i for i, m in self.methods.items()}
        self.soc2020_titles = dict(
            conn.execute(select(f.soc2020_group.c.code, f.soc2020_group.c.title)).all()
        )
        split: dict[int, dict[int, float]] = {}
        for a, b, v in conn.execute(_CROSSWALK):
            if v:
                split.setdefault(a, {})[b] = v
        self.soc2020_links = {
            r.soc: Soc2020Link(
                r.main_soc2020, r.forward_share, r.reverse_share, r.pay_link, r.industry_link, split[r.soc]
            )
            for r in conn.execute(select(e.est_soc2020_link))
        }
        self._cells = lru_cache(maxsize=CACHE)(self._load_cells)
        self._shares = lru_cache(maxsize=CACHE)(self._load_shares)
        self._relativities = lru_cache(maxsize=CACHE)(self._load_relativities)
        self.pay_cell = lru_cache(maxsize=CACHE)(self._pay_cell)
        self.pay_cell_soc2020 = lru_cache(maxsize=CACHE)(self._pay_cell_soc2020)

    @property
    def conn(self) -> Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.engine.connect()
        return conn

    def _rows(self, statement, **params):
        try:
            return self.conn.execute(statement, params).all()
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            self._local.conn.close()  # the server restarted: once more, on a new connection
            self._local.conn = None
            return self.conn.execute(statement, params).all()

    def source_ids(self, source_file_prefix: str) -> list[int]:
        return [i for i, p in self.provenance.items() if p.source_file.startswith(source_file_prefix)]

    def age_band(self, age: int) -> int | None:
        for code, lo, hi in self.age_bands:
            if age >= lo and (hi is None or age <= hi):
                return code
        return None

    # Employment cells of one SOC group, loaded together: the ladder asks for several.
    def _load_cells(self, soc: int) -> dict[tuple[int, int, int], float]:
        return {(r, g, s): v for r, g, s, v in self._rows(_EMPLOYMENT, soc=soc)}

    def employment(self, soc: int, region: int, gender: int, status: int) -> float | None:
        return self._cells(soc).get((region, gender, status))

    def _load_shares(self, soc: int) -> dict[tuple[str, int], float]:
        total = self.employment(soc, 0, 0, 0)
        if not total:
            return {}
        rows = [("qualification", c, v) for c, v in self._rows(_QUALIFICATION, soc=soc)]
        rows += [("age_band", c, v) for c, v in self._rows(_AGE, soc=soc)]
        return {(dim, c): v / total for dim, c, v in rows}

    def share(self, dimension: str, soc: int, code: int) -> float | None:
        """The group's share of its employment in one qualification group or age band."""
        return self._shares(soc).get((dimension, code))

    def _pay_cell(
        self, soc: int, region: int, gender: int, status: int, measure: str, period: str | None = None
    ) -> PayCell | None:
        """Published ASHE pay (or, for measure paid_hours_total, hours) of one SOC2010 cell: the
        given year, or the latest year with a median."""
        return self._latest(_PAY, soc, region, gender, status, measure, period, OLDEST_PAY_PERIOD)

    def _pay_cell_soc2020(
        self, soc2020: int, gender: int, status: int, measure: str, period: str | None = None
    ) -> PayCell | None:
        """The same for a SOC2020 group (UK only; 0 = all employees), 2022 onwards."""
        return self._latest(_PAY_SOC2020, soc2020, 0, gender, status, measure, period, FIRST_SOC2020_PERIOD)

    def _latest(
        self,
        statements: dict,
        soc: int,
        region: int,
        gender: int,
        status: int,
        measure: str,
        period: str | None,
        oldest: str,
    ) -> PayCell | None:
        table = "hours" if measure == "paid_hours_total" else "pay"
        rows = self._rows(
            statements[table],
            soc=soc,
            measure=measure,
            gender=gender,
            status=status,
            region=region,
            since=period or oldest,
        )
        by_period: dict[str, dict[str, float | None]] = {}
        origin: dict[str, int] = {}
        for year, stat, value, prov in rows:
            if period is None or year == period:
                by_period.setdefault(year, {})[stat] = value
                origin[year] = prov
        for year in sorted(by_period, reverse=True):
            if by_period[year].get("median") is not None:
                return PayCell(year, by_period[year], origin[year])
        return None

    def _load_relativities(self, soc: int, dimension: str) -> dict[tuple[int, str | None], tuple[float, int]]:
        return {
            (c, m): (fct, mid) for c, m, fct, mid in self._rows(_RELATIVITY, soc=soc, dimension=dimension)
        }

    def relativity(
        self, soc: int, dimension: str, code: int, measure: str | None
    ) -> tuple[float, int] | None:
        """(factor, method id) turning a UK pay figure of `soc` into one for a region (per
        measure), qualification group or age (any measure: None)."""
        return self._relativities(soc, dimension).get((code, measure))

    def est_hours(self, soc: int, status: int) -> tuple[dict[str, float], int, str] | None:
        """Derived paid hours (stat -> value), their method id and year."""
        rows = self._rows(_HOURS, soc=soc, status=status)
        return ({r.stat: r.value for r in rows}, rows[0].method_id, rows[0].period) if rows else None

    def outlook(self, soc: int, gender: int):
        rows = self._rows(_OUTLOOK, soc=soc, gender=gender)
        return rows[0] if rows else None

    def vacancy(self, soc: int) -> tuple[dict[str, float | None], int, str] | None:
        """ESS figures of one occupation (measure -> value), their provenance id and year."""
        rows = self._rows(_VACANCY, soc=soc)
        return ({r.measure: r.value for r in rows}, rows[0].provenance_id, rows[0].period) if rows else None

    def descriptors(self, soc: int):
        return self._rows(_DESCRIPTORS, soc=soc)

    def method(self, key: str) -> Method:
        """An estimate method by its key ("employment_cube"): its description and sources."""
        return next(m for m in self.methods.values() if m.key == key)

    def projected_areas(self) -> list[ProjectedArea]:
        figures: dict[int, dict[str, float]] = {}
        titles: dict[int, str] = {}
        origin: dict[int, set[int]] = {}
        for code, title, measure, period, value, prov in self._rows(_AREAS):
            key = {
                ("employment", "2020"): "2020",
                ("employment", "2035"): "2035",
                ("total_requirement", "2020-2035"): "openings",
            }.get((measure, period))
            if key and value is not None:
                figures.setdefault(code, {})[key] = 1000 * value
                titles[code] = title
                origin.setdefault(code, set()).add(prov)
        return [
            ProjectedArea(
                code, titles[code], f["2020"], f["2035"], f["openings"], tuple(sorted(origin[code]))
            )
            for code, f in sorted(figures.items())
            if {"2020", "2035", "openings"} <= f.keys()
        ]

    def soc2020_shares(self) -> list[tuple[int, int, float]]:
        """(SOC2010 unit group, SOC2020 unit group, share of its jobs) from the ONS dual coding."""
        return [(a, b, v) for a, b, v in self._rows(_CROSSWALK) if v]

    def graduate_cells(self, subject: str) -> dict[tuple[str, int, int, str], GraduateCell]:
        """A degree subject's published cells by (measure, mode, level, nation)."""
        values: dict[tuple[str, int, int, str], dict[str, float | None]] = {}
        origin: dict[tuple[str, int, int, str], int] = {}
        for measure, mode, level, nation, stat, value, prov in self._rows(_GRADUATE_PAY, subject=subject):
            values.setdefault((measure, mode, level, nation), {})[stat] = value
            origin[(measure, mode, level, nation)] = prov
        return {key: GraduateCell(v, origin[key]) for key, v in values.items()}

    def onet_links(self, soc: int) -> list[int]:
        return sorted({r.provenance_id for r in self._rows(_ONET_LINKS, soc=soc)})

    def similar(self, soc: int, limit: int):
        return self._rows(_SIMILAR, soc=soc, limit=limit)

    def unit_text(self, soc: int):
        rows = self._rows(_TEXT, soc=soc)
        return rows[0] if rows else None

    def tasks(self, soc: int) -> list[str]:
        return [r.task for r in self._rows(_TASKS, soc=soc)]

    def apprenticeships(self, soc: int):
        return self._rows(_APPRENTICESHIPS, soc=soc)

    def index_titles(self, soc: int):
        return self._rows(_INDEX_TITLES, soc=soc)

    def onet_ratings(self, code: str, domain: str):
        """(element id, name, scale, value) of one O*NET occupation in one domain."""
        return self._rows(_ONET_RATINGS, code=code, domain=domain)

    def onet_element_ratings(self, element_id: str) -> dict[str, dict[str, float]]:
        """Every O*NET occupation's ratings (scale -> value) on one element."""
        ratings: dict[str, dict[str, float]] = {}
        for code, scale, value in self._rows(_ONET_ELEMENT, element=element_id):
            ratings.setdefault(code, {})[scale] = value
        return ratings

    def soc_to_onet(self, soc: int):
        """(O*NET code, link weight, provenance id) of a unit group, strongest link first."""
        return self._rows(_SOC_TO_ONET, soc=soc)

    def onet_to_soc(self, code: str):
        """(unit group, link weight, provenance id) of an O*NET occupation, strongest first."""
        return self._rows(_ONET_TO_SOC, code=code)

    def wf_cells(self, soc: int) -> list[WfCell]:
        """Every Working Futures figure of a SOC2010 group (0, major or sub-major)."""
        return [WfCell(*row) for row in self._rows(_WF, soc=soc)]

    def wf_share(self, soc: int, group: int) -> tuple[float, int] | None:
        """A group's fixed share of the projected group it sits in, and the method id."""
        rows = self._rows(_WF_SHARE, soc=soc, group=group)
        return (rows[0].share, rows[0].method_id) if rows else None

    def industry_mix(self, soc2020: int) -> list:
        """APS employment of a SOC2020 unit group (0: all) by industry section and year."""
        return self._rows(_INDUSTRY_MIX, soc=soc2020)

    def census_area(self, lad: str) -> dict[int, tuple[float | None, int]]:
        """Census 2011 residents in employment of a local authority: SOC group -> (persons,
        provenance id); group 0 is everyone in employment."""
        return {r.soc: (r.value, r.provenance_id) for r in self._rows(_CENSUS_AREA, lad=lad)}

    def local_authorities(self):
        return self._rows(select(p.local_authority))

    def postcode_districts(self):
        return self._rows(select(p.postcode_district))

    def close(self) -> None:
        """Closes this thread's connection; the lookups read at start-up stay, and the next
        query opens a new connection. The action server loads the store before it forks its
        workers and closes it there, so no connection crosses the fork."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local = threading.local()
        self.engine.dispose()
