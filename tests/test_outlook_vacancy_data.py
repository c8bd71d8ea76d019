"""Outlook (Skills Imperative 2035), the SOC2010 -> SOC2020 crosswalk and ESS 2022 vacancies
equal their source files, read directly here."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from lmi_backend.coverage import coverage
from lmi_backend.db.facts import industry_projection, soc2020_group
from lmi_backend.db.facts import projection as p
from lmi_backend.db.facts import soc2010_soc2020 as x
from lmi_backend.db.facts import vacancy as v
from lmi_backend.db.provenance import provenance

SI = "pay/skills_imperative_2035"
LEVELS = f"{SI}/si2035_england_soc2020_submajor_levels_change_replacement_demand.csv"
SERIES = f"{SI}/si2035_england_employment_timeseries_2010_2035.csv"
MISC_SUBMAJOR = "misc/working_futures/skills_imperative_2035_england_employment_by_soc2020_submajor.csv"
INDUSTRIES = "misc/working_futures/skills_imperative_2035_england_employment_by_22_industries.csv"
CROSSWALK = "pay/crosswalk/ONS_SOC2010_SOC2020_dualcoded_proportions.xlsx"
ESS = "pay/ess_vacancies_lsip/ess2022_vacancies_by_soc2010_4digit_UK.csv"
CHANGE = {
    "net_change": "net_change_2020_2035_000s",
    "replacement_demand": "replacement_demand_2020_2035_000s",
    "total_requirement": "total_requirement_2020_2035_000s",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _projection(conn) -> dict[tuple, float]:
    return {
        (r.soc2020, r.gender, r.measure, r.period): r.value
        for r in conn.execute(select(p.c.soc2020, p.c.gender, p.c.measure, p.c.period, p.c.value))
    }


def test_replacement_demand_and_change_equal_the_source(conn, sources):
    stored = _projection(conn)
    genders = {"All": 0, "Male": 1, "Female": 2}
    for r in _rows(sources / LEVELS):
        code = 0 if r["soc2020_submajor"] == "ALL" else int(r["soc2020_submajor"])
        for measure, col in CHANGE.items():
            assert stored[(code, genders[r["gender"]], measure, "2020-2035")] == float(r[col])
        for year in ("2015", "2019", "2020", "2025", "2035"):
            assert stored[(code, genders[r["gender"]], "employment", year)] == float(r[f"emp_{year}_000s"])
    assert stored[(11, 0, "replacement_demand", "2020-2035")] == 1149.809  # corporate managers


def test_employment_time_series_equals_the_source(conn, sources):
    stored = _projection(conn)
    majors = {r.title: r.code for r in conn.execute(select(soc2020_group).where(soc2020_group.c.level <= 1))}
    rows = _rows(sources / SERIES)
    for r in rows:
        code = int(r["soc2020_submajor"]) if r["soc2020_submajor"] else majors[r["title"]]
        for year in range(2010, 2036):
            assert stored[(code, 0, "employment", str(year))] == float(r[f"emp_{year}_000s"])
    assert sum(1 for k in stored if k[1] == 0 and k[2] == "employment") == len(rows) * 26


def test_misc_sub_major_copy_repeats_the_levels_file_so_it_is_not_read(conn, sources):
    stored = _projection(conn)
    for r in _rows(sources / MISC_SUBMAJOR):
        code = int(r["soc2020_submajor_code"])
        assert stored[(code, 0, "employment", "2035")] == float(r["emp2035_k"])
        rd = float(r["replacement_demand_2020_35_k"])
        assert stored[(code, 0, "replacement_demand", "2020-2035")] == rd
    read = conn.execute(select(provenance.c.source_file)).scalars().all()
    assert MISC_SUBMAJOR not in read and LEVELS in read


def test_soc2020_groups_form_a_two_level_hierarchy(conn):
    groups = {r.code: r for r in conn.execute(select(soc2020_group))}
    assert groups[0].title == "All occupations" and groups[0].level == 0
    assert sorted(c for c, g in groups.items() if g.level == 1) == list(range(1, 10))
    subs = {c: g for c, g in groups.items() if g.level == 2}
    assert len(subs) == 26 and all(g.parent == c // 10 for c, g in subs.items())
    assert subs[63].title == "Community and civil enforcement occupations"  # new in SOC2020


def test_industry_projections_equal_the_source(conn, sources):
    stored = {
        (r.industry, r.period): r.value
        for r in conn.execute(
            select(industry_projection.c.industry, industry_projection.c.period, industry_projection.c.value)
        )
    }
    source = {
        (100 + int(r["ind22_code"]), y): float(r[f"emp{y}_k"])
        for r in _rows(sources / INDUSTRIES)
        for y in ("2015", "2019", "2020", "2025", "2035")
    }
    assert stored == source
    assert stored[(120, "2035")] == 4140.034  # health and social work


@pytest.fixture(scope="module")
def crosswalk_source(sources) -> dict[int, dict[int, float]]:
    """Pooled proportions computed straight from the workbook: sum(sample x share) / sum(sample)."""
    book = openpyxl.load_workbook(sources / CROSSWALK, read_only=True)
    pooled: dict[int, dict[int, float]] = defaultdict(dict)
    bases: list[int] = []
    soc2010 = 0
    for row in book.worksheets[0].iter_rows(min_row=2, values_only=True):
        if row[0]:
            soc2010, bases = int(row[0][:4]), [row[i] for i in (2, 4, 6, 8)]
        elif row[1]:
            shares = [row[i] or 0 for i in (3, 5, 7, 9)]
            pooled[soc2010][int(row[1][:4])] = sum(b * s for b, s in zip(bases, shares)) / sum(bases)
    book.close()
    return pooled


def test_crosswalk_proportions_equal_the_workbook(conn, crosswalk_source):
    stored: dict[int, dict[int, float]] = defaultdict(dict)
    for r in conn.execute(select(x.c.soc2010, x.c.soc2020, x.c.value)):
        stored[r.soc2010][r.soc2020] = r.value
    assert stored.keys() == crosswalk_source.keys() and len(stored) == 369
    for soc, shares in crosswalk_source.items():
        assert stored[soc] == pytest.approx(shares, abs=1e-12)
    assert max(stored[2136], key=stored[2136].get) == 2134  # programmers -> SOC2020 2134


def test_crosswalk_proportions_sum_to_one_within_the_omitted_small_destinations(conn):
    sums = conn.execute(select(x.c.soc2010, func.sum(x.c.value)).group_by(x.c.soc2010)).all()
    assert all(0.95 <= total <= 1 + 1e-9 for _, total in sums)
    assert sum(1 for _, total in sums if total >= 0.99) >= 350  # 351 of 369 in the real file


def test_vacancies_equal_the_source(conn, sources):
    measures = {
        "vacancies": "vacancies",
        "hard_to_fill": "hard_to_fill_vacancies",
        "skill_shortage": "skill_shortage_vacancies",
        "hard_to_fill_pct": "htfv_pct_of_vacancies",
        "skill_shortage_pct": "ssv_pct_of_vacancies",
        "establishments_sampled": "sample_estabs_with_vacancy",
    }
    source = {
        (0 if r["soc2010"] == "TOTAL" else int(r["soc2010"]), m): float(r[col])
        for r in _rows(sources / ESS)
        if r["soc2010"] != "NOT_CODEABLE"
        for m, col in measures.items()
    }
    stored = {
        (r.soc, r.measure): r.value
        for r in conn.execute(
            select(v.c.soc, v.c.measure, v.c.value).where(v.c.period == "2022", v.c.region == 0)
        )
    }
    assert stored == source
    assert stored[(5434, "vacancies")] == 34196 and stored[(5434, "hard_to_fill_pct")] == 80.9  # chefs
    counts = conn.execute(
        select(provenance.c.rows_read, provenance.c.rows_loaded).where(provenance.c.source_file == ESS)
    ).one()
    assert tuple(counts) == (218, 217 * 6)  # NOT_CODEABLE read, not loaded


def test_coverage_of_outlook_and_vacancies(conn):
    cov = coverage(conn)
    assert cov["vacancies_2022"]["unit_groups"] == 216
    assert cov["projection_2035"]["unit_groups"] == 369
