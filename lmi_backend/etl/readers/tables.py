"""Shapes the employment, outlook and vacancy tables share.

Many published tables are wide: one row per occupation, one column per category ("1 Male",
"4 16-19yrs", "UKC11 Hartlepool ..."). The fact tables are long: one number per row, keyed on
dimension codes. `long_cells` does that turn for every reader, so each column's cells get the
same number checks and missing-value reasons. `check_total` is the one place where published
parts are held against their published total, with the rounding slack each caller states.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import NamedTuple

from ..parsing import parse_cell
from ..sources import SourceFile

MAX_PERSONS = 40_000_000  # more than everyone in work in the UK: a unit or column slip


class Column(NamedTuple):
    """A source column and the dimension codes its cells are stored under."""

    header: str
    key: dict


def header(src: SourceFile) -> list[str]:
    """The header row: wide tables carry their categories there, so it is validated like data."""
    with open(src.path, newline="", encoding="utf-8-sig") as fh:
        first = next(csv.reader(fh), None)
    if not first:
        raise src.error(1, "file is empty")
    return first


def split_label(src: SourceFile, label: str) -> tuple[str, str]:
    """'4 16-19yrs' -> ('4', '16-19yrs'): the category code a header starts with, and its name."""
    code, _, name = label.strip().partition(" ")
    if not code or not name.strip():
        raise src.error(1, "column header must be '<code> <name>'", f"found {label[:60]!r}")
    return code, name.strip()


def long_cells(
    src: SourceFile,
    line: int,
    rec: dict[str, str],
    columns: Sequence[Column],
    *,
    lo: float | None = 0,
    hi: float | None = None,
) -> list[dict]:
    """One dict per column: its dimension codes plus `value` and `missing_reason`."""
    return [
        {**col.key, **parse_cell(src, line, col.header, rec[col.header], lo=lo, hi=hi).as_row()}
        for col in columns
    ]


def check_total(
    src: SourceFile,
    line: int | None,
    what: str,
    parts: Sequence[float | None],
    total: float | None,
    *,
    over: float,
    under: float | None = None,
) -> None:
    """Published parts must not add up to more than their total (plus `over` for rounding).
    With `under`, parts that are all published must also come within `under` below it; without
    it, a shortfall is allowed (suppressed or unclassified parts the total still counts)."""
    if total is None:
        return
    published = [p for p in parts if p is not None]
    summed = sum(published)
    if summed > total + over:
        raise src.error(
            line,
            f"{what}: parts add up to more than the published total",
            f"sum {summed:g} > total {total:g} + tolerance {over:g}",
        )
    if under is not None and len(published) == len(parts) and summed < total - under:
        raise src.error(
            line,
            f"{what}: parts add up to less than the published total",
            f"sum {summed:g} < total {total:g} - tolerance {under:g}",
        )


def check_change(
    src: SourceFile,
    line: int,
    years: tuple[str, str],
    employment: tuple[float | None, float | None],
    net: float | None,
    replacement: float | None,
    total: float | None,
    *,
    half_unit: float,
) -> None:
    """A projection's change figures: net change = end - start employment, and total
    requirement = net change + replacement demand, each within the rounding of three figures."""
    (first, last), (start, end) = years, employment
    slack = 3 * half_unit
    if start is not None and end is not None:
        check_total(
            src,
            line,
            f"net change against {last} - {first} employment",
            [end - start],
            net,
            over=slack,
            under=slack,
        )
    check_total(
        src,
        line,
        "net change + replacement demand against total requirement",
        [net, replacement],
        total,
        over=slack,
        under=slack,
    )
