"""ASHE Table 14 for 2021-2025 (provisional): weekly, hourly and annual pay and total paid hours
by 4-digit occupation, for all employees and by sex x full/part-time (Tables 14.1a, 14.5a,
14.7a, 14.9a).

2021 is coded to SOC2010 and joins the SOC2010 facts: it brings the 4-digit weekly pay and paid
hours ONS publishes (the bot used to derive them) and pay by sex and work pattern for 2021. Its
annual and hourly figures for all and full-time employees repeat Table 14 in
pay/ashe_table14_mathsci: they must agree and are stored once, with the % changes this file adds.

2022-2025 are coded to SOC2020 and are kept in it (fact_pay_soc2020, fact_hours_soc2020): the
unit groups and all employees. Their major, sub-major and minor groups are checked (the parts'
jobs against them) but not stored: fallbacks to a wider group use the SOC2010 hierarchy, and
they would add a third to the largest tables. The 2022 file also gives the SOC2020 minor and
unit groups their titles. Linking them to SOC2010
unit groups is an estimation step (lmi_backend/estimates/soc2020_link.py). The 2025 file
(unit groups, six sheets, no job counts, % changes or CVs) prints every unavailable cell as a
blank.

The median's coefficient of variation becomes the ONS quality band, as Table 14.7a's shading
does for 2017-2020.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import select

from ...db.facts import hours_soc2020, pay_soc2020, soc2020_group
from ..context import BuildContext
from ..parsing import parse_cell, parse_int
from ..sources import SourceFile
from .ashe import (
    CHANGES,
    LONG_HEADERS,
    CellKey,
    Parsed,
    ashe_soc,
    gender_parent,
    loaded_cells,
    parse_stats,
    soc_parent,
    status_parent,
    store,
)
from .ashe_national import SHEETS

FOLDER = "ashe_more"
SOC2010_FILE = f"{FOLDER}/ashe_t14_2021p_soc2010_weekly_hourly_annual_hours_long.csv"
SOC2020_FILES = {
    year: f"{FOLDER}/ashe_t14_{year}p_soc2020_weekly_hourly_annual_hours_long.csv"
    for year in ("2022", "2023", "2024")
}
FILE_2025 = f"{FOLDER}/ashe_t14_2025p_soc2020_unit_groups_median_mean_percentiles.csv"
# measure as the files name it -> (our measure, the ONS table it comes from)
MEASURE_NAMES = {
    "weekly_gross_pay_gbp": ("weekly", "14.1a"),
    "hourly_gross_pay_gbp": ("hourly", "14.5a"),
    "annual_gross_pay_gbp": ("annual", "14.7a"),
    "paid_hours_total_per_week": ("paid_hours_total", "14.9a"),
}
TOTAL_CODE = "ALL"
SHEETS_2025 = {"All", "Male", "Female", "Full-Time", "Male Full-Time", "Female Full-Time"}
BLANK_2025 = "blank: not published (ONS 'x' unreliable, '..' disclosive or ':' not available)"
# ONS key for the coefficient of variation of an estimate (%): the quality band of the median
QUALITY_BANDS = (
    (5.0, "precise_cv_le_5"),
    (10.0, "reasonably_precise_cv_5_10"),
    (20.0, "acceptable_cv_10_20"),
)
TOTALS = (("SOC group", soc_parent), ("sex", gender_parent), ("full/part-time", status_parent))
SOC2020_TABLES = {
    "annual": pay_soc2020,
    "weekly": pay_soc2020,
    "hourly": pay_soc2020,
    "paid_hours_total": hours_soc2020,
}


class Soc2020Group(NamedTuple):
    level: int
    title: str


def load_soc2010(ctx: BuildContext) -> None:
    """2021, with the SOC2010 facts (after Table 14, which it is checked against)."""
    read_soc2010_2021(ctx)


def load_soc2020(ctx: BuildContext) -> None:
    """2022-2025, after the SOC2020 major and sub-major groups are known."""
    groups: dict[int, Soc2020Group] = {}
    for year, path in SOC2020_FILES.items():
        read_soc2020(ctx, path, year, groups)
    read_2025(ctx, groups)


def _identity(src: SourceFile, line: int, rec: dict[str, str], year: str, classification: str) -> None:
    if (rec["year"], rec["release"], rec["soc_version"]) != (year, "provisional", classification):
        raise src.error(
            line,
            f"every row must be the {year} provisional release in {classification}",
            f"found {rec['year']}, {rec['release']}, {rec['soc_version']}",
        )


def _measure(src: SourceFile, line: int, rec: dict[str, str]) -> str:
    found = MEASURE_NAMES.get(rec["measure"])
    if found is None or found[1] != rec["ons_table"]:
        raise src.error(
            line,
            "measure must be one of the four Table 14 measures, with its ONS table number",
            f"found {rec['measure']!r}, table {rec['ons_table']!r}",
        )
    return found[0]


def _sheet(src: SourceFile, line: int, rec: dict[str, str], sheets: set[str]) -> tuple[int, int]:
    if rec["sheet"] not in sheets:
        raise src.error(line, "sheet must be a known sex / full-time breakdown", f"found {rec['sheet']!r}")
    return SHEETS[rec["sheet"]]


def _level(src: SourceFile, line: int, rec: dict[str, str], code: int) -> int:
    level = parse_int(src, line, "level_digits", rec["level_digits"], lo=0, hi=4)
    if level != (len(str(code)) if code else 0):
        raise src.error(line, "level_digits must be the number of digits of soc_code", f"found {level}")
    return level


def _quality(src: SourceFile, line: int, rec: dict[str, str], published: bool) -> str | None:
    """The median's quality band from its CV; none where no median is published."""
    cv = parse_cell(src, line, "median_cv_pct", "" if rec["median_cv_pct"] == "." else rec["median_cv_pct"])
    if not published or cv.value is None:
        return None
    return next((band for limit, band in QUALITY_BANDS if cv.value <= limit), None)


