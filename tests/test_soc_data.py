"""The SOC dimension, descriptions and job titles match the ONS source files."""

import csv

from sqlalchemy import func, select

from lmi_backend.db.dimensions import soc_group, soc_task
from lmi_backend.db.occupations import job_title


def test_hierarchy_has_every_level(conn):
    counts = dict(conn.execute(select(soc_group.c.level, func.count()).group_by(soc_group.c.level)).all())
    assert counts == {0: 1, 1: 9, 2: 25, 3: 90, 4: 369}  # 0: the all-occupations total


def test_all_unit_groups_have_description_tasks_and_entry_routes(conn):
    units = conn.execute(select(soc_group).where(soc_group.c.level == 4)).mappings().all()
    assert len(units) == 369
    assert all(u["description"] and u["entry_routes"] for u in units)
    with_tasks = conn.execute(select(func.count(func.distinct(soc_task.c.soc)))).scalar_one()
    assert with_tasks == 369


def test_plumber_unit_group_matches_source(conn, sources):
    with open(sources / "soc/ons_soc2010_unit_groups.csv", encoding="utf-8") as fh:
        src = next(r for r in csv.DictReader(fh) if r["soc"] == "5314")
    row = conn.execute(select(soc_group).where(soc_group.c.code == 5314)).mappings().one()
    assert row["title"] == src["title"] == "Plumbers and heating and ventilating engineers"
    assert row["entry_routes"] == src["entry_routes_and_qualifications"].strip()
    assert row["parent"] == 531 and row["skill_level"] == 3


def test_skill_levels_follow_major_groups(conn):
    levels = dict(conn.execute(select(soc_group.c.code, soc_group.c.skill_level)).all())
    assert levels[2136] == 4 and levels[9233] == 1 and levels[1251] == 3 and levels[1115] == 4


def test_at_least_28000_coded_titles_from_the_coding_index(conn):
    n = conn.execute(select(func.count()).where(job_title.c.source == "coding_index")).scalar_one()
    assert n == 28521  # every row of the index that carries a SOC2010 code


def test_inverted_titles_get_natural_order(conn):
    rows = conn.execute(
        select(job_title.c.natural_title, job_title.c.soc).where(job_title.c.title == "Engineer, heating")
    ).all()
    assert ("Heating engineer", 5314) in [tuple(r) for r in rows]


def test_coding_tool_typo_2741_is_filed_under_2471(conn):
    rows = (
        conn.execute(
            select(job_title.c.soc).where(
                job_title.c.title == "Editor, online", job_title.c.source == "coding_tool"
            )
        )
        .scalars()
        .all()
    )
    assert rows == [2471]
