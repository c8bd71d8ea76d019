"""What every ASHE table has in common, for the national and regional ASHE readers.

ASHE tables print one row per group with the same statistics: jobs (thousands), median, mean
and percentiles 10-90. One function parses that row and one function stores it, so the checks
(ranges, ordered percentiles, each cell once, totals that add up) are the same for every table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from ...db.facts import hours, pay
from ..context import BATCH, BuildContext
from ..parsing import MISSING_MARKERS, Cell, check_non_decreasing, parse_cell, parse_soc
from ..sources import SourceFile

JOBS = "jobs_thousand"
PERCENTILES = (10, 20, 25, 30, 40, 60, 70, 75, 80, 90)
# The order the statistics must rise in: the median sits between p40 and p60.
RISING = ("p10", "p20", "p25", "p30", "p40", "median", "p60", "p70", "p75", "p80", "p90")

# Headers of the statistics in the two layouts the ASHE files come in: {stat: header}.
TABLE14_HEADERS = {
    JOBS: "No_jobs",
    "median": "Median",
    "mean": "Mean",
    **{f"p{n}": str(n) for n in PERCENTILES},
}
LONG_HEADERS = {
    JOBS: "n_jobs_thousand",
    "median": "median",
    "mean": "mean",
    **{f"p{n}": f"p{n}" for n in PERCENTILES},
}
# ONS's published % change on the previous year's revised figure (the long Table 14 files).
CHANGES = {"median_pct_change": "median_pct_change", "mean_pct_change": "mean_pct_change"}
CHANGE_RANGE = (-100.0, 1000.0)

# Where each measure is stored and the range its figures must fall in. The upper bounds are
# several times the highest figure ASHE publishes (about £175k a year, £2.6k a week, £71 an
# hour, 56 paid hours a week): they catch a pence-for-pounds or thousands slip, not high pay.
MEASURES: dict[str, tuple[Table, float, float]] = {
    "annual": (pay, 0, 1_000_000),
    "weekly": (pay, 0, 20_000),
    "hourly": (pay, 0, 500),
    "paid_hours_total": (hours, 0, 100),
}
MAX_JOBS_THOUSAND = 40_000  # UK employee jobs are about 26 million
ROUNDING = 0.5  # jobs are published in thousands, so each figure is off by at most half of one


class CellKey(NamedTuple):
    """One published ASHE row: a group in a cell; its statistics become one fact row each."""

    soc: int
    region: int
    gender: int
    status: int
    period: str
    measure: str


class Parsed(NamedTuple):
    line: int
    key: CellKey
    cells: dict[str, Cell]
    quality: str | None = None  # ONS quality band of the median, where the file carries it


def ashe_soc(
    src: SourceFile,
    line: int,
    column: str,
    raw: str,
    known: set[int],
    total_code: str,
    classification: str = "SOC2010",
) -> int:
    """A SOC code, or 0 for the table's all-employees row (printed as `total_code`)."""
    return 0 if raw.strip() == total_code else parse_soc(src, line, column, raw, known, classification)


def parse_stats(
    src: SourceFile,
    line: int,
    rec: dict[str, str],
    headers: dict[str, str],
    measure: str,
    blank_reason: str | None = None,
) -> dict[str, Cell]:
    """The statistics of one ASHE row, validated.

    ONS marks a whole row as unavailable ('..' disclosive, ':' not available) in the jobs column
    and leaves the rest blank; those blanks carry the jobs marker's reason, not "not published".
    A file without a jobs column may say what its blanks mean (`blank_reason`). % changes (where
    `headers` has them) may be negative.
    """
    _, lo, hi = MEASURES[measure]
    cells: dict[str, Cell] = {}
    row_reason = blank_reason
    if JOBS in headers:
        jobs = parse_cell(src, line, headers[JOBS], rec[headers[JOBS]], lo=0, hi=MAX_JOBS_THOUSAND)
        row_reason = jobs.missing_reason if jobs.missing_reason != MISSING_MARKERS[""] else None
        cells[JOBS] = jobs
    for stat, header in headers.items():
        if stat == JOBS:
            continue
        raw = rec[header]
        low, high = CHANGE_RANGE if stat in CHANGES else (lo, hi)
        cells[stat] = (
            Cell(None, row_reason)
            if row_reason and not raw.strip()
            else parse_cell(src, line, header, raw, lo=low, hi=high)
        )
    check_non_decreasing(src, line, {stat: cells[stat].value for stat in RISING})
    return cells


# Totals the tables publish beside their parts: each maps a cell to the cell holding its total.
Parent = Callable[[CellKey], CellKey | None]


