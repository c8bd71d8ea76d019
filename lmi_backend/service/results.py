"""Turning a disclosure outcome into a Result: the one path every figure takes out of the
service, so a value can only be filled in when the disclosure layer released its cell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..disclosure import Cell, Change, Outcome
from .datasets import dataset_key, plain_years
from .labels import Labels
from .store import Store
from .types import Changed, Citation, Query, Result


@dataclass
class Figure:
    """A figure for one cell before the disclosure check, with what it rests on."""

    values: dict[str, float | None]
    period: str | None
    estimate: bool
    provenance_ids: list[int]
    method: str | None = None
    method_keys: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    classification: str = "SOC2010"  # the occupation classification the figure was published in
    soc2020: list[dict] = field(default_factory=list)  # SOC2020 groups used: code, title, share
    items: list[dict] = field(default_factory=list)  # a table's cells (a series, a breakdown)


def citations(store: Store, ids: Iterable[int]) -> list[Citation]:
    """One entry per distinct dataset/table/period, in the order given."""
    out: list[Citation] = []
    for i in ids:
        p = store.provenance.get(i)
        if p is None:
            continue
        cited = Citation(
            dataset_key(p.dataset), p.publisher, p.dataset, p.table_ref, p.period, plain_years(p.period)
        )
        if cited not in out:
            out.append(cited)
    return out


def sourced(store: Store, ids: Iterable[int]) -> dict:
    """The Result fields that say where a figure comes from."""
    unique = sorted(set(ids))
    cited = citations(store, unique)
    return {"provenance_ids": unique, "source": "; ".join(c.text() for c in cited), "citations": cited}


def sourced_from(parts: list[Result]) -> dict:
    """The Result fields that say where a result made of others comes from: each part's
    citations in its own order (each figure's own table first), each once."""
    cited = list(dict.fromkeys(c for r in parts for c in r.citations))
    ids = sorted({i for r in parts for i in r.provenance_ids})
    return {"provenance_ids": ids, "source": "; ".join(c.text() for c in cited), "citations": cited}


def changed(labels: Labels, changes: Iterable[Change]) -> list[Changed]:
    return [
        Changed(
            c.dimension,
            c.asked,
            c.given,
            c.reason,
            labels.label(c.dimension, c.asked),
            labels.label(c.dimension, c.given),
        )
        for c in changes
    ]


def cell_codes(cell: Cell) -> dict[str, int | None]:
    return asdict(cell)


def query_codes(query: Query) -> dict[str, int | None]:
    return asdict(query)


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
    used = outcome.used if figure is not None and outcome.used is not None else outcome.requested
    return Result(
        kind=kind,
        soc=used.soc,
        soc_title=labels.label("soc", used.soc),
        values=dict(figure.values) if figure else {},
        unit=unit if figure else None,
        period=figure.period if figure else None,
        geography=labels.geography(used.region),
        breakdown=labels.breakdown(used, all_status),
        **sourced(store, figure.provenance_ids if figure else []),
        reliability=outcome.reliability,
        estimate=figure.estimate if figure else False,
        method=figure.method if figure else None,
        method_keys=list(figure.method_keys) if figure else [],
        changes=changed(labels, outcome.changes),
        unavailable=None if figure else outcome.reason,
        requested=labels.requested(query),
        cell=cell_codes(used),
        asked=query_codes(query),
        caveats=[*(figure.caveats if figure else []), *(caveats or [])] if figure else [],
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
    wider group and no change from the question. `fields` set the rest (geography, breakdown,
    unavailable, dataset...); an empty table has no unit."""
    result = Result(
        kind=kind,
        soc=query.soc,
        soc_title=labels.label("soc", query.soc),
        values=dict(figure.values),
        unit=unit if figure.values or figure.items else None,
        period=figure.period,
        geography=labels.geography(0),
        **sourced(store, figure.provenance_ids),
        reliability=reliability,
        estimate=figure.estimate,
        method=figure.method,
        method_keys=list(figure.method_keys),
        requested=labels.requested(query),
        asked=query_codes(query),
        cell=query_codes(query),
        items=list(figure.items),
        caveats=list(figure.caveats),
        classification=figure.classification,
        soc2020=list(figure.soc2020),
    )
    for name, value in fields.items():
        setattr(result, name, value)
    return result
