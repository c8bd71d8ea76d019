"""Pay over time: one figure per year held (2011, 2017-2025), each with its source and whether it
is an estimate, through the disclosure layer; and the line chart drawn from it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from service_helpers import number, rows

from lmi_backend.charts import chart_for
from lmi_backend.disclosure import TOO_FEW
from lmi_backend.service import Query

T14 = "pay/ashe_table14_mathsci"
LONG_2021 = "ashe_more/ashe_t14_2021p_soc2010_weekly_hourly_annual_hours_long.csv"
LONG_2024 = "ashe_more/ashe_t14_2024p_soc2020_weekly_hourly_annual_hours_long.csv"
PROGRAMMERS, NURSES = 2136, 2231


def _published(sources, path: str, measure: str, code: str, sheet: str = "All") -> dict[str, str]:
    return next(
        r for r in rows(sources / path) if (r["measure"], r["sheet"], r["soc_code"]) == (measure, sheet, code)
    )


def test_programmers_series_runs_2011_to_2025_with_the_published_figures(service, sources):
    result = service.pay_series(Query(PROGRAMMERS))
    points = {i["year"]: i for i in result.items}
    assert list(points) == [2011, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    t11 = next(r for r in rows(sources / T14 / "2011r_annual_FTPT.csv") if r["Code"] == "2136")
    assert points[2011]["value"] == float(t11["Median"]) and points[2011]["classification"] == "SOC2010"
    r21 = _published(sources, LONG_2021, "annual_gross_pay_gbp", "2136")
    assert points[2021]["value"] == float(r21["median"]) == 42841
    assert points[2021]["published_change_pct"] == number(r21["median_pct_change"])
    # SOC2020 2134 stands for programmers (99% of them, almost all of it)
    r24 = _published(sources, LONG_2024, "annual_gross_pay_gbp", "2134")
    assert points[2024]["value"] == float(r24["median"]) and points[2024]["soc2020"] == [2134]
    assert points[2024]["published_change_pct"] == number(r24["median_pct_change"])
    assert not any(i["estimate"] for i in result.items) and result.unit == "GBP per year"
    assert result.period == "2011-2025" and result.reliability == "reliable"
    assert all("Annual Survey of Hours and Earnings" in i["source"] for i in result.items)


def test_a_combined_job_marks_its_soc2020_years_as_estimates(service):
    result = service.pay_series(Query(NURSES))
    years = {i["year"]: i for i in result.items}
    assert not years[2021]["estimate"] and years[2021]["classification"] == "SOC2010"
    assert all(
        years[y]["estimate"] and years[y]["published_change_pct"] is None for y in (2022, 2023, 2024, 2025)
    )
    assert result.estimate and "SOC2020" in result.method


def test_weekly_and_hourly_series_and_bad_requests(service, sources):
    weekly = service.pay_series(Query(PROGRAMMERS), measure="weekly")
    assert weekly.unit == "GBP per week" and weekly.items[0]["year"] == 2021  # weekly: published from 2021
    assert weekly.items[0]["value"] == float(
        _published(sources, LONG_2021, "weekly_gross_pay_gbp", "2136")["median"]
    )
    hourly = service.pay_series(Query(PROGRAMMERS), measure="hourly")
    assert hourly.items[0]["year"] == 2011 and hourly.unit == "GBP per hour"
    with pytest.raises(ValueError, match="measure"):
        service.pay_series(Query(PROGRAMMERS), measure="monthly")
    with pytest.raises(ValueError, match="statistic"):
        service.pay_series(Query(PROGRAMMERS), stat="p10")


def test_a_regions_series_is_the_uks_times_its_pay_relativity_and_an_estimate(service):
    wales, uk = service.pay_series(Query(PROGRAMMERS, region=10)), service.pay_series(Query(PROGRAMMERS))
    factor = service.store.relativity(PROGRAMMERS, "region", 10, "annual")[0]
    assert wales.geography == "Wales" and not wales.changes and wales.estimate
    assert [i["year"] for i in wales.items] == [i["year"] for i in uk.items]
    assert all(
        w["value"] == round(u["value"] * factor) and w["estimate"] for w, u in zip(wales.items, uk.items)
    )
    assert all(w["published_change_pct"] is None for w in wales.items)


def test_a_small_cell_gets_its_wider_groups_series(service):
    assert (service.store.employment(5212, 0, 2, 4) or 0) < 1000  # women moulders: too few
    result = service.pay_series(Query(5212, gender=2))
    assert "gender" not in result.breakdown and TOO_FEW in {c.reason for c in result.changes}
    assert result.items == service.pay_series(Query(5212)).items


def test_the_line_chart_carries_the_series_points(service):
    result = service.pay_series(Query(NURSES))
    chart = chart_for(result)
    assert chart["type"] == "pay_series" and chart["unit"] == "GBP per year"
    assert chart["points"] == [
        {
            "year": i["year"],
            "value": i["value"],
            "estimate": i["estimate"],
            "classification": i["classification"],
        }
        for i in result.items
    ]
    assert "estimates" in chart["note"] and "Nurses" in chart["title"]
    assert chart_for(replace(result, reliability="no_data")) is None
    assert chart_for(replace(result, items=result.items[:1])) is None
