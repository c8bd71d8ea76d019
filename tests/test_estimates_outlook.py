"""4-digit England outlook: shares of the published SI2035 sub-major projections that add back
up to them, and a unit group coded to one sub-major group moves exactly with it."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest
from sqlalchemy import select

from lmi_backend.db import estimates as e
from lmi_backend.db.facts import soc2010_soc2020

LEVELS = "pay/skills_imperative_2035/si2035_england_soc2020_submajor_levels_change_replacement_demand.csv"


@pytest.fixture(scope="module")
def si2035(sources):
    with open(sources / LEVELS, encoding="utf-8") as fh:
        return {(r["gender"], r["soc2020_submajor"]): r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def outlook(engine):
    with engine.connect() as conn:
        return {(r.soc, r.gender): r for r in conn.execute(select(e.est_outlook))}


def test_unit_groups_add_up_to_the_published_england_totals(outlook, si2035):
    units = [r for (soc, g), r in outlook.items() if soc >= 1000 and g == 0]
    assert len(units) == 369
    published_2020 = (
        sum(float(r["emp_2020_000s"]) for (g, code), r in si2035.items() if g == "All" and code.isdigit())
        * 1000
    )
    assert sum(r.employment_base for r in units) == pytest.approx(published_2020, rel=1e-6)
    published_rd = (
        sum(
            float(r["replacement_demand_2020_2035_000s"])
            for (g, code), r in si2035.items()
            if g == "All" and code.isdigit()
        )
        * 1000
    )
    assert sum(r.replacement_demand for r in units) == pytest.approx(published_rd, rel=1e-6)
    total = float(si2035[("All", "ALL")]["emp_2020_000s"]) * 1000
    assert outlook[(0, 0)].employment_base == pytest.approx(total, rel=1e-5)


def test_a_unit_group_coded_to_one_sub_major_grows_at_its_rate(outlook, si2035, conn):
    coding = defaultdict(lambda: defaultdict(float))
    for s2010, s2020, p in conn.execute(
        select(soc2010_soc2020.c.soc2010, soc2010_soc2020.c.soc2020, soc2010_soc2020.c.value)
    ):
        coding[s2010][s2020 // 100] += p
    single = {s: next(iter(c)) for s, c in coding.items() if len(c) == 1}
    assert len(single) > 50
    for soc, submajor in single.items():
        published = si2035[("All", str(submajor))]
        rate = float(published["emp_2035_000s"]) / float(published["emp_2020_000s"])
        replacement = float(published["replacement_demand_2020_2035_000s"]) / float(
            published["emp_2020_000s"]
        )
        row = outlook[(soc, 0)]
        assert row.employment_2035 / row.employment_base == pytest.approx(rate, rel=1e-9), soc
        assert row.replacement_demand / row.employment_base == pytest.approx(replacement, rel=1e-9), soc
        # published to 0.001 thousand, so total requirement = net change + replacement to rounding
        assert row.openings == pytest.approx(row.net_change + row.replacement_demand, rel=1e-5)


def test_men_and_women_add_up_to_all(outlook):
    """Exactly over all jobs (as published); within a few per cent for one job, whose men and
    women are each spread over the sub-major groups by their own employment."""
    both = outlook[(0, 1)].employment_2035 + outlook[(0, 2)].employment_2035
    assert both == pytest.approx(outlook[(0, 0)].employment_2035, rel=1e-6)
    for soc in (5314, 2231, 6145, 53):
        both = outlook[(soc, 1)].employment_2035 + outlook[(soc, 2)].employment_2035
        assert both == pytest.approx(outlook[(soc, 0)].employment_2035, rel=0.03)


def test_higher_soc_levels_are_sums_of_unit_groups(outlook):
    members = [s for (s, g) in outlook if g == 0 and s >= 1000 and s // 100 == 53]
    assert outlook[(53, 0)].openings == pytest.approx(sum(outlook[(s, 0)].openings for s in members))
