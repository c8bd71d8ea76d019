"""Pay and hours from the service on the real database: published ASHE figures come back
unchanged (checked against the source files for every occupation), the newest year a job's
SOC2020 link allows is the answer, estimates are labelled and follow the published
differentials."""

from __future__ import annotations

import pytest
from service_helpers import number, rows

from lmi_backend import notes
from lmi_backend.answers import caveats
from lmi_backend.disclosure import TOO_FEW
from lmi_backend.service import Query

T14 = "pay/ashe_table14_mathsci"
T147A = "pay/ashe_table14_7a_occupationView/ashe_t14_7a_annual_gross_pay_soc2010_2017_2020_long.csv"
T3 = "more/ashe_table3_region_x_soc2010_2digit_2020/ashe_t3_2020_region_x_soc2010_major_submajor_long.csv"
ASHE_2021 = "ashe_more/ashe_t14_2021p_soc2010_weekly_hourly_annual_hours_long.csv"
LONG_SOC2020 = "ashe_more/ashe_t14_{year}p_soc2020_weekly_hourly_annual_hours_long.csv"
ASHE_2025 = "ashe_more/ashe_t14_2025p_soc2020_unit_groups_median_mean_percentiles.csv"
STATS = {
    "median": "Median",
    "mean": "Mean",
    **{f"p{n}": str(n) for n in (10, 20, 25, 30, 40, 60, 70, 75, 80, 90)},
}
SHEETS = {
    "Male": (1, None),
    "Female": (2, None),
    "Part-Time": (None, 2),
    "Female Full-Time": (2, 1),
    "Male Part-Time": (1, 2),
}


def test_median_pay_for_plumbers_is_the_newest_published_figure_of_their_soc2020_group(service, sources):
    """Plumbers (SOC2010 5314) are all coded to SOC2020 5315 and are all of it: the 2025
    provisional figure for 5315 stands for them unchanged, labelled with its classification;
    the SOC2010 2021 figure is still in their pay series."""
    rec = next(
        r
        for r in rows(sources / ASHE_2025)
        if (r["measure"], r["sheet"], r["soc_code"]) == ("annual_gross_pay_gbp", "All", "5315")
    )
    result = service.pay(Query(5314))
    assert result.values["median"] == float(rec["median"]) and result.period == "2025"
    assert result.classification == "SOC2020" and [g["code"] for g in result.soc2020] == [5315]
    assert not result.estimate and result.method is None and not result.changes
    assert result.reliability == "reliable" and result.geography == "United Kingdom"
    assert "Annual Survey of Hours and Earnings" in result.source and "2025p" in result.source
    t14 = next(r for r in rows(sources / T14 / "2021p_annual_FTPT.csv") if r["Code"] == "5314")
    series = {i["year"]: i["value"] for i in service.pay_series(Query(5314)).items}
    assert series[2021] == float(t14["Median"]) == 31602


@pytest.mark.parametrize("file, status", [("2021p_annual_FTPT.csv", None), ("2021p_annual_FT.csv", 1)])
def test_published_table14_figures_come_back_unchanged_for_every_unit_group(service, sources, file, status):
    """2021 (SOC2010): in every unit group's pay series; and, for the jobs whose answer is still
    for 2021 (no SOC2020 link), every statistic of the answer."""
    checked = answered = 0
    hourly = {r["Code"]: number(r["Median"]) for r in rows(sources / T14 / file.replace("annual", "hourly"))}
    for rec in rows(sources / T14 / file):
        code = rec["Code"].strip()
        if len(code) != 4 or number(rec["Median"]) is None:
            continue
        q = Query(int(code), status=status)
        series = service.pay_series(q)
        if series.changes:  # only ever because the cell is too small to show
            assert {c.reason for c in series.changes} == {TOO_FEW}
            continue
        for stat, header in (("median", "Median"), ("mean", "Mean")):
            points = {i["year"]: i["value"] for i in service.pay_series(q, stat=stat).items}
            assert points.get(2021) == number(rec[header]), (code, stat)
        checked += 1
        result = service.pay(q)
        if result.period == "2021" and not result.changes:
            assert result.values["hourly_median"] == hourly[code]
            for stat, header in STATS.items():
                assert result.values[stat] == number(rec[header]), (code, stat)
            answered += 1
    assert checked > 300 and answered > 10