LONG_WITH_CHANGES = {**LONG_HEADERS, **CHANGES}


def read_soc2010_2021(ctx: BuildContext) -> None:
    src = ctx.source(SOC2010_FILE)
    loaded = {
        key: cells
        for measure in ("annual", "hourly")
        for key, cells in loaded_cells(ctx.conn, measure, period="2021", region=0, gender=0).items()
    }

    def parsed() -> Iterator[Parsed]:
        for line, rec in src.records():
            _identity(src, line, rec, "2021", "SOC2010")
            measure = _measure(src, line, rec)
            gender, status = _sheet(src, line, rec, set(SHEETS))
            soc = ashe_soc(src, line, "soc_code", rec["soc_code"], ctx.soc_codes, TOTAL_CODE)
            _level(src, line, rec, soc)
            cells = parse_stats(src, line, rec, LONG_WITH_CHANGES, measure)
            quality = _quality(src, line, rec, cells["median"].value is not None)
            yield Parsed(line, CellKey(soc, 0, gender, status, "2021", measure), cells, quality)

    store(ctx, src, parsed(), totals=TOTALS, loaded=loaded)


def read_soc2020(ctx: BuildContext, path: str, year: str, groups: dict[int, Soc2020Group]) -> None:
    """One SOC2020 year. The first file read names the SOC2020 minor and unit groups (majors and
    sub-majors come from the SI2035 classification); every later file must use the same codes
    and titles."""
    src = ctx.source(path)
    first = not groups
    known = set(ctx.conn.execute(select(soc2020_group.c.code).where(soc2020_group.c.level <= 2)).scalars())
    rows: list[Parsed] = []
    for line, rec in src.records():
        _identity(src, line, rec, year, "SOC2020")
        measure = _measure(src, line, rec)
        gender, status = _sheet(src, line, rec, set(SHEETS))
        raw = rec["soc_code"].strip()
        if first and len(raw) in (3, 4) and raw.isdigit():
            _new_group(src, line, int(raw), rec["description"], groups, known)
        soc = ashe_soc(src, line, "soc_code", raw, known | set(groups), TOTAL_CODE, "SOC2020")
        _level(src, line, rec, soc)
        _same_title(src, line, soc, rec["description"], groups)
        cells = parse_stats(src, line, rec, LONG_WITH_CHANGES, measure)
        quality = _quality(src, line, rec, cells["median"].value is not None)
        rows.append(Parsed(line, CellKey(soc, 0, gender, status, year, measure), cells, quality))
    if first:
        ctx.insert(
            soc2020_group,
            [
                {"code": code, "level": g.level, "parent": code // 10, "title": g.title}
                for code, g in sorted(groups.items())
            ],
        )
    store(ctx, src, rows, totals=TOTALS, tables=SOC2020_TABLES, keep=_unit_or_all)


def _unit_or_all(key: CellKey) -> bool:
    return key.soc == 0 or key.soc >= 1000


def _new_group(
    src: SourceFile, line: int, code: int, title: str, groups: dict[int, Soc2020Group], known: set[int]
) -> None:
    """A minor (3-digit) or unit (4-digit) group: its parent must be known, its title one."""
    level = len(str(code))
    if code // 10 not in known and code // 10 not in groups:
        raise src.error(line, "a SOC2020 group's parent must be a known SOC2020 group", f"found {code}")
    if code in groups and _plain(groups[code].title) != _plain(title):
        raise src.error(line, "a SOC2020 group must keep one title", f"{code}: {title!r}")
    groups[code] = Soc2020Group(level, title.strip())


def _same_title(src: SourceFile, line: int, soc: int, title: str, groups: dict[int, Soc2020Group]) -> None:
    if soc in groups and title != groups[soc].title and _plain(groups[soc].title) != _plain(title):
        raise src.error(line, "a SOC2020 group must keep its title in every year", title)


def _plain(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalnum())


def read_2025(ctx: BuildContext, groups: dict[int, Soc2020Group]) -> None:
    src = ctx.source(FILE_2025)
    units = {code for code, g in groups.items() if g.level == 4}
    headers = {k: v for k, v in LONG_HEADERS.items() if k != "jobs_thousand"}

    def parsed() -> Iterator[Parsed]:
        for line, rec in src.records():
            _identity(src, line, rec, "2025", "SOC2020")
            measure = _measure(src, line, rec)
            gender, status = _sheet(src, line, rec, SHEETS_2025)
            soc = ashe_soc(src, line, "soc_code", rec["soc_code"], units, TOTAL_CODE, "SOC2020 unit group")
            _level(src, line, rec, soc)
            _same_title(src, line, soc, rec["description"], groups)
            cells = parse_stats(src, line, rec, headers, measure, blank_reason=BLANK_2025)
            yield Parsed(line, CellKey(soc, 0, gender, status, "2025", measure), cells)

    store(ctx, src, parsed(), totals=(), tables=SOC2020_TABLES)
