"""Turning a disclosure outcome into a Result: the one path every figure takes out of the
service, so a value can only be filled in when the disclosure layer released its cell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

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
    items: list[dict] = field(default_factory=list)  # one per year of a series


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
        items=list(figure.items) if figure else [],
        caveats=[*(figure.caveats if figure else []), *(caveats or [])] if figure else [],
    )
