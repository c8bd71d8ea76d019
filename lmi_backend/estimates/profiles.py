"""O*NET profiles of UK unit groups, and the similar-jobs list built from them.

A unit group links to one or more O*NET occupations with weights (soc_onet). Its rating of an
element is the weighted average over the linked occupations that have that rating, weights
renormalised over them (soc_onet's rule). Ratings O*NET flags "recommend suppress", and levels
flagged "not relevant", are left out, as O*NET asks.

Similar jobs: the cosine similarity of two unit groups' skills profiles (importance and level
of the 35 O*NET skills, each standardised across unit groups so the skills every job needs do
not make every pair look alike), mapped to 0-1, blended with SOC neighbourhood (same minor
group 1, same sub-major group 0.5, else 0) with weights SKILLS_WEIGHT and 1 - SKILLS_WEIGHT.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import and_, or_, select

from ..db.estimates import soc_descriptor, soc_similarity
from ..db.occupations import onet_element, onet_value, soc_onet
from ..etl.context import BuildContext
from .common import unit_groups

SCALES = ("IM", "LV", "OI")
SKILLS_WEIGHT = 0.75
TOP = 20  # similar jobs kept per unit group


def load(ctx: BuildContext) -> None:
    conn = ctx.conn
    links: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for soc, code, weight in conn.execute(select(soc_onet.c.soc, soc_onet.c.onet_code, soc_onet.c.weight)):
        links[soc].append((code, weight))
    usable = and_(
        onet_value.c.value.isnot(None),
        onet_value.c.scale.in_(SCALES),
        or_(onet_value.c.recommend_suppress.is_(None), onet_value.c.recommend_suppress.is_(False)),
        or_(onet_value.c.not_relevant.is_(None), onet_value.c.not_relevant.is_(False)),
    )
    ratings: dict[str, dict[tuple[str, str], float]] = defaultdict(dict)
    for code, element, scale, value in conn.execute(
        select(onet_value.c.onet_code, onet_value.c.element_id, onet_value.c.scale, onet_value.c.value).where(
            usable
        )
    ):
        ratings[code][(element, scale)] = value
    rows = []
    profiles: dict[int, dict[tuple[str, str], float]] = {}
    for soc, linked in links.items():
        sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for code, weight in linked:
            for key, value in ratings.get(code, {}).items():
                acc = sums[key]
                acc[0] += weight * value
                acc[1] += weight
                acc[2] += 1
        profiles[soc] = {key: s / w for key, (s, w, _) in sums.items() if w > 0}
        rows += [
            {"soc": soc, "element_id": e, "scale": sc, "value": s / w, "links": n}
            for (e, sc), (s, w, n) in sums.items()
            if w > 0
        ]
    ctx.insert(soc_descriptor, rows)
    skills = set(
        conn.execute(select(onet_element.c.element_id).where(onet_element.c.domain == "skills")).scalars()
    )
    ctx.insert(soc_similarity, _similar(unit_groups(conn), profiles, skills))


def _similar(units: list[int], profiles: dict[int, dict], skills: set[str]) -> list[dict]:
    keys = sorted((e, s) for e in skills for s in ("IM", "LV"))
    matrix = np.array([[profiles.get(u, {}).get(k, np.nan) for k in keys] for u in units])
    has_profile = ~np.isnan(matrix).all(axis=1)
    mean, std = np.nanmean(matrix, axis=0), np.nanstd(matrix, axis=0)
    z = np.nan_to_num((matrix - mean) / np.where(std > 0, std, 1))
    norms = np.linalg.norm(z, axis=1)
    cosine = (z @ z.T) / np.maximum(np.outer(norms, norms), 1e-12)
    codes = np.array(units)
    same_minor = (codes[:, None] // 10) == (codes[None, :] // 10)
    same_submajor = (codes[:, None] // 100) == (codes[None, :] // 100)
    neighbourhood = np.where(same_minor, 1.0, np.where(same_submajor, 0.5, 0.0))
    both = has_profile[:, None] & has_profile[None, :]
    skills_part = np.where(both, (cosine + 1) / 2, 0.0)
    score = np.where(both, SKILLS_WEIGHT * skills_part + (1 - SKILLS_WEIGHT) * neighbourhood, neighbourhood)
    np.fill_diagonal(score, -np.inf)
    rows = []
    for i, soc in enumerate(units):
        order = sorted(range(len(units)), key=lambda j: (-score[i, j], units[j]))[:TOP]
        rows += [
            {
                "soc": soc,
                "other": units[j],
                "rank": rank,
                "similarity": float(score[i, j]),
                "skills_similarity": float(skills_part[i, j]) if both[i, j] else None,
                "same_minor_group": bool(same_minor[i, j]),
            }
            for rank, j in enumerate(order, 1)
        ]
    return rows
