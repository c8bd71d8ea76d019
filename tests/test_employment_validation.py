"""A bad row in an employment, outlook, crosswalk or vacancy source stops the build, naming the
file, the row and the rule it broke.

SYNTHETIC FIXTURES: the small files written here are made up (two unit groups, 2136 and 5434,
with invented figures) to break one rule at a time; they are never loaded into the real
database. Each is given a manifest entry by patching `load_manifest` for the build under test.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import openpyxl
import pytest

from lmi_backend.db.dimensions import soc_group
from lmi_backend.db.facts import soc2020_group
from lmi_backend.etl import build as build_module
from lmi_backend.etl.build import build
from lmi_backend.etl.errors import SourceError
from lmi_backend.etl.readers import (
    aps2019,
    aps_regions,
    crosswalk_soc2020,
    ess,
    lfs_status,
    projections,
    reference,
)
from lmi_backend.etl.sources import load_manifest

SOC = [
    (2, 1, None, "Professional occupations"),
    (21, 2, 2, "Science professionals"),
    (213, 3, 21, "IT professionals"),
    (2136, 4, 213, "Programmers and software development professionals"),
    (5, 1, None, "Skilled trades occupations"),
    (54, 2, 5, "Textiles, printing and other skilled trades"),
    (543, 3, 54, "Food preparation and hospitality trades"),
    (5434, 4, 543, "Chefs"),
]


def _mini_soc(ctx) -> None:
    """Stands in for the SOC step: eight groups, two of them unit groups."""
    ctx.insert(
        soc_group,
        [
            {"code": c, "level": lv, "parent": p, "title": t, "description": ""}
            for c, lv, p, t in [(0, 0, None, "All occupations"), *SOC]
        ],
    )
    ctx.soc_codes = {c for c, *_ in SOC}
    ctx.soc_units = {c for c, lv, *_ in SOC if lv == 4}


def _mini_soc2020(ctx) -> None:
    """Stands in for the projections step's SOC2020 groups, for the crosswalk alone."""
    groups = [(0, 0, None), (2, 1, None), (21, 2, 2), (5, 1, None), (54, 2, 5)]
    ctx.insert(soc2020_group, [{"code": c, "level": lv, "parent": p, "title": str(c)} for c, lv, p in groups])


def _failing_build(
    sources: Path, tmp_path: Path, monkeypatch, files: dict[str, str | bytes], *steps
) -> SourceError:
    """Build from the real sources with `files` replaced by synthetic text; expect a SourceError."""
    root = tmp_path / "sources"
    manifest = load_manifest()
    for rel in manifest:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel in files:
            target.write_bytes(files[rel] if isinstance(files[rel], bytes) else files[rel].encode())
        elif (sources / rel).exists():
            target.symlink_to(sources / rel)
    synthetic = {rel: dataclasses.replace(manifest[rel], rows=None) for rel in files}
    monkeypatch.setattr(build_module, "load_manifest", lambda: {**manifest, **synthetic})
    db = tmp_path / "test.sqlite"
    with pytest.raises(SourceError) as info:
        build(
            root,
            db,
            out=io.StringIO(),
            steps=[
                ("reference", reference.load),
                ("mini SOC", _mini_soc),
                *[(f.__module__, f) for f in steps],
            ],
        )
    assert not db.exists(), "a failed build writes no database"
    return info.value


# --- Employer Skills Survey -------------------------------------------------------------------
ESS_HEADER = (
    "soc2010,sample_estabs_with_vacancy,vacancies,hard_to_fill_vacancies,skill_shortage_vacancies,"
    "htfv_pct_of_vacancies,ssv_pct_of_vacancies\n"
)
ESS_2136 = "2136,161,11297,4103,3590,36.3,31.8\n"
ESS_TOTAL = "TOTAL,40066,1472674,849960,531160,57.7,36.1\n"


@pytest.mark.parametrize(
    "bad_5434, rule",
    [
        (
            "5434,1534,lots,27657,15561,80.9,45.5",
            "column 'vacancies' must be a number or a missing-value marker",
        ),
        (
            "5434,1534,34196,40000,15561,80.9,45.5",
            "'hard_to_fill' vacancies are part of all vacancies: "
            "parts add up to more than the published total",
        ),
        ("5434,1534,34196,27657,15561,180.9,45.5", "column 'htfv_pct_of_vacancies' out of range [0, 100]"),
        (
            "5434,1534,34196,27657,15561,70.9,45.5",
            "'hard_to_fill_pct' must equal 100 x hard_to_fill / vacancies",
        ),
        (
            "9999,1534,34196,27657,15561,80.9,45.5",
            "column 'soc2010' must be a SOC2010 code in the SOC dimension",
        ),
    ],
)
def test_bad_vacancy_row_stops_the_build(sources, tmp_path, monkeypatch, bad_5434, rule):
    text = ESS_HEADER + ESS_2136 + bad_5434 + "\n" + ESS_TOTAL
    err = _failing_build(sources, tmp_path, monkeypatch, {ess.FILE: text}, ess.load)
    assert (err.file, err.row, err.rule) == (ess.FILE, 3, rule)


