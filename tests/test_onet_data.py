"""O*NET descriptors and the weighted UK SOC2010 -> O*NET crosswalk, checked against the source
files read directly."""

import csv
import dataclasses
import io
from collections import defaultdict
from statistics import fmean

import pytest
from sqlalchemy import func, select

from lmi_backend.coverage import coverage
from lmi_backend.db.occupations import onet_element, onet_job_zone, onet_occupation, onet_value, soc_onet
from lmi_backend.db.provenance import provenance
from lmi_backend.etl import build as build_module
from lmi_backend.etl.build import build
from lmi_backend.etl.errors import SourceError
from lmi_backend.etl.readers import onet

ONET = "onet/onet_29_3/"


def tsv_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def stored(conn, code, element, scale):
    return (
        conn.execute(
            select(onet_value).where(
                onet_value.c.onet_code == code,
                onet_value.c.element_id == element,
                onet_value.c.scale == scale,
            )
        )
        .mappings()
        .one()
    )


def test_skills_rows_equal_the_source_file(conn, sources):
    rows = {
        (r["Element ID"], r["Scale ID"]): r
        for r in tsv_rows(sources / ONET / "Skills.txt")
        if r["O*NET-SOC Code"] == "11-1011.00" and r["Element ID"] == "2.A.1.a"
    }
    im, lv = stored(conn, "11-1011.00", "2.A.1.a", "IM"), stored(conn, "11-1011.00", "2.A.1.a", "LV")
    assert (
        (im["value"], lv["value"])
        == (float(rows["2.A.1.a", "IM"]["Data Value"]), float(rows["2.A.1.a", "LV"]["Data Value"]))
        == (4.12, 4.62)
    )
    assert im["n"] == lv["n"] == 8 and lv["recommend_suppress"] is False and lv["not_relevant"] is False
    assert im["not_relevant"] is None  # 'n/a' in the source: O*NET rates relevance on LV only
    name = conn.execute(
        select(onet_element.c.name, onet_element.c.domain).where(onet_element.c.element_id == "2.A.1.a")
    ).one()
    assert tuple(name) == ("Reading Comprehension", "skills")


def test_every_skills_and_knowledge_rating_is_loaded(conn):
    counts = dict(
        conn.execute(
            select(onet_element.c.domain, func.count())
            .join(onet_value, onet_value.c.element_id == onet_element.c.element_id)
            .group_by(onet_element.c.domain)
        ).all()
    )
    assert counts["skills"] == 61530 and counts["knowledge"] == 58014  # STATS.txt row counts


def test_suppression_flag_and_na_count_are_kept_as_published(conn, sources):
    source = list(tsv_rows(sources / ONET / "Knowledge.txt"))
    flagged = next(r for r in source if r["Recommend Suppress"] == "Y")
    no_count = next(r for r in source if r["N"] == "n/a")
    row = stored(conn, flagged["O*NET-SOC Code"], flagged["Element ID"], flagged["Scale ID"])
    # O*NET publishes the value with the flag: the value is kept, the flag says "do not show"
    assert row["value"] == float(flagged["Data Value"]) and row["recommend_suppress"] is True
    row = stored(conn, no_count["O*NET-SOC Code"], no_count["Element ID"], no_count["Scale ID"])
    assert row["n"] is None and row["value"] == float(no_count["Data Value"])


def test_interests_keep_riasec_ratings_and_high_points_as_published(conn, sources):
    scales = dict(
        conn.execute(
            select(onet_value.c.scale, func.count(func.distinct(onet_value.c.onet_code)))
            .join(onet_element, onet_element.c.element_id == onet_value.c.element_id)
            .where(onet_element.c.domain == "interests")
            .group_by(onet_value.c.scale)
        ).all()
    )
    assert scales == {"OI": 923, "IH": 923}
    realistic = stored(conn, "47-2152.00", "1.B.1.a", "OI")["value"]
    assert 1 <= realistic <= 7 and realistic > stored(conn, "47-2152.00", "1.B.1.c", "OI")["value"]
    # the high-points name an interest by number (1 Realistic ... 6 Conventional, 0 none)
    published = {
        r["Element ID"]: float(r["Data Value"])
        for r in tsv_rows(sources / ONET / "Interests.txt")
        if r["O*NET-SOC Code"] == "47-2152.00" and r["Scale ID"] == "IH"
    }
    assert {e: stored(conn, "47-2152.00", e, "IH")["value"] for e in published} == published
    assert published["1.B.1.g"] == 1  # plumbers: Realistic first


def test_job_zones_match_the_source(conn, sources):
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in tsv_rows(sources / ONET / "Job Zones.txt")}
    stored_zones = dict(
        conn.execute(
            select(onet_occupation.c.code, onet_occupation.c.job_zone).where(
                onet_occupation.c.job_zone.isnot(None)
            )
        ).all()
    )
    assert stored_zones == zones
    assert conn.execute(select(func.count()).select_from(onet_job_zone)).scalar_one() == 5


