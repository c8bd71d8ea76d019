"""Code lists: regions, genders, statuses, qualifications, industries, age bands and periods.

Region and qualification codes are LMI for All's; the Working Futures files give the industry
(75 -> 22 -> 6) and qualification (RQF 9 -> 6) hierarchies. Small fixed lists with no source
file (gender, status, age bands, periods) are written here.
"""

from __future__ import annotations

from ...db import dimensions as d
from ..context import BuildContext
from ..parsing import parse_int

NATIONS = {10: "Wales", 11: "Scotland", 12: "Northern Ireland"}

GENDERS = [(0, "All"), (1, "Male"), (2, "Female")]
STATUSES = [
    (0, "All in employment"),
    (1, "Full-time employees"),
    (2, "Part-time employees"),
    (3, "Self-employed"),
    (4, "All employees"),
]
# APS age bands, keyed by the band codes the APS 2019 tables print ("4 16-19yrs" ...).
AGE_BANDS = [
    (0, "All ages", 16, None),
    (4, "16-19", 16, 19),
    (5, "20-24", 20, 24),
    (6, "25-29", 25, 29),
    (7, "30-34", 30, 34),
    (8, "35-39", 35, 39),
    (9, "40-44", 40, 44),
    (10, "45-49", 45, 49),
    (11, "50-54", 50, 54),
    (12, "55-59", 55, 59),
    (13, "60-64", 60, 64),
    (14, "65-69", 65, 69),
    (15, "70 and over", 70, None),
]
PERIODS = [
    ("2011", "2011 (ASHE revised)", 2011),
    ("2015", "2015", 2015),
    ("2017", "2017", 2017),
    ("2018", "2018", 2018),
    ("2018Q2", "April-June 2018", 2018),
    ("2019", "2019", 2019),
    ("2020", "2020", 2020),
    ("2021", "2021", 2021),
    ("2022", "2022", 2022),
    ("2025", "2025", 2025),
    ("2035", "2035", 2035),
    ("2020-2035", "2020 to 2035", 2035),
    ("2017-2027", "2017 to 2027", 2027),
] + [
    (str(y), str(y), y)
    for y in (
        2007,
        2008,
        2009,
        2010,
        2012,
        2013,
        2014,
        2016,
        2023,
        2024,
        2026,
        2027,
        2028,
        2029,
        2030,
        2031,
        2032,
        2033,
        2034,
    )
]
# Three bands used for age-earnings curves: High = RQF4-8, Medium = RQF1-3, Low = none.
BAND3 = [(201, "High (RQF 4-8)"), (202, "Medium (RQF 1-3)"), (203, "Low (no qualification)")]
# APS 2019 "highest qualification" categories -> three-band group (None: cannot be placed).
APS_QUALS = [
    (301, "Degree or equivalent", 201),
    (302, "Higher education", 201),
    (303, "GCE A level or equivalent", 202),
    (304, "GCSE grades A*-C or equivalent", 202),
    (305, "Other qualification", 202),
    (306, "No qualification", 203),
    (307, "Don't know", None),
]


def load(ctx: BuildContext) -> None:
    regions = ctx.source("misc/lmiforall_regions.csv")
    rows = [{"code": 0, "name": "United Kingdom", "nation": "United Kingdom"}]
    for line, rec in regions.records():
        code = parse_int(regions, line, "code", rec["code"], lo=1, hi=12)
        rows.append({"code": code, "name": rec["name"], "nation": NATIONS.get(code, "England")})
    ctx.insert(d.region, rows)
    regions.rows_loaded = len(rows) - 1

    ctx.insert(d.gender, [{"code": c, "name": n} for c, n in GENDERS])
    ctx.insert(d.status, [{"code": c, "name": n} for c, n in STATUSES])
    ctx.insert(
        d.age_band,
        [{"code": c, "label": label, "age_min": lo, "age_max": hi} for c, label, lo, hi in AGE_BANDS],
    )
    ctx.insert(d.period, [{"code": c, "label": label, "year": y} for c, label, y in PERIODS])
    _qualifications(ctx)
    _industries(ctx)


def _qualifications(ctx: BuildContext) -> None:
    groups = ctx.source("misc/working_futures/working_futures_qualifications_rqf_9_6.csv")
    names = ctx.source("misc/lmiforall_qualification_codes.csv")
    rows = [{"code": 0, "scheme": "all", "name": "All qualifications", "group6": None, "group3": None}]
    rows += [{"code": c, "scheme": "band3", "name": n, "group6": None, "group3": None} for c, n in BAND3]
    group6: dict[int, str] = {}
    rqf9: list[dict] = []
    for line, rec in groups.records():
        q9 = parse_int(groups, line, "qual9_code", rec["qual9_code"], lo=1, hi=9)
        q6 = parse_int(groups, line, "qual6_code", rec["qual6_code"], lo=1, hi=6)
        group6[q6] = rec["qual6_name"]
        rqf9.append(
            {
                "code": q9,
                "scheme": "rqf9",
                "name": rec["qual9_name"],
                "group6": 100 + q6,
                "group3": 201 if q9 <= 5 else (202 if q9 <= 8 else 203),
            }
        )
    plain = {
        parse_int(names, line, "code", rec["code"], lo=1, hi=9): rec["name_as_used_by_app"]
        for line, rec in names.records()
    }
    for row in rqf9:
        row["name"] = f"{plain.get(row['code'], row['name'])} ({row['name']})"
    rows += [
        {"code": 100 + c, "scheme": "rqf6", "name": n, "group6": None, "group3": None}
        for c, n in sorted(group6.items())
    ]
    rows += rqf9
    rows += [
        {"code": c, "scheme": "aps2019", "name": n, "group6": None, "group3": g} for c, n, g in APS_QUALS
    ]
    ctx.insert(d.qualification, rows)
    groups.rows_loaded, names.rows_loaded = len(rqf9), len(plain)


def _industries(ctx: BuildContext) -> None:
    src = ctx.source("misc/working_futures/working_futures_industries_75_22_6.csv")
    level6: dict[int, str] = {}
    level22: dict[int, tuple[str, int]] = {}
    level75: list[dict] = []
    for line, rec in src.records():
        i75 = parse_int(src, line, "ind75_code", rec["ind75_code"], lo=1, hi=75)
        i22 = parse_int(src, line, "ind22_code", rec["ind22_code"], lo=1, hi=22)
        i6 = parse_int(src, line, "ind6_code", rec["ind6_code"], lo=1, hi=6)
        if level22.get(i22, (None, 200 + i6))[1] != 200 + i6:
            raise src.error(line, "industry hierarchy: a 22-group must sit in one broad sector")
        level6[i6] = rec["ind6_name"]
        level22[i22] = (rec["ind22_name"], 200 + i6)
        level75.append({"code": i75, "level": 75, "parent": 100 + i22, "name": rec["ind75_name"]})
    rows = [{"code": 0, "level": 0, "parent": None, "name": "All industries"}]
    rows += [{"code": 200 + c, "level": 6, "parent": None, "name": n} for c, n in sorted(level6.items())]
    rows += [{"code": 100 + c, "level": 22, "parent": p, "name": n} for c, (n, p) in sorted(level22.items())]
    rows += level75
    ctx.insert(d.industry, rows)
    src.rows_loaded = len(level75)
