"""The API's figures are the published ones, through the disclosure rules: pay by year and its
annual changes read from the ONS files, coarse=false giving no figure where the cell is too
small and coarse=true the nearest wider SOC group's, O*NET ratings as published, ESS held back
below 50 establishments, and soc/search ranking exactly as the SOC coder does, at its accuracy."""

from __future__ import annotations

import csv
from urllib.parse import quote_plus

import pytest
from api_stack import body, get, in_process

from lmi_backend import config
from lmi_backend.coder import get_coder
from lmi_backend.coder.evaluation import evaluate, load
from lmi_backend.disclosure import NO_DATA, Fallback
from lmi_backend.service import Query

PLUMBERS, PROGRAMMERS = 5314, 2136
PLUMBERS_SOC2020 = "5315"  # all plumbers are coded to it, and it is only plumbers (ONS dual coding)
T14_7A = "pay/ashe_table14_7a_occupationView/ashe_t14_7a_annual_gross_pay_soc2010_2017_2020_long.csv"
T14_2021 = "pay/ashe_table14_mathsci/2021p_annual_FTPT.csv"
T14_2011 = "pay/ashe_table14_mathsci/2011r_annual_FTPT.csv"
T14_SOC2020 = {
    **{y: f"ashe_more/ashe_t14_{y}p_soc2020_weekly_hourly_annual_hours_long.csv" for y in (2022, 2023, 2024)},
    2025: "ashe_more/ashe_t14_2025p_soc2020_unit_groups_median_mean_percentiles.csv",
}
EVAL_SET = config.PROJECT_ROOT / "tests" / "data" / "coder_eval.csv"


@pytest.fixture(scope="module")
def api(db_path):
    return in_process(db_path)


def published_medians(sources, soc: int) -> dict[int, float]:
    """Median gross annual pay, all employees, UK, as ONS published it (Tables 14.7a, 14)."""
    with open(sources / T14_7A, encoding="utf-8-sig", newline="") as fh:
        found = {
            int(r["year"]): float(r["median"])
            for r in csv.DictReader(fh)
            if r["sheet"] == "All" and r["soc2010_code"] == str(soc)
        }
    for year, path in ((2011, T14_2011), (2021, T14_2021)):
        with open(sources / path, encoding="utf-8-sig", newline="") as fh:
            found[year] = next(float(r["Median"]) for r in csv.DictReader(fh) if r["Code"] == str(soc))
    if soc == PLUMBERS:  # 2022 on: the SOC2020 group that stands for the job
        for year, path in T14_SOC2020.items():
            with open(sources / path, encoding="utf-8-sig", newline="") as fh:
                found[year] = next(
                    float(r["median"])
                    for r in csv.DictReader(fh)
                    if (r["measure"], r["sheet"], r["soc_code"])
                    == ("annual_gross_pay_gbp", "All", PLUMBERS_SOC2020)
                )
    return found


def test_annual_changes_are_those_of_the_published_medians(api, sources):
    medians = published_medians(sources, PLUMBERS)
    answer = body(get(api, f"/api/v1/ashe/annualChanges?soc={PLUMBERS}"))
    expected = [
        {"year": y, "change": round(100 * (medians[y] / medians[y - 1] - 1), 1)}
        for y in sorted(medians)
        if y - 1 in medians
    ]
    assert answer == {"soc": PLUMBERS, "annual_changes": expected}


def test_weekly_pay_is_published_weekly_pay_where_ons_gives_it(api, sources):
    """estpay is pounds a week: the published weekly median from 2021 (SOC2010, then the job's
    SOC2020 group), before that the annual median times the published weekly to annual ratio
    of the job's sub-major group."""
    medians = published_medians(sources, PLUMBERS)
    series = body(get(api, f"/api/v1/ashe/estimatePay?soc={PLUMBERS}"))["series"]
    assert [row["year"] for row in series] == sorted(medians)
    assert all(1 / 60 < row["estpay"] / medians[row["year"]] < 1 / 45 for row in series)  # a 52nd
    with open(sources / T14_SOC2020[2024], encoding="utf-8-sig", newline="") as fh:
        weekly_2024 = next(
            float(r["median"])
            for r in csv.DictReader(fh)
            if (r["measure"], r["sheet"], r["soc_code"]) == ("weekly_gross_pay_gbp", "All", PLUMBERS_SOC2020)
        )
    assert next(row["estpay"] for row in series if row["year"] == 2024) == round(weekly_2024)