def test_published_sex_and_part_time_figures_come_back_unchanged(service, sources):
    """Table 14.7a, 2020: in the pay series of each job, sex and work pattern."""
    checked = 0
    for rec in rows(sources / T147A):
        if rec["year"] != "2020" or rec["sheet"] not in SHEETS or rec["level_digits"] != "4":
            continue
        median = number(rec["median"])
        if median is None:
            continue
        gender, status = SHEETS[rec["sheet"]]
        q = Query(int(rec["soc2010_code"]), gender=gender, status=status)
        result = service.pay_series(q)
        if result.changes:
            assert {c.reason for c in result.changes} == {TOO_FEW}
            continue
        point = next(i for i in result.items if i["year"] == 2020)
        assert point["value"] == median and not point["estimate"] and point["classification"] == "SOC2010"
        means = service.pay_series(q, stat="mean")  # no mean in any year: the wider group's
        if not means.changes:
            assert {i["year"]: i["value"] for i in means.items}.get(2020) == number(rec["mean"])
        checked += 1
    assert checked > 800


def test_region_by_sub_major_group_is_the_published_table3_figure(service, sources):
    rec = next(
        r
        for r in rows(sources / T3)
        if r["measure"] == "annual_gross_pay_gbp" and r["region"] == "Wales" and r["soc2010_code"] == "22"
    )
    result = service.pay(Query(22, region=10))
    assert not result.estimate and result.values["median"] == float(rec["median"])
    assert result.geography == "Wales" and result.period == "2020"


def test_plumbers_in_wales_are_an_estimate_below_the_uk_in_line_with_table3(service, sources):
    uk, wales = service.pay(Query(5314)), service.pay(Query(5314, region=10))
    t3 = {
        r["region"]: float(r["median"])
        for r in rows(sources / T3)
        if r["measure"] == "annual_gross_pay_gbp" and r["soc2010_code"] == "53"
    }
    assert wales.estimate and wales.method and "Table 3" in wales.method
    assert wales.method_keys == ["region_submajor"]
    assert wales.values["median"] < uk.values["median"]
    assert wales.values["median"] / uk.values["median"] == pytest.approx(
        t3["Wales"] / t3["United Kingdom"], rel=0.03
    )
    assert wales.geography == "Wales" and not wales.changes
    assert wales.reliability in ("reliable", "small_sample")


def test_a_21_year_old_electrician_earns_less_than_the_published_median(service):
    all_ages, young = service.pay(Query(5241)), service.pay(Query(5241, age=21))
    assert young.estimate and young.breakdown["age"] == "21" and young.method_keys == ["age_profile"]
    assert young.values["median"] < 0.85 * all_ages.values["median"]
    assert service.pay(Query(5241, age=45)).values["median"] > all_ages.values["median"]


def test_under_20_falls_back_to_all_ages_and_says_why(service):
    result = service.pay(Query(5241, age=17))
    assert result.values["median"] == service.pay(Query(5241)).values["median"]
    assert [(c.dimension, c.asked, c.given, c.reason) for c in result.changes] == [
        ("age", 17, None, notes.PAY_AGE_RANGE)
    ]


def test_qualification_estimate_follows_the_earnings_function(service):
    degree, none = service.pay(Query(2231, qualification=3)), service.pay(Query(4112, qualification=9))
    assert degree.breakdown["qualification"] == "Degree or equivalent" and degree.estimate
    assert [(c.dimension, c.asked, c.given, c.reason) for c in degree.changes] == [
        ("qualification", 3, 301, notes.QUALIFICATION_GROUPED)
    ]
    assert none.values["median"] < service.pay(Query(4112)).values["median"]


