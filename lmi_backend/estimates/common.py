"""What every estimation step shares: the unit groups as array rows, SOC aggregation, and the
records that make an estimate auditable (its method with sources, and how its fit went)."""

from __future__ import annotations

import numpy as np
from sqlalchemy import Table, distinct, insert, select
from sqlalchemy.engine import Connection

from ..db.dimensions import soc_group
from ..db.estimates import est_fit, estimate_method
from ..etl.context import BuildContext
from .ras import Fit


def unit_groups(conn: Connection) -> list[int]:
    """The 369 SOC2010 unit groups in code order: the row order of every estimate array."""
    return list(
        conn.execute(
            select(soc_group.c.code).where(soc_group.c.level == 4).order_by(soc_group.c.code)
        ).scalars()
    )


def soc_groups(units: list[int]) -> dict[int, np.ndarray]:
    """Every SOC group (4-, 3-, 2-, 1-digit and 0 = all) -> the unit-group rows inside it, so
    aggregates are plain sums over rows."""
    groups: dict[int, list[int]] = {}
    for i, code in enumerate(units):
        for digits in (4, 3, 2, 1):
            groups.setdefault(int(str(code)[:digits]), []).append(i)
        groups.setdefault(0, []).append(i)
    return {code: np.array(rows) for code, rows in groups.items()}


def provenance_ids(conn: Connection, table: Table, *where) -> list[int]:
    """The source files behind the fact rows an estimate reads."""
    return sorted(conn.execute(select(distinct(table.c.provenance_id)).where(*where)).scalars())


def method_sources(conn: Connection, table: Table) -> list[int]:
    """The source files behind an estimate table's rows, as their method rows list them."""
    ids = conn.execute(
        select(estimate_method.c.provenance_ids).where(estimate_method.c.id.in_(select(table.c.method_id)))
    ).scalars()
    return sorted({int(i) for text in ids for i in text.split()})


def record_method(ctx: BuildContext, key: str, description: str, sources: list[int]) -> int:
    result = ctx.conn.execute(
        insert(estimate_method).values(
            key=key, description=description, provenance_ids=" ".join(map(str, sorted(set(sources))))
        )
    )
    return result.inserted_primary_key[0]


def record_fit(ctx: BuildContext, estimate: str, fit: Fit) -> None:
    """Keep each margin's remaining error: tests and the build report read these."""
    ctx.insert(
        est_fit,
        [
            {
                "estimate": estimate,
                "margin": name,
                "cells": int(fit.array.size),
                "max_rel_error": error,
                "iterations": fit.iterations,
                "converged": fit.converged,
            }
            for name, error in fit.errors.items()
        ],
    )
    ctx.progress(
        f"  {estimate}: {fit.iterations} iteration(s), max margin error "
        f"{max(fit.errors.values(), default=0):.2e}"
    )
