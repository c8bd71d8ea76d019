"""Pay relativities and derived hours: estimates weighted by employment reproduce the published
UK figure, follow the published regional differentials, and keep the earnings-function order."""

from __future__ import annotations

import csv
import math
from collections import defaultdict

import pytest
from sqlalchemy import select

from lmi_backend.db import estimates as e
from lmi_backend.db.facts import hours, pay
from lmi_backend.estimates.pay import QUAL_COEF, estimate, profile, sigma

TABLE3 = "more/ashe_table3_region_x_soc2010_2digit_2020/ashe_t3_2020_region_x_soc2010_major_submajor_long.csv"


@pytest.fixture(scope="module")
def factors(engine):
    with engine.connect() as conn:
        out = defaultdict(dict)
        for soc, dim, code, measure, factor in conn.execute(
            select(
                e.est_pay_relativity.c.soc,
                e.est_pay_relativity.c.dimension,
                e.est_pay_relativity.c.code,
                e.est_pay_relativity.c.measure,
                e.est_pay_relativity.c.factor,
            )
        ):
            out[(soc, dim, measure)][code] = factor
        return out


@pytest.fixture(scope="module")
def employees(engine):
    with engine.connect() as conn:
        return {
            (s, r): v
            for s, r, v in conn.execute(
                select(e.est_employment.c.soc, e.est_employment.c.region, e.est_employment.c.value).where(
                    e.est_employment.c.gender == 0, e.est_employment.c.status == 4
                )
            )
        }


def test_regional_estimates_reproduce_the_uk_mean_for_every_job_and_measure(factors, employees, conn):
    """RAS constraint: sum over regions of employees x (UK mean x factor) = UK employees x UK mean."""
    units = conn.execute(select(e.est_pay_relativity.c.soc).distinct()).scalars().all()
    assert len(units) == 369
    for soc in units:
        for measure in ("annual", "weekly", "hourly", "paid_hours_total"):
            f = factors[(soc, "region", measure)]
            weighted = sum(employees[(soc, r)] * f[r] for r in range(1, 13)) / employees[(soc, 0)]
            assert weighted == pytest.approx(1.0, abs=1e-9), (soc, measure)


def test_wales_plumbers_earn_less_in_line_with_table3(factors, sources):
    """5314 in Wales: below the UK, by the published Wales/UK ratio of sub-major group 53
    (ASHE Table 3 2020, read from the file) up to the normalising constant (within 3%)."""
    with open(sources / TABLE3, encoding="utf-8") as fh:
        medians = {
            (r["region"], r["soc2010_code"]): float(r["median"])
            for r in csv.DictReader(fh)
            if r["measure"] == "annual_gross_pay_gbp" and r["median"] not in ("", "x")
        }
    published = medians[("Wales", "53")] / medians[("United Kingdom", "53")]
    wales = factors[(5314, "region", "annual")][10]
    assert wales < 1
    assert wales == pytest.approx(published, rel=0.03)
    london = factors[(5314, "region", "annual")][1]
    assert london / wales == pytest.approx(medians[("London", "53")] / medians[("Wales", "53")], rel=1e-9)


def test_qualification_factors_keep_the_earnings_function_gaps(factors, conn):
    f = factors[(2231, "qualification", None)]
    for q, coef in QUAL_COEF.items():
        assert f[q] / f[301] == pytest.approx(math.exp(coef), rel=1e-9)
    mix = dict(
        conn.execute(
            select(
                e.est_employment_qualification.c.qualification, e.est_employment_qualification.c.value
            ).where(e.est_employment_qualification.c.soc == 2231)
        ).all()
    )
    weighted = sum(mix[q] * f[q] for q in QUAL_COEF) / sum(mix[q] for q in QUAL_COEF)
    assert weighted == pytest.approx(1.0)
    assert f[201] > f[202] > f[203]


