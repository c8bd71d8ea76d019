"""APS employment by SOC2010 unit group in the 9 English regions, 2017-2021 (NOMIS NM_168_1 via
DfE occupationView): the regional figures the APS 2019 NUTS3 file cannot give, because its
small-area cells are mostly suppressed.

Figures are rounded to the nearest 100; blank cells were suppressed in the NOMIS extract and
are stored as missing with that reason. Each region-year's TOTAL row is stored as SOC 0 and
bounds the sum of its published unit groups.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import select

from ...db.dimensions import period, region
from ...db.facts import employment
from ..context import BuildContext
from ..parsing import Cell, parse_cell, parse_soc
from ..sources import SourceFile
from .tables import MAX_PERSONS, check_total

FILE = "pay/aps_region_occupationView/aps_employment_soc2010_4digit_by_english_region_2017_2021.csv"
PERIOD = re.compile(r"Jan (\d{4})-Dec (\d{4})")
SUPPRESSED = "NA: suppressed in the NOMIS APS extract"
ROUNDING = 50  # each figure is rounded to the nearest 100
# The file's region names that differ from the dimension's once "(England)" is dropped.
ALIASES = {"east": "east of england"}


def load(ctx: BuildContext) -> None:
    src = ctx.source(FILE)
    regions = {
        _plain(name): code
        for code, name in ctx.conn.execute(select(region.c.code, region.c.name))
        if 1 <= code <= 9
    }
    periods = set(ctx.conn.execute(select(period.c.code)).scalars())
    rows: list[dict] = []
    lines: dict[tuple, int] = {}
    for line, rec in src.records():
        match = PERIOD.fullmatch(rec["period"].strip())
        if not match or match[1] != match[2] or match[1] not in periods:
            raise src.error(
                line,
                "period must be a calendar year 'Jan YYYY-Dec YYYY' in the period dimension",
                f"found {rec['period']!r}",
            )
        name = _plain(rec["region"])
        code = regions.get(ALIASES.get(name, name))
        if code is None:
            raise src.error(line, "region must be an English region", f"found {rec['region']!r}")
        raw = rec["soc2010_code"].strip()
        soc = 0 if raw == "TOTAL" else parse_soc(src, line, "soc2010_code", raw, ctx.soc_units)
        key = (match[1], code, soc)
        if key in lines:
            raise src.error(
                line, "each period, region and unit group must appear once", f"also on row {lines[key]}"
            )
        lines[key] = line
        cell = (
            Cell(None, SUPPRESSED)
            if not rec["employed"].strip()
            else parse_cell(src, line, "employed", rec["employed"], lo=0, hi=MAX_PERSONS)
        )
        rows.append({"soc": soc, "region": code, "period": match[1], **cell.as_row()})
    _check_totals(src, rows, lines)
    ctx.insert(employment, rows, src)


def _plain(name: str) -> str:
    return name.replace("(England)", "").strip().lower()


def _check_totals(src: SourceFile, rows: list[dict], lines: dict[tuple, int]) -> None:
    """Published unit groups may not add up to more than their region-year's TOTAL row."""
    parts: dict[tuple, list[float | None]] = defaultdict(list)
    totals: dict[tuple, float | None] = {}
    for row in rows:
        key = (row["period"], row["region"])
        if row["soc"] == 0:
            totals[key] = row["value"]
        else:
            parts[key].append(row["value"])
    for key, values in parts.items():
        if key not in totals:
            raise src.error(None, "every region and year needs its TOTAL row", f"{key}")
        check_total(
            src,
            lines[key + (0,)],
            "unit groups of a region and year",
            values,
            totals[key],
            over=ROUNDING * (len(values) + 1),
        )