# --- APS 2019 -----------------------------------------------------------------------------------
def _aps_files(**override: str) -> dict[str, str]:
    files = {
        "sex": "soc2010,title_aps_abbrev,1 Male,2 Female\n2136,Programmers,300,50\n5434,Chefs,100,*\n",
        "age": "soc2010,title_aps_abbrev,4 16-19yrs,5 20-24yrs\n2136,Programmers,10,20\n5434,Chefs,*,-\n",
        "highest_qual": (
            "soc2010,title_aps_abbrev,1 Degree or equivalent,7 Don't know\n"
            "2136,Programmers,200,*\n5434,Chefs,20,-\n"
        ),
        "nuts3": (
            "soc2010,title_aps_abbrev,UKC11 Hartlepool and Stockton-on-Tees,UKN06 Belfast\n"
            "2136,Programmers,*,40\n5434,Chefs,-,*\n"
        ),
        "sic4": (
            "soc2010,title_aps_abbrev,6201 62.01 Computer programming activities,"
            "5610 56.10 Restaurants\n"
            "2136,Programmers,150,-\n5434,Chefs,-,60\n"
        ),
    }
    files.update(override)
    return {f"{aps2019.FOLDER}/aps2019_soc4_by_{name}.csv": text for name, text in files.items()}


@pytest.mark.parametrize(
    "name, text, row, rule",
    [
        (
            "sex",
            "soc2010,title_aps_abbrev,1 Male,2 Female\n2136,Programmers,300,many\n5434,Chefs,100,*\n",
            2,
            "column '2 Female' must be a number or a missing-value marker",
        ),
        (
            "age",
            "soc2010,title_aps_abbrev,4 16-19yrs,5 20-24yrs\n2136,Programmers,200,200\n5434,Chefs,*,-\n",
            2,
            "breakdown of a unit group's employment (male + female): "
            "parts add up to more than the published total",
        ),
        (
            "age",
            "soc2010,title_aps_abbrev,4 16-24yrs,5 20-24yrs\n2136,Programmers,10,20\n5434,Chefs,*,-\n",
            1,
            "age column must be an APS age band in the age_band dimension",
        ),
        (
            "nuts3",
            "soc2010,title_aps_abbrev,XX11 Nowhere,UKN06 Belfast\n2136,Programmers,*,40\n5434,Chefs,-,*\n",
            1,
            "area column must start with a NUTS3 code (UKC11 ... UKN16), once",
        ),
        (
            "sic4",
            "soc2010,title_aps_abbrev,6201 62.01 Computer programming activities\n2136,P,-1\n5434,C,-\n",
            2,
            "column '6201 62.01 Computer programming activities' out of range [0, 40000000]",
        ),
    ],
)
def test_bad_aps2019_row_or_header_stops_the_build(sources, tmp_path, monkeypatch, name, text, row, rule):
    err = _failing_build(sources, tmp_path, monkeypatch, _aps_files(**{name: text}), aps2019.load)
    assert (err.file, err.row, err.rule) == (f"{aps2019.FOLDER}/aps2019_soc4_by_{name}.csv", row, rule)


# --- APS English regions ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "chefs_region, programmers, row, rule",
    [
        ("Wessex", 400, 4, "region must be an English region"),
        ("London", 900, 2, "unit groups of a region and year: parts add up to more than the published total"),
    ],
)
def test_bad_english_region_row_stops_the_build(
    sources, tmp_path, monkeypatch, chefs_region, programmers, row, rule
):
    text = (
        "period,region,soc2010_code,title,employed\n"
        "Jan 2019-Dec 2019,London,TOTAL,Total,1000\n"
        f"Jan 2019-Dec 2019,London,2136,Programmers,{programmers}\n"
        f"Jan 2019-Dec 2019,{chefs_region},5434,Chefs,300\n"
    )
    err = _failing_build(sources, tmp_path, monkeypatch, {aps_regions.FILE: text}, aps_regions.load)
    assert (err.file, err.row, err.rule) == (aps_regions.FILE, row, rule)


# --- LFS by status ------------------------------------------------------------------------------
LFS_COLUMNS = (
    "total_in_employment",
    "employees_ft",
    "employees_pt",
    "employees_total",
    "selfemployed_ft",
    "selfemployed_pt",
    "selfemployed_total",
)
LFS_UNITS = {
    "men": {2136: [100, 60, 10, 70, 20, 10, 30], 5434: [50, 30, 10, 40, 5, 5, 10]},
    "women": {2136: [40, 20, 10, 30, 5, 5, 10], 5434: [60, 20, 30, 50, 5, 5, 10]},
}


