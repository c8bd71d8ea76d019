"""Employment facts (APS 2019, APS English regions 2017-2021, LFS 2018Q2 by status) equal the
source files, read directly here; suppressed cells are missing with their reason, never 0."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select

from lmi_backend.coverage import coverage
from lmi_backend.db.dimensions import area, region, sic_industry
from lmi_backend.db.facts import employment as e
from lmi_backend.etl.readers.aps2019 import division_to_wf75
from lmi_backend.etl.readers.reference import AGE_BANDS

APS = "pay/aps2019_soc4"
REGIONS = "pay/aps_region_occupationView/aps_employment_soc2010_4digit_by_english_region_2017_2021.csv"
LFS = "more/lfs_employment_by_status_soc2010_4digit_2018q2/lfs_2018q2_employment_by_status_x_soc2010_long.csv"
STAR = "*: suppressed, sample too small"
NIL = "-: nil or fewer than can be shown"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _aps(conn, *where) -> dict:
    query = select(
        e.c.soc, e.c.gender, e.c.age_band, e.c.qualification, e.c.area, e.c.sic, e.c.value, e.c.missing_reason
    ).where(e.c.period == "2019", *where)
    return {tuple(r[:6]): (r.value, r.missing_reason) for r in conn.execute(query)}


def _soc(raw: str, total: str) -> int:
    return 0 if raw == total else int(raw)


def _expected(raw: str) -> tuple[float | None, str | None]:
    markers = {"*": (None, STAR), "-": (None, NIL)}
    return markers[raw] if raw in markers else (float(raw), None)


def test_aps2019_sex_cells_equal_the_source(conn, sources):
    stored = _aps(conn, e.c.region == 0, e.c.age_band == 0, e.c.qualification == 0, e.c.sic.is_(None))
    source = {
        (int(r["soc2010"]), g + 1): _expected(r[col])
        for r in _rows(sources / APS / "aps2019_soc4_by_sex.csv")
        for g, col in enumerate(("1 Male", "2 Female"))
    }
    assert {(k[0], k[1]): v for k, v in stored.items()} == source
    assert source[(2136, 1)] == (333405, None) and source[(2136, 2)] == (54448, None)


def test_aps2019_stores_no_derived_all_persons_total(conn):
    derived = conn.execute(
        select(func.count()).where(
            e.c.period == "2019",
            e.c.gender == 0,
            e.c.region == 0,
            e.c.age_band == 0,
            e.c.qualification == 0,
            e.c.sic.is_(None),
        )
    ).scalar_one()
    assert derived == 0


def test_aps2019_age_bands_keep_codes_and_suppression(conn, sources):
    row = next(r for r in _rows(sources / APS / "aps2019_soc4_by_age.csv") if r["soc2010"] == "1115")
    stored = {k[2]: v for k, v in _aps(conn, e.c.soc == 1115, e.c.age_band != 0).items()}
    assert row["4 16-19yrs"] == "-" and stored[4] == (None, NIL)
    assert row["5 20-24yrs"] == "*" and stored[5] == (None, STAR)
    assert stored[10] == (float(row["10 45-49yrs"]), None) == (22643, None)
    assert set(stored) == {code for code, *_ in AGE_BANDS if code}


def test_aps2019_qualification_columns_map_to_aps_codes(conn, sources):
    row = next(r for r in _rows(sources / APS / "aps2019_soc4_by_highest_qual.csv") if r["soc2010"] == "1121")
    stored = {k[3]: v for k, v in _aps(conn, e.c.soc == 1121, e.c.qualification != 0).items()}
    assert stored[301] == (float(row["1 Degree or equivalent"]), None) == (115887, None)
    assert stored[307] == (float(row["7 Don't know"]), None)
    assert set(stored) == set(range(301, 308))


def test_nuts3_areas_sit_in_the_right_region(conn):
    regions = dict(
        conn.execute(select(area.c.code, region.c.name).join(region, region.c.code == area.c.region)).all()
    )
    assert len(regions) == 179
    assert regions["UKC11"] == "North East (England)"  # Hartlepool and Stockton-on-Tees
    assert regions["UKI31"] == "London"  # Camden and City of London
    assert regions["UKL22"] == "Wales"  # Cardiff and Vale of Glamorgan
    assert regions["UKM82"] == "Scotland"  # Glasgow City
    assert regions["UKN06"] == "Northern Ireland"  # Belfast
    assert regions["UKK11"] == "South West (England)"  # Bristol


def test_nuts3_cells_equal_the_source_with_area_and_region(conn, sources):
    row = next(r for r in _rows(sources / APS / "aps2019_soc4_by_nuts3.csv") if r["soc2010"] == "2136")
    stored = {
        r.area: (r.region, r.value, r.missing_reason)
        for r in conn.execute(
            select(e.c.area, e.c.region, e.c.value, e.c.missing_reason).where(
                e.c.soc == 2136, e.c.period == "2019", e.c.area.isnot(None)
            )
        )
    }
    expected = {h.split(" ", 1)[0]: _expected(v) for h, v in row.items() if h.startswith("UK")}
    assert {a: v[1:] for a, v in stored.items()} == expected
    assert stored["UKL22"] == (10, 3170, None)


def test_sic_cells_carry_the_class_and_its_working_futures_industry(conn, sources):
    row = next(r for r in _rows(sources / APS / "aps2019_soc4_by_sic4.csv") if r["soc2010"] == "2136")
    cell = conn.execute(
        select(e.c.value, e.c.industry, sic_industry.c.name)
        .join(sic_industry, sic_industry.c.code == e.c.sic)
        .where(e.c.soc == 2136, e.c.sic == "62.01")
    ).one()
    assert cell == (
        float(row["6201 62.01 Computer programming activities"]),
        45,
        "Computer programming activities",
    )  # WF 45 = Computing services
    assert conn.execute(select(func.count()).select_from(sic_industry)).scalar_one() == 615


def test_division_mapping_covers_every_industry_and_every_published_division(sources):
    mapping = division_to_wf75()
    assert set(mapping.values()) == set(range(1, 76))
    with open(sources / APS / "aps2019_soc4_by_sic4.csv", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh))[2:]
    assert {h.split()[1][:2] for h in header} <= set(mapping)
    assert mapping["47"] == 33 and mapping["86"] == 66 and mapping["43"] == 30  # retail, health, trades


def test_english_regions_equal_the_source(conn, sources):
    names = {
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
    source = {
        (r["period"][4:8], names[r["region"]], _soc(r["soc2010_code"], "TOTAL")): float(r["employed"])
        if r["employed"]
        else None
        for r in _rows(sources / REGIONS)
    }
    stored = {
        (r.period, r.region, r.soc): r.value
        for r in conn.execute(
            select(e.c.period, e.c.region, e.c.soc, e.c.value).where(
                e.c.region.between(1, 9), e.c.area.is_(None)
            )
        )
    }
    assert stored == source
    assert stored[("2017", 9, 2136)] == 8100  # programmers, North East, 2017


def test_english_region_suppressed_cells_say_why(conn):
    reasons = conn.execute(
        select(e.c.missing_reason, func.count())
        .where(e.c.region.between(1, 9), e.c.area.is_(None), e.c.value.is_(None))
        .group_by(e.c.missing_reason)
    ).all()
    assert reasons == [("NA: suppressed in the NOMIS APS extract", 1438)]


def test_lfs_status_cells_equal_the_source(conn, sources):
    statuses = {
        "total_in_employment": 0,
        "employees_ft": 1,
        "employees_pt": 2,
        "selfemployed_total": 3,
        "employees_total": 4,
    }
    sexes = {"people": 0, "men": 1, "women": 2}
    source = {
        (_soc(r["soc2010_code"], "ALL"), sexes[r["sex"]], s): _expected(r[col])
        for r in _rows(sources / LFS)
        for col, s in statuses.items()
    }
    stored = {
        (r.soc, r.gender, r.status): (r.value, r.missing_reason)
        for r in conn.execute(
            select(e.c.soc, e.c.gender, e.c.status, e.c.value, e.c.missing_reason).where(
                e.c.period == "2018Q2"
            )
        )
    }
    assert stored == source
    assert stored[(6145, 0, 2)] == (299070, None)  # care workers, part-time employees
    assert stored[(1116, 0, 1)] == (None, STAR)  # elected officers, full-time employees: '*'


def test_coverage_of_the_employment_indicators(conn):
    cov = coverage(conn)
    assert cov["employment_2019"]["unit_groups"] == 369
    assert cov["employment_english_regions"]["unit_groups"] == 369
    # 7 small unit groups (e.g. 5212 moulders, core makers) are '*' in every LFS cell
    assert cov["employment_status_2018"]["unit_groups"] == 362
