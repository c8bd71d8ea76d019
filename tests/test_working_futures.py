"""Working Futures 2017-2027 (UK): published figures come back exactly for the groups it projects,
smaller groups get labelled fixed shares, the workbook's warning (cells under 10,000 people) is
applied through the disclosure layer, and a region breakdown says there is no source."""

from __future__ import annotations

import pytest
from service_helpers import rows

from lmi_backend import notes
from lmi_backend.disclosure import PROJECTION_FLAG_BELOW, PROJECTION_MIN
from lmi_backend.service import Query

FOLDER = "working_futures_2017_2027"
SERIES = f"{FOLDER}/wf7_uk_employment_by_occupation_annual_2007_2027.csv"
LEVELS = f"{FOLDER}/wf7_uk_occupation_levels_change_replacement_demand_by_sex.csv"
QUALIFICATIONS = f"{FOLDER}/wf7_uk_occupation_by_qualification_rqf.csv"
INDUSTRY_SEX = f"{FOLDER}/wf7_uk_industry75_by_major_group_and_sex.csv"
STATUS = f"{FOLDER}/wf7_uk_major_group_by_status_and_sex.csv"
CARING, PLUMBERS = 61, 5314


def _people(thousands: str) -> int:
    return round(float(thousands) * 1000)


def test_a_sub_major_groups_yearly_employment_is_the_published_series(service, sources):
    published = {
        int(r["year"]): _people(r["employment_000s"])
        for r in rows(sources / SERIES)
        if r["soc2010_code"] == "61"
    }
    result = service.wf_predict(Query(CARING))
    assert {i["year"]: i["employment"] for i in result.items} == published
    assert (
        not result.estimate and result.dataset == "working_futures_2017_2027" and result.period == "2007-2027"
    )
    assert "Working Futures 2017-2027" in result.source and "Occ F2" in result.source


def test_a_unit_group_is_its_sub_major_group_times_a_fixed_share(service, sources):
    group = {i["year"]: i["employment"] for i in service.wf_predict(Query(53)).items}
    result = service.wf_predict(Query(PLUMBERS), min_year=2017, max_year=2027)
    assert [i["year"] for i in result.items] == list(range(2017, 2028))
    share, _ = service.store.wf_share(PLUMBERS, 53)
    employment = service.store.employment
    assert share == pytest.approx(employment(PLUMBERS, 0, 0, 0) / employment(53, 0, 0, 0))
    for item in result.items:
        assert item["employment"] == pytest.approx(group[item["year"]] * share, abs=1)
    assert result.estimate and "fixed share" in result.method and result.soc == PLUMBERS


def test_replacement_demand_and_its_rate_are_the_published_levels(service, sources):
    rec = next(r for r in rows(sources / LEVELS) if (r["sex"], r["soc2010_code"]) == ("all", "61"))
    result = service.wf_replacement_demand(Query(CARING))
    assert result.values["replacement_demand"] == _people(rec["replacement_demand_2017_2027_000s"])
    assert result.values["net_change"] == _people(rec["net_change_2017_2027_000s"])
    assert result.values["total_requirement"] == _people(rec["total_requirement_2017_2027_000s"])
    assert result.values["replacement_rate"] == pytest.approx(
        float(rec["replacement_demand_2017_2027_000s"]) / float(rec["emp_2017_000s"]), abs=1e-4
    )
    unit = service.wf_replacement_demand(Query(6145))  # care workers: the group's rate
    assert unit.values["replacement_rate"] == pytest.approx(result.values["replacement_rate"], abs=1e-3)


def test_breakdowns_by_sex_qualification_status_and_industry(service, sources):
    women = next(r for r in rows(sources / LEVELS) if (r["sex"], r["soc2010_code"]) == ("female", "61"))
    by_sex = service.wf_breakdown(Query(CARING), "gender")
    year_2027 = next(i for i in by_sex.items if i["year"] == 2027)["breakdown"]
    assert {b["name"]: b["employment"] for b in year_2027}["Female"] == _people(women["emp_2027_000s"])
    doctorates = next(
        r
        for r in rows(sources / QUALIFICATIONS)
        if r["qualification"] == "RQF8 Doctorate" and r["soc2010_code"] == "21"
    )
    by_qual = service.wf_breakdown(Query(21), "qualification", min_year=2017, max_year=2017)
    assert [i["year"] for i in by_qual.items] == [2017]
    assert by_qual.items[0]["breakdown"][0]["code"] == 1
    assert by_qual.items[0]["breakdown"][0]["employment"] == _people(doctorates["emp_2017_000s"])
    self_employed = next(
        r
        for r in rows(sources / STATUS)
        if (r["sex"], r["soc2010_code"], r["year"], r["status"]) == ("all", "5", "2027", "self_employed")
    )
    by_status = service.wf_breakdown(Query(5), "status")
    year = next(i for i in by_status.items if i["year"] == 2027)["breakdown"]
    assert {b["code"]: b["employment"] for b in year}[3] == _people(self_employed["employment_000s"])
    construction = next(
        r
        for r in rows(sources / INDUSTRY_SEX)
        if (r["industry"], r["soc2010_major"], r["year"], r["sex"]) == ("Construction", "5", "2017", "total")
    )
    by_industry = service.wf_breakdown(Query(5), "industry")
    year = next(i for i in by_industry.items if i["year"] == 2017)["breakdown"]
    assert {b["name"]: b["employment"] for b in year}["Construction"] == _people(
        construction["employment_000s"]
    )
    assert len(year) == 75


def test_a_major_groups_qualification_mix_is_the_sum_of_its_sub_major_groups(service):
    def mix(soc: int) -> dict[int, int]:
        return {
            b["code"]: b["employment"]
            for b in service.wf_breakdown(Query(soc), "qualification").items[0]["breakdown"]
        }

    assert mix(2) == pytest.approx(
        {q: mix(21)[q] + mix(22)[q] + mix(23)[q] + mix(24)[q] for q in mix(2)}, abs=2
    )


def test_the_workbooks_warning_flags_small_cells_and_withholds_tiny_ones(service):
    by_industry = service.wf_breakdown(Query(PLUMBERS), "industry")
    cells = [b for item in by_industry.items for b in item["breakdown"]]
    for cell in cells:
        if cell["reliability"] == "suppressed":
            assert cell["employment"] is None
        elif cell["reliability"] == "small_sample":
            assert PROJECTION_MIN <= cell["employment"] < PROJECTION_FLAG_BELOW
        else:
            assert cell["reliability"] == "reliable" and cell["employment"] >= PROJECTION_FLAG_BELOW
    assert {c["reliability"] for c in cells} == {"suppressed", "small_sample", "reliable"}
    assert by_industry.reliability == "small_sample" and by_industry.estimate


def test_a_region_breakdown_has_no_source_and_says_so(service):
    result = service.wf_breakdown(Query(PLUMBERS), "region")
    assert (
        result.items == [] and result.unavailable == "no_regional_source" and result.reliability == "no_data"
    )
    asked = service.wf_predict(Query(PLUMBERS, region=3))
    assert asked.geography == "United Kingdom" and [c.reason for c in asked.changes] == [
        notes.WORKING_FUTURES_UK_ONLY
    ]
    with pytest.raises(ValueError, match="Breakdown"):
        service.wf_breakdown(Query(PLUMBERS), "age")


def test_the_chat_outlook_stays_on_si2035_and_names_it(service):
    outlook = service.outlook(Query(PLUMBERS))
    assert outlook.dataset == "skills_imperative_2035" and outlook.period == "2020-2035"
    assert service.wf_predict(Query(PLUMBERS)).dataset == "working_futures_2017_2027"