def _lfs_text(units: dict[str, dict[int, list[int]]]) -> str:
    """Every published level (total, major, minor, unit) summed from the unit groups, and people
    = men + women, so the file is consistent until a test edits it."""
    people = {s: [a + b for a, b in zip(units["men"][s], units["women"][s])] for s in (2136, 5434)}
    units = {**units, "people": people}
    lines = ["sex,soc2010_code,digits,title," + ",".join(LFS_COLUMNS)]
    for sex in ("people", "men", "women"):

        def total(codes, sex=sex):
            return [sum(col) for col in zip(*(units[sex][c] for c in codes))]

        lines.append(f"{sex},ALL,0,Total," + ",".join(map(str, total((2136, 5434)))))
        for unit in (2136, 5434):  # in this small world each major and minor group holds one unit
            for code, digits in ((unit // 1000, 1), (unit // 10, 3), (unit, 4)):
                lines.append(f"{sex},{code},{digits},Group {code}," + ",".join(map(str, total((unit,)))))
    return "\n".join(lines) + "\n"


def test_bad_lfs_hierarchy_names_the_minor_group_row(sources, tmp_path, monkeypatch):
    lines = _lfs_text(LFS_UNITS).splitlines(keepends=True)
    assert lines[4].startswith("people,2136,4,Group 2136,140,80,")
    lines[4] = lines[4].replace(",140,80,", ",140,95,")  # unit group's full-time above its minor group's
    err = _failing_build(sources, tmp_path, monkeypatch, {lfs_status.FILE: "".join(lines)}, lfs_status.load)
    assert (err.file, err.row) == (lfs_status.FILE, 4)  # the minor group 213 (people) on line 4
    assert err.rule == (
        "'employees_ft' of the groups inside SOC 213: parts add up to more than the published total"
    )


def test_full_time_plus_part_time_above_all_employees_stops_the_build(sources, tmp_path, monkeypatch):
    units = {"men": {**LFS_UNITS["men"], 2136: [100, 70, 10, 70, 20, 10, 30]}, "women": LFS_UNITS["women"]}
    err = _failing_build(sources, tmp_path, monkeypatch, {lfs_status.FILE: _lfs_text(units)}, lfs_status.load)
    assert (err.file, err.row) == (lfs_status.FILE, 2)  # people, all occupations, is checked first
    assert err.rule == (
        "'employees_ft' + 'employees_pt' against 'employees_total': "
        "parts add up to more than the published total"
    )


# --- Skills Imperative 2035 (the real files, one figure edited) ---------------------------------
def test_inconsistent_net_change_stops_the_build(sources, tmp_path, monkeypatch):
    text = (sources / projections.LEVELS_FILE).read_text("utf-8")
    assert "2300.863,2163.737,2367.694,66.831," in text.splitlines()[1]  # All, 11 on line 2
    text = text.replace("2367.694,66.831,", "2367.694,76.831,", 1)
    err = _failing_build(sources, tmp_path, monkeypatch, {projections.LEVELS_FILE: text}, projections.load)
    assert (err.file, err.row) == (projections.LEVELS_FILE, 2)
    assert err.rule.startswith("net change against 2035 - 2020 employment")


# --- SOC2010 -> SOC2020 crosswalk ---------------------------------------------------------------
def _workbook(*rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(crosswalk_soc2020.HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CHEFS = [
    ("5434: Chefs", "Total sample", 10, None, 20, None, 10, None, 20, None),
    (None, "5434: Chefs", None, 1, None, 1, None, 1, None, 1),
]


@pytest.mark.parametrize(
    "share_2135, chefs_code, row, rule",
    [
        (0.01, "5434", 2, "shares of a sample must add up to between 0.94 and 1"),
        (0.1, "9999", 5, "SOC2010 code must be a unit group of the SOC dimension, with its title, once"),
    ],
)
def test_bad_crosswalk_block_names_the_spreadsheet_row(
    sources, tmp_path, monkeypatch, share_2135, chefs_code, row, rule
):
    data = _workbook(
        (
            "2136: Programmers and software development professionals",
            "Total sample",
            100,
            None,
            200,
            None,
            50,
            None,
            0,
            None,
        ),
        (
            None,
            "2134: Programmers and software development professionals",
            None,
            0.9,
            None,
            0.95,
            None,
            1,
            None,
            0,
        ),
        (None, "2135: Cyber security professionals", None, share_2135, None, 0.05, None, 0, None, 0),
        (f"{chefs_code}: Chefs", *CHEFS[0][1:]),
        CHEFS[1],
    )
    err = _failing_build(
        sources, tmp_path, monkeypatch, {crosswalk_soc2020.FILE: data}, _mini_soc2020, crosswalk_soc2020.load
    )
    assert (err.file, err.row, err.rule) == (crosswalk_soc2020.FILE, row, rule)
