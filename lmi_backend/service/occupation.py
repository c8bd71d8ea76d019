"""What a job is: skills, knowledge and interests (O*NET), description, tasks and entry routes
(ONS SOC2010), apprenticeships, similar jobs and jobs for an interest. These are descriptions of
the job, not counts of people in a cell, so the employment rule does not apply; O*NET ratings it
flags as unreliable are already left out when the profiles are built (estimates/profiles.py).
The one count here, how many people in the job hold a qualification, passes the employment
rule like any cell."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..disclosure import ALL_JOBS, NO_DATA, RELEASED, RELIABLE, employment_reliability
from ..estimates.profiles import SKILLS_WEIGHT
from ..interests import Interest
from ..onet_words import plain_element
from .labels import Labels
from .results import citation
from .store import Store
from .types import Query, Result

TOP_SKILLS = 10
TOP_KNOWLEDGE = 5
DOMAIN_KIND = {"skills": "skill", "knowledge": "knowledge", "interests": "interest"}
ONET_CAVEAT = (
    "O*NET describes jobs in the United States; it is linked to UK occupations "
    "through international job codes, so treat it as a guide."
)
ONET_METHOD = (
    "The ratings of the US O*NET occupations linked to this UK occupation, averaged "
    "with the link weights (importance 1-5, level 0-7, interest 1-7)."
)
SIMILAR_METHOD = (
    f"Jobs ranked by how alike their O*NET skills are ({round(SKILLS_WEIGHT * 100)}%) "
    f"and how close they sit in the SOC classification ({round((1 - SKILLS_WEIGHT) * 100)}%: "
    "same minor group, same sub-major group)."
)
INTEREST_METHOD = (
    "Jobs picked by hand for this interest and reviewed one by one; each is in the top quarter "
    "of UK occupations on at least one O*NET interest or knowledge rating the interest rests "
    "on, or the list says why not (lmi_backend/data/interests.yml)."
)
APPRENTICESHIP_CAVEAT = (
    "Apprenticeship standards are for England. They are linked to this job "
    "by matching their job titles, so check each one's details."
)


def _result(
    kind: str,
    store: Store,
    labels: Labels,
    soc: int,
    *,
    items=None,
    text=None,
    source_ids=(),
    estimate=False,
    method=None,
    caveats=(),
    unit=None,
    geography="United Kingdom",
) -> Result:
    has = bool(items) or bool(text)
    ids = sorted(set(source_ids)) if has else []
    return Result(
        kind=kind,
        soc=soc,
        soc_title=labels.label("soc", soc),
        values={},
        unit=unit if has else None,
        period=None,
        geography=geography,
        breakdown={},
        source=citation(store, ids),
        provenance_ids=ids,
        reliability=RELIABLE if has else NO_DATA,
        estimate=estimate and has,
        method=method if has else None,
        fallback=None,
        requested=labels.requested(Query(soc)),
        items=list(items or []),
        caveats=list(caveats) if has else [],
        text=text,
    )


def skills(store: Store, labels: Labels, soc: int) -> Result:
    ratings: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for domain, name, scale, value in store.descriptors(soc):
        if domain in DOMAIN_KIND:
            ratings[(domain, name)][scale] = value
    items = []
    for domain, top, key in (
        ("skills", TOP_SKILLS, "IM"),
        ("knowledge", TOP_KNOWLEDGE, "IM"),
        ("interests", None, "OI"),
    ):
        chosen = sorted(
            ((name, r) for (d, name), r in ratings.items() if d == domain and key in r),
            key=lambda x: (-x[1][key], x[0]),
        )[:top]
        kind = DOMAIN_KIND[domain]
        for name, r in chosen:
            item = {"kind": kind, "name": name, "plain_name": plain_element(kind, name)}
            if domain == "interests":
                item["score"] = round(r["OI"], 2)
            else:
                item["importance"] = round(r["IM"], 2)
                item["level"] = round(r["LV"], 2) if "LV" in r else None
            items.append(item)
    ids = store.source_ids("onet/onet_29_3/") + store.onet_links(soc)
    return _result(
        "skills",
        store,
        labels,
        soc,
        items=items,
        source_ids=ids,
        estimate=True,
        method=ONET_METHOD,
        caveats=[ONET_CAVEAT],
        unit="O*NET rating",
    )


def job_description(store: Store, labels: Labels, soc: int) -> Result:
    row = store.unit_text(soc)
    return _result(
        "description",
        store,
        labels,
        soc,
        text=row.description if row else None,
        source_ids=store.source_ids("soc/ons_soc2010_"),
    )


def tasks(store: Store, labels: Labels, soc: int) -> Result:
    return _result(
        "tasks",
        store,
        labels,
        soc,
        items=[{"task": t} for t in store.tasks(soc)],
        source_ids=store.source_ids("soc/ons_soc2010_unit_groups"),
    )


def entry_routes(store: Store, labels: Labels, soc: int) -> Result:
    row = store.unit_text(soc)
    return _result(
        "entry_routes",
        store,
        labels,
        soc,
        text=row.entry_routes if row else None,
        source_ids=store.source_ids("soc/ons_soc2010_unit_groups"),
    )


def apprenticeships(store: Store, labels: Labels, soc: int) -> Result:
    rows = store.apprenticeships(soc)
    items = [
        {
            "reference": r.reference,
            "title": r.title,
            "level": r.level,
            "duration_months": r.duration_months,
            "route": r.route,
            "score": round(r.score, 3),
        }
        for r in rows
    ]
    return _result(
        "apprenticeships",
        store,
        labels,
        soc,
        items=items,
        source_ids=[r.provenance_id for r in rows],
        caveats=[APPRENTICESHIP_CAVEAT],
        geography="England",
    )


def similar_jobs(store: Store, labels: Labels, soc: int, limit: int) -> Result:
    items = [
        {
            "soc": r.other,
            "title": labels.label("soc", r.other),
            "similarity": round(r.similarity, 3),
            "skills_similarity": None if r.skills_similarity is None else round(r.skills_similarity, 3),
            "same_minor_group": bool(r.same_minor_group),
        }
        for r in store.similar(soc, limit)
    ]
    ids = store.source_ids("onet/onet_29_3/Skills") + store.onet_links(soc)
    return _result(
        "similar",
        store,
        labels,
        soc,
        items=items,
        source_ids=ids,
        estimate=True,
        method=SIMILAR_METHOD,
        caveats=[ONET_CAVEAT],
    )


def jobs_for_interest(store: Store, labels: Labels, interest: Interest) -> Result:
    """The jobs the reviewed map lists for an interest, in its order, each with why it suits
    someone with that interest. The list is the team's, not a figure: it cites no dataset, and
    its method says how it was checked against O*NET."""
    items = [
        {
            "soc": job.soc,
            "title": labels.label("soc", job.soc),
            "why": job.why,
            "examples": list(job.examples),
        }
        for job in interest.jobs
    ]
    result = _result("interest", store, labels, ALL_JOBS, items=items, method=INTEREST_METHOD)
    return replace(result, breakdown={"interest": interest.name})


QUALIFICATION_METHOD_KEY = "employment_qualification"


def qualification_share(store: Store, labels: Labels, soc: int, groups: tuple[int, ...]) -> Result:
    """The share of people in the job whose highest qualification is in `groups` (APS 2019
    groups 301-306, e.g. (301, 302, 303) for A levels or higher). Those people are a cell like
    any other: below 1,000 no share is given, below 10,000 it is flagged."""
    total = store.employment(soc, 0, 0, 0)
    shares = [store.share("qualification", soc, group) for group in groups]
    count = total * sum(shares) if total and None not in shares else None
    reliability = employment_reliability(count)
    method = store.method(QUALIFICATION_METHOD_KEY)
    released = reliability in RELEASED
    ids = list(method.provenance_ids) if released else []
    return Result(
        kind="qualification_share",
        soc=soc,
        soc_title=labels.label("soc", soc),
        values={"share": count / total, "employment": count} if released else {},
        unit="share of people in the job" if released else None,
        period="2019" if released else None,
        geography="United Kingdom",
        breakdown={"qualification": ", ".join(map(str, groups))},
        source=citation(store, ids),
        provenance_ids=ids,
        reliability=reliability,
        estimate=released,
        method=method.description if released else None,
        fallback=None,
        requested=labels.requested(Query(soc)),
    )
