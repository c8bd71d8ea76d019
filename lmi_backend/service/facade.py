"""LmiService: the one object the bot's actions, the CLI and any HTTP API call.

Every numeric kind goes through lmi_backend.disclosure (via results.make_result); the
descriptive kinds carry no cell figures. Results are plain dataclasses (Result.to_dict for JSON).
"""

from __future__ import annotations

from dataclasses import replace

from .. import config
from ..dialogue_slots import FULL_TIME
from ..disclosure import ALL_JOBS, NO_DATA, RELIABLE, SMALL_SAMPLE, SUPPRESSED
from ..interests import Interest
from . import employment, occupation, outlook, pay
from .cells import validate
from .labels import Labels
from .results import citation
from .store import Store
from .types import Query, Result

WORST_FIRST = (NO_DATA, SUPPRESSED, SMALL_SAMPLE, RELIABLE)
DEGREE_GROUP = 301  # APS 2019 highest qualification: degree or higher
MOSTLY = 0.5


class LmiService:
    def __init__(self, db_path: config.Location | None = None):
        """`db_path`: the database file or server URL (default: $LMI_DB_URL, $LMI_DB or
        var/lmi.sqlite)."""
        self.store = Store(config.database(db_path))
        self.labels = Labels(self.store)
        self._rankings: dict[tuple[int | None, int], list[Result]] = {}  # the data never changes
        self._interest_lists: dict[tuple[Interest, int], Result] = {}
        self._growing: dict[int, Result] = {}

    def close(self) -> None:
        self.store.close()

    def soc_title(self, soc: int) -> str | None:
        return self.labels.label("soc", soc) if soc in self.store.soc else None

    def _checked(self, q: Query) -> Query:
        validate(self.store, q)
        return q

    def pay(self, q: Query) -> Result:
        return pay.pay(self.store, self.labels, self._checked(q))

    def hours(self, q: Query) -> Result:
        return pay.hours(self.store, self.labels, self._checked(q))

    def outlook(self, q: Query) -> Result:
        return outlook.outlook(self.store, self._checked(q))

    def employment(self, q: Query) -> Result:
        """How many people do the job (APS 2019, by our estimate)."""
        return employment.people_in_job(self.store, self.labels, self._checked(q))

    def vacancies(self, q: Query) -> Result:
        return outlook.vacancies(self.store, self.labels, self._checked(q))

    def _valid_soc(self, soc: int) -> int:
        return self._checked(Query(soc)).soc

    def skills(self, soc: int) -> Result:
        return occupation.skills(self.store, self.labels, self._valid_soc(soc))

    def job_description(self, soc: int) -> Result:
        return occupation.job_description(self.store, self.labels, self._valid_soc(soc))

    def tasks(self, soc: int) -> Result:
        return occupation.tasks(self.store, self.labels, self._valid_soc(soc))

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
                    "pay_fallback": p.fallback,
                    "hours_median": h.values.get("median"),
                    "hours_reliability": h.reliability,
                    "hours_fallback": h.fallback,
                    "growth_pct": o.values.get("growth_pct"),
                    "outlook_reliability": o.reliability,
                    "outlook_fallback": o.fallback,
                }
            )
        caveats = []
        if any(r.fallback for r in parts):
            caveats.append("Some figures are for a wider group than asked; each job says which.")
        if any(r.estimate for r in parts):
            caveats.append("Some figures are estimates, not published figures.")
        caveats += outlook.OUTLOOK_CAVEATS
        ids = sorted({i for r in parts for i in r.provenance_ids})
        first = parts[0]
        return Result(
            kind="compare",
            soc=socs[0],
            soc_title=self.soc_title(socs[0]) or "",
            values={},
            unit=None,
            period=None,
            geography=first.geography,
            breakdown=first.breakdown,
            source=citation(self.store, ids),
            provenance_ids=ids,
            reliability=_worst([r.reliability for r in parts]),
            estimate=any(r.estimate for r in parts),
            method=None,
            fallback=None,
            requested={**self.labels.requested(q), "socs": ", ".join(map(str, socs))},
            items=items,
            caveats=caveats,
        )

    def jobs_for_interest(self, interest: Interest, limit: int = 5) -> Result:
        """The unit groups that use what someone likes or is good at most (O*NET ratings).
        Ranking reads every unit group's rating (~15-35 ms), so each list is made once."""
        key = (interest, limit)
        if key not in self._interest_lists:
            self._interest_lists[key] = occupation.jobs_for_interest(self.store, self.labels, interest, limit)
        return self._interest_lists[key]

    def growing_areas(self, limit: int = 5) -> Result:
        """The job areas projected to grow most in England to 2035 (made once: it reads the
        crosswalk and every unit group's employment)."""
        if limit not in self._growing:
            self._growing[limit] = outlook.growing_areas(self.store, self.labels, limit)
        return self._growing[limit]

    def best_paid(
        self,
        region: int | None = None,
        status: int | None = None,
        limit: int = 5,
        *,
        without_degree: bool = False,
    ) -> Result:
        """The unit groups with the highest middle pay in a place, full-time unless another work
        pattern is asked (everyone's pay would rank jobs by how few work part-time). Only
        figures released as reliable for exactly that cell are ranked: a small sample or a wider
        group's figure would put a job on the list for someone else's pay. Ranking looks at
        every unit group (~0.3-0.7 s), so each place and work pattern is ranked once; the
        years, sources and estimate flag are those of the jobs shown. `without_degree`: only jobs
        where most people have no degree (APS 2019 highest qualification, by our estimate)."""
        status = status or FULL_TIME
        if (region, status) not in self._rankings:
            self._rankings[(region, status)] = self._rank_by_pay(region, status)
        ranked, filter_ids = self._rankings[(region, status)], []
        if without_degree:
            shares = {r.soc: self.store.share("qualification", r.soc, DEGREE_GROUP) for r in ranked}
            ranked = [r for r in ranked if shares[r.soc] is not None and shares[r.soc] < MOSTLY]
            filter_ids = list(self.store.method(occupation.QUALIFICATION_METHOD_KEY).provenance_ids)
        shown = ranked[:limit]
        ids = sorted({i for r in shown for i in r.provenance_ids} | set(filter_ids))
        years = sorted({r.period for r in shown if r.period})
        estimated = [r for r in shown if r.estimate]
        return Result(
            kind="best_paid",
            soc=ALL_JOBS,
            soc_title=self.soc_title(ALL_JOBS) or "",
            values={},
            unit="GBP per year",
            period="-".join(dict.fromkeys(years[:1] + years[-1:])) or None,
            geography=self.labels.geography(region or 0),
            breakdown={
                "status": self.store.statuses[status],
                **({"degree": "most without"} if without_degree else {}),
            },
            source=citation(self.store, ids),
            provenance_ids=ids,
            reliability=RELIABLE if shown else NO_DATA,
            estimate=bool(estimated),
            method=estimated[0].method if estimated else None,
            fallback=None,
            requested=self.labels.requested(Query(ALL_JOBS, region=region, status=status)),
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

    def _rank_by_pay(self, region: int | None, status: int) -> list[Result]:
        released = [
            r
            for r in (
                self.pay(Query(soc, region=region, status=status))
                for soc, group in self.store.soc.items()
                if group.level == 4
            )
            if r.fallback is None and r.reliability == RELIABLE and r.values.get("median")
        ]
        return sorted(released, key=lambda r: -r.values["median"])


def _worst(reliabilities: list[str]) -> str:
    """The least reliable part that still gave a figure; no_data only when none did."""
    given = [r for r in reliabilities if r in (RELIABLE, SMALL_SAMPLE)]
    if not given:
        return NO_DATA
    return min(given, key=WORST_FIRST.index)
