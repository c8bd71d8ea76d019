"""LmiService: the one object the bot's actions, the CLI and any HTTP API call.

Every numeric kind goes through lmi_backend.disclosure (via results.make_result); the
descriptive kinds carry no cell figures. Results are plain dataclasses (Result.to_dict for JSON).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .. import config, notes
from ..dialogue_slots import FULL_TIME
from ..disclosure import ALL_JOBS, NO_DATA, RELIABLE, Fallback, worst
from ..interests import Interest
from ..places import AreaMatch, District, LocalAuthorities, LocalAuthority
from . import census, employment, graduates, industries, occupation, onet, outlook, pay, working_futures
from .cells import validate
from .labels import Labels
from .results import query_codes, sourced, sourced_from
from .store import Store
from .types import Changed, Query, Result

DEGREE_GROUP = 301  # APS 2019 highest qualification: degree or higher
MOSTLY = 0.5


class LmiService:
    def __init__(self, db_path: config.Location | None = None):
        """`db_path`: the database file or server URL (default: $LMI_DB_URL, $LMI_DB or
        var/lmi.sqlite)."""
        self.store = Store(config.database(db_path))
        self.labels = Labels(self.store)
        self._rankings: dict[tuple[int | None, int, int | None], list[Result]] = {}  # the data never changes
        self._growing: dict[int, Result] = {}
        self._places: LocalAuthorities | None = None

    def close(self) -> None:
        self.store.close()

    def unit_groups(self) -> list[int]:
        """Every SOC2010 unit group (4-digit code)."""
        return [code for code, group in self.store.soc.items() if group.level == 4]

    def soc_title(self, soc: int) -> str | None:
        return self.labels.label("soc", soc) if soc in self.store.soc else None

    def _checked(self, q: Query) -> Query:
        validate(self.store, q)
        return q

    # `fallback`: how far a figure may move from the cell asked for (disclosure.Fallback)
    def pay(self, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
        return pay.pay(self.store, self.labels, self._checked(q), fallback)

    def hours(self, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
        return pay.hours(self.store, self.labels, self._checked(q), fallback)

    def pay_series(
        self, q: Query, measure: str = "annual", stat: str = "median", *, fallback: Fallback = Fallback.LADDER
    ) -> Result:
        """Pay in every year held (2011, 2017-2025) as plain data per year in `items`."""
        return pay.pay_series(self.store, self.labels, self._checked(q), measure, stat, fallback)

    def outlook(self, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
        """England to 2035 (Skills Imperative 2035, newer than Working Futures 2017-2027, which
        covers the UK): `dataset` names the source."""
        return outlook.outlook(self.store, self._checked(q), fallback)

    def wf_predict(
        self,
        q: Query,
        min_year: int | None = None,
        max_year: int | None = None,
        fallback: Fallback = Fallback.LADDER,
    ) -> Result:
        """Working Futures 2017-2027, UK employment every year 2007-2027 (`items`)."""
        return working_futures.predict(
            self.store, self.labels, self._checked(q), min_year, max_year, fallback
        )

    def wf_replacement_demand(self, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
        """Working Futures 2017-2027: net change, replacement demand and its rate 2017-2027."""
        return working_futures.replacement_demand(self.store, self.labels, self._checked(q), fallback)

    def wf_breakdown(
        self, q: Query, dimension: str, min_year: int | None = None, max_year: int | None = None
    ) -> Result:
        """Working Futures employment by gender, qualification, status, industry (75),
        industry_group (22) or region, per year (`items`); region has no source and comes back
        empty with its reason code."""
        return working_futures.breakdown(
            self.store, self.labels, self._checked(q), dimension, min_year, max_year
        )

    def industries(self, q: Query, year: str | None = None) -> Result:
        """Which industry sections employ the job (APS 2021-2024, through the SOC2020 link)."""
        return industries.industries(self.store, self.labels, self._checked(q), year)

    @property
    def places(self) -> LocalAuthorities:
        """Local authorities and postcode districts, read once when first needed."""
        if self._places is None:
            self._places = LocalAuthorities(
                [
                    LocalAuthority(r.code, r.name, r.region, r.country, bool(r.in_census2011))
                    for r in self.store.local_authorities()
                ],
                [
                    District(
                        r.district, r.lad, r.lad_share, r.second_lad, r.second_share, r.latitude, r.longitude
                    )
                    for r in self.store.postcode_districts()
                ],
            )
        return self._places

    def _area(self, area: str) -> AreaMatch:
        match = self.places.resolve(area)
        if match is None:
            raise ValueError(
                f"Unknown area {area!r}: give a town, a local authority, a postcode or 'lat,lng'"
            )
        return match

    def area_jobs(self, area: str, level: str = "minor") -> Result:
        """Census 2011: the jobs people living in an area do (minor groups, largest first)."""
        return census.area_jobs(self.store, self.labels, self.places, self._area(area), level)

    def area_people(self, area: str, soc: int) -> Result:
        """Census 2011: people living in an area who work in a SOC group (a unit group's minor group)."""
        return census.area_people(
            self.store, self.labels, self.places, self._area(area), self._valid_soc(soc)
        )

    def employment(self, q: Query) -> Result:
        """How many people do the job (APS 2019, by our estimate)."""
        return employment.people_in_job(self.store, self.labels, self._checked(q))

    def vacancies(self, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
        return outlook.vacancies(self.store, self.labels, self._checked(q), fallback)

    def graduate_pay(self, subject_code: str, nation: str | None = None) -> Result:
        """What graduates of a degree subject (HESA CAH code) earn 15 months, 3 and 5 years after
        a full-time first degree, across the UK or in one nation (graduates.NATIONS)."""
        return graduates.graduate_pay(self.store, self.labels, subject_code, nation)

    def nation_of(self, region: int) -> str | None:
        """The UK nation a region (LMI for All code) is in, "England" for London; None for the
        UK as a whole."""
        return self.store.nations.get(region) if region else None

    def _valid_soc(self, soc: int) -> int:
        return self._checked(Query(soc)).soc

    def skills(self, soc: int) -> Result:
        return occupation.skills(self.store, self.labels, self._valid_soc(soc))

    def job_description(self, soc: int) -> Result:
        return occupation.job_description(self.store, self.labels, self._valid_soc(soc))

    def tasks(self, soc: int) -> Result:
        return occupation.tasks(self.store, self.labels, self._valid_soc(soc))

    def index_titles(self, soc: int) -> Result:
        return occupation.index_titles(self.store, self.labels, self._valid_soc(soc))

    def onet_links(self, soc: int) -> Result:
        return onet.onet_links(self.store, self.labels, self._valid_soc(soc))

    def unit_groups_for_onet(self, onet_code: str) -> Result:
        return onet.unit_groups_for(self.store, self.labels, onet_code)

    def onet_ratings(self, onet_code: str, domain: str) -> Result:
        """One O*NET occupation's published ratings in a domain (skills, interests, ...)."""
        if domain not in onet.MATCH_SCALES:
            raise ValueError(f"O*NET domain must be one of {', '.join(onet.MATCH_SCALES)}, not {domain}")
        return onet.onet_ratings(self.store, self.labels, onet_code, domain)

    def onet_elements(self, domain: str) -> dict[str, str]:
        """O*NET's elements of a domain (skills, interests ...): id -> name."""
        return {e.element_id: e.name for e in self.store.onet_elements.values() if e.domain == domain}

    def skill_scores(self, soc: int, scale: str) -> Result:
        if scale not in ("IM", "LV"):
            raise ValueError(f"Skill scale must be IM (importance) or LV (level), not {scale}")
        return onet.skill_scores(self.store, self.labels, self._valid_soc(soc), scale)

    def reverse_match(
        self, chosen: dict[str, list[str]], weights: dict[str, float], limit: int = 20
    ) -> Result:
        """O*NET occupations (with their likely UK unit groups) rating highest on the chosen
        elements, domain -> O*NET element ids; `weights` weigh the domains."""
        return onet.reverse_match(self.store, self.labels, chosen, weights, limit)

    @property
    def pay_periods(self) -> list[str]:
        """The years of ASHE pay the service quotes, oldest first."""
        return list(self.store.pay_periods)

    def codes(self, dimension: str) -> dict[int, str]:
        """The codes a dimension takes in a Query (LMI for All's codes), with their names;
        industry: Working Futures' 22 industry groups, 1-22 (wf_breakdown's industry_group)."""
        s = self.store
        found = {
            "region": s.regions,
            "gender": s.genders,
            "status": s.statuses,
            "qualification": s.qualifications,
            "industry": working_futures.industry_groups(s),
        }[dimension]
        valid = {"status": range(1, 4), "qualification": range(1, 10)}.get(dimension)
        return {code: name for code, name in found.items() if code and (valid is None or code in valid)}

    def datasets(self) -> list[dict]:
        """Every dataset in the database: publisher, tables, periods, licence, attribution."""
        found: dict[tuple[str, str], dict] = {}
        for p in sorted(self.store.provenance.values(), key=lambda p: p.id):
            entry = found.setdefault(
                (p.publisher, p.dataset),
                {
                    "publisher": p.publisher,
                    "dataset": p.dataset,
                    "tables": [],
                    "periods": [],
                    "licence": p.licence,
                    "attribution": p.attribution,
                    "url": p.url,
                },
            )
            for key, value in (("tables", p.table_ref), ("periods", p.period)):
                if value and value not in entry[key]:
                    entry[key].append(value)
        return list(found.values())

    def entry_routes(self, soc: int) -> Result:
        return occupation.entry_routes(self.store, self.labels, self._valid_soc(soc))

    def qualification_share(self, soc: int, groups: tuple[int, ...]) -> Result:
        return occupation.qualification_share(self.store, self.labels, self._valid_soc(soc), groups)

    def apprenticeships(self, soc: int) -> Result:
        return occupation.apprenticeships(self.store, self.labels, self._valid_soc(soc))

    def similar_jobs(self, soc: int, limit: int = 5) -> Result:
        return occupation.similar_jobs(self.store, self.labels, self._valid_soc(soc), limit)

    def compare(self, socs: list[int], q: Query) -> Result:
        """2-3 jobs side by side under the same breakdown: each job's pay, hours and outlook
        are ordinary service results, so each passed the disclosure layer on its own."""
        if not 2 <= len(socs) <= 3 or len(set(socs)) != len(socs):
            raise ValueError("compare takes 2 or 3 different SOC codes")
        items, parts = [], []
        for soc in socs:
            asked = replace(q, soc=soc)
            p, h, o = self.pay(asked), self.hours(asked), self.outlook(asked)
            parts += [p, h, o]
            items.append(
                {
                    "soc": soc,
                    "title": self.soc_title(soc),
                    "pay_median": p.values.get("median"),
                    "pay_period": p.period,
                    "pay_estimate": p.estimate,
                    "pay_reliability": p.reliability,
                    "pay_wider_group": p.changed_job,
                    "pay_changes": [c.dimension for c in p.changes],
                    "hours_median": h.values.get("median"),
                    "hours_reliability": h.reliability,
                    "hours_wider_group": h.changed_job,
                    "growth_pct": o.values.get("growth_pct"),
                    "outlook_reliability": o.reliability,
                    "outlook_wider_group": o.changed_job,
                }
            )
        caveats = []
        if any(r.changed_job for r in parts):
            caveats.append(notes.SOME_WIDER_GROUP)
        if any(r.estimate for r in parts):
            caveats.append(notes.SOME_ESTIMATES)
        caveats += outlook.OUTLOOK_CAVEATS
        first = parts[0]
        return Result(
            kind="compare",
            soc=socs[0],
            soc_title=self.soc_title(socs[0]) or "",
            geography=first.geography,
            breakdown=first.breakdown,
            **sourced_from(parts),
            reliability=worst(r.reliability for r in parts),
            estimate=any(r.estimate for r in parts),
            requested={**self.labels.requested(q), "socs": ", ".join(map(str, socs))},
            cell=first.cell,
            asked=query_codes(q),
            items=items,
            caveats=caveats,
        )

    def jobs_for_interest(self, interest: Interest) -> Result:
        """Jobs for what someone likes or is good at, from the reviewed map (lmi_backend/interests.py)."""
        return occupation.jobs_for_interest(self.store, self.labels, interest)

    def growing_areas(self, limit: int = 5, region: int | None = None) -> Result:
        """The job areas projected to grow most in England to 2035 (made once: it reads the
        crosswalk and every unit group's employment). Asked for a region, still England's, the
        change said as data ("which jobs are in demand in Scotland?" must not get England's list
        as if it were Scotland's)."""
        if limit not in self._growing:
            self._growing[limit] = outlook.growing_areas(self.store, self.labels, limit)
        england = self._growing[limit]
        if not region:
            return england
        reason = notes.PROJECTIONS_ENGLAND_ONLY if region >= 10 else notes.PROJECTIONS_NOT_BY_REGION
        asked_name, given_name = self.labels.label("region", region), "England"
        return replace(
            england,
            asked={**england.asked, "region": region},
            changes=[Changed("region", region, 0, reason, asked_name, given_name)],
            caveats=[c for c in england.caveats if c != notes.ENGLAND_ONLY],  # the change says it
        )

    def pay_by_region(self, query: Query) -> Result:
        """One job's middle pay in each region of the UK, highest first: "where do electricians
        earn the most?". Full-time unless another work pattern is asked, as in best_paid (more
        part-timers would make a region look worse paid). Only figures released as reliable for
        exactly that region, and only of the year most regions have, so that no region is
        ranked on another year, a wider group or the UK's figure."""
        status = query.status or FULL_TIME
        asked = replace(query, region=None, status=status)
        released = [
            r
            for r in (
                self.pay(replace(asked, region=region)) for region in sorted(self.store.regions) if region
            )
            if not r.changes and r.reliability == RELIABLE and r.values.get("median")
        ]
        periods = Counter(r.period for r in released)
        year = max(periods, key=lambda p: (periods[p], p or "")) if periods else None
        shown = sorted((r for r in released if r.period == year), key=lambda r: -(r.values["median"] or 0))
        return Result(
            kind="pay_by_region",
            soc=query.soc,
            soc_title=self.soc_title(query.soc) or "",
            unit="GBP per year",
            period=year,
            breakdown=self._pay_breakdown(status, query.gender),
            **self._made_of(shown),
            classification=shown[0].classification if shown else "SOC2010",
            requested=self.labels.requested(asked),
            cell={**query_codes(asked), "region": None},
            asked=query_codes(query),
            items=[
                {"region": r.cell.get("region"), "place": r.geography, "median": r.values["median"]}
                for r in shown
            ],
        )

    def best_paid(
        self,
        region: int | None = None,
        status: int | None = None,
        limit: int = 5,
        *,
        gender: int | None = None,
        without_degree: bool = False,
    ) -> Result:
        """The unit groups with the highest middle pay in a place, full-time unless another work
        pattern is asked (everyone's pay would rank jobs by how few work part-time). Only
        figures released as reliable for exactly that cell are ranked: a small sample or a wider
        group's figure would put a job on the list for someone else's pay. Ranking looks at
        every unit group (~0.3-0.7 s), so each place, work pattern and sex is ranked once; the
        years, sources and estimate flag are those of the jobs shown. `without_degree`: only jobs
        where most people have no degree (APS 2019 highest qualification, by our estimate).
        `gender`: ranked on that sex's pay (women's best-paid jobs by women's pay)."""
        status = status or FULL_TIME
        key = (region, status, gender)
        if key not in self._rankings:
            self._rankings[key] = self._rank_by_pay(region, status, gender)
        ranked, filter_ids = self._rankings[key], []
        if without_degree:
            shares = {r.soc: self.store.share("qualification", r.soc, DEGREE_GROUP) for r in ranked}
            ranked = [r for r in ranked if (share := shares[r.soc]) is not None and share < MOSTLY]
            filter_ids = list(self.store.method(occupation.QUALIFICATION_METHOD_KEY).provenance_ids)
        shown = ranked[:limit]
        years = sorted({r.period for r in shown if r.period})
        asked = Query(ALL_JOBS, region=region, status=status, gender=gender)
        return Result(
            kind="best_paid",
            soc=ALL_JOBS,
            soc_title=self.soc_title(ALL_JOBS) or "",
            unit="GBP per year",
            period="-".join(dict.fromkeys(years[:1] + years[-1:])) or None,
            geography=self.labels.geography(region or 0),
            breakdown={
                **self._pay_breakdown(status, gender),
                **({"degree": "most without"} if without_degree else {}),
            },
            **self._made_of(shown, filter_ids),
            requested=self.labels.requested(asked),
            cell={**query_codes(asked), "region": region or 0},
            asked=query_codes(asked),
            items=[
                {
                    "soc": r.soc,
                    "title": r.soc_title,
                    "median": r.values["median"],
                    "period": r.period,
                    "estimate": r.estimate,
                }
                for r in shown
            ],
        )

    def _pay_breakdown(self, status: int, gender: int | None) -> dict[str, str]:
        return {
            "status": self.store.statuses[status],
            **({"gender": self.store.genders[gender]} if gender else {}),
        }

    def _made_of(self, shown: list[Result], more_ids: list[int] | None = None) -> dict:
        """What a list of pay figures takes from them: their sources, whether it has any, and
        whether (and how) some are our estimates."""
        estimated = [r for r in shown if r.estimate]
        return {
            **sourced(self.store, [i for r in shown for i in r.provenance_ids] + (more_ids or [])),
            "reliability": RELIABLE if shown else NO_DATA,
            "estimate": bool(estimated),
            "method": estimated[0].method if estimated else None,
            "method_keys": list(dict.fromkeys(k for r in estimated for k in r.method_keys)),
        }

    def _rank_by_pay(self, region: int | None, status: int, gender: int | None) -> list[Result]:
        released = [
            r
            for r in (
                self.pay(Query(soc, region=region, status=status, gender=gender))
                for soc, group in self.store.soc.items()
                if group.level == 4
            )
            if not r.changes and r.reliability == RELIABLE and r.values.get("median")
        ]
        return sorted(released, key=lambda r: -(r.values["median"] or 0))
