"""Apprenticeship standards and their job titles match the Skills England JSON file."""

import io
import json

import pytest
from sqlalchemy import func, select

from lmi_backend.db.occupations import apprenticeship_job_title, apprenticeship_standard
from lmi_backend.db.provenance import provenance
from lmi_backend.etl import build as build_module
from lmi_backend.etl.build import build
from lmi_backend.etl.errors import SourceError
from lmi_backend.etl.readers import apprenticeships


@pytest.fixture(scope="module")
def standards(sources):
    return json.loads((sources / apprenticeships.STANDARDS).read_text("utf-8"))


def test_all_640_standards_with_levels_and_durations_from_the_file(conn, standards):
    rows = {r["reference"]: r for r in conn.execute(select(apprenticeship_standard)).mappings()}
    assert len(rows) == len(standards) == 640
    assert all(
        (
            rows[s["referenceNumber"]]["level"],
            rows[s["referenceNumber"]]["duration_months"],
            rows[s["referenceNumber"]]["max_funding"],
        )
        == (s["level"], s["typicalDuration"], s["maxFunding"])
        for s in standards
    )
    levels = dict(
        conn.execute(
            select(apprenticeship_standard.c.level, func.count()).group_by(apprenticeship_standard.c.level)
        ).all()
    )
    assert levels == {2: 120, 3: 216, 4: 103, 5: 38, 6: 104, 7: 59}  # misc/README.txt


def test_one_standard_in_full(conn, standards):
    source = next(s for s in standards if s["referenceNumber"] == "ST1312")
    row = (
        conn.execute(select(apprenticeship_standard).where(apprenticeship_standard.c.reference == "ST1312"))
        .mappings()
        .one()
    )
    assert (row["title"], row["lars_code"], row["route"], row["overview"]) == (
        source["title"],
        749,
        "Legal, finance and accounting",
        source["overviewOfRole"],
    )
    titles = (
        conn.execute(
            select(apprenticeship_job_title.c.title)
            .where(apprenticeship_job_title.c.reference == "ST1312")
            .order_by(apprenticeship_job_title.c.title)
        )
        .scalars()
        .all()
    )
    assert titles == sorted(source["typicalJobTitles"]) and "Probate technician" in titles


def test_repeated_job_titles_are_stored_once(conn, standards):
    repeated = next(s for s in standards if len(s["typicalJobTitles"]) != len(set(s["typicalJobTitles"])))
    stored = (
        conn.execute(
            select(apprenticeship_job_title.c.title).where(
                apprenticeship_job_title.c.reference == repeated["referenceNumber"]
            )
        )
        .scalars()
        .all()
    )
    first_spellings = {t.lower(): t for t in reversed(repeated["typicalJobTitles"])}
    assert sorted(stored) == sorted(first_spellings.values())


def test_standards_name_their_source(conn):
    row = (
        conn.execute(
            select(provenance)
            .join(apprenticeship_standard, apprenticeship_standard.c.provenance_id == provenance.c.id)
            .limit(1)
        )
        .mappings()
        .one()
    )
    assert (
        row["source_file"] == apprenticeships.STANDARDS and row["licence"] == "Open Government Licence v3.0"
    )
    assert row["rows_read"] == row["rows_loaded"] == 640


def test_level_out_of_range_stops_the_build_naming_the_record(tmp_path, monkeypatch):
    """Synthetic two-standard file: the second record claims level 9."""
    good = {
        "referenceNumber": "ST0001",
        "larsCode": 1,
        "title": "Test standard",
        "level": 3,
        "route": "Digital",
        "typicalDuration": 12,
        "maxFunding": 5000,
        "overviewOfRole": "x",
        "typicalJobTitles": ["Tester"],
        "status": "Approved for delivery",
    }
    path = tmp_path / apprenticeships.STANDARDS
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps([good, {**good, "referenceNumber": "ST0002", "level": 9}]), "utf-8")
    entry = build_module.load_manifest()[apprenticeships.STANDARDS]  # checksum differs: a warning
    monkeypatch.setattr(build_module, "load_manifest", lambda: {apprenticeships.STANDARDS: entry})
    with pytest.raises(SourceError) as err:
        build(
            tmp_path,
            tmp_path / "x.sqlite",
            out=io.StringIO(),
            steps=[("apprenticeships", apprenticeships.load)],
        )
    assert (err.value.file, err.value.row, err.value.rule) == (
        apprenticeships.STANDARDS,
        2,
        "level must be 2-7",
    )
