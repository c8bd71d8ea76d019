"""APS employment by SOC2020 unit group x industry section (SIC2007 A-S), UK, January-December
2021, 2022, 2023 and 2024 (ONS ad hoc): which industries employ each occupation.

Kept in SOC2020 like ASHE 2022-2025; the estimates step links it to SOC2010 unit groups. The
sheet's Total row (all occupations) is stored as SOC2020 code 0. '*' (sample too small) and '-'
(none to report) stay missing with their reasons. A section's unit groups can add up to less
than its Total (suppressed cells) but never to more.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ...db.dimensions import sic_section
from ...db.facts import employment_soc2020_industry, soc2020_group
from ..context import BuildContext
from ..parsing import parse_cell, parse_soc
from .tables import check_total

FILE = "aps_soc2020_industry/aps_employment_soc2020_4digit_by_industry_section_2021_2024.csv"
YEARS = ("2021", "2022", "2023", "2024")
SECTIONS = tuple("ABCDEFGHIJKLMNOPQRS")
TOTAL = "ALL"
MAX_PERSONS = 40_000_000
HALF_PERSON = 0.5  # persons are published whole: each cell is off by at most half of one


def load(ctx: BuildContext) -> None:
    src = ctx.source(FILE)
    units = set(ctx.conn.execute(select(soc2020_group.c.code).where(soc2020_group.c.level == 4)).scalars())
    names: dict[str, str] = {}
    rows: list[dict] = []
    seen: dict[tuple[str, int, str], int] = {}
    sums: dict[tuple[str, str], float] = defaultdict(float)
    totals: dict[tuple[str, str], tuple[int, float | None]] = {}
    for line, rec in src.records():
        year = rec["year"].strip()
        if year not in YEARS or rec["period"] != f"January-December {year}":
            raise src.error(
                line, "year must be 2021-2024 with its January-December period", f"found {year!r}"
            )
        section = rec["sic2007_section"].strip()
        if section not in SECTIONS or names.setdefault(section, rec["section_title"]) != rec["section_title"]:
            raise src.error(
                line, "sic2007_section must be a section A-S with one title", f"found {section!r}"
            )
        raw = rec["soc2020_code"].strip()
        soc = 0 if raw == TOTAL else parse_soc(src, line, "soc2020_code", raw, units, "SOC2020 unit group")
        key = (year, soc, section)
        if key in seen:
            raise src.error(
                line, "each year, occupation and section must appear once", f"also on row {seen[key]}"
            )
        seen[key] = line
        cell = parse_cell(
            src, line, "persons_in_employment", rec["persons_in_employment"], lo=0, hi=MAX_PERSONS
        )
        if soc:
            sums[(year, section)] += cell.value or 0.0
        else:
            totals[(year, section)] = (line, cell.value)
        rows.append({"soc2020": soc, "section": section, "period": year, **cell.as_row()})
    if len(seen) != len(YEARS) * (len(units) + 1) * len(SECTIONS):
        raise src.error(None, "every year needs every unit group and the Total in every section")
    for (year, section), (line, total) in totals.items():
        parts = sums[(year, section)]
        slack = HALF_PERSON * (len(units) + 1)
        check_total(src, line, f"{year} section {section}: unit groups", [parts], total, over=slack)
    ctx.insert(sic_section, [{"code": c, "name": names[c]} for c in SECTIONS])
    ctx.insert(employment_soc2020_industry, rows, src)
