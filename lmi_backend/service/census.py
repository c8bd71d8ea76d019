"""Census 2011 by local authority (England and Wales): the jobs people living in an area do, at
SOC2010 minor-group level (or major / sub-major), and how many people in an area work in a group.

Counts are residents aged 16-74 in employment by where they live (QS606EW). They are full census
counts, released through the disclosure layer's CENSUS rule. The census rows cover England and
Wales only: an area in Scotland or Northern Ireland gets no figure and the reason as a code
(`no_census_for_nation`), never a zero. A region is the sum of its authorities.
"""

from __future__ import annotations

from typing import Any

from .. import notes
from ..disclosure import CENSUS, NO_DATA, Change, release
from ..places import BY_REGION, AreaMatch, LocalAuthorities, LocalAuthority
from .labels import Labels
from .results import Figure, changed, table_result
from .store import Store
from .types import Query, Result

DATASET = "census_2011"
PERIOD = "2011"
NO_CENSUS = notes.NO_CENSUS_FOR_NATION
LEVELS = {"major": 1, "sub_major": 2, "minor": 3}
EVERYONE = 0


def _counts(
    store: Store, places: LocalAuthorities, match: AreaMatch
) -> dict[int, tuple[float | None, int]] | None:
    """SOC group -> (persons, provenance id) of the area; None where the census has no rows."""
    authorities = (
        places.in_region(match.region) if match.how == BY_REGION and match.region else [match.authority]
    )
    if not authorities or not all(a is not None and a.in_census2011 for a in authorities):
        return None
    totals: dict[int, tuple[float | None, int]] = {}
    for authority in authorities:
        assert authority is not None
        for soc, (value, prov) in store.census_area(authority.code).items():
            before = totals.get(soc, (0.0, prov))[0]
            totals[soc] = (None if value is None or before is None else before + value, prov)
    return totals


def _where(labels: Labels, match: AreaMatch) -> tuple[str, dict[str, str]]:
    """The area's name and what was matched, as data for the answer."""
    if match.how == BY_REGION and match.region:
        return labels.geography(match.region), {"matched_by": match.how, "matched": match.matched}
    authority: LocalAuthority | None = match.authority
    assert authority is not None
    area = {
        "matched_by": match.how,
        "matched": match.matched,
        "local_authority": authority.code,
        "country": authority.country,
    }
    if match.district is not None:
        area["district_share_pct"] = f"{match.district.lad_share:g}"
    return authority.name, area


def area_jobs(
    store: Store, labels: Labels, places: LocalAuthorities, match: AreaMatch, level: str = "minor"
) -> Result:
    """The SOC groups of one level people in the area work in, largest first, with each one's
    share of everyone in employment there."""
    if level not in LEVELS:
        raise ValueError(f"Level must be one of {', '.join(LEVELS)}, not {level!r}")
    counts = _counts(store, places, match)
    name, area = _where(labels, match)
    if counts is None:
        return _result(
            "area_jobs", store, labels, name, area, Query(EVERYONE), {}, [], [], NO_DATA, NO_CENSUS
        )
    total = counts[EVERYONE][0]
    items: list[dict[str, Any]] = []
    for soc, (persons, _) in counts.items():
        if soc and len(str(soc)) == LEVELS[level]:
            released = release(persons, persons, CENSUS)
            value, reliability = released.figure, released.reliability
            share = round(100 * value / total, 2) if value is not None and total else None
            items.append(
                {
                    "soc": soc,
                    "title": labels.label("soc", soc),
                    "persons": value,
                    "share_pct": share,
                    "reliability": reliability,
                }
            )
    items.sort(key=lambda i: -(i["persons"] or 0))
    ids = sorted({prov for _, prov in counts.values()})
    return _result(
        "area_jobs", store, labels, name, area, Query(EVERYONE), {"employed": total}, items, ids, "reliable"
    )


def area_people(store: Store, labels: Labels, places: LocalAuthorities, match: AreaMatch, soc: int) -> Result:
    """People living in the area who work in a SOC group, and their share of everyone in work
    there. A unit group is answered for its minor group, saying so."""
    used = soc // 10 if soc >= 1000 else soc
    changes = (Change("soc", soc, used, notes.CENSUS_MINOR_GROUPS_ONLY),) if used != soc else ()
    counts = _counts(store, places, match)
    name, area = _where(labels, match)
    if counts is None:
        return _result("area_people", store, labels, name, area, Query(soc), {}, [], [], NO_DATA, NO_CENSUS)
    persons, prov = counts.get(used, (None, 0))
    released = release(persons, persons, CENSUS)
    value, reliability = released.figure, released.reliability
    total = counts[EVERYONE][0]
    values = {
        "persons": value,
        "share_pct": round(100 * value / total, 2) if value is not None and total else None,
        "employed": total,
    }
    result = _result("area_people", store, labels, name, area, Query(soc), values, [], [prov], reliability)
    result.soc, result.soc_title = used, labels.label("soc", used)
    result.changes = changed(labels, changes)
    return result


def _result(
    kind: str,
    store: Store,
    labels: Labels,
    name: str,
    area: dict[str, str],
    q: Query,
    values: dict,
    items: list[dict],
    ids: list[int],
    reliability: str,
    reason: str | None = None,
) -> Result:
    figure = Figure(values, PERIOD if values or items else None, False, ids, items=items)
    requested = {**labels.requested(q), "geography": name, "area": area["matched"]}
    return table_result(
        kind,
        store,
        labels,
        q,
        figure,
        reliability,
        geography=name,
        breakdown=area,
        requested=requested,
        dataset=DATASET,
        unavailable=reason,
    )
