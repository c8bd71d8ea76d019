"""ASHE Table 14 for 2021 (SOC2010) and 2022-2025 (SOC2020): published weekly pay and paid hours at
4-digit come back exactly, published figures beat derived ones, and the SOC2020 years reach the
SOC2010 jobs only as the link rule allows (checked for all 369 unit groups)."""

from __future__ import annotations

import pytest
from service_helpers import number, rows

from lmi_backend.coverage import coverage
from lmi_backend.disclosure import NOT_PUBLISHED, TOO_FEW
from lmi_backend.estimates.soc2020_link import BRIDGE_TOLERANCE, FORWARD_MIN, REVERSE_MIN
from lmi_backend.service import Query

LONG_2021 = "ashe_more/ashe_t14_2021p_soc2010_weekly_hourly_annual_hours_long.csv"
LONG_SOC2020 = "ashe_more/ashe_t14_{year}p_soc2020_weekly_hourly_annual_hours_long.csv"
FILE_2025 = "ashe_more/ashe_t14_2025p_soc2020_unit_groups_median_mean_percentiles.csv"
STATS = ("median", "mean", "p10", "p25", "p75", "p90")
NURSES = 2231


@pytest.fixture(scope="module")
def published(sources) -> dict[tuple[str, str, str, str], dict[str, str]]:
    """(year, measure, sheet, soc code) -> the published row, for every file."""
    out = {}
    paths = [LONG_2021, *(LONG_SOC2020.format(year=y) for y in ("2022", "2023", "2024")), FILE_2025]
    for path in paths:
        for rec in rows(sources / path):
            out[(rec["year"], rec["measure"], rec["sheet"], rec["soc_code"])] = rec
    return out


def _row(published, year: str, measure: str, code: int, sheet: str = "All") -> dict[str, str]:
    return published[(year, measure, sheet, str(code))]


def test_nurses_hours_and_weekly_pay_are_the_published_2021_figures(service, published):
    hours = service.hours(Query(NURSES))
    rec = _row(published, "2021", "paid_hours_total_per_week", NURSES)
    assert hours.values["median"] == float(rec["median"]) == 37.4
    assert hours.values["mean"] == float(rec["mean"]) and not hours.estimate and hours.period == "2021"
    assert hours.classification == "SOC2010" and "14.9a" in hours.source
    weekly = service.pay_series(Query(NURSES), measure="weekly")
    assert (
        {i["year"]: i["value"] for i in weekly.items}[2021]
        == float(_row(published, "2021", "weekly_gross_pay_gbp", NURSES)["median"])
        == 620.0
    )


def test_published_2021_weekly_pay_and_hours_replace_derived_ones(service, published):
    """Every unit group whose answer is for 2021 gives the published weekly pay and hours of
    2021 where ONS publishes them; the derived figures remain only where it does not."""
    checked = derived = 0
    for soc, group in service.store.soc.items():
        if group.level != 4:
            continue
        hours = service.hours(Query(soc))
        rec = _row(published, "2021", "paid_hours_total_per_week", soc)
        if hours.changes:  # too few people, or nothing published even for the job (armed forces)
            assert {c.reason for c in hours.changes} <= {TOO_FEW, NOT_PUBLISHED}
            continue
        if hours.period == "2021":
            if number(rec["median"]) is not None:
                assert hours.values["median"] == number(rec["median"]) and not hours.estimate, soc
                checked += 1
            else:
                assert hours.estimate and "derived" in hours.method, soc
                derived += 1
    assert checked > 20 and derived < 15


@pytest.mark.parametrize(
    "sheet, gender, status", [("All", None, None), ("Female", 2, None), ("Full-Time", None, 1)]
)
def test_every_unit_group_follows_its_link_and_published_figures_come_back_exactly(
    service, published, sheet, gender, status
):
    """Direct links give the SOC2020 group's published figures unchanged; combined links an
    estimate labelled with its groups; no link the SOC2010 figures. Each names its year."""
    kinds: dict[str, int] = {"direct": 0, "combined": 0, "none": 0}
    for soc, link in service.store.soc2020_links.items():
        result = service.pay(Query(soc, gender=gender, status=status))
        if result.changes:
            assert {c.reason for c in result.changes} <= {TOO_FEW, NOT_PUBLISHED}
            continue
        kinds[link.pay_link] += 1
        assert result.period and result.unit == "GBP per year"
        if result.classification == "SOC2020":
            assert link.pay_link in ("direct", "combined") and result.period >= "2022"
            codes = [g["code"] for g in result.soc2020]
            if link.pay_link == "direct":
                assert codes == [link.main] and not result.estimate
                rec = _row(published, result.period, "annual_gross_pay_gbp", link.main, sheet)
                for stat in STATS:
                    assert result.values[stat] == number(rec[stat]), (soc, stat)
            else:
                assert result.estimate and "SOC2020" in result.method and len(codes) >= 1
                assert set(codes) <= set(link.shares)
        else:
            assert result.period <= "2021" and not result.soc2020
            if result.period == "2021":
                rec = _row(published, "2021", "annual_gross_pay_gbp", soc, sheet)
                assert result.values["median"] == number(rec["median"]), soc
    assert kinds["direct"] > 200 and kinds["combined"] > 10