def test_age_profile_rises_to_middle_age_and_averages_to_one(factors, conn):
    f = factors[(5241, "age", None)]
    assert f[21] < f[30] < f[45] and f[45] > f[60]
    assert f[45] == max(f.values())
    age = e.est_employment_age
    mix = dict(
        conn.execute(
            select(age.c.age_band, age.c.value).where(age.c.soc == 5241, age.c.age_band.between(5, 13))
        ).all()
    )
    bands = {b: range(20 + 5 * (b - 5), 25 + 5 * (b - 5)) for b in mix}
    weighted = sum(mix[b] * sum(f[a] for a in bands[b]) / 5 for b in mix) / sum(mix.values())
    assert weighted == pytest.approx(1.0)
    assert f[21] / f[45] == pytest.approx(profile(21) / profile(45))


def test_lognormal_deciles_fill_only_what_is_missing():
    published = {"median": 30000.0, "mean": 33000.0, "p10": 18000.0, "p90": None}
    spread = sigma(published)  # one percentile only: the mean/median ratio gives the spread
    assert spread == pytest.approx(math.sqrt(2 * math.log(33000 / 30000)))
    out = estimate(published, 0.9, spread)
    assert out["median"] == pytest.approx(27000) and out["p10"] == pytest.approx(16200)
    assert out["p90"] == pytest.approx(27000 * math.exp(1.2816 * spread))
    two = {
        "median": 100.0,
        "mean": 90.0,
        "p10": 100 * math.exp(-1.2816 * 0.4),
        "p90": 100 * math.exp(1.2816 * 0.4),
    }
    assert sigma(two) == pytest.approx(0.4)  # percentiles first: the mean is below the median
    assert sigma({"median": 100.0, "mean": 90.0}) is None


def test_derived_hours_average_to_the_published_sub_major_hours(conn):
    """Within each sub-major group, the employment-weighted mean of the unit groups' derived
    mean hours equals ASHE Table 3's published mean paid hours (all employees)."""
    published = dict(
        conn.execute(
            select(hours.c.soc, hours.c.value).where(
                hours.c.period == "2020",  # Table 3, the anchor of the derived hours
                hours.c.region == 0,
                hours.c.gender == 0,
                hours.c.status == 4,
                hours.c.stat == "mean",
                hours.c.soc.between(11, 92),
                hours.c.value.isnot(None),
            )
        ).all()
    )
    derived = {
        s: v
        for s, v in conn.execute(
            select(e.est_hours.c.soc, e.est_hours.c.value).where(
                e.est_hours.c.status == 4, e.est_hours.c.stat == "mean", e.est_hours.c.soc >= 1000
            )
        )
    }
    weights = {
        s: v
        for s, v in conn.execute(
            select(e.est_employment.c.soc, e.est_employment.c.value).where(
                e.est_employment.c.region == 0, e.est_employment.c.gender == 0, e.est_employment.c.status == 4
            )
        )
    }
    sums = defaultdict(lambda: [0.0, 0.0])
    for soc, h in derived.items():
        sums[soc // 100][0] += weights[soc] * h
        sums[soc // 100][1] += weights[soc]
    assert len(derived) > 330
    for group, (s, w) in sums.items():
        assert s / w == pytest.approx(published[group], rel=0.01), group
    assert 35 < derived[5314] < 45 and derived[9272] < 30  # plumbers vs kitchen assistants


def test_derived_hours_come_from_annual_over_hourly_pay(conn):
    figures = {
        (m, st): v
        for m, st, v in conn.execute(
            select(pay.c.measure, pay.c.stat, pay.c.value).where(
                pay.c.soc == 5434,
                pay.c.period == "2021",
                pay.c.status == 1,
                pay.c.region == 0,
                pay.c.gender == 0,
            )
        )
    }
    raw = figures[("annual", "mean")] / (figures[("hourly", "mean")] * 52.143)
    fitted = conn.execute(
        select(e.est_hours.c.value).where(
            e.est_hours.c.soc == 5434, e.est_hours.c.status == 1, e.est_hours.c.stat == "mean"
        )
    ).scalar_one()
    assert fitted == pytest.approx(raw, rel=0.05)  # only the sub-major scaling in between
