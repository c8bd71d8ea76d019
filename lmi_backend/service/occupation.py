"""What a job is: skills, knowledge and interests (O*NET), description, tasks and entry routes
(ONS SOC2010), apprenticeships, similar jobs and jobs for an interest. These are descriptions of
the job, not counts of people in a cell, so the employment rule does not apply; O*NET ratings it
flags as unreliable are already left out when the profiles are built (estimates/profiles.py).
The one count here, how many people in the job hold a qualification, passes the employment
rule like any cell."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .. import notes
from ..disclosure import (
    ALL_JOBS,
    NO_DATA,
    NOT_PUBLISHED,
    RELEASED,
    RELIABLE,
    SUPPRESSED,
    TOO_FEW,
    employment_reliability,
)
from ..estimates.profiles import SKILLS_WEIGHT
from ..interests import Interest
from ..onet_words import plain_element
from .labels import Labels
from .results import query_codes, sourced
from .store import Store
from .types import Query, Result

TOP_SKILLS = 10
TOP_KNOWLEDGE = 5
DOMAIN_KIND = {"skills": "skill", "knowledge": "knowledge", "interests": "interest"}
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
# estimate method keys of the descriptions of a job (the ratings are O*NET's, linked to UK codes)
ONET_METHOD_KEY = "onet_profile"
SIMILAR_METHOD_KEY = "similar_jobs"
INTEREST_METHOD_KEY = "interest_map"


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
    method_key=None,
    caveats=(),
    unit=None,
    geography="United Kingdom",
) -> Result:
    has = bool(items) or bool(text)
    return Result(
        kind=kind,
        soc=soc,
        soc_title=labels.label("soc", soc),
        unit=unit if has else None,
        geography=geography,
        **sourced(store, source_ids if has else []),
        reliability=RELIABLE if has else NO_DATA,
        estimate=estimate and has,
        method=method if has else None,
        method_keys=[method_key] if has and method_key else [],
        unavailable=None if has else NOT_PUBLISHED,
        requested=labels.requested(Query(soc)),
        asked=query_codes(Query(soc)),
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
            item: dict[str, str | float | None] = {
                "kind": kind,
                "name": name,
                "plain_name": plain_element(kind, name),
            }
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
        method_key=ONET_METHOD_KEY,
        caveats=[notes.ONET_US],
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


def index_titles(store: Store, labels: Labels, soc: int) -> Result:
    """The ONS coding index's job titles for a unit group, as published ("Engineer, heating",
    with any qualifier in brackets): LMI for All's `add_titles`."""
    rows = store.index_titles(soc)
    items = [{"title": f"{r.title} {r.qualifier}" if r.qualifier else r.title} for r in rows]
    return _result(
        "index_titles",
        store,
        labels,
        soc,
        items=items,
        source_ids=[r.provenance_id for r in rows],
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
        caveats=[notes.APPRENTICESHIPS_ENGLAND],
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
        method_key=SIMILAR_METHOD_KEY,
        caveats=[notes.ONET_US],
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
    result = _result(
        "interest",
        store,
        labels,
        ALL_JOBS,
        items=items,
        method=INTEREST_METHOD,
        method_key=INTEREST_METHOD_KEY,
    )
    return replace(result, breakdown={"interest": interest.name})


QUALIFICATION_METHOD_KEY = "employment_qualification"


def qualification_share(store: Store, labels: Labels, soc: int, groups: tuple[int, ...]) -> Result:
    """The share of people in the job whose highest qualification is in `groups` (APS 2019
    groups 301-306, e.g. (301, 302, 303) for A levels or higher). Those people are a cell like
    any other: below 1,000 no share is given, below 10,000 it is flagged."""
    total = store.employment(soc, 0, 0, 0)
    shares = [store.share("qualification", soc, group) for group in groups]
    count = total * sum(s for s in shares if s is not None) if total and None not in shares else None
    reliability = employment_reliability(count)
    method = store.method(QUALIFICATION_METHOD_KEY)
    released = reliability in RELEASED and count is not None and bool(total)
    return Result(
        kind="qualification_share",
        soc=soc,
        soc_title=labels.label("soc", soc),
        values={"share": count / total, "employment": count} if released and count and total else {},
        unit="share of people in the job" if released else None,
        period="2019" if released else None,
        breakdown={"qualification": ", ".join(map(str, groups))},
        **sourced(store, method.provenance_ids if released else []),
        reliability=reliability,
        estimate=released,
        method=method.description if released else None,
        method_keys=[method.key] if released else [],
        unavailable=None if released else (TOO_FEW if reliability == SUPPRESSED else NOT_PUBLISHED),
        requested=labels.requested(Query(soc)),
        asked=query_codes(Query(soc)),
    )
