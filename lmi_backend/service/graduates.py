"""Graduates' pay by degree subject (Discover Uni): what people who studied history, law or
nursing earn 15 months after graduating (the Graduate Outcomes survey) and 3 and 5 years after
(LEO, from tax records), across the UK or in one nation. Never an occupation's pay: history
graduates work in every kind of job, and few of them as historians.

The figures are for full-time first degrees, what young people mean by "a degree"; the files'
part-time study and other undergraduate qualifications are stored but not asked about here.
Each of the three figures passes the graduates rule (disclosure.GRADUATES) on the number of
graduates behind it. A subject with too few gets no figure rather than a wider subject's (that
is another subject's pay): the wider subject is named instead (breakdown "wider_subject") when
it has a figure, so the answer can offer it.
"""

from __future__ import annotations

from .. import notes
from ..disclosure import ALL_JOBS, GRADUATES, Released, release
from .labels import Labels
from .results import sourced
from .store import GraduateCell, Store
from .types import Result

# what each measure is, in the order an answer gives them: the survey 15 months on, then LEO
MEASURES = ("after_15_months", "after_3_years", "after_5_years")
FIRST = MEASURES[0]
FULL_TIME_STUDY, FIRST_DEGREE = 1, 3  # KISMODE, KISLEVEL
UK = "United Kingdom"
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")
STATS = ("lower_quartile", "median", "upper_quartile", "graduates")
ANNUAL = "GBP per year"


def graduate_pay(store: Store, labels: Labels, subject: str, nation: str | None) -> Result:
    if subject not in store.subjects:
        raise ValueError(f"Unknown degree subject {subject!r}: expected a HESA CAH code like 'CAH20-01-01'")
    if nation is not None and nation not in NATIONS:
        raise ValueError(f"Nation must be one of {', '.join(NATIONS)} (None: the UK), not {nation!r}")
    where = nation or UK
    outcomes = _outcomes(store, subject, where)
    given = {m: o.figure for m, o in outcomes.items() if o.figure is not None}
    first = outcomes[FIRST]
    named = store.subjects[subject]
    wider = _wider(store, named.parent, where) if first.figure is None else None
    years = sorted({store.provenance[c.provenance_id].period for c in given.values()})
    return Result(
        kind="graduate_pay",
        soc=ALL_JOBS,
        soc_title=labels.label("soc", ALL_JOBS),  # graduates of a subject work in every kind of job
        values=dict(first.figure.values) if first.figure else {},
        unit=ANNUAL if given else None,
        period="-".join(dict.fromkeys(years[:1] + years[-1:])) or None,
        geography=where,
        breakdown={
            "subject": subject,
            "subject_name": named.say,
            "study": "full-time, first degree",
            **({"wider_subject": wider, "wider_subject_name": store.subjects[wider].say} if wider else {}),
        },
        **sourced(store, [c.provenance_id for c in given.values()]),
        reliability=first.reliability,
        unavailable=first.reason,
        requested={"subject": f"{subject} {named.name}", "geography": where},
        items=[
            {
                "measure": measure,
                **(
                    {stat: outcome.figure.values.get(stat) for stat in STATS}
                    if outcome.figure
                    else dict.fromkeys(STATS)
                ),
                "reliability": outcome.reliability,
                "unavailable": outcome.reason,
            }
            for measure, outcome in outcomes.items()
        ],
        caveats=[notes.LEO_EARNINGS] if set(given) - {FIRST} else [],
    )


def _outcomes(store: Store, subject: str, where: str) -> dict[str, Released[GraduateCell]]:
    """Each measure's figure for full-time first degrees, as the graduates rule releases it."""
    cells = store.graduate_cells(subject)
    out = {}
    for measure in MEASURES:
        cell = cells.get((measure, FULL_TIME_STUDY, FIRST_DEGREE, where))
        size = cell.values.get("graduates") if cell else None
        has_figure = cell is not None and cell.values.get("median") is not None
        out[measure] = release(size, cell if has_figure else None, GRADUATES)
    return out


def _wider(store: Store, parent: str | None, where: str) -> str | None:
    """The nearest wider subject with a figure 15 months on, for the answer to offer."""
    while parent is not None and parent in store.subjects:
        if _outcomes(store, parent, where)[FIRST].figure is not None:
            return parent
        parent = store.subjects[parent].parent
    return None