def soc_parent(key: CellKey) -> CellKey | None:
    """SOC2010 codes nest by prefix: 5314 in 531 in 53 in 5 in all occupations (0)."""
    return None if key.soc == 0 else key._replace(soc=key.soc // 10 if key.soc >= 10 else 0)


def region_parent(key: CellKey) -> CellKey | None:
    return key._replace(region=0) if key.region else None


def gender_parent(key: CellKey) -> CellKey | None:
    return key._replace(gender=0) if key.gender else None


def status_parent(key: CellKey) -> CellKey | None:
    """Full-time (1) and part-time (2) employee jobs are parts of all employee jobs (4)."""
    return key._replace(status=4) if key.status in (1, 2) else None


def store(
    ctx: BuildContext,
    src: SourceFile,
    parsed: Iterable[Parsed],
    totals: tuple[tuple[str, Parent], ...] = (("SOC group", soc_parent),),
    loaded: dict[CellKey, dict[str, Cell]] | None = None,
    tables: dict[str, Table] | None = None,
    keep: Callable[[CellKey], bool] = lambda key: True,
) -> None:
    """Write parsed rows as long fact rows (one per statistic) and check the file as a whole.

    A cell published twice in one file stops the build. A cell already loaded from another
    table (`loaded`) must agree with it on every statistic both publish; only the statistics it
    adds are stored, so each fact has one row. `tables` (measure -> table) sends a classification
    other than SOC2010 to its own tables; cells `keep` turns down are checked but not stored.
    """
    first_line: dict[CellKey, int] = {}
    jobs: dict[CellKey, float] = {}
    buffers: dict[Table, list[dict]] = defaultdict(list)
    for line, key, cells, quality in parsed:
        if key in first_line:
            raise src.error(
                line,
                "each cell may be published only once",
                f"{_describe(key)} already on row {first_line[key]}",
            )
        first_line[key] = line
        published_jobs = cells[JOBS].value if JOBS in cells else None
        if published_jobs is not None:
            jobs[key] = published_jobs
        before = loaded.get(key, {}) if loaded is not None else {}
        if any(before[stat] != cell for stat, cell in cells.items() if stat in before):
            raise src.error(
                line,
                "cell differs from the same cell in another ASHE table",
                f"{_describe(key)}: {_differences(before, cells)}",
            )
        if not keep(key):
            continue
        table = (tables or {}).get(key.measure, MEASURES[key.measure][0])
        buffer = buffers[table]
        buffer += [
            {
                **key._asdict(),
                "stat": stat,
                "value": cell.value,
                "missing_reason": cell.missing_reason,
                "quality": quality if stat == "median" else None,
            }
            for stat, cell in cells.items()
            if stat not in before
        ]
        if len(buffer) >= BATCH:
            ctx.insert(table, buffer, src)
            buffer.clear()
    for table, buffer in buffers.items():
        ctx.insert(table, buffer, src)
    for what, parent in totals:
        _check_totals(src, jobs, first_line, what, parent)


def _check_totals(
    src: SourceFile, jobs: dict[CellKey, float], first_line: dict[CellKey, int], what: str, parent: Parent
) -> None:
    """The parts' jobs must not add up to more than their published total.

    Only an excess is an error: parts may be suppressed or unclassified, so a shortfall is
    normal. The tolerance is the worst case of rounding every figure to the nearest thousand:
    half a thousand for each part plus half for the total.
    """
    sums: dict[CellKey, list[float]] = defaultdict(lambda: [0.0, 0])
    for key, value in jobs.items():
        total = parent(key)
        if total is not None:
            sums[total][0] += value
            sums[total][1] += 1
    for total, (summed, parts) in sums.items():
        published = jobs.get(total)
        tolerance = ROUNDING * (parts + 1)
        if published is not None and summed > published + tolerance:
            raise src.error(
                first_line[total],
                f"jobs in the parts exceed the total ({what})",
                f"{_describe(total)}: {parts} parts sum to {summed:g} thousand, "
                f"total {published:g} + rounding tolerance {tolerance:g}",
            )


def loaded_cells(conn: Connection, measure: str, **where: object) -> dict[CellKey, dict[str, Cell]]:
    """Cells of one measure already in the database (filtered by key columns), as `store` sees them."""
    table = MEASURES[measure][0]
    query = select(table).where(
        table.c.measure == measure, *(table.c[column] == value for column, value in where.items())
    )
    cells: dict[CellKey, dict[str, Cell]] = defaultdict(dict)
    for row in conn.execute(query).mappings():
        key = CellKey(*(row[field] for field in CellKey._fields))
        cells[key][row["stat"]] = Cell(row["value"], row["missing_reason"])
    return dict(cells)


def _describe(key: CellKey) -> str:
    return (
        f"SOC {key.soc}, region {key.region}, gender {key.gender}, status {key.status}, "
        f"{key.period} {key.measure}"
    )


def _differences(old: dict[str, Cell], new: dict[str, Cell]) -> str:
    stats = sorted(set(old) & set(new))
    return "; ".join(f"{s}: {old.get(s)} vs {new.get(s)}" for s in stats if old.get(s) != new.get(s))
