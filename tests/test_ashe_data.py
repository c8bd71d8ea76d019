"""ASHE pay and hours in the database match the ONS tables, and bad ASHE rows stop the build."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from pathlib import Path

import pytest
from sqlalchemy import and_, func, select

from lmi_backend.db.engine import readonly_engine
from lmi_backend.db.facts import hours, pay
from lmi_backend.db.provenance import provenance
from lmi_backend.etl.build import build
from lmi_backend.etl.errors import SourceError
from lmi_backend.etl.readers import reference, soc
from lmi_backend.etl.readers.ashe import CHANGES
from lmi_backend.etl.readers.ashe_national import TABLE14_7A, TABLE14_FILES, read_table14
from lmi_backend.etl.readers.ashe_recent import SOC2010_FILE
from lmi_backend.etl.readers.ashe_regional import TABLE3, TABLE15
from lmi_backend.etl.sources import load_manifest

T14 = "pay/ashe_table14_mathsci"
T14_COLUMNS = ["Median", "Mean", "10", "20", "25", "30", "40", "60", "70", "75", "80", "90"]


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _cell(conn, table=pay, *, soc, period, measure="annual", stat="median", status=4, gender=0, region=0):
    return conn.execute(
        select(table.c.value, table.c.missing_reason, table.c.quality).where(
            table.c.soc == soc,
            table.c.period == period,
            table.c.measure == measure,
            table.c.stat == stat,
            table.c.status == status,
            table.c.gender == gender,
            table.c.region == region,
        )
    ).one()


def test_programmers_2021_median_pay_all_employees_matches_table14(conn, sources):
    src = next(r for r in _rows(sources / T14 / "2021p_annual_FTPT.csv") if r["Code"] == "2136")
    assert src["Median"] == "42841"
    assert _cell(conn, soc=2136, period="2021").value == 42841.0
    assert _cell(conn, soc=2136, period="2021", stat="p10").value == float(src["10"])


def test_plumbers_2021_full_time_median_matches_table14(conn, sources):
    src = next(r for r in _rows(sources / T14 / "2021p_annual_FT.csv") if r["Code"] == "5314")
    assert _cell(conn, soc=5314, period="2021", status=1).value == float(src["Median"])
    jobs = _cell(conn, soc=5314, period="2021", status=1, stat="jobs_thousand").value
    assert jobs == float(src["No_jobs"])


def test_all_employees_row_xx_is_stored_as_soc_0(conn, sources):
    src = next(r for r in _rows(sources / T14 / "2021p_hourly_FTPT.csv") if r["Code"] == "XX")
    assert _cell(conn, soc=0, period="2021", measure="hourly").value == float(src["Median"])


def test_suppressed_cells_are_null_with_a_reason_never_zero(conn, sources):
    rows = _rows(sources / T14 / "2021p_annual_FTPT.csv")
    src = next(r for r in rows if len(r["Code"]) == 4 and r["Median"] == "x")
    value, reason, _ = _cell(conn, soc=int(src["Code"]), period="2021")
    assert value is None and reason.startswith("x:")
    # every 'x' statistic in the file is a NULL with the 'x' reason in the database
    x_in_file = sum(r[c] == "x" for r in rows for c in ["No_jobs", *T14_COLUMNS])
    x_in_db = conn.execute(
        select(func.count()).where(
            pay.c.period == "2021",
            pay.c.measure == "annual",
            pay.c.status == 4,
            pay.c.gender == 0,
            pay.c.region == 0,
            pay.c.stat.notin_(CHANGES),  # the % changes come from the long 2021 file only
            pay.c.missing_reason.like("x:%"),
        )
    ).scalar_one()
    assert x_in_db == x_in_file > 1000
    assert (
        conn.execute(
            select(func.count()).where(pay.c.value.is_(None), pay.c.missing_reason.is_(None))
        ).scalar_one()
        == 0
    )


def test_a_row_ons_marks_unavailable_keeps_that_reason_for_every_statistic(conn, sources):
    src = next(r for r in _rows(sources / T14 / "2021p_annual_FTPT.csv") if r["Code"] == "1171")
    assert src["No_jobs"] == ":" and src["Median"] == ""  # ':' for the row, the rest left blank
    reasons = (
        conn.execute(
            select(pay.c.missing_reason).where(
                pay.c.soc == 1171,
                pay.c.period == "2021",
                pay.c.measure == "annual",
                pay.c.status == 4,
                pay.c.gender == 0,
            )
        )
        .scalars()
        .all()
    )
    # 13 statistics of Table 14, and the two % changes the long 2021 file adds
    assert len(reasons) == 15 and set(reasons) == {":: not available"}


def test_2017_female_median_and_quality_match_table14_7a(conn, sources):
    src = next(
        r
        for r in _rows(sources / TABLE14_7A)
        if (r["year"], r["sheet"], r["soc2010_code"]) == ("2017", "Female", "2136")
    )
    value, reason, quality = _cell(conn, soc=2136, period="2017", gender=2)
    assert value == float(src["median"]) and reason is None
    assert quality == src["median_quality"] == "acceptable_cv_10_20"
    ft = next(
        r
        for r in _rows(sources / TABLE14_7A)
        if (r["year"], r["sheet"], r["soc2010_code"]) == ("2017", "Female Part-Time", "6145")
    )
    assert _cell(conn, soc=6145, period="2017", gender=2, status=2).value == float(ft["median"])


def test_wales_skilled_construction_weekly_pay_and_hours_match_table3(conn, sources):
    rows = [r for r in _rows(sources / TABLE3) if r["region"] == "Wales" and r["soc2010_code"] == "53"]
    weekly = next(r for r in rows if r["measure"] == "weekly_gross_pay_gbp")
    paid = next(r for r in rows if r["measure"] == "paid_hours_total_per_week")
    assert _cell(conn, soc=53, period="2020", measure="weekly", region=10).value == float(weekly["median"])
    assert (
        _cell(conn, hours, soc=53, period="2020", measure="paid_hours_total", region=10).value
        == float(paid["median"])
        == 40.0
    )


def test_table3_row_mislabelled_81_is_stored_as_major_group_8(conn, sources):
    london = [
        r
        for r in _rows(sources / TABLE3)
        if r["region"] == "London"
        and r["measure"] == "weekly_gross_pay_gbp"
        and r["soc2010_code"] in ("81", "82")
    ]
    major, sub81, sub82 = (float(r["n_jobs_thousand"]) for r in london)  # file order
    assert major == sub81 + sub82  # the first "81" row is the major group
    jobs = {
        s: _cell(conn, soc=s, period="2020", measure="weekly", region=1, stat="jobs_thousand").value
        for s in (8, 81, 82)
    }
    assert jobs == {8: major, 81: sub81, 82: sub82}


def test_part_time_pay_by_region_matches_table15(conn, sources):
    src = next(r for r in _rows(sources / TABLE15) if (r["region"], r["code"]) == ("North East", "6145"))
    value, _, _ = _cell(conn, soc=6145, period="2020", status=2, region=9)
    assert value == float(src["median"]) == 10199.0


def test_each_cell_is_stored_once_even_where_two_tables_publish_it(conn):
    key = [pay.c.soc, pay.c.region, pay.c.gender, pay.c.status, pay.c.period, pay.c.measure, pay.c.stat]
    dupes = select(*key).group_by(*key).having(func.count() > 1).subquery()
    assert conn.execute(select(func.count()).select_from(dupes)).scalar_one() == 0
    # the UK all-employees 2020 annual median is in Table 14.7a and Table 3: stored from 14.7a
    source = conn.execute(
        select(provenance.c.source_file)
        .join(pay, pay.c.provenance_id == provenance.c.id)
        .where(
            pay.c.soc == 0,
            pay.c.region == 0,
            pay.c.gender == 0,
            pay.c.status == 4,
            pay.c.period == "2020",
            pay.c.measure == "annual",
            pay.c.stat == "median",
        )
    ).scalar_one()
    assert source == TABLE14_7A


def test_every_pay_and_hours_row_traces_to_an_ashe_table(conn):
    ashe = {f.path for f in TABLE14_FILES} | {TABLE14_7A, TABLE3, TABLE15, SOC2010_FILE}
    for table in (pay, hours):
        total = conn.execute(select(func.count()).select_from(table)).scalar_one()
        traced = conn.execute(
            select(func.count()).select_from(
                table.join(
                    provenance,
                    and_(
                        provenance.c.id == table.c.provenance_id,
                        provenance.c.source_file.in_(ashe),
                        provenance.c.table_ref.isnot(None),
                    ),
                )
            )
        ).scalar_one()
        assert traced == total > 5000


def test_322_unit_groups_have_a_2021_all_employees_annual_median(conn, sources):
    in_file = {
        int(r["Code"])
        for r in _rows(sources / T14 / "2021p_annual_FTPT.csv")
        if len(r["Code"]) == 4 and r["Median"] not in ("x", "", ":", "..")
    }
    in_db = set(
        conn.execute(
            select(pay.c.soc).where(
                pay.c.period == "2021",
                pay.c.measure == "annual",
                pay.c.stat == "median",
                pay.c.status == 4,
                pay.c.gender == 0,
                pay.c.region == 0,
                pay.c.soc >= 1000,
                pay.c.value.isnot(None),
            )
        ).scalars()
    )
    assert in_db == in_file and len(in_db) == 322


# --- validation, on small labelled synthetic Table 14 files -----------------------------------

BASE_STEPS = [("reference", reference.load), ("soc", soc.load)]
SPEC = TABLE14_FILES[0]
HEADER = "Description,Code,No_jobs,Median,change,Mean,change.1,10,20,25,30,40,60,70,75,80,90"
GOOD = ["10000", "15000", "17000", "19000", "25000", "35000", "40000", "45000", "50000", "60000"]


def _t14_row(code: str, jobs: str = "100", median: str = "30000", pcts: list[str] = GOOD) -> str:
    return ",".join(["SYNTHETIC row", code, jobs, median, "", "32000", "", *pcts])


@pytest.fixture(scope="module")
def base_files(sources: Path, tmp_path_factory) -> list[str]:
    """The files the reference and SOC steps read, found by building just those steps once."""
    db = tmp_path_factory.mktemp("base") / "base.sqlite"
    build(sources, db, out=io.StringIO(), steps=BASE_STEPS)
    engine = readonly_engine(db)
    with engine.connect() as c:
        files = list(c.execute(select(provenance.c.source_file)).scalars())
    engine.dispose()
    return files


def _build_with_synthetic_table14(sources, base_files, tmp_path, monkeypatch, rows: list[str]):
    root = tmp_path / "sources"
    for rel in base_files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sources / rel, root / rel)
    (root / SPEC.path).parent.mkdir(parents=True, exist_ok=True)
    (root / SPEC.path).write_text("\n".join([HEADER, *rows]) + "\n", "utf-8")
    manifest = load_manifest()
    manifest[SPEC.path] = dataclasses.replace(manifest[SPEC.path], rows=len(rows))
    monkeypatch.setattr("lmi_backend.etl.build.load_manifest", lambda: manifest)
    steps = [*BASE_STEPS, ("ashe table 14", lambda ctx: read_table14(ctx, SPEC))]
    return build(root, tmp_path / "private.sqlite", out=io.StringIO(), steps=steps)


def test_a_valid_synthetic_table14_file_loads(sources, base_files, tmp_path, monkeypatch):
    report = _build_with_synthetic_table14(
        sources, base_files, tmp_path, monkeypatch, [_t14_row("XX"), _t14_row("2136", median="x")]
    )
    engine = readonly_engine(tmp_path / "private.sqlite")
    with engine.connect() as c:
        rows = c.execute(
            select(pay.c.soc, pay.c.value, pay.c.missing_reason)
            .where(pay.c.stat == "median")
            .order_by(pay.c.soc)
        ).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (0, 30000.0, None),
        (2136, None, "x: suppressed, unreliable estimate (CV > 20%)"),
    ]
    assert report.warnings  # the synthetic file's checksum differs from the manifest


@pytest.mark.parametrize(
    "label, rows, rule, row",
    [
        (
            "decreasing percentile: p30 below p25",
            [_t14_row("2136", pcts=GOOD[:3] + ["16000"] + GOOD[4:])],
            "percentiles must be non-decreasing",
            2,
        ),
        (
            "median above p60",
            [_t14_row("XX"), _t14_row("2136", median="36000")],
            "percentiles must be non-decreasing",
            3,
        ),
        (
            "unknown SOC code 9999",
            [_t14_row("XX"), _t14_row("9999")],
            "column 'Code' must be a SOC2010 code in the SOC dimension",
            3,
        ),
        (
            "text in a number column",
            [_t14_row("2136", median="about 30k")],
            "column 'Median' must be a number or a missing-value marker",
            2,
        ),
        (
            "the same group twice",
            [_t14_row("2136"), _t14_row("2136")],
            "each cell may be published only once",
            3,
        ),
        (
            "unit groups with more jobs than their minor group",
            [_t14_row("213", jobs="10"), _t14_row("2136", jobs="8"), _t14_row("2137", jobs="4")],
            "jobs in the parts exceed the total (SOC group)",
            2,
        ),
    ],
)
def test_bad_table14_rows_stop_the_build_naming_file_row_and_rule(
    sources, base_files, tmp_path, monkeypatch, label, rows, rule, row
):
    with pytest.raises(SourceError) as info:
        _build_with_synthetic_table14(sources, base_files, tmp_path, monkeypatch, rows)
    err = info.value
    assert (err.file, err.row, err.rule) == (SPEC.path, row, rule), label
    assert SPEC.path in str(err) and f"row {row}" in str(err)
    assert not (tmp_path / "private.sqlite").exists()  # the failed build left nothing behind