def test_the_link_rule_holds_for_all_369_unit_groups(service):
    links = service.store.soc2020_links
    assert len(links) == 369
    rows_ = {
        r.soc: r for r in service.store.conn.exec_driver_sql("SELECT * FROM est_soc2020_link").mappings()
    }
    for soc, link in links.items():
        row = rows_[soc]
        strong = link.forward_share >= FORWARD_MIN and link.reverse_share >= REVERSE_MIN
        bridge_ok = row["bridge_ratio"] is None or abs(row["bridge_ratio"] - 1) <= BRIDGE_TOLERANCE
        combined_ok = (
            row["combined_bridge_ratio"] is not None
            and abs(row["combined_bridge_ratio"] - 1) <= BRIDGE_TOLERANCE
        )
        expected = "direct" if strong and bridge_ok else "combined" if combined_ok else "none"
        assert link.pay_link == expected, soc
        assert link.main == max(link.shares, key=lambda b: (link.shares[b], -b))


def test_a_pay_year_of_2024_or_later_for_at_least_300_unit_groups_each_labelled(service):
    recent = 0
    for soc, group in service.store.soc.items():
        if group.level != 4:
            continue
        result = service.pay(Query(soc))
        if result.period in ("2024", "2025") and not result.changes:
            recent += 1
            assert result.classification == "SOC2020" and result.soc2020
            assert all(g["code"] and g["title"] and 0 < g["share"] <= 1 for g in result.soc2020)
    assert recent >= 300


def test_all_jobs_together_are_the_same_population_in_both_classifications(service, published):
    result = service.pay(Query(0))
    rec = _row(published, result.period, "annual_gross_pay_gbp", "ALL")
    assert result.values["median"] == float(rec["median"]) and not result.estimate


def test_2021_figures_are_stored_once_and_agree_with_table14(conn):
    """Table 14 (mathsci) and the long file publish 2021 annual and hourly pay for all and
    full-time employees: one row per statistic, % changes added from the long file."""
    twice = conn.exec_driver_sql(
        "SELECT count(*) FROM (SELECT soc, measure, gender, status, stat FROM fact_pay WHERE period = '2021' "
        "AND region = 0 GROUP BY soc, measure, gender, status, stat HAVING count(*) > 1)"
    ).scalar_one()
    assert twice == 0
    changes = conn.exec_driver_sql(
        "SELECT count(*) FROM fact_pay WHERE period = '2021' AND stat = 'median_pct_change' AND value IS NOT NULL"
    ).scalar_one()
    assert changes > 5000


def test_soc2020_groups_and_figures_are_kept_in_soc2020(conn, sources):
    units = conn.exec_driver_sql("SELECT count(*) FROM soc2020_group WHERE level = 4").scalar_one()
    assert units == 412
    rec = next(
        r
        for r in rows(sources / LONG_SOC2020.format(year="2024"))
        if r["measure"] == "weekly_gross_pay_gbp" and r["sheet"] == "All" and r["soc_code"] == "2134"
    )
    stored = dict(
        conn.exec_driver_sql(
            "SELECT stat, value FROM fact_pay_soc2020 WHERE soc = 2134 AND period = '2024' AND measure = 'weekly' "
            "AND gender = 0 AND status = 4"
        ).all()
    )
    assert stored["median"] == float(rec["median"]) == 1034.9
    assert stored["median_pct_change"] == float(rec["median_pct_change"])
    assert stored["p90"] == number(rec["p90"]) and stored["jobs_thousand"] == float(rec["n_jobs_thousand"])


def test_coverage_lists_every_new_indicator_and_what_has_no_source(conn, service):
    cov = coverage(conn)
    assert cov["pay_annual_2024_or_later"]["unit_groups"] >= 300
    recent = sum(
        1
        for soc, g in service.store.soc.items()
        if g.level == 4 and service.pay(Query(soc)).period in ("2024", "2025")
    )
    assert cov["pay_annual_2024_or_later"]["unit_groups"] == recent  # the same rule as the service
    assert (
        cov["hours_median_2021"]["unit_groups"] == 357 and cov["pay_weekly_median_2021"]["unit_groups"] == 343
    )
    assert cov["soc2020_pay_direct"]["unit_groups"] + cov["soc2020_pay_combined"]["unit_groups"] > 330
    for name in ("wf_projection_2027", "census2011_minor_group", "industries_aps_2024"):
        assert cov[name]["unit_groups"] == 369, name
    for name in ("unemployment_by_occupation", "graduate_subjects"):
        assert cov[name]["unit_groups"] == 0 and cov[name]["reason"].startswith("no source")
