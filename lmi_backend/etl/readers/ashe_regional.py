"""ASHE by work region, 2020 revised: Table 3 (SOC2010 major and sub-major groups; weekly,
hourly and annual pay, total paid hours; all employee jobs) and Table 15.7a (4-digit groups;
annual pay of part-time employee jobs only).

Their United Kingdom rows repeat Table 14.7a 2020 cells, loaded by the national reader: they
are checked against those and not stored twice. Neither table has an England row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..context import BuildContext
from ..parsing import parse_soc
from ..sources import SourceFile
from .ashe import (
    LONG_HEADERS,
    CellKey,
    Parsed,
    ashe_soc,
    loaded_cells,
    parse_stats,
    region_parent,
    soc_parent,
    store,
)

PERIOD = "2020"
TABLE3 = "more/ashe_table3_region_x_soc2010_2digit_2020/ashe_t3_2020_region_x_soc2010_major_submajor_long.csv"
TABLE15 = "more/ashe_table15_7a_2020_region_x_soc2010_4digit_PARTTIME_only/ashe_t15_7a_2020_parttime_region_x_soc2010_long.csv"

# ONS region names -> (LMI for All region code, ONS GSS code of the region's total row).
REGIONS = {
    "United Kingdom": (0, "K02000001"),
    "London": (1, "E12000007"),
    "South East": (2, "E12000008"),
    "East": (3, "E12000006"),
    "South West": (4, "E12000009"),
    "West Midlands": (5, "E12000005"),
    "East Midlands": (6, "E12000004"),
    "Yorkshire and The Humber": (7, "E12000003"),
    "North West": (8, "E12000002"),
    "North East": (9, "E12000001"),
    "Wales": (10, "W92000004"),
    "Scotland": (11, "S92000003"),
    "Northern Ireland": (12, "N92000002"),
}
TABLE15_POPULATION = "part-time employee jobs"
TABLE3_MEASURES = {
    "weekly_gross_pay_gbp": "weekly",
    "hourly_gross_pay_gbp": "hourly",
    "annual_gross_pay_gbp": "annual",
    "paid_hours_total_per_week": "paid_hours_total",
}
# Major group 8 and its sub-major group 81 share the title "Process, plant and machine
# operatives"; the Table 3 long file attached codes by title, so both rows carry 81. ONS prints a
# major group before its sub-majors, so where a region's block has two 81 rows the first is
# group 8 (its jobs are those of 81 and 82 together; the UK rows match Table 14.7a's group 8).
SHARED_TITLE_CODE, SHARED_TITLE_MAJOR = "81", "8"
TOTALS = (("SOC group", soc_parent), ("region", region_parent))


def load(ctx: BuildContext) -> None:
    read_table3(ctx)
    read_table15(ctx)


def _region(src: SourceFile, line: int, name: str) -> tuple[int, str]:
    if name not in REGIONS:
        raise src.error(line, "region must be the UK or one of its 12 nations and regions", repr(name))
    return REGIONS[name]


def _year(src: SourceFile, line: int, year: str) -> None:
    if year != PERIOD:
        raise src.error(line, f"year must be {PERIOD}", repr(year))


def read_table3(ctx: BuildContext) -> None:
    src = ctx.source(TABLE3)
    records = list(src.records())  # 1,645 rows: read whole to find the blocks with two 81 rows
    doubled = {
        block
        for block, n in Counter(
            (rec["measure"], rec["region"]) for _, rec in records if rec["soc2010_code"] == SHARED_TITLE_CODE
        ).items()
        if n == 2
    }

    def parsed() -> Iterator[Parsed]:
        relabelled: set[tuple[str, str]] = set()
        for line, rec in records:
            _year(src, line, rec["year"])
            measure = TABLE3_MEASURES.get(rec["measure"])
            if measure is None:
                raise src.error(
                    line, "measure must be weekly, hourly or annual pay or paid hours", repr(rec["measure"])
                )
            region, _ = _region(src, line, rec["region"])
            code, block = rec["soc2010_code"], (rec["measure"], rec["region"])
            if code == SHARED_TITLE_CODE and block in doubled and block not in relabelled:
                relabelled.add(block)
                code = SHARED_TITLE_MAJOR
            soc = ashe_soc(src, line, "soc2010_code", code, ctx.soc_codes, "ALL")
            yield Parsed(
                line,
                CellKey(soc, region, 0, 4, PERIOD, measure),
                parse_stats(src, line, rec, LONG_HEADERS, measure),
            )

    store(
        ctx,
        src,
        parsed(),
        TOTALS,
        loaded=loaded_cells(ctx.conn, "annual", period=PERIOD, region=0, gender=0, status=4),
    )


def read_table15(ctx: BuildContext) -> None:
    src = ctx.source(TABLE15)

    def parsed() -> Iterator[Parsed]:
        for line, rec in src.records():
            _year(src, line, rec["year"])
            if rec["population"] != TABLE15_POPULATION:
                raise src.error(line, f"population must be {TABLE15_POPULATION}", repr(rec["population"]))
            region, gss = _region(src, line, rec["region"])
            if rec["level"] == "region":  # the region's total over all occupations
                if rec["code"] != gss:
                    raise src.error(
                        line,
                        "a region's total row must carry the region's ONS code",
                        f"{rec['region']} is {gss}, found {rec['code']!r}",
                    )
                soc = 0
            else:
                soc = parse_soc(src, line, "code", rec["code"], ctx.soc_codes)
            yield Parsed(
                line,
                CellKey(soc, region, 0, 2, PERIOD, "annual"),
                parse_stats(src, line, rec, LONG_HEADERS, "annual"),
            )

    store(
        ctx,
        src,
        parsed(),
        TOTALS,
        loaded=loaded_cells(ctx.conn, "annual", period=PERIOD, region=0, gender=0, status=2),
    )
