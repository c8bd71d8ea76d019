"""APS Jan-Dec 2019 employment by SOC2010 unit group: one file per breakdown (sex, age band,
highest qualification, NUTS3 area, SIC2007 class), each a row per unit group and a column per
category.

Only published cells are stored. The UK total of an occupation is not: it would be male +
female, a derived sum, while the LFS 2018 file publishes totals. The sum of both sex cells is
still used as a check: no breakdown's published cells may add up to more. The file that sums
NUTS3 areas to regions is not read: it counted '*' cells as 0 and undercounts.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from importlib import resources

from sqlalchemy import select

from ...db import dimensions as d
from ...db.facts import employment
from ..context import BuildContext
from ..errors import SourceError
from ..parsing import parse_soc
from ..sources import SourceFile
from .tables import MAX_PERSONS, Column, check_total, header, long_cells, split_label

PERIOD = "2019"
FOLDER = "pay/aps2019_soc4"
# NUTS1 (the first three characters of a NUTS3 code) -> LMI for All region code.
NUTS1_REGION = {
    "UKC": 9,
    "UKD": 8,
    "UKE": 7,
    "UKF": 6,
    "UKG": 5,
    "UKH": 3,
    "UKI": 1,
    "UKJ": 2,
    "UKK": 4,
    "UKL": 10,
    "UKM": 11,
    "UKN": 12,
}
NUTS3_CODE = re.compile(r"UK[C-N][0-9][0-9A-Z]")
SIC_CLASS = re.compile(r"\d\d\.\d\d")
AGE_LABEL = re.compile(r"(\d+)-(\d+)yrs|(\d+) and over")
SIC_MAP = "sic2007_division_to_wf75.csv"


def load(ctx: BuildContext) -> None:
    totals = _by_sex(ctx)
    for name, columns_for in (
        ("age", _age_columns),
        ("highest_qual", _qualification_columns),
        ("nuts3", _area_columns),
        ("sic4", _sic_columns),
    ):
        src = ctx.source(f"{FOLDER}/aps2019_soc4_by_{name}.csv")
        columns = columns_for(ctx, src, header(src)[2:])
        ctx.insert(employment, _rows(ctx, src, columns, totals), src)


def _by_sex(ctx: BuildContext) -> dict[int, float]:
    """Store the sex cells; return male + female for each unit group where both are published."""
    src = ctx.source(f"{FOLDER}/aps2019_soc4_by_sex.csv")
    names = dict(ctx.conn.execute(select(d.gender.c.code, d.gender.c.name)).all())
    columns = []
    for label in header(src)[2:]:
        code = _int_code(src, label)
        if names.get(code) != split_label(src, label)[1] or code == 0:
            raise src.error(1, "sex column must be '1 Male' or '2 Female'", f"found {label!r}")
        columns.append(Column(label, {"gender": code}))
    rows = list(_rows(ctx, src, columns, {}))
    ctx.insert(employment, rows, src)
    by_soc: dict[int, list[float | None]] = {}
    for row in rows:
        by_soc.setdefault(row["soc"], []).append(row["value"])
    return {soc: sum(x for x in v if x is not None) for soc, v in by_soc.items() if None not in v}


def _rows(
    ctx: BuildContext, src: SourceFile, columns: list[Column], totals: dict[int, float]
) -> Iterator[dict]:
    """Long fact rows from a wide file: every unit group once, its published cells adding up
    to no more than its male + female total (each cell is rounded, hence one person per cell)."""
    seen: set[int] = set()
    for line, rec in src.records():
        soc = parse_soc(src, line, "soc2010", rec["soc2010"], ctx.soc_units)
        if soc in seen:
            raise src.error(line, "each unit group must appear once", str(soc))
        seen.add(soc)
        cells = long_cells(src, line, rec, columns, hi=MAX_PERSONS)
        check_total(
            src,
            line,
            "breakdown of a unit group's employment (male + female)",
            [c["value"] for c in cells],
            totals.get(soc),
            over=len(cells),
        )
        for cell in cells:
            yield {"soc": soc, "period": PERIOD, **cell}
    missing = ctx.soc_units - seen
    if missing:
        raise src.error(None, "every unit group must have a row", f"missing {sorted(missing)[:5]}")


def _int_code(src: SourceFile, label: str) -> int:
    code = split_label(src, label)[0]
    if not code.isdigit():
        raise src.error(1, "column header must start with a numeric category code", f"found {label!r}")
    return int(code)


def _age_columns(ctx: BuildContext, src: SourceFile, labels: list[str]) -> list[Column]:
    """'4 16-19yrs' -> age band 4, whose ages in the dimension must be 16-19."""
    bands = {
        c: (lo, hi)
        for c, lo, hi in ctx.conn.execute(
            select(d.age_band.c.code, d.age_band.c.age_min, d.age_band.c.age_max)
        )
    }
    columns = []
    for label in labels:
        code = _int_code(src, label)
        match = AGE_LABEL.fullmatch(split_label(src, label)[1])
        ages = (
            None if match is None else ((int(match[1]), int(match[2])) if match[1] else (int(match[3]), None))
        )
        if code == 0 or ages is None or bands.get(code) != ages:
            raise src.error(
                1, "age column must be an APS age band in the age_band dimension", f"found {label!r}"
            )
        columns.append(Column(label, {"age_band": code}))
    return columns


def _qualification_columns(ctx: BuildContext, src: SourceFile, labels: list[str]) -> list[Column]:
    """'1 Degree or equivalent' -> qualification 301 (the aps2019 scheme, same names)."""
    names = dict(
        ctx.conn.execute(
            select(d.qualification.c.code, d.qualification.c.name).where(
                d.qualification.c.scheme == "aps2019"
            )
        ).all()
    )
    columns = []
    for label in labels:
        code = 300 + _int_code(src, label)
        if names.get(code) != split_label(src, label)[1]:
            raise src.error(
                1,
                "qualification column must be an APS 2019 category in the qualification dimension",
                f"found {label!r}",
            )
        columns.append(Column(label, {"qualification": code}))
    return columns


def _area_columns(ctx: BuildContext, src: SourceFile, labels: list[str]) -> list[Column]:
    """'UKC11 Hartlepool and Stockton-on-Tees' -> a row of the area dimension, in the region
    its NUTS1 prefix names; cells are stored under both the area and its region."""
    areas: dict[str, dict] = {}
    for label in labels:
        code, name = split_label(src, label)
        if not NUTS3_CODE.fullmatch(code) or code in areas:
            raise src.error(
                1, "area column must start with a NUTS3 code (UKC11 ... UKN16), once", f"found {label!r}"
            )
        areas[code] = {"code": code, "name": name, "region": NUTS1_REGION[code[:3]]}
    ctx.insert(d.area, list(areas.values()))
    return [
        Column(label, {"area": a["code"], "region": a["region"]}) for label, a in zip(labels, areas.values())
    ]


def _sic_columns(ctx: BuildContext, src: SourceFile, labels: list[str]) -> list[Column]:
    """'111 01.11 Growing of cereals' -> SIC2007 class '01.11', filed under the Working Futures
    industry its division maps to (etl/data/sic2007_division_to_wf75.csv)."""
    to_wf75 = division_to_wf75()
    classes: dict[str, dict] = {}
    for label in labels:
        number, rest = split_label(src, label)
        sic, _, name = rest.partition(" ")
        if (
            not (
                SIC_CLASS.fullmatch(sic)
                and number.isdigit()
                and int(number) == int(sic.replace(".", ""))
                and name.strip()
            )
            or sic in classes
        ):
            raise src.error(
                1, "industry column must be '<n> <SIC2007 class nn.nn> <name>', once", f"found {label!r}"
            )
        if sic[:2] not in to_wf75:
            raise src.error(
                1,
                f"SIC2007 division has no Working Futures industry in {SIC_MAP}",
                f"division {sic[:2]} in {label!r}",
            )
        classes[sic] = {"code": sic, "name": name.strip(), "industry": to_wf75[sic[:2]]}
    ctx.insert(d.sic_industry, list(classes.values()))
    return [
        Column(label, {"sic": c["code"], "industry": c["industry"]})
        for label, c in zip(labels, classes.values())
    ]


def division_to_wf75() -> dict[str, int]:
    """The reviewed SIC2007 division -> WF75 mapping shipped with the code (comment lines '#')."""
    text = resources.files("lmi_backend.etl").joinpath("data").joinpath(SIC_MAP).read_text("utf-8")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
    mapping: dict[str, int] = {}
    rows = csv.DictReader((line for _, line in lines))
    for (n, _), rec in zip(lines[1:], rows):
        division, code = rec["division"], rec["ind75_code"]
        if not (
            len(division) == 2
            and division.isdigit()
            and code.isdigit()
            and 1 <= int(code) <= 75
            and division not in mapping
        ):
            raise SourceError(
                f"lmi_backend/etl/data/{SIC_MAP}",
                n,
                "division must be two digits, once, mapped to an industry 1-75",
            )
        mapping[division] = int(code)
    return mapping
