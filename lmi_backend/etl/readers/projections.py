"""Skills Imperative 2035 (Warwick IER / Cambridge Econometrics, the successor of Working
Futures): England employment 2010-2035 and 2020-2035 change and replacement demand, in
thousands, by SOC2020 major and sub-major group and by the 22 Working Futures industries.

Projections are kept in SOC2020, their published classification; the soc2010_soc2020 crosswalk
links them to SOC2010 unit groups. Each figure is stored once:
- employment for all persons from the 2010-2035 time series (majors, sub-majors and total);
- employment for men and women, and net change, replacement demand and total requirement for
  all three, from the levels file. Its all-persons employment repeats the time series, so it is
  checked equal to it and not stored twice.
The misc/working_futures copy by sub-major group repeats the levels file's all-persons rows
figure for figure, so it is not read.
Every figure is printed to 0.001 thousand; sums and differences are checked within that
rounding (half a unit per figure involved).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from ...db.dimensions import industry, period
from ...db.facts import industry_projection, projection, soc2020_group
from ..context import BuildContext
from ..parsing import parse_int
from ..sources import SourceFile
from .tables import Column, check_change, check_total, header, long_cells

FOLDER = "pay/skills_imperative_2035"
GROUPS_FILE = "misc/working_futures/working_futures_occupations_soc2020_26_9.csv"
INDUSTRY_FILE = "misc/working_futures/skills_imperative_2035_england_employment_by_22_industries.csv"
SERIES_FILE = f"{FOLDER}/si2035_england_employment_timeseries_2010_2035.csv"
LEVELS_FILE = f"{FOLDER}/si2035_england_soc2020_submajor_levels_change_replacement_demand.csv"
ALL = (0, "All occupations")
GENDERS = {"All": 0, "Male": 1, "Female": 2}
CHANGE = "2020-2035"
CHANGE_MEASURES = {
    "net_change": "net_change_2020_2035_000s",
    "replacement_demand": "replacement_demand_2020_2035_000s",
    "total_requirement": "total_requirement_2020_2035_000s",
}
LEVEL_YEARS = ("2015", "2019", "2020", "2025", "2035")
HALF_UNIT = 0.0005  # thousands, printed to three decimals
MAX_THOUSANDS = 40_000  # more than England's employment: a unit slip (people, not thousands)


def load(ctx: BuildContext) -> None:
    titles = _groups(ctx)
    series = _series(ctx, titles)
    _levels(ctx, titles, series)
    _industries(ctx)


def _groups(ctx: BuildContext) -> dict[int, str]:
    """SOC2020 major (level 1) and sub-major (level 2) groups, and code 0 for the total."""
    src = ctx.source(GROUPS_FILE)
    majors: dict[int, str] = {}
    subs: list[dict] = []
    for line, rec in src.records():
        sub = parse_int(src, line, "soc2020_submajor_code", rec["soc2020_submajor_code"], lo=11, hi=99)
        major = parse_int(src, line, "major_code", rec["major_code"], lo=1, hi=9)
        if sub // 10 != major or majors.get(major, rec["major_name"]) != rec["major_name"]:
            raise src.error(
                line,
                "sub-major group must sit in the major group its first digit names, under one major name",
                f"{sub} in {major}",
            )
        majors[major] = rec["major_name"]
        subs.append({"code": sub, "level": 2, "parent": major, "title": rec["submajor_name"]})
    rows = [{"code": ALL[0], "level": 0, "parent": None, "title": ALL[1]}]
    rows += [{"code": c, "level": 1, "parent": None, "title": t} for c, t in sorted(majors.items())]
    ctx.insert(soc2020_group, rows + subs, src)
    return {r["code"]: r["title"] for r in rows + subs}


def _group_code(
    src: SourceFile, line: int, raw: str, title: str, titles: dict[int, str], by_title: bool
) -> int:
    """A sub-major code (or ALL/blank with a major or total title) whose title must match the
    classification: a shifted column or a renamed group stops the build."""
    raw = raw.strip()
    if raw.isdigit():
        code = int(raw)
    elif raw in ("", "ALL") and by_title:
        code = next((c for c, t in titles.items() if c < 10 and t == title.strip()), -1)
    else:
        code = -1
    if titles.get(code) != title.strip():
        raise src.error(
            line,
            "SOC2020 group and title must match the Working Futures classification",
            f"found {raw!r} {title!r}",
        )
    return code


def _periods(ctx: BuildContext, src: SourceFile, years: Sequence[str]) -> None:
    known = set(ctx.conn.execute(select(period.c.code)).scalars())
    unknown = [y for y in years if y not in known]
    if unknown:
        raise src.error(1, "year columns must be periods in the period dimension", f"{unknown}")


def _series(ctx: BuildContext, titles: dict[int, str]) -> dict[tuple[int, str], float | None]:
    """All-persons employment for every year; sub-majors add up to majors, majors to the total."""
    src = ctx.source(SERIES_FILE)
    years = [h[4:8] for h in header(src) if h.startswith("emp_")]
    _periods(ctx, src, years)
    columns = [Column(f"emp_{y}_000s", {"period": y}) for y in years]
    rows: list[dict] = []
    lines: dict[int, int] = {}
    for line, rec in src.records():
        code = _group_code(
            src,
            line,
            rec["soc2020_submajor"],
            rec["title"],
            titles,
            by_title=rec["level"] == "major_or_total",
        )
        if code in lines:
            raise src.error(line, "each group must appear once", f"also on row {lines[code]}")
        lines[code] = line
        rows += [
            {"soc2020": code, "gender": 0, "measure": "employment", **cell}
            for cell in long_cells(src, line, rec, columns, hi=MAX_THOUSANDS)
        ]
    if set(lines) != set(titles):
        raise src.error(
            None, "every SOC2020 group must have a row", f"missing {sorted(set(titles) - set(lines))}"
        )
    series = {(r["soc2020"], r["period"]): r["value"] for r in rows}
    parents = {c: (c // 10 if c >= 10 else 0) for c in titles if c}
    for y in years:
        for parent in set(parents.values()):
            kids = [series[(c, y)] for c, p in parents.items() if p == parent]
            slack = HALF_UNIT * (len(kids) + 1)
            check_total(
                src,
                lines[parent],
                f"{y} employment of the groups inside SOC2020 {parent}",
                kids,
                series[(parent, y)],
                over=slack,
                under=slack,
            )
    ctx.insert(projection, rows, src)
    return series


def _levels(ctx: BuildContext, titles: dict[int, str], series: dict[tuple[int, str], float | None]) -> None:
    """Men and women, and change to 2035 for all three: net change = 2035 - 2020 employment,
    total requirement = net change + replacement demand, men + women = all persons."""
    src = ctx.source(LEVELS_FILE)
    # employment and replacement demand cannot be negative; net change and total requirement can
    change = {m: Column(h, {"measure": m, "period": CHANGE}) for m, h in CHANGE_MEASURES.items()}
    counts = [Column(f"emp_{y}_000s", {"measure": "employment", "period": y}) for y in LEVEL_YEARS]
    counts.append(change["replacement_demand"])
    signed = [change["net_change"], change["total_requirement"]]
    figures: dict[tuple[int, int], tuple[int, dict[tuple[str, str], float | None]]] = {}
    rows: list[dict] = []
    for line, rec in src.records():
        gender = GENDERS.get(rec["gender"].strip())
        if gender is None:
            raise src.error(line, "gender must be All, Male or Female", f"found {rec['gender']!r}")
        code = _group_code(src, line, rec["soc2020_submajor"], rec["title"], titles, by_title=True)
        if (gender, code) in figures or 0 < code < 10:
            raise src.error(line, "each gender and sub-major group (or ALL) must appear once", str(code))
        cells = long_cells(src, line, rec, counts, hi=MAX_THOUSANDS) + long_cells(
            src, line, rec, signed, lo=-MAX_THOUSANDS, hi=MAX_THOUSANDS
        )
        got = {(c["measure"], c["period"]): c["value"] for c in cells}
        figures[(gender, code)] = (line, got)
        _check_change(src, line, got)
        if gender == 0:
            for y in LEVEL_YEARS:
                check_total(
                    src,
                    line,
                    f"{y} employment against the time series",
                    [got[("employment", y)]],
                    series.get((code, y)),
                    over=2 * HALF_UNIT,
                    under=2 * HALF_UNIT,
                )
        rows += [
            {"soc2020": code, "gender": gender, **c}
            for c in cells
            if gender != 0 or c["measure"] != "employment"
        ]
    _check_sexes(src, figures)
    ctx.insert(projection, rows, src)


def _check_change(src: SourceFile, line: int, got: dict[tuple[str, str], float | None]) -> None:
    net, rd, tr = (got[(m, CHANGE)] for m in CHANGE_MEASURES)
    employment = (got[("employment", "2020")], got[("employment", "2035")])
    check_change(src, line, ("2020", "2035"), employment, net, rd, tr, half_unit=HALF_UNIT)


def _check_sexes(src: SourceFile, figures: dict[tuple[int, int], tuple[int, dict]]) -> None:
    """Men + women = all persons, for every figure; errors name the all-persons row."""
    by_code: dict[int, dict[int, tuple[int, dict]]] = defaultdict(dict)
    for (gender, code), found in figures.items():
        by_code[code][gender] = found
    for code, genders in by_code.items():
        if set(genders) != {0, 1, 2}:
            raise src.error(None, "every group needs All, Male and Female rows", f"SOC2020 {code}")
        line, everyone = genders[0]
        for key, total in everyone.items():
            parts = [genders[1][1][key], genders[2][1][key]]
            if None not in parts:
                check_total(
                    src,
                    line,
                    f"men + women against all persons ({key[0]} {key[1]})",
                    parts,
                    total,
                    over=3 * HALF_UNIT,
                    under=3 * HALF_UNIT,
                )


def _industries(ctx: BuildContext) -> None:
    """Employment by the 22 Working Futures industry groups (codes 101-122)."""
    src = ctx.source(INDUSTRY_FILE)
    names = dict(
        ctx.conn.execute(select(industry.c.code, industry.c.name).where(industry.c.level == 22)).all()
    )
    columns = [Column(f"emp{y}_k", {"period": y}) for y in LEVEL_YEARS]
    _periods(ctx, src, LEVEL_YEARS)

    def rows():
        seen: set[int] = set()
        for line, rec in src.records():
            code = 100 + parse_int(src, line, "ind22_code", rec["ind22_code"], lo=1, hi=22)
            if names.get(code) != rec["ind22_name"].strip() or code in seen:
                raise src.error(
                    line,
                    "industry group must match its Working Futures 22-group name, once",
                    f"found {rec['ind22_code']!r} {rec['ind22_name']!r}",
                )
            seen.add(code)
            for cell in long_cells(src, line, rec, columns, hi=MAX_THOUSANDS):
                yield {"industry": code, "measure": "employment", **cell}

    ctx.insert(industry_projection, rows(), src)
