"""Chart payloads (docs/payloads.md) carry exactly the figures of the answer they illustrate."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lmi_backend.charts import PAY_POINTS, chart_for
from lmi_backend.service import LmiService, Query

PLUMBERS, WALES = 5314, 10


def test_pay_spread_chart_shows_the_answers_percentiles(db_path: Path):
    result = LmiService(db_path).pay(Query(soc=PLUMBERS, region=WALES))
    chart = chart_for(result)
    assert chart["type"] == "pay_spread"
    assert chart["values"] == {point: result.values[point] for point in PAY_POINTS}
    assert chart["values"]["p10"] < chart["values"]["median"] < chart["values"]["p90"]
    assert chart["unit"] == result.unit and result.geography in chart["title"]
    assert chart["source"].startswith(result.source.split("; ")[0])


def test_outlook_chart_shows_jobs_now_and_later_and_openings(db_path: Path):
    result = LmiService(db_path).outlook(Query(soc=PLUMBERS))
    chart = chart_for(result)
    start, end = result.period.split("-")
    assert chart["bars"] == [
        {"label": f"Jobs in {start}", "value": result.values["employment_now"]},
        {"label": f"Jobs in {end}", "value": result.values["employment_2035"]},
        {"label": f"Job openings {start}-{end}", "value": result.values["openings"]},
    ]
    assert chart["growth_pct"] == result.values["growth_pct"]
    assert "England only" in chart["note"]


def test_no_chart_for_withheld_figures_or_other_topics(db_path: Path):
    service = LmiService(db_path)
    pay = service.pay(Query(soc=PLUMBERS, region=WALES))
    assert chart_for(replace(pay, reliability="suppressed")) is None
    assert chart_for(replace(pay, values={**pay.values, "p90": None})) is None
    assert chart_for(service.skills(PLUMBERS)) is None
