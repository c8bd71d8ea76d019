"""The API's projections and census answers are the published figures: wf/* from Working
Futures 2017-2027 (UK; a unit group is its group's figure times one fixed share; the industry
split is the workbook's 75 industries summed into its 22 groups; a cell the workbook's warning
withholds is null, never another group's figure; no regional source, so an empty region split),
census/* from the 2011 Census by local authority (a postcode, its district or 'lat,lng' finds
the authority as the ONS postcode directory places it; Scotland and Northern Ireland get the
original's empty list and a note saying why)."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest
from api_stack import body, get, in_process
from service_helpers import rows

from lmi_backend.disclosure import PROJECTION_FLAG_BELOW, PROJECTION_MIN

WF = "working_futures_2017_2027"
SERIES = f"{WF}/wf7_uk_employment_by_occupation_annual_2007_2027.csv"
LEVELS = f"{WF}/wf7_uk_occupation_levels_change_replacement_demand_by_sex.csv"
QUALIFICATIONS = f"{WF}/wf7_uk_occupation_by_qualification_rqf.csv"
STATUS = f"{WF}/wf7_uk_major_group_by_status_and_sex.csv"
INDUSTRY_SEX = f"{WF}/wf7_uk_industry75_by_major_group_and_sex.csv"
INDUSTRY_SCHEME = "misc/working_futures/working_futures_industries_75_22_6.csv"
CENSUS = "census2011/census2011_qs606ew_occupation_minor_groups_by_lad2020.csv"
DISTRICTS = "places/postcode_district_to_lad2020.csv"
PLUMBERS, PLUMBING_TRADES, SKILLED_TRADES, CARING = 5314, 53, 5, 61


@pytest.fixture(scope="module")
def api(db_path):
    return in_process(db_path)


def people(thousands: str | float) -> int:
    return round(float(thousands) * 1000)


def answer(api, url: str):
    reply = get(api, url)
    assert reply.status == 200, (url, reply.body[:300])
    return body(reply)


def series(sources, soc: int) -> dict[int, float]:
    """Employment by year (thousands) as Working Futures publishes it (sheet Occ F2)."""
    return {
        int(r["year"]): float(r["employment_000s"])
        for r in rows(sources / SERIES)
        if r["soc2010_code"] == str(soc)
    }


def test_predict_is_the_published_series_and_a_unit_group_one_fixed_share_of_it(api, service, sources):
    group = series(sources, PLUMBING_TRADES)
    whole = answer(api, f"/api/v1/wf/predict?soc={PLUMBING_TRADES}")
    assert whole == {
        "soc": PLUMBING_TRADES,
        "predictedEmployment": [{"year": y, "employment": people(v)} for y, v in sorted(group.items())],
    }
    plumbers = answer(api, f"/api/v1/wf/predict?soc={PLUMBERS}&minYear=2013&maxYear=2020")
    assert plumbers["soc"] == PLUMBERS and [r["year"] for r in plumbers["predictedEmployment"]] == list(
        range(2013, 2021)
    )
    share, _ = service.store.wf_share(PLUMBERS, PLUMBING_TRADES)
    for row in plumbers["predictedEmployment"]:
        assert row["employment"] == round(group[row["year"]] * 1000 * share)
    # years after the projections end are not an error, just not there (the DfE import asks for them)
    later = answer(api, f"/api/v1/wf/predict?soc={PLUMBERS}&minYear=2026&maxYear=2032")
    assert [r["year"] for r in later["predictedEmployment"]] == [2026, 2027]
    coarse = answer(api, f"/api/v1/wf/predict?soc={PLUMBERS}&minYear=2013&maxYear=2020&coarse=true")
    assert coarse == plumbers  # its own projection passes the workbook's warning: nothing moves


def test_replacement_demand_is_the_published_rate(api, sources):
    caring = next(r for r in rows(sources / LEVELS) if (r["sex"], r["soc2010_code"]) == ("all", str(CARING)))
    rate = round(
        100 * people(caring["replacement_demand_2017_2027_000s"]) / people(caring["emp_2017_000s"]), 1
    )
    found = answer(api, f"/api/v1/wf/replacement_demand?soc={CARING}")
    period = {"start_year": 2017, "end_year": 2027, "rate": rate}
    assert found == {"soc": CARING, **period, "predictedEmployment": [period]}
    care_workers = answer(api, "/api/v1/wf/replacement_demand?soc=6145")  # its group's rate, by share
    assert care_workers["soc"] == 6145 and care_workers["rate"] == pytest.approx(rate, abs=0.1)


def test_breakdowns_by_sex_qualification_and_status_are_the_published_cells(api, sources):
    women = next(
        r for r in rows(sources / LEVELS) if (r["sex"], r["soc2010_code"]) == ("female", str(CARING))
    )
    by_sex = answer(api, f"/api/v1/wf/predict/breakdown/Gender?soc={CARING}&minYear=2027")
    assert [r["year"] for r in by_sex["predictedEmployment"]] == [2027]
    entries = by_sex["predictedEmployment"][0]["breakdown"]
    assert [(e["code"], e["name"]) for e in entries] == [(1, "Male"), (2, "Female")]
    assert entries[1]["employment"] == people(women["emp_2027_000s"]) and entries[1]["note"] is None

    doctorates = next(
        r
        for r in rows(sources / QUALIFICATIONS)
        if (r["qualification"], r["soc2010_code"]) == ("RQF8 Doctorate", "21")
    )
    by_qualification = answer(
        api, "/api/v1/wf/predict/breakdown/qualification?soc=21&minYear=2017&maxYear=2017"
    )
    first = by_qualification["predictedEmployment"][0]["breakdown"][0]
    assert first["code"] == 1 and first["employment"] == people(doctorates["emp_2017_000s"])
    assert [e["code"] for e in by_qualification["predictedEmployment"][0]["breakdown"]] == list(range(1, 10))

    self_employed = next(
        r
        for r in rows(sources / STATUS)
        if (r["sex"], r["soc2010_code"], r["year"], r["status"]) == ("all", "5", "2027", "self_employed")
    )
    by_status = answer(api, f"/api/v1/wf/predict/breakdown/status?soc={SKILLED_TRADES}&minYear=2018")
    assert [r["year"] for r in by_status["predictedEmployment"]] == [2027]
    entries = {e["code"]: e for e in by_status["predictedEmployment"][0]["breakdown"]}
    assert entries[3]["name"] == "Self-employed" and entries[3]["employment"] == people(
        self_employed["employment_000s"]
    )


def industry_groups(sources, major: int, year: str) -> tuple[dict[int, str], dict[int, float]]:
    """The 22 industry groups' names and their employment (thousands): the workbook's 75
    industries (sheet Ind Occ T1, both sexes) summed by the Working Futures scheme."""
    scheme = rows(sources / INDUSTRY_SCHEME)
    group_of = {r["ind75_name"]: int(r["ind22_code"]) for r in scheme}
    names = {int(r["ind22_code"]): r["ind22_name"] for r in scheme}
    sums: dict[int, float] = defaultdict(float)
    for r in rows(sources / INDUSTRY_SEX):
        if (r["soc2010_major"], r["year"], r["sex"]) == (str(major), year, "total") and r[
            "industry"
        ] in group_of:
            sums[group_of[r["industry"]]] += float(r["employment_000s"])
    return names, sums


def test_the_industry_split_is_the_22_groups_summed_from_the_75_industries(api, sources):
    names, sums = industry_groups(sources, SKILLED_TRADES, "2017")
    found = answer(
        api, f"/api/v1/wf/predict/breakdown/industry?soc={SKILLED_TRADES}&minYear=2017&maxYear=2017"
    )
    entries = found["predictedEmployment"][0]["breakdown"]
    assert [(e["code"], e["name"]) for e in entries] == sorted(names.items())
    assert {e["code"]: e["employment"] for e in entries if e["employment"] is not None} == {
        code: people(v) for code, v in sums.items() if people(v) >= PROJECTION_MIN
    }
    # wf/filters lists the same codes and names the split uses
    coding = answer(api, "/api/v1/wf/filters/info/industry")["coding"]
    assert [(c["code"], c["description"]) for c in coding] == sorted(names.items())


def test_a_cell_the_workbooks_warning_withholds_is_null_never_another_groups(api, service, sources):
    """Plumbers by industry: the skilled trades' groups times the plumbers' fixed share; an entry
    under 1,000 people is null, one under 10,000 has a note; none moves to a wider group."""
    names, sums = industry_groups(sources, SKILLED_TRADES, "2027")
    share, _ = service.store.wf_share(PLUMBERS, SKILLED_TRADES)
    found = answer(api, f"/api/v1/wf/predict/breakdown/industry?soc={PLUMBERS}&minYear=2027&coarse=true")
    assert found["soc"] == PLUMBERS and "not forecasts" in found["note"]
    kinds = set()
    for entry in found["predictedEmployment"][0]["breakdown"]:
        expected = round(sums[entry["code"]] * 1000 * share)
        if expected < PROJECTION_MIN:
            assert entry["employment"] is None and "withheld" in entry["note"], entry
            kinds.add("withheld")
        else:
            assert entry["employment"] == expected, entry
            flagged = expected < PROJECTION_FLAG_BELOW
            assert (entry["note"] is not None) == flagged, entry
            kinds.add("flagged" if flagged else "released")
    assert kinds == {"withheld", "flagged", "released"}


def test_there_is_no_regional_projection_so_the_region_split_is_empty_and_says_so(api):
    found = answer(api, f"/api/v1/wf/predict/breakdown/Region?soc={PLUMBERS}&minYear=2025&maxYear=2026")
    assert found["predictedEmployment"] == [{"year": 2025, "breakdown": []}, {"year": 2026, "breakdown": []}]
    assert "No source projects employment by region" in found["note"]
    openapi = answer(api, "/api/v1/openapi.json")["paths"]["/wf/predict/breakdown/{breakdown}"]["get"]
    assert "Empty answer for /wf/predict/breakdown/region:" in openapi["description"]


def nearest_district(sources, latitude: float, longitude: float) -> dict[str, str]:
    def km(r: dict[str, str]) -> float:
        p1, p2 = math.radians(latitude), math.radians(float(r["latitude"]))
        dp, dl = p2 - p1, math.radians(float(r["longitude"]) - longitude)
        return math.asin(
            math.sqrt(math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2)
        )

    return min(rows(sources / DISTRICTS), key=km)


@pytest.mark.parametrize(
    "area, kind",
    [
        ("SW1A+1AA", "jobs_breakdown"),  # the postcode with its space, as lm-tools/situational sends it
        ("CF10", "resident_occupations"),  # Cardiff: Wales is in the census
        ("53.8008,-1.5491", "jobs_breakdown"),  # a position: the nearest district's authority
    ],
)
def test_census_answers_are_the_published_counts_of_the_areas_authority(api, sources, area, kind):
    if "," in area:
        district = nearest_district(sources, *map(float, area.split(",")))
    else:
        outward = area.split("+")[0]
        district = next(r for r in rows(sources / DISTRICTS) if r["postcode_district"] == outward)
    published = [
        r for r in rows(sources / CENSUS) if r["lad20cd"] == district["lad20cd"] and r["soc_level"] == "minor"
    ]
    found = answer(api, f"/api/v1/census/{kind}?area={area}")
    key = {"jobs_breakdown": "jobsBreakdown", "resident_occupations": "residentOccupations"}[kind]
    assert found["area"]["local_authority"] == district["lad20cd"] and found["year"] == 2011
    assert {(g["socGroup"], g["value"], g["percentage"]) for g in found[key]} == {
        (int(r["soc2010_code"]), int(r["persons"]), float(r["share_of_employed_pct"])) for r in published
    }
    values = [g["value"] for g in found[key]]
    assert values == sorted(values, reverse=True) and len(values) == 90  # largest first, as apps show
    assert all(g["description"] for g in found[key])


@pytest.mark.parametrize("area, country", [("EH1 1AA", "Scotland"), ("BT1", "Northern Ireland")])
def test_census_answers_for_scotland_and_northern_ireland_are_empty_and_say_why(api, area, country):
    found = answer(api, f"/api/v1/census/jobs_breakdown?area={area}")
    assert found["jobsBreakdown"] == [] and found["area"]["country"] == country
    assert "England and Wales only" in found["note"]


def test_census_areas_that_are_no_place_get_a_clear_400(api):
    for area in ("", "ZZ99", "40.7,-74.0", "x" * 500):
        reply = get(api, f"/api/v1/census/resident_occupations?area={area}")
        assert reply.status == 400 and body(reply)["error"], (area, reply.body[:200])
    assert answer(api, "/api/v1/census/distance?area=LS6") == {"distances": []}  # no source
