"""ONS SOC2010 -> SOC2020 dual-coding proportions: how the jobs of each SOC2010 unit group were
coded in SOC2020. It is the bridge from SOC2020 outlook figures to SOC2010 unit groups.

The workbook has one block per SOC2010 unit group: a "Total sample" row with four sample sizes
(men and women, each dual-coded in the LFS and in the 2011 Census) and one row per SOC2020
destination with the share of each sample coded to it. One proportion is stored per pair:
the four samples pooled, sum(sample x share) / sum(sample), which uses every dual-coded job;
`sample` keeps the pooled size so small samples can be treated with care.

The workbook leaves out small destinations, so a sample's listed shares sum to 0.948-1.000
(the remainder is unallocated, not spread). A sum outside [MIN_LISTED, 1] means lost rows or a
shifted column and stops the build. Errors name the spreadsheet row.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import openpyxl
from sqlalchemy import select

from ...db.dimensions import soc_group
from ...db.facts import soc2010_soc2020, soc2020_group
from ..context import BuildContext
from ..parsing import parse_cell, parse_int
from ..sources import SourceFile

FILE = "pay/crosswalk/ONS_SOC2010_SOC2020_dualcoded_proportions.xlsx"
SAMPLES = [
    (f"{sex}_{survey}_base_2010", f"{sex}_{survey}_perc_2020")
    for sex in ("men", "women")
    for survey in ("lfs", "census")
]
HEADER = ("SOC2010", "SOC2020", *(name for pair in SAMPLES for name in pair))
TOTAL = "Total sample"
MIN_LISTED = 0.94
ROUNDING = 1e-9
CODED = re.compile(r"(\d{4}): (.+)")


class Block(NamedTuple):
    """One SOC2010 unit group: its row, code, sample sizes and (row, SOC2020, shares) rows."""

    line: int
    soc2010: int
    bases: list[int]
    destinations: list[tuple[int, int, list[float]]]


def load(ctx: BuildContext) -> None:
    src = ctx.source(FILE)
    titles = {
        code: _plain(t)
        for code, t in ctx.conn.execute(
            select(soc_group.c.code, soc_group.c.title).where(soc_group.c.level == 4)
        )
    }
    submajors = set(
        ctx.conn.execute(select(soc2020_group.c.code).where(soc2020_group.c.level == 2)).scalars()
    )
    blocks = _blocks(src, titles, submajors)
    missing = ctx.soc_units - {b.soc2010 for b in blocks}
    if missing:
        raise src.error(None, "every SOC2010 unit group needs a block", f"missing {sorted(missing)[:5]}")
    ctx.insert(soc2010_soc2020, (row for block in blocks for row in _pooled(src, block)), src)


def _plain(title: str) -> str:
    """Titles compared without punctuation or spacing (the workbook drops a dash or comma)."""
    return re.sub(r"[^a-z0-9]", "", title.lower())


def _coded(src: SourceFile, line: int, column: str, value: object) -> tuple[int, str]:
    match = CODED.fullmatch(str(value or "").strip())
    if not match:
        raise src.error(line, f"column '{column}' must be '<4-digit code>: <title>'", f"found {value!r}")
    return int(match[1]), match[2]


def _blocks(src: SourceFile, titles: dict[int, str], submajors: set[int]) -> list[Block]:
    workbook = openpyxl.load_workbook(src.path, read_only=True, data_only=True)
    try:
        rows = enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
        first = next(rows, (1, ()))[1]
        if tuple(first[: len(HEADER)]) != HEADER:
            raise src.error(1, "header must be " + ", ".join(HEADER), f"found {first!r}")
        blocks: list[Block] = []
        for line, values in rows:
            if all(v in (None, "") for v in values):
                continue
            src.rows_read += 1
            rec = dict(zip(HEADER, values))
            if rec["SOC2010"] is not None:
                blocks.append(_start(src, line, rec, titles, {b.soc2010 for b in blocks}))
            elif not blocks:
                raise src.error(line, "a SOC2020 row must follow a SOC2010 'Total sample' row")
            else:
                blocks[-1].destinations.append(_destination(src, line, rec, blocks[-1], submajors))
        return blocks
    finally:
        workbook.close()


def _start(src: SourceFile, line: int, rec: dict, titles: dict[int, str], seen: set[int]) -> Block:
    soc, title = _coded(src, line, "SOC2010", rec["SOC2010"])
    if titles.get(soc) != _plain(title) or soc in seen:
        raise src.error(
            line,
            "SOC2010 code must be a unit group of the SOC dimension, with its title, once",
            f"found {rec['SOC2010']!r}",
        )
    if rec["SOC2020"] != TOTAL:
        raise src.error(line, f"a SOC2010 row must be the '{TOTAL}' row", f"found {rec['SOC2020']!r}")
    bases = [parse_int(src, line, base, str(rec[base]), lo=0) for base, _ in SAMPLES]
    return Block(line, soc, bases, [])


def _destination(
    src: SourceFile, line: int, rec: dict, block: Block, submajors: set[int]
) -> tuple[int, int, list[float]]:
    soc2020, _ = _coded(src, line, "SOC2020", rec["SOC2020"])
    if soc2020 // 100 not in submajors or soc2020 in {d[1] for d in block.destinations}:
        raise src.error(
            line,
            "SOC2020 code must lie in a known SOC2020 sub-major group, once per block",
            f"found {rec['SOC2020']!r}",
        )
    shares = []
    for (_, share), base in zip(SAMPLES, block.bases):
        cell = parse_cell(src, line, share, "" if rec[share] is None else str(rec[share]), lo=0, hi=1)
        if base and cell.value is None:
            raise src.error(line, f"column '{share}' must give a share where the sample is not empty")
        if not base and cell.value:
            raise src.error(
                line, f"column '{share}' must be 0 or empty where the sample is empty", f"found {cell.value}"
            )
        shares.append(cell.value or 0.0)
    return line, soc2020, shares


def _pooled(src: SourceFile, block: Block) -> list[dict]:
    """Check each sample's shares add up, then pool the samples into one proportion per pair."""
    for k, ((base_name, _), base) in enumerate(zip(SAMPLES, block.bases)):
        listed = sum(d[2][k] for d in block.destinations)
        if base and not MIN_LISTED <= listed <= 1 + ROUNDING:
            raise src.error(
                block.line,
                f"shares of a sample must add up to between {MIN_LISTED} and 1",
                f"{base_name}: {listed:.4f}",
            )
    pooled = sum(block.bases)
    if not pooled or not block.destinations:
        raise src.error(block.line, "a unit group needs a dual-coded sample and at least one SOC2020 row")
    return [
        {
            "soc2010": block.soc2010,
            "soc2020": soc2020,
            "sample": pooled,
            "missing_reason": None,
            "value": sum(b * s for b, s in zip(block.bases, shares)) / pooled,
        }
        for _, soc2020, shares in block.destinations
    ]
