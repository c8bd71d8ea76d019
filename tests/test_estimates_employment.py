"""Fitted employment cells reproduce the published totals they were fitted to within 1%, read
here straight from the source files, and add up across every dimension."""

from __future__ import annotations

from collections import defaultdict

import pytest
from service_helpers import number, rows
from sqlalchemy import select

from lmi_backend.db import estimates as e

APS = "pay/aps2019_soc4"
NOMIS = "pay/aps_region_occupationView/aps_employment_soc2010_4digit_by_english_region_2017_2021.csv"
LFS = "more/lfs_employment_by_status_soc2010_4digit_2018q2/lfs_2018q2_employment_by_status_x_soc2010_long.csv"
ASHE_JOBS = "pay/ashe_table14_7a_occupationView/ashe_t14_7a_annual_gross_pay_soc2010_2017_2020_long.csv"
NOMIS_REGION = {
    "North East": 9,
    "North West": 8,
    "Yorkshire and The Humber": 7,
    "East Midlands": 6,
    "West Midlands": 5,
    "East": 3,
    "London": 1,
    "South East": 2,
    "South West": 4,
}


@pytest.fixture(scope="module")
def cube(engine):
    with engine.connect() as conn:
        return {
            (s, r, g, t): v
            for s, r, g, t, v in conn.execute(
                select(
                    e.est_employment.c.soc,
                    e.est_employment.c.region,
                    e.est_employment.c.gender,
                    e.est_employment.c.status,
                    e.est_employment.c.value,
                )
            )
        }


def test_every_fit_converged_within_one_percent(conn):
    fits = conn.execute(select(e.est_fit)).mappings().all()
    assert {f["estimate"] for f in fits} >= {
        "employment by region",
        "employment cube",
        "employment by qualification",
        "employment by age band",
        "employment by industry",
    }
    for fit in fits:
        assert fit["converged"] and fit["max_rel_error"] < 0.01, fit


def test_unit_group_totals_by_sex_reproduce_aps_2019(cube, sources):
    checked = 0
    for rec in rows(sources / APS / "aps2019_soc4_by_sex.csv"):
        soc = int(rec["soc2010"])
        for gender, column in ((1, "1 Male"), (2, "2 Female")):
            published = number(rec[column])
            if published:
                assert cube[(soc, 0, gender, 0)] == pytest.approx(published, rel=0.01), (soc, gender)
                checked += 1
    assert checked >= 690  # 738 cells less 24 suppressed and 14 nil


def test_english_region_totals_reproduce_the_published_totals(cube, sources):
    totals = {
        NOMIS_REGION[r["region"]]: float(r["employed"])
        for r in rows(sources / NOMIS)
        if r["soc2010_code"] == "TOTAL" and r["period"] == "Jan 2019-Dec 2019"
    }
    assert len(totals) == 9
    for region, published in totals.items():
        assert cube[(0, region, 0, 0)] == pytest.approx(published, rel=0.01)


def test_cells_add_up_over_every_dimension(cube):
    for soc in (0, 5, 53, 531, 5314, 2231, 1116):
        uk = cube[(soc, 0, 0, 0)]
        assert sum(cube[(soc, r, 0, 0)] for r in range(1, 13)) == pytest.approx(uk)
        assert sum(cube[(soc, 0, g, 0)] for g in (1, 2)) == pytest.approx(uk)
        assert sum(cube[(soc, 0, 0, t)] for t in (1, 2, 3)) == pytest.approx(uk)
        assert cube[(soc, 0, 0, 4)] == pytest.approx(cube[(soc, 0, 0, 1)] + cube[(soc, 0, 0, 2)])
    assert sum(cube[(s, 10, 2, 1)] for s in (5311, 5312, 5313, 5314, 5315, 5316, 5319)) == pytest.approx(
        cube[(531, 10, 2, 1)]
    )


def test_self_employment_share_follows_lfs_2018(cube, sources):
    """Where the LFS publishes all three statuses for a unit group and sex, the fitted
    self-employed share equals the LFS share (the status margin the cube was fitted to)."""
    checked = 0
    for rec in rows(sources / LFS):
        if rec["digits"] != "4" or rec["sex"] == "people":
            continue
        ft, pt, se = (number(rec[c]) for c in ("employees_ft", "employees_pt", "selfemployed_total"))
        if None in (ft, pt, se) or ft + pt + se < 20_000:
            continue
        soc, gender = int(rec["soc2010_code"]), {"men": 1, "women": 2}[rec["sex"]]
        fitted = cube[(soc, 0, gender, 3)] / cube[(soc, 0, gender, 0)]
        assert fitted == pytest.approx(se / (ft + pt + se), rel=0.01, abs=1e-9), (soc, gender)
        checked += 1
    assert checked > 80


def test_full_part_time_split_follows_ashe_2019_jobs_where_large(cube, sources):
    jobs = defaultdict(dict)
    for rec in rows(sources / ASHE_JOBS):
        sheet = rec["sheet"].split()
        jobs_k = number(rec["n_jobs_thousand"])
        if rec["year"] == "2019" and rec["level_digits"] == "4" and len(sheet) == 2 and jobs_k:
            jobs[(int(rec["soc2010_code"]), {"Male": 1, "Female": 2}[sheet[0]])][sheet[1]] = jobs_k
    checked = 0
    for (soc, gender), got in jobs.items():
        if len(got) == 2 and got["Full-Time"] + got["Part-Time"] >= 10:
            fitted = cube[(soc, 0, gender, 1)] / cube[(soc, 0, gender, 4)]
            assert fitted == pytest.approx(got["Full-Time"] / (got["Full-Time"] + got["Part-Time"]), rel=0.01)
            checked += 1
    assert checked > 100


def test_qualification_and_age_breakdowns_add_up_to_the_unit_group(conn, cube):
    for table, column, codes in (
        (e.est_employment_qualification, "qualification", range(301, 307)),
        (e.est_employment_qualification, "qualification", range(201, 204)),
        (e.est_employment_age, "age_band", range(4, 16)),
    ):
        sums = defaultdict(float)
        for soc, code, value in conn.execute(select(table.c.soc, table.c[column], table.c.value)):
            if code in codes:
                sums[soc] += value
        assert len(sums) == 494
        for soc, total in sums.items():
            assert total == pytest.approx(cube[(soc, 0, 0, 0)], rel=1e-6), (column, soc)


def test_qualification_keeps_published_cells_in_proportion(conn, sources):
    """Spreading 'don't know' pro rata keeps the ratio of two published cells."""
    rec = next(r for r in rows(sources / APS / "aps2019_soc4_by_highest_qual.csv") if r["soc2010"] == "2231")
    fitted = dict(
        conn.execute(
            select(
                e.est_employment_qualification.c.qualification, e.est_employment_qualification.c.value
            ).where(e.est_employment_qualification.c.soc == 2231)
        ).all()
    )
    assert fitted[301] / fitted[303] == pytest.approx(
        number(rec["1 Degree or equivalent"]) / number(rec["3 GCE A level or equivalent"]), rel=1e-6
    )


def test_industry_cells_cover_the_whole_unit_group(conn, cube):
    by_level = defaultdict(float)
    for code, value in conn.execute(
        select(e.est_employment_industry.c.industry, e.est_employment_industry.c.value).where(
            e.est_employment_industry.c.soc == 2231
        )
    ):
        by_level[0 if code < 100 else (22 if code < 200 else 6)] += value
    for level in (0, 22, 6):
        assert by_level[level] == pytest.approx(cube[(2231, 0, 0, 0)], rel=1e-6)