def test_abilities_move_to_2019_codes_and_merged_codes_take_the_mean(conn, sources):
    with open(sources / "onet/crosswalks/onetsoc2010_to_onetsoc2019.csv", encoding="utf-8") as fh:
        olds = defaultdict(set)
        for r in csv.DictReader(fh):
            olds[r["onetsoc2019"]].add(r["onetsoc2010"])
    with open(sources / onet.ABILITIES, encoding="utf-8") as fh:
        oral = {
            r["O*NET-SOC Code"]: float(r["Data Value"])
            for r in csv.DictReader(fh)
            if r["Element Name"] == "Oral Comprehension"
        }
    assert olds["15-1252.00"] == {"15-1132.00", "15-1133.00"}  # a merged code
    for code in ("11-1011.00", "15-1252.00"):
        expected = fmean(oral[old] for old in olds[code])
        assert stored(conn, code, "1.A.1.a.1", "IM")["value"] == pytest.approx(expected)
    assert stored(conn, "11-1011.00", "1.A.1.a.1", "IM")["value"] == 4.5


def test_onet_skills_reach_at_least_360_unit_groups(conn):
    cov = coverage(conn)
    assert cov["onet_link"]["unit_groups"] == 369
    assert cov["onet_skills"]["unit_groups"] >= 360
    assert cov["onet_interests"]["unit_groups"] >= 360 and cov["onet_job_zone"]["unit_groups"] >= 360


def test_link_weights_are_positive_and_sum_to_one(conn):
    sums = conn.execute(
        select(soc_onet.c.soc, func.sum(soc_onet.c.weight), func.min(soc_onet.c.weight)).group_by(
            soc_onet.c.soc
        )
    ).all()
    assert len(sums) == 369
    assert all(abs(total - 1) <= 1e-9 and low > 0 for _, total, low in sums)
    unknown = conn.execute(
        select(func.count()).where(soc_onet.c.onet_code.notin_(select(onet_occupation.c.code)))
    ).scalar_one()
    assert unknown == 0


def top_link(conn, soc):
    return conn.execute(
        select(soc_onet.c.onet_code).where(soc_onet.c.soc == soc).order_by(soc_onet.c.weight.desc()).limit(1)
    ).scalar_one()


@pytest.mark.parametrize(
    "soc, expected",
    [
        (5314, ("47-2152",)),  # plumbers -> Plumbers, Pipefitters, and Steamfitters
        (2136, ("15-1252",)),  # programmers -> Software Developers
        (6145, ("31-1121", "31-1122")),  # care workers -> home health / personal care aides
        (2231, ("29-1141.00",)),  # nurses -> Registered Nurses
        (2433, ("13-1051",)),  # quantity surveyors -> Cost Estimators, not engineers
    ],
)
def test_top_link_is_the_matching_us_occupation(conn, soc, expected):
    assert top_link(conn, soc).startswith(expected)


def test_links_and_ratings_name_their_source(conn):
    files = set(
        conn.execute(
            select(provenance.c.source_file)
            .join(soc_onet, soc_onet.c.provenance_id == provenance.c.id)
            .distinct()
        ).scalars()
    )
    assert files <= {
        "onet/crosswalks/uksoc2010_to_onetsoc2019_via_isco08_bls.csv",
        "onet/crosswalks/uksoc2010_to_onetsoc2019_via_isco08_esco_nesta.csv",
    }
    skills = (
        conn.execute(
            select(provenance)
            .join(onet_value, onet_value.c.provenance_id == provenance.c.id)
            .where(onet_value.c.element_id == "2.A.1.a")
            .limit(1)
        )
        .mappings()
        .one()
    )
    assert skills["source_file"] == ONET + "Skills.txt" and skills["licence"] == "CC BY 4.0"
    assert "O*NET 29.3" in skills["attribution"] and skills["rows_loaded"] == 61530


def test_out_of_range_rating_stops_the_build_naming_file_row_and_rule(sources, tmp_path, monkeypatch):
    """Synthetic: a Skills.txt whose second rating is 9.5 on the 0-7 level scale; every other
    O*NET file is the real one (linked, not copied)."""
    folder = tmp_path / ONET
    folder.mkdir(parents=True)
    for path in (sources / ONET).iterdir():
        if path.name != "Skills.txt":
            (folder / path.name).symlink_to(path)
    with open(sources / ONET / "Skills.txt", encoding="utf-8-sig") as fh:
        header, first, second = (next(fh) for _ in range(3))
    fields = second.rstrip("\n").split("\t")
    assert fields[4] == "LV"
    fields[6] = "9.5"
    (folder / "Skills.txt").write_text(header + first + "\t".join(fields) + "\n", encoding="utf-8")
    real = build_module.load_manifest()
    patched = {**real, ONET + "Skills.txt": dataclasses.replace(real[ONET + "Skills.txt"], rows=None)}
    monkeypatch.setattr(build_module, "load_manifest", lambda: patched)
    with pytest.raises(SourceError) as err:
        build(tmp_path, tmp_path / "x.sqlite", out=io.StringIO(), steps=[("onet", onet.load)])
    assert (err.value.file, err.value.row) == (ONET + "Skills.txt", 3)
    assert "'Data Value' out of range [0.0, 7.0]" in err.value.rule
    assert not (tmp_path / "x.sqlite").exists()
