"""The build as a whole: bad sources stop it cleanly, the live database survives, provenance is
complete and the same inputs give the same database."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from lmi_backend.db.provenance import provenance
from lmi_backend.etl.build import build
from lmi_backend.etl.errors import MissingSourceError, SourceError
from lmi_backend.etl.readers import graduate_outcomes, reference, soc
from lmi_backend.etl.sources import load_manifest

SOC_STEPS = [("reference", reference.load), ("soc", soc.load)]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _linked_sources(real: Path, tmp: Path, corrupt: str) -> Path:
    """A sources directory of symlinks to the real files, with `corrupt` as a private copy."""
    root = tmp / "sources"
    for rel in load_manifest():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel == corrupt:
            shutil.copyfile(real / rel, target)
        elif (real / rel).exists():
            target.symlink_to(real / rel)
    return root


def _edit(path: Path, line_no: int, old: str, new: str) -> None:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    assert old in lines[line_no - 1], f"fixture assumption: {old!r} on line {line_no}"
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path.write_text("".join(lines), "utf-8")


def _failing_build(sources: Path, db: Path, steps=None) -> SourceError:
    before = _sha(db)
    with pytest.raises(SourceError) as info:
        build(sources, db, out=io.StringIO(), steps=steps)
    assert _sha(db) == before, "a failed build must leave the previous database untouched"
    assert not list(db.parent.glob(db.name + ".staging*")), "staging files are cleaned up"
    return info.value


def test_truncated_file_stops_the_build(sources, tmp_path, previous_db):
    rel = "soc/ons_soc2010_unit_groups.csv"
    src = _linked_sources(sources, tmp_path, rel)
    data = (src / rel).read_bytes()
    (src / rel).write_bytes(data[: len(data) // 2])  # cut mid-row, as a failed download would
    err = _failing_build(src, previous_db, SOC_STEPS)
    assert err.file == rel and err.row is not None
    assert "row" in str(err) and rel in str(err)


def test_truncated_at_a_row_boundary_is_caught_by_the_row_count(sources, tmp_path, previous_db):
    rel = "soc/ons_soc_tool_jobrecords.csv"
    src = _linked_sources(sources, tmp_path, rel)
    lines = (src / rel).read_text("utf-8").splitlines(keepends=True)
    (src / rel).write_text("".join(lines[:1000]), "utf-8")
    err = _failing_build(src, previous_db, SOC_STEPS)
    assert err.file == rel and err.rule == "row count differs from the manifest"


def test_unknown_soc_code_names_file_row_and_rule(sources, tmp_path, previous_db):
    rel = "soc/ons_soc2010_coding_index_v5_1.csv"
    src = _linked_sources(sources, tmp_path, rel)
    # line 755 is the data row "Analyst, tool" coded 3122 (line 1 is the header)
    _edit(src / rel, 755, ',3122,"Analyst, tool"', ',9999,"Analyst, tool"')
    err = _failing_build(src, previous_db, SOC_STEPS)
    assert (err.file, err.row) == (rel, 755)
    assert "SOC code must be a unit group" in err.rule


def test_text_in_a_number_column_names_file_row_and_rule(sources, tmp_path, previous_db):
    rel = "misc/lmiforall_regions.csv"
    src = _linked_sources(sources, tmp_path, rel)
    _edit(src / rel, 3, "2,", "two,")
    err = _failing_build(src, previous_db, SOC_STEPS)
    assert (err.file, err.row) == (rel, 3)
    assert err.rule == "column 'code' must be a whole number"


@pytest.mark.parametrize(
    "old, new, rule",
    [
        (",37000,", ",3700,", "percentiles must be non-decreasing"),  # a median below its lower quartile
        (",37000,", ",NA,", "a figure and its population are published together"),
        (",03,", ",05,", "KISMODE must be 1 or 2 and KISLEVEL 3 or 4"),
    ],
)
def test_a_broken_graduate_row_names_file_row_and_rule(sources, tmp_path, previous_db, old, new, rule):
    rel = "misc/hesa_discover_uni/GOSECSAL.csv"
    src = _linked_sources(sources, tmp_path, rel)
    _edit(src / rel, 2, old, new)  # CAH01 (medicine and dentistry), full-time first degree
    steps = [("reference", reference.load), ("graduates", graduate_outcomes.load)]
    err = _failing_build(src, previous_db, steps)
    assert (err.file, err.row, err.rule) == (rel, 2, rule)


def test_missing_source_says_which_file_and_how_to_get_it(sources, tmp_path, previous_db):
    rel = "soc/ons_soc2010_hierarchy.csv"
    src = _linked_sources(sources, tmp_path, rel)
    (src / rel).unlink()
    before = _sha(previous_db)
    with pytest.raises(MissingSourceError, match="ons_soc2010_hierarchy.csv") as info:
        build(src, previous_db, out=io.StringIO(), steps=SOC_STEPS)
    assert "lmi-sources" in str(info.value) or "lmi fetch" in str(info.value)
    assert _sha(previous_db) == before


def test_every_fact_row_has_provenance_with_checksum_and_licence(engine):
    with engine.connect() as conn:
        tables = [
            t
            for t in inspect(conn).get_table_names()
            if "provenance_id" in {c["name"] for c in inspect(conn).get_columns(t)}
        ]
        assert {"fact_pay", "fact_employment", "job_title", "fact_onet"} <= set(tables)
        for name in tables:
            orphans = conn.exec_driver_sql(
                f"SELECT count(*) FROM {name} t LEFT JOIN provenance p ON p.id = t.provenance_id "
                f"WHERE p.id IS NULL"
            ).scalar_one()
            assert orphans == 0, name
        rows = conn.execute(select(provenance)).mappings().all()
        assert rows and all(len(r["sha256"]) == 64 and r["licence"] and r["attribution"] for r in rows)
        assert conn.execute(select(func.sum(provenance.c.rows_loaded))).scalar_one() > 100_000


def test_every_fact_table_is_filled_and_traced(engine):
    with engine.connect() as conn:
        for name in (
            "fact_pay",
            "fact_hours",
            "fact_employment",
            "fact_projection",
            "fact_vacancy",
            "fact_onet",
            "soc_onet",
            "job_title",
            "apprenticeship_standard",
            "fact_graduate_pay",
            "graduate_subject",
            "fact_pay_soc2020",
            "fact_hours_soc2020",
            "fact_wf_projection",
            "fact_census_occupation",
            "fact_employment_soc2020_industry",
            "postcode_district",
        ):
            n = conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one()
            assert n > 0, f"{name} is empty"


def test_same_inputs_give_the_same_database(sources, tmp_path, db_path):
    again = tmp_path / "again.sqlite"
    build(sources, again, out=io.StringIO())
    assert _content_digest(again) == _content_digest(db_path)


def _content_digest(path: Path) -> str:
    import sqlite3

    digest = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        for line in conn.iterdump():
            digest.update(line.encode())
    return digest.hexdigest()
