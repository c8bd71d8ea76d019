"""Outlook and vacancies from the service on the real database."""

from __future__ import annotations

import pytest
from service_helpers import rows

from lmi_backend import notes
from lmi_backend.disclosure import TOO_FEW_ESTABLISHMENTS
from lmi_backend.service import Query

LEVELS = "pay/skills_imperative_2035/si2035_england_soc2020_submajor_levels_change_replacement_demand.csv"
ESS = "pay/ess_vacancies_lsip/ess2022_vacancies_by_soc2010_4digit_UK.csv"


def test_nurses_outlook_is_consistent_with_their_sub_major_projection(service, sources):
    """2231 Nurses are coded to SOC2020 sub-major 22 by the crosswalk: the 4-digit growth is the
    published 2-digit growth, and openings are net change + replacement demand."""
    rec = next(r for r in rows(sources / LEVELS) if r["gender"] == "All" and r["soc2020_submajor"] == "22")
    growth = 100 * (float(rec["emp_2035_000s"]) / float(rec["emp_2020_000s"]) - 1)
    result = service.outlook(Query(2231))
    assert result.values["growth_pct"] == pytest.approx(growth, abs=0.05)
    values = result.values
    assert values["openings"] == pytest.approx(values["net_change"] + values["replacement"], abs=20)
    assert result.geography == "England" and result.period == "2020-2035" and result.estimate
    assert result.caveats == [notes.ENGLAND_ONLY, notes.NOT_A_FORECAST]
    assert "Skills Imperative 2035" in result.source


def test_a_unit_group_outlook_sums_into_its_minor_group(service):
    members = [5311, 5312, 5313, 5314, 5315, 5316, 5319]
    total = sum(service.outlook(Query(s)).values["employment_2035"] for s in members)
    assert total == pytest.approx(service.outlook(Query(531)).values["employment_2035"], abs=100)


def test_outlook_for_wales_says_projections_are_england_only(service):
    result = service.outlook(Query(5314, region=10))
    assert result.geography == "England"
    (change,) = result.changes
    assert (change.dimension, change.asked, change.given) == ("region", 10, 0)
    assert change.reason == notes.PROJECTIONS_ENGLAND_ONLY and notes.ENGLAND_ONLY not in result.caveats


def test_vacancies_are_the_ess_figures(service, sources):
    rec = next(r for r in rows(sources / ESS) if r["soc2010"] == "5434")
    result = service.vacancies(Query(5434))
    assert result.values["vacancies"] == float(rec["vacancies"])
    assert result.values["hard_to_fill_pct"] == float(rec["htfv_pct_of_vacancies"])
    assert result.values["skill_shortage_pct"] == float(rec["ssv_pct_of_vacancies"])
    assert result.period == "2022" and not result.estimate and result.reliability == "reliable"


def test_vacancies_from_fewer_than_50_employers_are_not_reported(service, sources):
    small = [
        r for r in rows(sources / ESS) if r["soc2010"].isdigit() and int(r["sample_estabs_with_vacancy"]) < 50
    ]
    assert small
    total = next(r for r in rows(sources / ESS) if r["soc2010"] == "TOTAL")
    for rec in small:
        result = service.vacancies(Query(int(rec["soc2010"])))
        assert result.values["vacancies"] != float(rec["vacancies"]) or rec["vacancies"] == total["vacancies"]
        assert result.soc == 0 and result.values["vacancies"] == float(total["vacancies"])
        assert [(c.dimension, c.reason) for c in result.changes] == [("soc", TOO_FEW_ESTABLISHMENTS)]


def test_vacancies_ignore_region_and_say_so(service):
    result = service.vacancies(Query(5434, region=1, gender=2))
    assert result.geography == "United Kingdom"
    assert {(c.dimension, c.reason) for c in result.changes} == {
        ("region", notes.VACANCIES_UK_BY_JOB_ONLY),
        ("gender", notes.VACANCIES_UK_BY_JOB_ONLY),
    }
