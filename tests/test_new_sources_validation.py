"""A broken row in each new source file (ASHE 2021-2025, Working Futures, Census 2011, postcode
districts, APS SOC2020 x industry) stops the build naming the file, the row and the rule, and the
previous database stays as it was."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from test_build import _failing_build, _linked_sources

from lmi_backend.etl.readers import (
    aps_industry_soc2020,
    ashe_recent,
    census2011,
    postcode_districts,
    projections,
    reference,
    soc,
    working_futures,
)

BASE = [("reference", reference.load), ("soc", soc.load)]
SOC2020 = [*BASE, ("si2035", projections.load), ("ashe soc2020", ashe_recent.load_soc2020)]


def _corrupt(path: Path, row_number: int, column: str, value: str) -> int:
    """Set one cell of data row `row_number` (1 = the first after the header); the file line."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    table[row_number][table[0].index(column)] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    return row_number + 1


CASES = [
    (
        ashe_recent.SOC2010_FILE,
        [*BASE, ("ashe 2021", ashe_recent.load_soc2010)],
        (40, "median", "12x"),
        "column 'median' must be a number or a missing-value marker",
    ),
    (
        ashe_recent.SOC2020_FILES["2023"],
        SOC2020,
        (7, "measure", "monthly_pay"),
        "measure must be one of the four Table 14 measures",
    ),
    (ashe_recent.FILE_2025, SOC2020, (3, "median", "-5"), "column 'median' out of range"),
    (
        working_futures.SERIES_FILE,
        [*BASE, ("wf", working_futures.load)],
        (30, "employment_000s", "1,0x"),
        "column 'employment_000s' must be a number",
    ),
    (
        working_futures.INDUSTRY_STATUS_FILE,
        [*BASE, ("wf", working_futures.load)],
        (500, "industry", "Shipbuilding"),
        "column 'industry' must be one of",
    ),
    (
        census2011.LAD_FILE,
        [*BASE, ("districts", postcode_districts.load), ("census", census2011.load)],
        (200, "persons", "12a"),
        "column 'persons' must be a whole number",
    ),
    (
        postcode_districts.FILE,
        [*BASE, ("districts", postcode_districts.load)],
        (10, "latitude", "91.2"),
        "column 'latitude' out of range",
    ),
    (
        aps_industry_soc2020.FILE,
        [*SOC2020, ("aps industry", aps_industry_soc2020.load)],
        (100, "soc2020_code", "9998"),
        "must be a SOC2020 unit group code",
    ),
]


@pytest.mark.parametrize("rel, steps, edit, rule", CASES, ids=[c[0].split("/")[-1] for c in CASES])
def test_a_broken_row_stops_the_build_naming_file_row_and_rule(
    sources, tmp_path, previous_db, rel, steps, edit, rule
):
    src = _linked_sources(sources, tmp_path, rel)
    line = _corrupt(src / rel, *edit)
    err = _failing_build(src, previous_db, steps)
    assert (err.file, err.row) == (rel, line)
    assert rule in err.rule and rel in str(err) and f"row {line}" in str(err)


def test_parts_that_exceed_their_total_stop_the_build(sources, tmp_path, previous_db):
    """Census: a district's groups must add up to the group above them; the error names the
    row of the group whose parts do not."""
    rel = census2011.LAD_FILE
    src = _linked_sources(sources, tmp_path, rel)
    # data row 2 is Hartlepool's first sub-major group (11), inside major group 1 on row 1
    _corrupt(src / rel, 2, "persons", "999")
    _corrupt(src / rel, 2, "share_of_employed_pct", f"{100 * 999 / 37767:.2f}")
    err = _failing_build(
        src, previous_db, [*BASE, ("districts", postcode_districts.load), ("census", census2011.load)]
    )
    assert (err.file, err.row) == (rel, 2) and err.rule == "the groups inside a group must add up to it"
