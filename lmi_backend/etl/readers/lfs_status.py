"""LFS Apr-Jun 2018 employment by status, SOC2010 group and sex (ONS EMP16-style table): the
source of "how many are part-time / self-employed" per occupation.

The file publishes every level (total, major, minor, unit groups) for people, men and women,
so its totals are checked against their parts before anything is stored:
- unit groups add up to their minor group, minor groups to their major group, and men plus
  women to people, within rounding (one person per figure: the weighted counts are printed as
  whole numbers, and the real file agrees exactly);
- the all-occupations total may exceed the sum of the major groups by up to TOTAL_UNCODED
  (0.5%): it also counts people whose occupation was not recorded (0.1-0.3% in this file);
- full-time plus part-time may fall short of the status total by up to UNSTATED_HOURS (5%), for
  people who gave no full/part-time answer (at most 3.3% in this file), but never exceed it.
Self-employed full/part-time have no status code; they are checked but not stored.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from ...db.facts import employment
from ..context import BuildContext
from ..parsing import parse_soc
from ..sources import SourceFile
from .tables import MAX_PERSONS, Column, check_total, long_cells

FILE = (
    "more/lfs_employment_by_status_soc2010_4digit_2018q2/lfs_2018q2_employment_by_status_x_soc2010_long.csv"
)
PERIOD = "2018Q2"
SEXES = {"people": 0, "men": 1, "women": 2}
STATUSES = {
    "total_in_employment": 0,
    "employees_ft": 1,
    "employees_pt": 2,
    "selfemployed_total": 3,
    "employees_total": 4,
}
CHECKED_ONLY = ("selfemployed_ft", "selfemployed_pt")
FT_PT_TOTALS = (
    ("employees_ft", "employees_pt", "employees_total"),
    ("selfemployed_ft", "selfemployed_pt", "selfemployed_total"),
)
TOTAL_UNCODED = 0.005
UNSTATED_HOURS = 0.05
ROUNDING = 1  # persons per published figure
PARENT_DIGITS = {4: 3, 3: 1, 1: 0}  # the levels the table publishes; code 0 is the total


class Record(NamedTuple):
    line: int
    sex: int
    soc: int
    digits: int
    values: dict[str, float | None]  # source column -> value (None when suppressed)
    cells: list[dict]


def load(ctx: BuildContext) -> None:
    src = ctx.source(FILE)
    columns = [Column(name, {"status": STATUSES.get(name)}) for name in (*STATUSES, *CHECKED_ONLY)]
    records: dict[tuple[int, int], Record] = {}
    for line, rec in src.records():
        record = _record(ctx, src, line, rec, columns)
        if (record.sex, record.soc) in records:
            raise src.error(line, "each sex and SOC group must appear once", f"{rec['sex']} {record.soc}")
        records[(record.sex, record.soc)] = record
    groups = {soc for _, soc in records}
    for sex in SEXES.values():
        missing = (ctx.soc_units | groups) - {soc for s, soc in records if s == sex}
        if missing:
            raise src.error(
                None,
                "every unit group, and every group published for one sex, must have a row for each sex",
                f"sex {sex}: missing {sorted(missing)[:5]}",
            )
    _check(src, records)
    ctx.insert(
        employment,
        (
            {"soc": r.soc, "gender": r.sex, "period": PERIOD, **cell}
            for r in records.values()
            for cell in r.cells
            if cell["status"] is not None
        ),
        src,
    )


def _record(
    ctx: BuildContext, src: SourceFile, line: int, rec: dict[str, str], columns: list[Column]
) -> Record:
    sex = SEXES.get(rec["sex"].strip())
    if sex is None:
        raise src.error(line, "sex must be people, men or women", f"found {rec['sex']!r}")
    raw, digits = rec["soc2010_code"].strip(), rec["digits"].strip()
    if raw == "ALL" and digits == "0":
        soc = 0
    elif digits in ("1", "3", "4") and len(raw) == int(digits):
        soc = parse_soc(src, line, "soc2010_code", raw, ctx.soc_codes)
    else:
        raise src.error(
            line,
            "SOC code must have as many digits as the 'digits' column says",
            f"{raw!r} with digits {digits!r}",
        )
    cells = long_cells(src, line, rec, columns, hi=MAX_PERSONS)
    values = {col.header: cell["value"] for col, cell in zip(columns, cells)}
    return Record(line, sex, soc, int(digits), values, cells)


def _parent(record: Record) -> int | None:
    """The group one published level up: unit -> minor -> major -> all (there is no sub-major)."""
    parent_digits = PARENT_DIGITS.get(record.digits)
    if parent_digits is None:
        return None
    return record.soc // 10 ** (record.digits - parent_digits)


def _check(src: SourceFile, records: dict[tuple[int, int], Record]) -> None:
    """The published totals against their parts, as the module docstring lists; an error names
    the row of the total that does not add up."""
    children: dict[tuple[int, int], list[Record]] = defaultdict(list)
    for r in records.values():
        parent = _parent(r)
        if parent is not None:
            if (r.sex, parent) not in records:
                raise src.error(r.line, "the group one level up must be published too", str(parent))
            children[(r.sex, parent)].append(r)
    for key, kids in children.items():
        group = records[key]
        for column, group_total in group.values.items():
            parts = [k.values[column] for k in kids]
            slack = ROUNDING * (len(parts) + 1)
            uncoded = TOTAL_UNCODED * group_total if group.soc == 0 and group_total is not None else 0
            under = slack + uncoded
            check_total(
                src,
                group.line,
                f"'{column}' of the groups inside SOC {group.soc}",
                parts,
                group_total,
                over=slack,
                under=under,
            )
    for r in records.values():
        for ft, pt, total in FT_PT_TOTALS:
            t = r.values[total]
            check_total(
                src,
                r.line,
                f"'{ft}' + '{pt}' against '{total}'",
                [r.values[ft], r.values[pt]],
                t,
                over=3 * ROUNDING,
                under=None if t is None else 3 * ROUNDING + UNSTATED_HOURS * t,
            )
        if r.sex == 0:
            for column, people in r.values.items():
                check_total(
                    src,
                    r.line,
                    f"'{column}' of men + women against people",
                    [records[(s, r.soc)].values[column] for s in (1, 2)],
                    people,
                    over=3 * ROUNDING,
                    under=3 * ROUNDING,
                )
