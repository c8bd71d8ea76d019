"""ASHE pay for the UK by SOC2010 group: Table 14 (2011 revised and 2021 provisional, annual and
hourly pay) and Table 14.7a (annual pay 2017-2020 by sex and full/part-time).

These are the national figures the bot quotes first; the regional tables are read after them
and checked against them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..context import BuildContext
from .ashe import (
    LONG_HEADERS,
    TABLE14_HEADERS,
    CellKey,
    Parsed,
    ashe_soc,
    gender_parent,
    parse_stats,
    soc_parent,
    status_parent,
    store,
)


class Table14File(NamedTuple):
    path: str
    period: str
    measure: str
    status: int


# FT files cover full-time employee jobs (status 1), FTPT files all employee jobs (status 4).
TABLE14_FILES = [
    Table14File(f"pay/ashe_table14_mathsci/{edition}_{measure}_{part}.csv", period, measure, status)
    for edition, period in (("2021p", "2021"), ("2011r", "2011"))
    for measure in ("annual", "hourly")
    for part, status in (("FT", 1), ("FTPT", 4))
]
TABLE14_ALL = "XX"  # Table 14's code for its "All employees" row
NOT_CLASSIFIED = "Not Classified"  # Table 14's last row: jobs with no SOC code, no figures

TABLE14_7A = "pay/ashe_table14_7a_occupationView/ashe_t14_7a_annual_gross_pay_soc2010_2017_2020_long.csv"
TABLE14_7A_YEARS = {"2017", "2018", "2019", "2020"}
# Table 14.7a workbook sheets -> (gender, status).
SHEETS = {
    "All": (0, 4),
    "Male": (1, 4),
    "Female": (2, 4),
    "Full-Time": (0, 1),
    "Part-Time": (0, 2),
    "Male Full-Time": (1, 1),
    "Male Part-Time": (1, 2),
    "Female Full-Time": (2, 1),
    "Female Part-Time": (2, 2),
}
# The median's ONS quality band, decoded from the workbook's cell shading ("suppressed_or_na"
# marks a missing median, whose reason is already in missing_reason).
QUALITY = {"precise_cv_le_5", "reasonably_precise_cv_5_10", "acceptable_cv_10_20"}
NO_QUALITY = "suppressed_or_na"


def load(ctx: BuildContext) -> None:
    for spec in TABLE14_FILES:
        read_table14(ctx, spec)
    read_table14_7a(ctx)


def read_table14(ctx: BuildContext, spec: Table14File) -> None:
    src = ctx.source(spec.path)

    def parsed() -> Iterator[Parsed]:
        for line, rec in src.records():
            if not rec["Code"].strip() and rec["Description"].strip() == NOT_CLASSIFIED:
                continue
            soc = ashe_soc(src, line, "Code", rec["Code"], ctx.soc_codes, TABLE14_ALL)
            key = CellKey(soc, 0, 0, spec.status, spec.period, spec.measure)
            yield Parsed(line, key, parse_stats(src, line, rec, TABLE14_HEADERS, spec.measure))

    store(ctx, src, parsed())


def read_table14_7a(ctx: BuildContext) -> None:
    src = ctx.source(TABLE14_7A)

    def parsed() -> Iterator[Parsed]:
        for line, rec in src.records():
            if rec["year"] not in TABLE14_7A_YEARS:
                raise src.error(line, "year must be one of the workbooks read (2017-2020)", rec["year"])
            if rec["sheet"] not in SHEETS:
                raise src.error(line, "sheet must be a known sex / full-time breakdown", rec["sheet"])
            gender, status = SHEETS[rec["sheet"]]
            soc = ashe_soc(src, line, "soc2010_code", rec["soc2010_code"], ctx.soc_codes, "ALL")
            cells = parse_stats(src, line, rec, LONG_HEADERS, "annual")
            quality = rec["median_quality"]
            published = cells["median"].value is not None
            if quality not in (QUALITY if published else {NO_QUALITY}):
                raise src.error(
                    line,
                    "median_quality must be a band exactly when a median is published",
                    f"{quality!r} with median {rec['median']!r}",
                )
            key = CellKey(soc, 0, gender, status, rec["year"], "annual")
            yield Parsed(line, key, cells, quality if published else None)

    store(
        ctx,
        src,
        parsed(),
        totals=(("SOC group", soc_parent), ("sex", gender_parent), ("full/part-time", status_parent)),
    )
