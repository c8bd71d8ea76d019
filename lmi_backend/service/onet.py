"""O*NET as the LMI for All API served it: the links between UK unit groups and US O*NET
occupations, one O*NET occupation's published ratings, every skill of a unit group ranked on one
scale, and the reverse match (O*NET occupations, with their likely UK unit groups, that rate
highest on the skills and interests someone picked).

These describe jobs, not counts of people, so the employment rule does not apply; ratings O*NET
recommends suppressing are left out (store.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .. import notes
from ..disclosure import ALL_JOBS
from .labels import Labels
from .occupation import _result
from .store import Store
from .types import Result

ONET_FILES = "onet/onet_29_3/"
CROSSWALKS = "onet/crosswalks/"
LINK_METHOD = (
    "UK SOC2010 unit groups are linked to US O*NET occupations through international job codes "
    "(ISCO-08), each link weighted; the weights of one unit group sum to 1."
)
# How each domain's ratings are put on a 0-1 scale for the reverse match: (scale, lowest, highest)
MATCH_SCALES = {
    "skills": ("LV", 0.0, 7.0),
    "interests": ("OI", 1.0, 7.0),
    "knowledge": ("LV", 0.0, 7.0),
    "abilities": ("IM", 1.0, 5.0),
}
MATCH_METHOD = (
    "O*NET occupations ranked by their ratings on the elements chosen (skills and knowledge by "
    "level 0-7, interests 1-7, abilities by importance 1-5, each put on a 0-1 scale), averaged "
    "within each domain and weighted across domains; an occupation must be rated on every "
    "element chosen. Each is shown with the UK unit groups linked to it, strongest link first."
)


def onet_links(store: Store, labels: Labels, soc: int) -> Result:
    """The O*NET occupations linked to a unit group, strongest link first."""
    rows = store.soc_to_onet(soc)
    items = [
        {"onet_code": code, "title": store.onet_titles.get(code), "weight": round(weight, 4)}
        for code, weight, _ in rows
    ]
    return _result(
        "onet_links",
        store,
        labels,
        soc,
        items=items,
        source_ids=[p for *_, p in rows] + store.source_ids(ONET_FILES + "Occupation"),
        method=LINK_METHOD,
        caveats=[notes.ONET_US],
    )


def unit_groups_for(store: Store, labels: Labels, onet_code: str) -> Result:
    """The UK unit groups an O*NET occupation is linked to, strongest link first."""
    rows = store.onet_to_soc(onet_code)
    items = [{"soc": soc, "title": labels.label("soc", soc), "weight": round(w, 4)} for soc, w, _ in rows]
    result = _result(
        "onet_unit_groups",
        store,
        labels,
        ALL_JOBS,
        items=items,
        source_ids=[p for *_, p in rows],
        method=LINK_METHOD,
        caveats=[notes.ONET_US],
    )
    return replace(result, breakdown={"onet_code": onet_code})


def onet_ratings(store: Store, labels: Labels, onet_code: str, domain: str) -> Result:
    """One O*NET occupation's ratings in one domain (skills, interests ...), as published: one
    item per element and scale."""
    items = [
        {"element_id": element, "name": name, "scale": scale, "value": value}
        for element, name, scale, value in store.onet_ratings(onet_code, domain)
    ]
    result = _result(
        "onet_ratings",
        store,
        labels,
        ALL_JOBS,
        items=items,
        source_ids=store.source_ids(ONET_FILES),
        unit="O*NET rating",
    )
    return replace(
        result,
        soc_title=store.onet_titles.get(onet_code, ""),
        breakdown={"onet_code": onet_code, "domain": domain},
    )


def skill_scores(store: Store, labels: Labels, soc: int, scale: str) -> Result:
    """Every skill of a unit group on one scale (IM importance 1-5, LV level 0-7), highest
    first: the ratings of its linked O*NET occupations averaged with the link weights."""
    rated = sorted(
        (
            (value, name)
            for domain, name, s, value in store.descriptors(soc)
            if domain == "skills" and s == scale
        ),
        key=lambda r: (-r[0], r[1]),
    )
    items = [{"name": name, "value": round(value, 2), "rank": i} for i, (value, name) in enumerate(rated, 1)]
    result = _result(
        "skill_scores",
        store,
        labels,
        soc,
        items=items,
        source_ids=store.source_ids(ONET_FILES + "Skills") + store.onet_links(soc),
        estimate=True,
        caveats=[notes.ONET_US],
        unit="O*NET rating",
    )
    return replace(result, breakdown={"scale": scale})


def reverse_match(
    store: Store, labels: Labels, chosen: dict[str, list[str]], weights: dict[str, float], limit: int
) -> Result:
    """O*NET occupations that rate highest on the chosen elements (domain -> element ids).
    Elements O*NET does not have, or of another domain, are left out."""
    picked = {
        domain: [
            e
            for e in dict.fromkeys(ids)
            if e in store.onet_elements and store.onet_elements[e].domain == domain
        ]
        for domain, ids in chosen.items()
        if domain in MATCH_SCALES and weights.get(domain, 0) > 0
    }
    picked = {domain: ids for domain, ids in picked.items() if ids}
    scores: dict[str, float] = defaultdict(float)
    rated: dict[str, int] = defaultdict(int)
    for domain, ids in picked.items():
        scale, lo, hi = MATCH_SCALES[domain]
        share = weights[domain] / sum(weights[d] for d in picked)
        for element in ids:
            for code, ratings in store.onet_element_ratings(element).items():
                if scale in ratings:
                    scores[code] += share * (ratings[scale] - lo) / (hi - lo) / len(ids)
                    rated[code] += 1
    needed = sum(len(ids) for ids in picked.values())
    items = []
    for score, code in sorted((-score, code) for code, score in scores.items() if rated[code] == needed):
        socs = [soc for soc, _, _ in store.onet_to_soc(code)]
        if not socs:  # no UK unit group is linked to it
            continue
        items.append(
            {
                "onet_code": code,
                "title": store.onet_titles.get(code),
                "score": round(-score, 4),
                "socs": socs,
                "soc_titles": [labels.label("soc", soc) for soc in socs],
            }
        )
        if len(items) == limit:
            break
    result = _result(
        "reverse_match",
        store,
        labels,
        ALL_JOBS,
        items=items,
        source_ids=store.source_ids(ONET_FILES) + store.source_ids(CROSSWALKS),
        estimate=False,
        method=MATCH_METHOD,
        caveats=[notes.ONET_US],
        unit="share of the highest rating",
    )
    return replace(result, breakdown={domain: ",".join(ids) for domain, ids in picked.items()})
