"""Which industries employ a job: APS employment by SOC2020 unit group x industry section (SIC2007
A-S), 2021-2024, linked to the SOC2010 job by lmi_backend/estimates/soc2020_link.py.

- A job whose SOC2020 group stands for it (`industry_link` direct): the group's published
  employment in each section, and each section's share of the sections with a figure.
- Otherwise: an estimate, the sections' shares averaged over the job's SOC2020 groups by the
  share of the job's workers in each (ONS dual coding); people counts are not given.
Every section goes through the disclosure layer: a section's employment (for an estimate, the
job's share of each group's employment there) under 1,000 gives no figure, under 10,000 is
flagged. Sections ONS marks '*' or '-' have no figure either.
"""

from __future__ import annotations

from collections import defaultdict

from .. import notes
from ..disclosure import NO_DATA, release, worst
from ..estimates.soc2020_link import INDUSTRY_KEY
from .labels import Labels
from .results import Figure, table_result
from .store import Store
from .types import Query, Result

YEARS = ("2024", "2023", "2022", "2021")  # newest first
DIRECT = "direct"
NOT_A_UNIT_GROUP = notes.INDUSTRIES_UNIT_GROUPS_ONLY


def industries(store: Store, labels: Labels, q: Query, year: str | None = None) -> Result:
    """The industry sections employing the job in the newest year (or `year`), largest first."""
    if year is not None and year not in YEARS:
        raise ValueError(f"Year must be one of {', '.join(sorted(YEARS))}, not {year!r}")
    groups = _groups(store, q.soc)
    if groups is None:
        return _result(store, labels, q, None, [], [], False, [], NO_DATA, NOT_A_UNIT_GROUP)
    mixes = {code: _by_year(store.industry_mix(code)) for code in groups}
    wanted = (year,) if year else YEARS
    period = next((y for y in wanted if all(mixes[code].get(y) for code in groups)), None)
    if period is None:
        return _result(store, labels, q, None, [], [], False, [], NO_DATA)
    estimate = bool(q.soc) and store.soc2020_links[q.soc].industry_link != DIRECT
    items = (
        _combined(store, store.employment(q.soc, 0, 0, 0), groups, mixes, period)
        if estimate
        else _direct(store, mixes[next(iter(groups))][period])
    )
    ids = sorted({prov for code in groups for _, _, prov in mixes[code][period]})
    method = store.method(INDUSTRY_KEY)
    if q.soc:
        ids = sorted(set(ids) | set(method.provenance_ids))
    soc2020 = [
        {"code": code, "title": store.soc2020_titles.get(code, ""), "share": round(share, 3)}
        for code, share in sorted(groups.items(), key=lambda g: -g[1])
        if q.soc
    ]
    reliability = worst(i["reliability"] for i in items)
    return _result(
        store,
        labels,
        q,
        period,
        items,
        ids,
        estimate,
        soc2020,
        reliability,
        method=method.description + "." if q.soc else None,
    )


def _groups(store: Store, soc: int) -> dict[int, float] | None:
    """The SOC2020 groups whose APS figures are used, with the share of the job's workers in each
    (ONS dual coding); all jobs are the Total row; None for a group above unit level."""
    if not soc:
        return {0: 1.0}
    link = store.soc2020_links.get(soc)
    if link is None:
        return None
    return {link.main: link.forward_share} if link.industry_link == DIRECT else dict(link.shares)


def _by_year(rows) -> dict[str, list[tuple[str, float | None, int]]]:
    out: dict[str, list[tuple[str, float | None, int]]] = defaultdict(list)
    for section, period, value, prov in rows:
        out[period].append((section, value, prov))
    return out


def _direct(store: Store, cells: list[tuple[str, float | None, int]]) -> list[dict]:
    shown = sum(v for _, v, _ in cells if v is not None)
    items = []
    for section, persons, _ in cells:
        released = release(persons, persons)
        value, reliability = released.figure, released.reliability
        items.append(
            {
                "section": section,
                "name": store.sections[section],
                "persons": value,
                "share_pct": round(100 * value / shown, 1) if value is not None and shown else None,
                "reliability": reliability,
            }
        )
    return sorted(items, key=lambda i: -(i["share_pct"] or 0))


def _combined(
    store: Store, employment: float | None, groups: dict[int, float], mixes: dict, period: str
) -> list[dict]:
    """Each section's share of the job: the groups' shares averaged by the job's share in each.
    The cell checked is the job's people in the section: its employment (APS 2019, the cell
    every other figure of the job is checked by) times that share."""
    listed = sum(groups.values())
    share: dict[str, float] = defaultdict(float)
    for code, weight in groups.items():
        cells = mixes[code][period]
        shown = sum(v for _, v, _ in cells if v is not None)
        for section, persons, _ in cells:
            if persons is not None and shown:
                share[section] += weight / listed * persons / shown
    items = []
    for section, name in store.sections.items():
        people = employment * share[section] if employment is not None and section in share else None
        released = release(people, round(100 * share[section], 1) if section in share else None)
        value, reliability = released.figure, released.reliability
        items.append(
            {
                "section": section,
                "name": name,
                "persons": None,
                "share_pct": value,
                "reliability": reliability,
            }
        )
    return sorted(items, key=lambda i: -(i["share_pct"] or 0))


def _result(
    store: Store,
    labels: Labels,
    q: Query,
    period: str | None,
    items: list[dict],
    ids: list[int],
    estimate: bool,
    soc2020: list[dict],
    reliability: str,
    reason: str | None = None,
    method: str | None = None,
) -> Result:
    classification = "SOC2020" if items else "SOC2010"
    figure = Figure({}, period, estimate, ids, method, [], [], classification, soc2020, items)
    return table_result("industries", store, labels, q, figure, reliability, unavailable=reason)
