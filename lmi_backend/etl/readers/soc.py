"""SOC2010: the hierarchy (9 / 25 / 90 / 369 groups), unit-group details and coded job titles.

Every other reader checks its SOC codes against what this one loads, so it runs first.
"""

from __future__ import annotations

from sqlalchemy import update

from ...db.dimensions import soc_group, soc_task
from ...db.occupations import job_title
from ...jobtitles import natural_order
from ..context import BuildContext
from ..sources import SourceFile

LEVELS = {"major": 1, "sub_major": 2, "minor": 3, "unit": 4}
# Skill level of each major group (sub-major 12 is the exception, at level 3).
MAJOR_SKILL = {1: 4, 2: 4, 3: 3, 4: 2, 5: 3, 6: 2, 7: 2, 8: 2, 9: 1}
EXPECTED = {1: 9, 2: 25, 3: 90, 4: 369}
# The ONS coding tool's list files two titles under 2741, a typo for 2471 (journalists, editors).
TOOL_CODE_FIXES = {"2741": "2471"}


def skill_level(code: int) -> int:
    text = str(code)
    return 3 if text.startswith("12") and len(text) >= 2 else MAJOR_SKILL[int(text[0])]


def load(ctx: BuildContext) -> None:
    _hierarchy(ctx)
    _unit_details(ctx)
    _coding_index(ctx)
    _coding_tool(ctx)


def _hierarchy(ctx: BuildContext) -> None:
    src = ctx.source("soc/ons_soc2010_hierarchy.csv")
    rows: list[dict] = []
    for line, rec in src.records():
        level = LEVELS.get(rec["level"])
        code = rec["code"].strip()
        if level is None or not code.isdigit() or len(code) != level:
            raise src.error(line, "code must have as many digits as its level", f"{code!r} {rec['level']!r}")
        parent = rec["parent"].strip() or None
        if (level == 1) != (parent is None) or (parent and not code.startswith(parent)):
            raise src.error(
                line, "parent must be the code's own prefix one level up", f"{code} under {parent}"
            )
        if not rec["title"].strip():
            raise src.error(line, "title must not be empty")
        rows.append(
            {
                "code": int(code),
                "level": level,
                "parent": int(parent) if parent else None,
                "title": rec["title"].strip(),
                "description": rec["description"].strip(),
                "skill_level": skill_level(int(code)),
            }
        )
    codes = {r["code"] for r in rows}
    for r in rows:
        if r["parent"] is not None and r["parent"] not in codes:
            raise src.error(None, "parent group missing from the hierarchy", str(r["code"]))
    for level, n in EXPECTED.items():
        found = sum(1 for r in rows if r["level"] == level)
        if found != n:
            raise src.error(None, f"SOC2010 has {n} groups at level {level}", f"found {found}")
    rows.append(
        {
            "code": 0,
            "level": 0,
            "parent": None,
            "title": "All occupations",
            "description": "All employees or all in employment, whatever their occupation.",
            "skill_level": None,
        }
    )
    rows.sort(key=lambda r: (r["level"], r["code"]))
    ctx.insert(soc_group, rows, src)
    ctx.soc_codes = codes
    ctx.soc_units = {r["code"] for r in rows if r["level"] == 4}


def _unit_details(ctx: BuildContext) -> None:
    src = ctx.source("soc/ons_soc2010_unit_groups.csv")
    tasks: list[dict] = []
    related: list[dict] = []
    seen: set[int] = set()
    for line, rec in src.records():
        code = _unit_code(src, line, rec["soc"], ctx)
        seen.add(code)
        entry = rec["entry_routes_and_qualifications"].strip()
        if not entry:
            raise src.error(line, "unit group must have entry routes text")
        ctx.conn.execute(update(soc_group).where(soc_group.c.code == code).values(entry_routes=entry))
        unit_tasks = [t.strip().rstrip(";").strip() for t in rec["tasks"].split(" | ") if t.strip()]
        if not unit_tasks:
            raise src.error(line, "unit group must have at least one task")
        tasks += [{"soc": code, "seq": i, "task": t} for i, t in enumerate(unit_tasks, 1)]
        related.append(
            {
                "soc": code,
                "title": rec["title"].strip(),
                "natural_title": rec["title"].strip(),
                "qualifier": None,
                "source": "unit_title",
            }
        )
        related += [
            {
                "soc": code,
                "title": t.strip(),
                "natural_title": natural_order(t),
                "qualifier": None,
                "source": "related",
            }
            for t in rec["related_job_titles"].split(" | ")
            if t.strip()
        ]
    missing = ctx.soc_units - seen
    if missing:
        raise src.error(None, "every unit group needs its details", f"missing {sorted(missing)[:5]}")
    ctx.insert(soc_task, tasks)
    ctx.insert(job_title, related, src)


def _unit_code(src: SourceFile, line: int, raw: str, ctx: BuildContext) -> int:
    text = raw.strip()
    if not text.isdigit() or int(text) not in ctx.soc_units:
        raise src.error(
            line, "SOC code must be a unit group in the SOC2010 hierarchy", f"found {text[:20]!r}"
        )
    return int(text)


def _coding_index(ctx: BuildContext) -> None:
    src = ctx.source("soc/ons_soc2010_coding_index_v5_1.csv")

    def rows():
        for line, rec in src.records():
            raw = rec["soc2010"].strip()
            if raw == "}}}}":  # a cross-reference ("Advisor - see Adviser"), not a coded title
                continue
            code = _unit_code(src, line, raw, ctx)
            title = rec["indexocc"].strip()
            if not title:
                raise src.error(line, "coded title must not be empty")
            qualifier = (
                " ".join(
                    q.strip() for q in (rec["industry_qualifier"], rec["additional_qualifier"]) if q.strip()
                )
                or None
            )
            yield {
                "soc": code,
                "title": title,
                "natural_title": natural_order(title),
                "qualifier": qualifier,
                "source": "coding_index",
            }

    ctx.insert(job_title, rows(), src)


def _coding_tool(ctx: BuildContext) -> None:
    src = ctx.source("soc/ons_soc_tool_jobrecords.csv")

    def rows():
        for line, rec in src.records():
            raw = TOOL_CODE_FIXES.get(rec["soc2010"].strip(), rec["soc2010"].strip())
            code = _unit_code(src, line, raw, ctx)
            title = rec["job_title"].strip()
            yield {
                "soc": code,
                "title": title,
                "natural_title": natural_order(title),
                "qualifier": None,
                "source": "coding_tool",
            }

    ctx.insert(job_title, rows(), src)
