"""Turning a disclosure outcome into a Result: the one path every figure takes out of the
service, so a value can only be filled in when the disclosure layer released its cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..disclosure import Outcome, describe
from .labels import Labels
from .store import Store
from .types import Query, Result


@dataclass
class Figure:
    """A figure for one cell before the disclosure check, with what it rests on."""

    values: dict[str, float | None]
    period: str | None
    estimate: bool
    provenance_ids: list[int]
    method: str | None = None
    caveats: list[str] = field(default_factory=list)
    classification: str = "SOC2010"  # the occupation classification the figure was published in
    soc2020: list[dict] = field(default_factory=list)  # SOC2020 groups used: code, title, share
    items: list[dict] = field(default_factory=list)  # a table's cells (a series, a breakdown)


def citation(store: Store, ids: list[int]) -> str:
    """ "Office for National Statistics, Annual Survey of Hours and Earnings (ASHE), Table 14
    ..., 2021p": one entry per distinct dataset/table/period, in the order given."""
    parts: list[str] = []
    for i in ids:
        p = store.provenance.get(i)
        if p is None:
            continue
        text = ", ".join(x for x in (p.publisher, p.dataset, p.table_ref, p.period) if x)
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def make_result(
    kind: str,
    store: Store,
    labels: Labels,
    query: Query,
    outcome: Outcome[Figure],
    unit: str | None,
    all_status: int,
    caveats: list[str] | None = None,
) -> Result:
    figure = outcome.figure if outcome.released else None
    used = outcome.used if figure else outcome.requested
    ids = figure.provenance_ids if figure else []
    return Result(
        kind=kind,
        soc=used.soc,
        soc_title=labels.label("soc", used.soc),
        values=dict(figure.values) if figure else {},
        unit=unit if figure else None,
        period=figure.period if figure else None,
        geography=labels.geography(used.region),
        breakdown=labels.breakdown(used, all_status),
        source=citation(store, ids),
        provenance_ids=sorted(set(ids)),
        reliability=outcome.reliability,
        estimate=figure.estimate if figure else False,
        method=figure.method if figure else None,
        fallback=describe(outcome, labels.mid_sentence),
        requested=labels.requested(query),
        caveats=[*(figure.caveats if figure else []), *(caveats or [])],
        classification=figure.classification if figure else "SOC2010",
        soc2020=list(figure.soc2020) if figure else [],
        items=list(figure.items) if figure else [],
    )


def table_result(
    kind: str,
    store: Store,
    labels: Labels,
    query: Query,
    figure: Figure,
    reliability: str,
    unit: str = "people",
    **fields: Any,
) -> Result:
    """The Result of a table released cell by cell (a breakdown, census counts, industries): each
    item carries its own reliability and withheld cells are None, so nothing is swapped for a
    wider group and there is no fallback. `fields` set the rest (geography, breakdown, reason,
    dataset...); an empty table has no unit."""
    result = Result(
        kind=kind,
        soc=query.soc,
        soc_title=labels.label("soc", query.soc),
        values=dict(figure.values),
        unit=unit if figure.values or figure.items else None,
        period=figure.period,
        geography=labels.geography(0),
        breakdown={},
        source=citation(store, figure.provenance_ids),
        provenance_ids=sorted(set(figure.provenance_ids)),
        reliability=reliability,
        estimate=figure.estimate,
        method=figure.method,
        fallback=None,
        requested=labels.requested(query),
        items=list(figure.items),
        classification=figure.classification,
        soc2020=list(figure.soc2020),
    )
    for name, value in fields.items():
        setattr(result, name, value)
    return result