def test_self_employed_pay_is_not_published_and_says_so(service):
    result = service.pay(Query(5314, status=3))
    assert result.values["median"] == service.pay(Query(5314)).values["median"]
    assert [(c.dimension, c.reason) for c in result.changes] == [("status", notes.PAY_EMPLOYEES_ONLY)]


def test_part_time_chefs_is_the_newest_published_part_time_figure(service, sources):
    """Chefs' SOC2020 group publishes part-time pay until 2024 (the 2025 file has no part-time
    sheets): the newest year with a median is the answer, as published."""
    result = service.pay(Query(5434, status=2))
    assert result.breakdown == {"status": "Part-time employees"} and not result.estimate
    code = result.soc2020[0]["code"]
    rec = next(
        r
        for r in rows(sources / LONG_SOC2020.format(year=result.period))
        if (r["measure"], r["sheet"], r["soc_code"]) == ("annual_gross_pay_gbp", "Part-Time", str(code))
    )
    assert result.values["median"] == float(rec["median"]) and result.period == "2024"


def test_hours_are_published_at_every_level_and_derived_only_where_not(service, sources):
    rec = next(
        r
        for r in rows(sources / ASHE_2021)
        if (r["measure"], r["sheet"], r["soc_code"]) == ("paid_hours_total_per_week", "All", "53")
    )
    group = service.hours(Query(53))
    assert not group.estimate and group.period == "2021" and group.values["median"] == float(rec["median"])
    assert group.values["mean"] == float(rec["mean"]) and group.unit == "hours per week"
    unit = service.hours(Query(5314))
    paid = next(
        r
        for r in rows(sources / ASHE_2025)
        if (r["measure"], r["sheet"], r["soc_code"]) == ("paid_hours_total_per_week", "All", "5315")
    )
    assert not unit.estimate and unit.values["median"] == float(paid["median"]) and unit.period == "2025"
    part_time = service.hours(Query(5434, status=2, gender=2))  # published by sex and work pattern now
    assert not part_time.changes and not part_time.estimate
    assert part_time.breakdown == {"gender": "Female", "status": "Part-time employees"}
    wales = service.hours(Query(5314, region=10))
    assert wales.estimate and "Table 3" in wales.method and wales.period == unit.period


def test_a_fallback_names_qualifications_in_plain_words(service):
    # pilots with no qualifications: too few people, so the figure is for every level
    fallback = caveats.fallback(service.pay(Query(3512, qualification=9)))
    assert fallback == (
        "There's no reliable figure for aircraft pilots and flight engineers with no qualifications, "
        "because too few of them were in the survey."
    )
    assert "RQF" not in caveats.fallback(service.pay(Query(3512, qualification=2, region=12)))


def _median_in_forked_process(service, soc: int, answers) -> None:  # noqa: ANN001 - process target
    answers.put(service.pay(Query(soc)).values["median"])


def test_a_service_closed_before_a_fork_answers_in_the_forked_process(db_path):
    """The action server loads the service, closes its connection and forks its workers
    (bot/runtime/action_server.py): each opens its own connection and gets the same figures."""
    import multiprocessing

    from lmi_backend.service import LmiService

    service = LmiService(db_path)
    service.pay(Query(5315))  # a connection was open in this process (another job: not cached)
    service.close()
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    worker = context.Process(target=_median_in_forked_process, args=(service, 5314, answers))
    worker.start()
    worker.join(60)
    expected = LmiService(db_path).pay(Query(5314)).values["median"]
    assert worker.exitcode == 0 and answers.get(timeout=5) == expected
    assert service.pay(Query(5314)).values["median"] == expected  # the parent can still use it
    service.close()