def test_coarse_false_gives_no_figure_where_the_cell_is_suppressed(service, api):
    """A cell of fewer than 1,000 people: null with coarse=false; with coarse=true the figure
    of the nearest wider SOC group that has one, named by soc; never another region or sex."""
    asked = Query(1115, region=12, gender=2)  # chief executives: women in Northern Ireland
    assert service.pay_series(asked, fallback=Fallback.EXACT).reliability != "reliable"
    url = "/api/v1/ashe/estimatePay?soc=1115&filters=region:12,gender:2"
    assert [row["estpay"] for row in body(get(api, url))["series"]] == [None]
    coarse = body(get(api, url + "&coarse=true"))
    group = service.pay_series(Query(coarse["soc"], region=12, gender=2), fallback=Fallback.EXACT)
    if group.reliability == NO_DATA or not group.items:  # no SOC group has a figure for that cell
        assert [row["estpay"] for row in coarse["series"]] == [None]
    else:
        assert [row["estpay"] for row in coarse["series"]] == [round(i["weekly_median"]) for i in group.items]


def test_a_breakdown_never_moves_its_entries(api, service):
    """Each entry is for exactly its own group: women's hours are women's (published by sex from
    2021), a cell too small to show is null rather than the wider group's figure."""
    answer = body(get(api, f"/api/v1/ashe/estimateHours?soc={PLUMBERS}&breakdown=gender&coarse=true"))
    assert answer["series"][0]["hours"] == round(
        service.hours(Query(PLUMBERS), Fallback.EXACT).values["median"]
    )
    expected = []
    for gender in (1, 2):
        own = service.hours(Query(PLUMBERS, gender=gender), Fallback.EXACT)
        expected.append(round(own.values["median"]) if own.values.get("median") and not own.changes else None)
    assert [e["hours"] for e in answer["series"][0]["breakdown"]] == expected
    by_region = body(get(api, f"/api/v1/ashe/estimatePay?soc={PLUMBERS}&breakdown=region"))["series"][-1]
    wales = service.pay_series(Query(PLUMBERS, region=10), fallback=Fallback.EXACT).items[-1]["weekly_median"]
    assert {"region": 10, "estpay": round(wales)} in by_region["breakdown"]


def test_ess_figures_need_50_establishments(api, service):
    plumbers = body(get(api, f"/api/v1/ess/uk/{PLUMBERS}"))
    assert plumbers["percentHTF"] == 73.6 and plumbers["percentSSV"] == 58.8  # ESS 2022, 189 establishments
    small = next(
        soc
        for soc in service.unit_groups()
        if service.vacancies(Query(soc), Fallback.EXACT).reliability == "suppressed"
    )
    assert body(get(api, f"/api/v1/ess/uk/{small}"))["percentHTF"] is None
    assert body(get(api, f"/api/v1/ess/uk/{small}?coarse=true"))["soc"] == 0  # all occupations


def test_onet_answers_are_o_nets_published_ratings(api, sources):
    rows = list(csv.DictReader(open(sources / "onet/onet_29_3/Skills.txt", encoding="utf-8"), delimiter="\t"))
    published = {
        r["Element ID"]: float(r["Data Value"])
        for r in rows
        if r["O*NET-SOC Code"] == "47-2152.00" and r["Scale ID"] == "LV" and r["Recommend Suppress"] != "Y"
    }
    answer = body(get(api, "/api/v1/o-net/skills/47-2152.00"))
    assert {s["id"]: s["value"] for s in answer["scales"][0]["skills"]} == published
    links = body(get(api, f"/api/v1/o-net/soc2onet/{PLUMBERS}"))["onetCodes"]
    assert links[0]["code"] == "47-2152.00"
    back = body(get(api, "/api/v1/o-net/onet2soc?onetCodes=47-2152.00"))
    assert PLUMBERS in [s["soc"] for s in back[0]["socCodes"]]


def test_reverse_match_puts_jobs_rated_high_on_the_chosen_skills_first(api):
    answer = body(
        get(api, "/api/v1/o-net/reversematch?weights=100,0,0,0&skills=2.B.3.k,2.B.3.l")
    )  # repairing
    assert answer["results"] and all(r["likely_soc_codes"] for r in answer["results"])
    assert any(
        soc // 1000 == 5 for r in answer["results"][:5] for soc in r["likely_soc_codes"]
    )  # skilled trades


def test_soc_search_ranks_as_the_coder_does_at_its_accuracy(api, db_path):
    coder = get_coder(db_path)
    items = load(EVAL_SET)
    report = evaluate(coder, items)
    right = 0
    for item, outcome in zip(items, report.outcomes):
        found = body(get(api, "/api/v1/soc/search?q=" + quote_plus(item.phrase)))
        tops = [r["soc"] for r in found]
        assert tops[:1] == outcome.ranked[:1], item.phrase
        right += bool(tops) and tops[0] in item.accepted
    assert right / len(items) == report.rate("top1") > 0.9
