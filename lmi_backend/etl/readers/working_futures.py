"""Working Futures 2017-2027 (Warwick IER / Cambridge Econometrics for DfE): UK employment
projections in thousands of jobs by SOC2010 major and sub-major group, the projections LMI for
All served.

- employment every year 2007-2027 (all persons; sheet Occ F2);
- levels 2007/12/17/22/27 by sex, with net change, replacement demand and total requirement
  2017-2027 (Occ T1/T2); by nine RQF qualification levels for sub-major groups (Basic T2);
- major groups by status and sex (Occ T5), and the 75 industries by major group and sex, and
  by status (Ind Occ T1/T2), for 2007, 2017 and 2027.

Each figure is stored once: a total that repeats another file's figure (all-persons employment
in the levels file, the "total" status, "All industries") is checked against it and not stored
again. Figures are printed to 0.001 thousand, so sums are checked within half a unit per figure
involved. The workbook has no regional or 4-digit figures; unit groups get theirs by fixed
shares in lmi_backend/estimates/working_futures.py.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import select

from ...db.dimensions import industry, qualification, soc_group
from ...db.facts import wf_projection
from ..context import BuildContext
from ..parsing import parse_cell
from ..sources import SourceFile
from .tables import check_change, check_total

FOLDER = "working_futures_2017_2027"
SERIES_FILE = f"{FOLDER}/wf7_uk_employment_by_occupation_annual_2007_2027.csv"
LEVELS_FILE = f"{FOLDER}/wf7_uk_occupation_levels_change_replacement_demand_by_sex.csv"
QUALIFICATION_FILE = f"{FOLDER}/wf7_uk_occupation_by_qualification_rqf.csv"
STATUS_FILE = f"{FOLDER}/wf7_uk_major_group_by_status_and_sex.csv"
INDUSTRY_SEX_FILE = f"{FOLDER}/wf7_uk_industry75_by_major_group_and_sex.csv"
INDUSTRY_STATUS_FILE = f"{FOLDER}/wf7_uk_industry75_by_major_group_and_status.csv"

YEARS = tuple(str(y) for y in range(2007, 2028))
LEVEL_YEARS = ("2007", "2012", "2017", "2022", "2027")
SNAPSHOT_YEARS = ("2007", "2017", "2027")
BASE_YEAR, END_YEAR = "2017", "2027"
CHANGE = f"{BASE_YEAR}-{END_YEAR}"
CHANGE_MEASURES = {
    "net_change": "net_change_2017_2027_000s",
    "replacement_demand": "replacement_demand_2017_2027_000s",
    "total_requirement": "total_requirement_2017_2027_000s",
}
SEXES = {"all": 0, "total": 0, "male": 1, "female": 2}
STATUSES = {"total": 0, "full_time_employees": 1, "part_time_employees": 2, "self_employed": 3}
LEVEL_DIGITS = {"all": 0, "major": 1, "sub_major": 2}
ALL_CODE, ALL_TITLE, ALL_INDUSTRIES = "ALL", "All occupations", "All industries"
HALF_UNIT = 0.0005  # thousands, printed to three decimals
MAX_THOUSANDS = 40_000  # more than UK employment: a unit slip (people, not thousands)


class Key(NamedTuple):
    soc: int
    gender: int = 0
    status: int = 0
    qualification: int = 0
    industry: int = 0
    period: str = ""
    measure: str = "employment"


Figures = dict[Key, float | None]


class Reader:
    """The six files in turn; `figures` holds every figure read so far, for the checks."""

    def __init__(self, ctx: BuildContext):
        self.ctx = ctx
        self.figures: Figures = {}
        self.titles = {
            code: _plain(title)
            for code, title in ctx.conn.execute(
                select(soc_group.c.code, soc_group.c.title).where(soc_group.c.level <= 2)
            )
        }
        self.titles[0] = _plain(ALL_TITLE)
        self.industries = {
            name: code
            for code, name in ctx.conn.execute(
                select(industry.c.code, industry.c.name).where(industry.c.level == 75)
            )
        }
        self.industries[ALL_INDUSTRIES] = 0
        # RQF labels as the workbook prints them ("RQF8 Doctorate") are the bracketed part of
        # the qualification dimension's names ("Doctorate (RQF8 Doctorate)")
        self.qualifications = {
            name[name.index("(") + 1 : -1]: code
            for code, name in ctx.conn.execute(
                select(qualification.c.code, qualification.c.name).where(qualification.c.scheme == "rqf9")
            )
        }

    def group(self, src: SourceFile, line: int, code: str, level: str | None, title: str) -> int:
        """A major or sub-major SOC2010 group (or ALL) whose level and title match the SOC dimension."""
        code = code.strip()
        soc = 0 if code == ALL_CODE else int(code) if code.isdigit() else -1
        digits = len(str(soc)) if soc else 0
        # the workbook shortens some major-group titles ("Sales and customer service")
        if (
            _plain(title) not in {self.titles.get(soc), self.titles.get(soc, "").removesuffix("occupations")}
            or digits > 2
            or (level is not None and LEVEL_DIGITS.get(level) != digits)
        ):
            raise src.error(
                line,
                "soc2010_code must be a SOC2010 major or sub-major group (or ALL) with its level and title",
                f"found {code!r} {level!r} {title!r}",
            )
        return soc

    def choice(self, src: SourceFile, line: int, column: str, raw: str, allowed: dict) -> int:
        if raw.strip() not in allowed:
            raise src.error(line, f"column '{column}' must be one of {', '.join(allowed)}", f"found {raw!r}")
        return allowed[raw.strip()]

    def year(self, src: SourceFile, line: int, raw: str, years: tuple[str, ...]) -> str:
        if raw.strip() not in years:
            raise src.error(
                line, f"year must be one of {years[0]}-{years[-1]} the file covers", f"found {raw!r}"
            )
        return raw.strip()

    def value(self, src: SourceFile, line: int, column: str, raw: str, signed: bool = False) -> float | None:
        low = -MAX_THOUSANDS if signed else 0
        return parse_cell(src, line, column, raw, lo=low, hi=MAX_THOUSANDS).value

    def add(self, src: SourceFile, line: int, key: Key, value: float | None, seen: dict[Key, int]) -> None:
        if key in seen:
            raise src.error(line, "each figure may be published only once", f"{key} also on row {seen[key]}")
        seen[key] = line
        self.figures[key] = value

    def same(self, src: SourceFile, line: int | None, what: str, value: float | None, key: Key) -> None:
        """A figure repeated from another file must equal it (within rounding)."""
        check_total(src, line, what, [value], self.figures.get(key), over=2 * HALF_UNIT, under=2 * HALF_UNIT)

    def sums(self, src: SourceFile, lines: dict[Key, int], what: str, part_of) -> None:
        """Parts (keys mapped by `part_of` to their total's key) must add up to their total."""
        parts: dict[Key, list[float | None]] = defaultdict(list)
        for key in lines:
            total = part_of(key)
            if total is not None:
                parts[total].append(self.figures[key])
        for total, values in parts.items():
            slack = HALF_UNIT * (len(values) + 1)
            check_total(
                src,
                lines.get(total),
                f"{what} ({total})",
                values,
                self.figures.get(total),
                over=slack,
                under=slack,
            )

    def insert(self, src: SourceFile, keys) -> None:
        self.ctx.insert(
            wf_projection,
            (
                {
                    **key._asdict(),
                    "value": self.figures[key],
                    "missing_reason": None if self.figures[key] is not None else "blank: not published",
                }
                for key in keys
            ),
            src,
        )


def load(ctx: BuildContext) -> None:
    reader = Reader(ctx)
    _series(reader)
    _levels(reader)
    _qualifications(reader)
    _status(reader)
    _industries(reader, INDUSTRY_SEX_FILE, "sex", SEXES)
    _industries(reader, INDUSTRY_STATUS_FILE, "status", STATUSES)


def _plain(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalnum())


def _series(r: Reader) -> None:
    """All-persons employment every year; sub-majors add up to majors and majors to the total."""
    src = r.ctx.source(SERIES_FILE)
    lines: dict[Key, int] = {}
    for line, rec in src.records():
        soc = r.group(src, line, rec["soc2010_code"], rec["soc_level"], rec["title"])
        year = r.year(src, line, rec["year"], YEARS)
        r.add(
            src,
            line,
            Key(soc, period=year),
            r.value(src, line, "employment_000s", rec["employment_000s"]),
            lines,
        )
    groups = {k.soc for k in lines}
    missing = [(g, y) for g in groups for y in YEARS if Key(g, period=y) not in lines]
    if missing or len(groups) != 35:
        raise src.error(
            None, "every group (9 major, 25 sub-major, ALL) needs every year", f"missing {missing[:3]}"
        )
    r.sums(src, lines, "employment of the groups inside a group", _soc_total)
    r.insert(src, lines)


def _sex_total(key: Key) -> Key | None:
    return key._replace(gender=0) if key.gender else None


def _status_total(key: Key) -> Key | None:
    return key._replace(status=0) if key.status else None


def _soc_total(key: Key) -> Key | None:
    return None if key.soc == 0 else key._replace(soc=key.soc // 10 if key.soc >= 10 else 0)


def _change_columns(r: Reader, src: SourceFile, line: int, rec: dict[str, str]) -> dict[Key, float | None]:
    """Employment in the level years and the 2017-2027 change figures of one row, keyed by
    (period, measure) on an otherwise empty key."""
    got = {Key(0, period=y): r.value(src, line, f"emp_{y}_000s", rec[f"emp_{y}_000s"]) for y in LEVEL_YEARS}
    for measure, header in CHANGE_MEASURES.items():
        got[Key(0, period=CHANGE, measure=measure)] = r.value(
            src, line, header, rec[header], signed=measure != "replacement_demand"
        )
    net, rd, tr = (got[Key(0, period=CHANGE, measure=m)] for m in CHANGE_MEASURES)
    employment = (got[Key(0, period=BASE_YEAR)], got[Key(0, period=END_YEAR)])
    check_change(src, line, (BASE_YEAR, END_YEAR), employment, net, rd, tr, half_unit=HALF_UNIT)
    return got


def _levels(r: Reader) -> None:
    """By sex: all-persons employment repeats the yearly series (checked, not stored); men +
    women = all persons for every figure."""
    src = r.ctx.source(LEVELS_FILE)
    lines: dict[Key, int] = {}
    stored: list[Key] = []
    for line, rec in src.records():
        soc = r.group(src, line, rec["soc2010_code"], rec["soc_level"], rec["title"])
        gender = r.choice(src, line, "sex", rec["sex"], {"all": 0, "male": 1, "female": 2})
        for blank, value in _change_columns(r, src, line, rec).items():
            key = blank._replace(soc=soc, gender=gender)
            if gender == 0 and key.measure == "employment":
                r.same(src, line, f"{key.period} employment against the yearly series", value, key)
                continue
            r.add(src, line, key, value, lines)
            stored.append(key)
    by_sex = {k: v for k, v in lines.items() if k.gender}
    r.sums(src, by_sex, "men + women against all persons", lambda k: k._replace(gender=0))
    r.insert(src, stored)


def _qualifications(r: Reader) -> None:
    src = r.ctx.source(QUALIFICATION_FILE)
    lines: dict[Key, int] = {}
    for line, rec in src.records():
        soc = r.group(src, line, rec["soc2010_code"], rec["soc_level"], rec["title"])
        qual = r.choice(src, line, "qualification", rec["qualification"], r.qualifications)
        for blank, value in _change_columns(r, src, line, rec).items():
            r.add(src, line, blank._replace(soc=soc, qualification=qual), value, lines)
    r.sums(
        src, lines, "the nine qualification levels against all persons", lambda k: k._replace(qualification=0)
    )
    r.insert(src, lines)


def _status(r: Reader) -> None:
    """Major groups by status and sex: the "total" status repeats the levels (checked)."""
    src = r.ctx.source(STATUS_FILE)
    lines: dict[Key, int] = {}
    for line, rec in src.records():
        soc = r.group(src, line, rec["soc2010_code"], rec["soc_level"], rec["title"])
        gender = r.choice(src, line, "sex", rec["sex"], {"all": 0, "male": 1, "female": 2})
        status = r.choice(src, line, "status", rec["status"], STATUSES)
        key = Key(soc, gender, status, period=r.year(src, line, rec["year"], SNAPSHOT_YEARS))
        value = r.value(src, line, "employment_000s", rec["employment_000s"])
        if status == 0:
            r.same(src, line, "total employment against the levels", value, key)
            continue
        r.add(src, line, key, value, lines)
    r.sums(src, lines, "the statuses against all employment", lambda k: k._replace(status=0))
    r.insert(src, lines)


def _industries(r: Reader, path: str, column: str, codes: dict[str, int]) -> None:
    """75 industries by major group: the "All industries" rows and the "total" status repeat
    figures already read (checked); the industries add up to All industries."""
    src = r.ctx.source(path)
    lines: dict[Key, int] = {}
    for line, rec in src.records():
        soc = r.group(src, line, rec["soc2010_major"], None, rec["title"])
        if soc >= 10:
            raise src.error(line, "soc2010_major must be a major group or ALL", f"found {soc}")
        ind = r.choice(src, line, "industry", rec["industry"], r.industries)
        split = r.choice(src, line, column, rec[column], codes)
        year = r.year(src, line, rec["year"], SNAPSHOT_YEARS)
        key = (
            Key(soc, gender=split, industry=ind, period=year)
            if column == "sex"
            else Key(soc, status=split, industry=ind, period=year)
        )
        value = r.value(src, line, "employment_000s", rec["employment_000s"])
        if ind == 0 or (column == "status" and split == 0):
            r.same(src, line, f"{rec['industry']} {rec[column]} against the figure already read", value, key)
            continue
        r.add(src, line, key, value, lines)
    r.sums(src, lines, "the 75 industries against all industries", lambda k: k._replace(industry=0))
    r.sums(
        src, lines, f"the {column} parts against the total", _sex_total if column == "sex" else _status_total
    )
    r.insert(src, lines)
