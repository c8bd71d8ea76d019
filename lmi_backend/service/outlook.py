"""Outlook to 2035 (England projections) and vacancies (Employer Skills Survey 2022).

Projections come from est_outlook (lmi_backend/estimates/outlook.py): England only, SOC2020
sub-major projections spread to SOC2010 groups with fixed shares. A cell is checked by its
projected employment, so a unit group with fewer than 1,000 people gets its minor group's
outlook instead. Vacancies are checked by the ESS rule (50 establishments); the file publishes
unit groups and the all-occupations total only, so the fallback is the total.
"""

from __future__ import annotations

from collections import defaultdict

from .. import notes
from ..disclosure import (
    ALL_JOBS,
    ESTABLISHMENTS,
    NO_DATA,
    RELIABLE,
    Cell,
    Change,
    Fallback,
    drop,
    employment_reliability,
    resolve,
)
from .cells import to_cell
from .labels import Labels
from .results import Figure, make_result, query_codes, sourced
from .store import Store
from .types import Query, Result

DATASET = "skills_imperative_2035"  # England, 2020-2035; Working Futures 2017-2027 (UK) is older
OUTLOOK_CAVEATS = [notes.ENGLAND_ONLY, notes.NOT_A_FORECAST]
AREAS_METHOD = (
    "Job areas are the SOC2020 sub-major groups of the Skills Imperative 2035 projections, "
    "ranked by how much their employment in England changes from 2020 to 2035. Each is shown "
    "with the SOC2010 unit group that has the most people in it, by the ONS dual coding."
)
EXAMPLE_SHARE = 0.5  # an example job has at least half its jobs in the area
VACANCY_FIGURES = ("vacancies", "hard_to_fill", "skill_shortage", "hard_to_fill_pct", "skill_shortage_pct")


def outlook(store: Store, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    labels = Labels(store, "England", "England")
    cell = to_cell(q, 0)
    prior: tuple[Change, ...] = ()
    if cell.region:
        reason = notes.PROJECTIONS_ENGLAND_ONLY if cell.region >= 10 else notes.PROJECTIONS_NOT_BY_REGION
        cell, prior = drop(cell, ["region"], reason)
    cell, more = drop(cell, ["status", "qualification", "age"], notes.PROJECTIONS_NOT_SPLIT)

    def size(c: Cell) -> float | None:
        row = store.outlook(c.soc, c.gender)
        return None if row is None else row.employment_base

    outcome = resolve(cell, size, lambda c: _outlook_figure(store, c), prior=prior + more, fallback=fallback)
    # a question about a place outside England has been told so by the fallback already
    caveats = [c for c in OUTLOOK_CAVEATS if not (prior and c == notes.ENGLAND_ONLY)]
    result = make_result("outlook", store, labels, q, outcome, "people", 0, caveats)
    result.dataset = DATASET
    return result


def _outlook_figure(store: Store, cell: Cell) -> Figure | None:
    row = store.outlook(cell.soc, cell.gender)
    if row is None or not row.employment_base:
        return None
    method = store.methods[row.method_id]
    values = {
        "growth_pct": round(100 * (row.employment_2035 / row.employment_base - 1), 1),
        "employment_now": round(row.employment_base, -1),
        "employment_2035": round(row.employment_2035, -1),
        "net_change": round(row.net_change, -1),
        "replacement": round(row.replacement_demand, -1),
        "openings": round(row.openings, -1),
    }
    return Figure(values, "2020-2035", True, list(method.provenance_ids), method.description, [method.key])


def vacancies(store: Store, labels: Labels, q: Query, fallback: Fallback = Fallback.LADDER) -> Result:
    cell, prior = drop(
        to_cell(q, 0), ["region", "gender", "status", "qualification", "age"], notes.VACANCIES_UK_BY_JOB_ONLY
    )
    steps = [(cell, ())] + ([(Cell(0), ("soc",))] if cell.soc else [])

    def size(c: Cell) -> float | None:
        found = store.vacancy(c.soc)
        return None if found is None else found[0].get("establishments_sampled")

    outcome = resolve(
        cell,
        size,
        lambda c: _vacancy_figure(store, c),
        rule=ESTABLISHMENTS,
        prior=prior,
        steps=steps,
        fallback=fallback,
    )
    return make_result("vacancies", store, labels, q, outcome, "vacancies", 0)


def _vacancy_figure(store: Store, cell: Cell) -> Figure | None:
    found = store.vacancy(cell.soc)
    if found is None or found[0].get("vacancies") is None:
        return None
    figures, provenance_id, period = found
    values = {k: figures.get(k) for k in VACANCY_FIGURES}
    hard, shortage = figures.get("hard_to_fill"), figures.get("skill_shortage")
    # skill-shortage vacancies are the hard-to-fill ones employers put down to a lack of skills
    values["skill_shortage_of_hard_to_fill_pct"] = (
        round(100 * shortage / hard, 1) if hard and shortage is not None else None
    )
    return Figure(values, period, False, [provenance_id])


def growing_areas(store: Store, labels: Labels, limit: int) -> Result:
    """ "Which jobs are growing?" answered by job area, not job: the unit-group projections are
    sub-major group projections shared out with fixed shares, so every unit group in an area has
    the same growth and a ranking of unit groups would only rank the areas again. Each area is
    shown with an example job, its largest unit group, to pick and ask about. An area passes the
    employment rule on its 2020 employment like any cell (all do: the smallest has ~30,000)."""
    areas = [a for a in store.projected_areas() if employment_reliability(a.employment_2020) == RELIABLE]
    ranked = sorted(areas, key=lambda a: a.employment_2020 / a.employment_2035)[:limit]
    examples = _largest_unit_groups(store)
    items = [
        {
            "code": a.code,
            "title": a.title,
            "growth_pct": round(100 * (a.employment_2035 / a.employment_2020 - 1), 1),
            "openings": round(a.openings, -3),
            "soc": examples.get(a.code),
            "example_title": labels.label("soc", examples[a.code]) if a.code in examples else None,
        }
        for a in ranked
    ]
    ids = sorted({i for a in ranked for i in a.provenance_ids})
    return Result(
        kind="growing",
        soc=ALL_JOBS,
        soc_title=labels.label("soc", ALL_JOBS),
        unit="people" if items else None,
        period="2020-2035" if items else None,
        geography="England",
        **sourced(store, ids),
        reliability=RELIABLE if items else NO_DATA,
        method=AREAS_METHOD if items else None,
        requested=labels.requested(Query(ALL_JOBS)),
        asked=query_codes(Query(ALL_JOBS)),
        items=items,
        caveats=list(OUTLOOK_CAVEATS) if items else [],
    )


def _largest_unit_groups(store: Store) -> dict[int, int]:
    """SOC2020 sub-major group -> the SOC2010 unit group with the most people in it, among
    those with at least half their jobs there."""
    in_area: dict[tuple[int, int], float] = defaultdict(float)
    for soc2010, soc2020, share in store.soc2020_shares():
        in_area[(soc2010, soc2020 // 100)] += share
    best: dict[int, tuple[float, int]] = {}
    for (soc2010, area), share in in_area.items():
        people = store.employment(soc2010, 0, 0, 0)
        if share >= EXAMPLE_SHARE and people and (area not in best or people * share > best[area][0]):
            best[area] = (people * share, soc2010)
    return {area: soc for area, (_, soc) in best.items()}
