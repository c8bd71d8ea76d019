"""LmiService: the one object the bot's actions, the CLI and any HTTP API call.

Every numeric kind goes through lmi_backend.disclosure (via results.make_result); the
descriptive kinds carry no cell figures. Results are plain dataclasses (Result.to_dict for JSON).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import config
from ..disclosure import NO_DATA, RELIABLE, SMALL_SAMPLE, SUPPRESSED
from . import occupation, outlook, pay
from .cells import validate
from .labels import Labels
from .results import citation
from .store import Store
from .types import Query, Result

WORST_FIRST = (NO_DATA, SUPPRESSED, SMALL_SAMPLE, RELIABLE)


class LmiService:
    def __init__(self, db_path: Path | None = None):
        self.store = Store(Path(db_path) if db_path else config.db_path())
        self.labels = Labels(self.store)

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
            items.append({"soc": soc, "title": self.soc_title(soc),
                          "pay_median": p.values.get("median"), "pay_period": p.period,
                          "pay_estimate": p.estimate, "pay_reliability": p.reliability,
                          "pay_fallback": p.fallback,
                          "hours_median": h.values.get("median"), "hours_reliability": h.reliability,
                          "hours_fallback": h.fallback,
                          "growth_pct": o.values.get("growth_pct"), "outlook_reliability": o.reliability,
                          "outlook_fallback": o.fallback})
        caveats = []
        if any(r.fallback for r in parts):
            caveats.append("Some figures are for a wider group than asked; each job says which.")
        if any(r.estimate for r in parts):
            caveats.append("Some figures are estimates, not published figures.")
        caveats += outlook.OUTLOOK_CAVEATS
        ids = sorted({i for r in parts for i in r.provenance_ids})
        first = parts[0]
        return Result(kind="compare", soc=socs[0], soc_title=self.soc_title(socs[0]) or "",
                      values={}, unit=None, period=None, geography=first.geography,
                      breakdown=first.breakdown, source=citation(self.store, ids),
                      provenance_ids=ids, reliability=_worst([r.reliability for r in parts]),
                      estimate=any(r.estimate for r in parts), method=None, fallback=None,
                      requested={**self.labels.requested(q), "socs": ", ".join(map(str, socs))},
                      items=items, caveats=caveats)


def _worst(reliabilities: list[str]) -> str:
    """The least reliable part that still gave a figure; no_data only when none did."""
    given = [r for r in reliabilities if r in (RELIABLE, SMALL_SAMPLE)]
    if not given:
        return NO_DATA
    return min(given, key=WORST_FIRST.index)
