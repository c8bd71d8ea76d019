"""2011 Census QS606EW: usual residents aged 16-74 in employment by SOC2010 major, sub-major and
minor group, for the 336 local authority districts (2020 codes) of England and Wales, summed
from LSOA counts. Scotland and Northern Ireland are not in the file.

Each district's total in employment is stored as SOC group 0. Checks: the group's title matches
the SOC dimension; a district's majors add up to its total and each group's parts to the group;
the published share equals persons / total; and the districts add up, group by group, to the
England and Wales totals file (whose total is the published 26,526,336).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ...db.dimensions import soc_group
from ...db.places import census_occupation, local_authority
from ..context import BuildContext
from ..parsing import parse_cell, parse_int
from ..sources import SourceFile
from .tables import check_total

LAD_FILE = "census2011/census2011_qs606ew_occupation_minor_groups_by_lad2020.csv"
TOTALS_FILE = "census2011/census2011_qs606ew_occupation_england_wales_totals.csv"
PERIOD = "2011"
LEVELS = {"major": 1, "sub_major": 2, "minor": 3}
EMPLOYED_ENGLAND_AND_WALES = 26_526_336  # the published QS606EW total
SHARE_ROUNDING = 0.005  # the share is printed to 2 dp
MAX_PERSONS = 10_000_000


def load(ctx: BuildContext) -> None:
    titles = {
        code: _plain(title)
        for code, title in ctx.conn.execute(
            select(soc_group.c.code, soc_group.c.title).where(soc_group.c.level.between(1, 3))
        )
    }
    lads = {
        code: (name, country)
        for code, name, country in ctx.conn.execute(
            select(local_authority.c.code, local_authority.c.name, local_authority.c.country).where(
                local_authority.c.in_census2011
            )
        )
    }
    sums = _districts(ctx, titles, lads)
    _totals(ctx, titles, sums)


def _plain(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalnum())


def _group(src: SourceFile, line: int, rec: dict[str, str], titles: dict[int, str]) -> int:
    code = rec["soc2010_code"].strip()
    level = LEVELS.get(rec["soc_level"])
    if not code.isdigit() or len(code) != level or titles.get(int(code)) != _plain(rec["title"]):
        raise src.error(
            line,
            "soc2010_code must be a SOC2010 major, sub-major or minor group with its level and title",
            f"found {code!r} {rec['soc_level']!r} {rec['title']!r}",
        )
    return int(code)


def _districts(
    ctx: BuildContext, titles: dict[int, str], lads: dict[str, tuple[str, str]]
) -> dict[tuple[str, int], int]:
    """Rows of every district; returns persons by (country, group) for the totals check."""
    src = ctx.source(LAD_FILE)
    persons: dict[tuple[str, int], int] = {}
    lines: dict[tuple[str, int], int] = {}
    totals: dict[str, int] = {}
    for line, rec in src.records():
        lad = rec["lad20cd"].strip()
        if lads.get(lad) != (rec["lad20nm"], rec["country"]):
            raise src.error(
                line,
                "lad20cd must be a local authority in England or Wales, with its name and country",
                f"found {lad!r} {rec['lad20nm']!r} {rec['country']!r}",
            )
        soc = _group(src, line, rec, titles)
        if (lad, soc) in lines:
            raise src.error(
                line, "each district and group must appear once", f"also on row {lines[(lad, soc)]}"
            )
        lines[(lad, soc)] = line
        count = parse_int(src, line, "persons", rec["persons"], lo=0, hi=MAX_PERSONS)
        total = parse_int(
            src, line, "all_in_employment_16_74", rec["all_in_employment_16_74"], lo=1, hi=MAX_PERSONS
        )
        if totals.setdefault(lad, total) != total:
            raise src.error(line, "a district must have one total in employment", f"{total} vs {totals[lad]}")
        share = parse_cell(src, line, "share_of_employed_pct", rec["share_of_employed_pct"], lo=0, hi=100)
        check_total(
            src,
            line,
            "share_of_employed_pct against 100 x persons / total",
            [100 * count / total],
            share.value,
            over=SHARE_ROUNDING,
            under=SHARE_ROUNDING,
        )
        persons[(lad, soc)] = count
    missing = [(lad, soc) for lad in lads for soc in titles if (lad, soc) not in persons]
    if missing:
        raise src.error(
            None, "every district needs every major, sub-major and minor group", f"missing {missing[:3]}"
        )
    for lad, total in totals.items():
        persons[(lad, 0)] = total
    parts: dict[tuple[str, int], int] = defaultdict(int)
    for (lad, soc), count in persons.items():
        if soc:
            parts[(lad, soc // 10 if soc >= 10 else 0)] += count
    for key, summed in parts.items():
        if summed != persons[key]:
            raise src.error(
                lines.get(key),
                "the groups inside a group must add up to it",
                f"{key}: {summed} vs {persons[key]}",
            )
    ctx.insert(
        census_occupation,
        (
            {"lad": lad, "soc": soc, "period": PERIOD, "value": float(count), "missing_reason": None}
            for (lad, soc), count in sorted(persons.items())
        ),
        src,
    )
    by_country: dict[tuple[str, int], int] = defaultdict(int)
    for (lad, soc), count in persons.items():
        by_country[(lads[lad][1], soc)] += count
    return by_country


def _totals(ctx: BuildContext, titles: dict[int, str], sums: dict[tuple[str, int], int]) -> None:
    """The England and Wales totals file: a check on the districts, not stored again."""
    src = ctx.source(TOTALS_FILE)
    seen: set[int] = set()
    for line, rec in src.records():
        soc = _group(src, line, rec, titles)
        seen.add(soc)
        published = {
            "England": parse_int(src, line, "persons_england", rec["persons_england"], lo=0),
            "Wales": parse_int(src, line, "persons_wales", rec["persons_wales"], lo=0),
        }
        both = parse_int(src, line, "persons_england_and_wales", rec["persons_england_and_wales"], lo=0)
        employed = parse_int(src, line, "all_in_employment_16_74", rec["all_in_employment_16_74"], lo=0)
        if employed != EMPLOYED_ENGLAND_AND_WALES or both != sum(published.values()):
            raise src.error(line, "England + Wales must equal the total, out of the published 26,526,336")
        for country, count in published.items():
            if sums.get((country, soc)) != count:
                raise src.error(
                    line,
                    f"the districts of {country} must add up to the published total of the group",
                    f"{sums.get((country, soc))} vs {count}",
                )
    if seen != set(titles):
        raise src.error(None, "every major, sub-major and minor group needs a total row")
    employed = sums[("England", 0)] + sums[("Wales", 0)]
    if employed != EMPLOYED_ENGLAND_AND_WALES:
        raise src.error(
            None, "the districts must add up to the published 26,526,336 in employment", str(employed)
        )
