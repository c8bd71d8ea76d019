"""The disclosure layer: its rules on their own, then property tests over random questions on
the real database proving no figure from a cell under 1,000 people (or 50 ESS establishments)
leaves the service, every 1,000-10,000 figure is flagged, and every fallback says what changed."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from lmi_backend import disclosure as dl
from lmi_backend.answers import caveats, words
from lmi_backend.answers.plain import job_name
from lmi_backend.db import dimensions as d
from lmi_backend.db import estimates as e
from lmi_backend.db.facts import vacancy
from lmi_backend.jobtitles import lower_first
from lmi_backend.places import REGION_NAMES
from lmi_backend.service import Query

# ---- the rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "people, expected",
    [
        (None, dl.NO_DATA),
        (0, dl.SUPPRESSED),
        (999.9, dl.SUPPRESSED),
        (1000, dl.SMALL_SAMPLE),
        (9999, dl.SMALL_SAMPLE),
        (10000, dl.RELIABLE),
        (2e6, dl.RELIABLE),
    ],
)
def test_employment_thresholds(people, expected):
    assert dl.employment_reliability(people) == expected


@pytest.mark.parametrize(
    "establishments, expected",
    [(None, dl.NO_DATA), (49, dl.SUPPRESSED), (50, dl.RELIABLE), (1534, dl.RELIABLE)],
)
def test_ess_fifty_establishment_rule(establishments, expected):
    assert dl.establishments_reliability(establishments) == expected


@pytest.mark.parametrize(
    "graduates, expected",
    [
        (None, dl.NO_DATA),
        (10, dl.SUPPRESSED),
        (49, dl.SUPPRESSED),
        (50, dl.SMALL_SAMPLE),
        (199, dl.SMALL_SAMPLE),
        (200, dl.RELIABLE),
    ],
)
def test_graduates_fifty_and_two_hundred_rule(graduates, expected):
    assert dl.graduates_reliability(graduates) == expected


def test_release_gives_a_figure_only_for_a_large_enough_published_cell():
    assert dl.release(49, "figure", dl.GRADUATES) == dl.Released(
        None, 49, dl.SUPPRESSED, dl.TOO_FEW_GRADUATES
    )
    assert dl.release(None, None, dl.GRADUATES) == dl.Released(None, None, dl.NO_DATA, dl.NOT_PUBLISHED)
    assert dl.release(120, "figure", dl.GRADUATES) == dl.Released("figure", 120, dl.SMALL_SAMPLE, None)


def test_ladder_relaxes_qualification_age_region_status_sex_then_occupation():
    cell = dl.Cell(soc=5314, region=10, gender=2, status=2, qualification=1, age=21)
    rungs = [c for c, _ in dl.ladder(cell, all_status=4)]
    assert rungs[1] == dl.Cell(5314, 10, 2, 2, 301, 21)  # doctorate -> degree group
    assert rungs[2] == dl.Cell(5314, 10, 2, 2, 201, 21)  # -> high band
    assert rungs[3] == dl.Cell(5314, 10, 2, 2, 0, 21)  # -> all qualifications
    assert rungs[4] == dl.Cell(5314, 10, 2, 2, 0, None)  # -> all ages
    assert rungs[5] == dl.Cell(5314, 0, 2, 2, 0, None)  # -> UK
    assert rungs[6] == dl.Cell(5314, 0, 2, 4, 0, None)  # -> all employees
    assert rungs[7] == dl.Cell(5314, 0, 0, 4, 0, None)  # -> both sexes
    assert [c.soc for c in rungs[8:]] == [531, 53]  # 3- then 2-digit, no further


def test_resolve_skips_small_and_unpublished_rungs_and_says_why():
    sizes = {dl.Cell(5314, region=10): 800, dl.Cell(5314): 180_000}
    outcome = dl.resolve(dl.Cell(5314, region=10), sizes.get, lambda c: {"median": 1})
    assert outcome.used == dl.Cell(5314) and outcome.reliability == dl.RELIABLE
    assert outcome.changes == (dl.Change("region", 10, 0, dl.TOO_FEW),)
    assert outcome.reason == dl.TOO_FEW


def test_resolve_flags_small_samples_and_gives_nothing_when_every_rung_fails():
    small = dl.resolve(dl.Cell(1116), lambda c: 5_000, lambda c: 1.0)
    assert small.reliability == dl.SMALL_SAMPLE and small.figure == 1.0 and not small.changes
    none = dl.resolve(dl.Cell(1116, gender=2), lambda c: 300, lambda c: 1.0)
    assert none.figure is None and none.used is None and none.reliability == dl.SUPPRESSED
    assert none.reason == dl.TOO_FEW


# ---- property tests on the real database ----------------------------------------------------


@pytest.fixture(scope="module")
def cells(engine):
    """Independent copies of what a cell's size is, read straight from the estimate tables."""
    with engine.connect() as conn:
        employment = {
            (s, r, g, t): v
            for s, r, g, t, v in conn.execute(
                select(
                    e.est_employment.c.soc,
                    e.est_employment.c.region,
                    e.est_employment.c.gender,
                    e.est_employment.c.status,
                    e.est_employment.c.value,
                )
            )
        }
        quals = {
            (s, q): v
            for s, q, v in conn.execute(
                select(
                    e.est_employment_qualification.c.soc,
                    e.est_employment_qualification.c.qualification,
                    e.est_employment_qualification.c.value,
                )
            )
        }
        ages = {
            (s, b): v
            for s, b, v in conn.execute(
                select(
                    e.est_employment_age.c.soc, e.est_employment_age.c.age_band, e.est_employment_age.c.value
                )
            )
        }
        bands = [
            (c, lo, hi)
            for c, lo, hi in conn.execute(
                select(d.age_band.c.code, d.age_band.c.age_min, d.age_band.c.age_max)
            )
            if c
        ]
        outlook = {
            (s, g): v
            for s, g, v in conn.execute(
                select(e.est_outlook.c.soc, e.est_outlook.c.gender, e.est_outlook.c.employment_base)
            )
        }
        establishments = dict(
            conn.execute(
                select(vacancy.c.soc, vacancy.c.value).where(vacancy.c.measure == "establishments_sampled")
            ).all()
        )
        names = {
            dim: {n: c for c, n in conn.execute(select(t.c.code, t.c.name))}
            for dim, t in (
                ("region", d.region),
                ("gender", d.gender),
                ("status", d.status),
                ("qualification", d.qualification),
            )
        }
        socs = sorted(conn.execute(select(d.soc_group.c.code).where(d.soc_group.c.level >= 2)).scalars())
    return {
        "employment": employment,
        "quals": quals,
        "ages": ages,
        "bands": bands,
        "outlook": outlook,
        "establishments": establishments,
        "names": names,
        "socs": socs,
    }


def used_cell(c: dict, result, all_status: int) -> dl.Cell:
    """The cell a result says it describes, from its soc, geography and breakdown labels."""
    names, b = c["names"], result.breakdown
    return dl.Cell(
        soc=result.soc,
        region=names["region"].get(result.geography, 0),
        gender=names["gender"][b["gender"]] if "gender" in b else 0,
        status=names["status"][b["status"]] if "status" in b else all_status,
        qualification=names["qualification"][b["qualification"]] if "qualification" in b else 0,
        age=int(b["age"]) if "age" in b else None,
    )


def used_employment(c: dict, result, all_status: int) -> float:
    cell = used_cell(c, result, all_status)
    total = c["employment"][(cell.soc, 0, 0, 0)]
    value = c["employment"][(cell.soc, cell.region, cell.gender, cell.status)]
    if cell.qualification:
        value *= c["quals"][(cell.soc, cell.qualification)] / total
    if cell.age is not None:
        band = next(code for code, lo, hi in c["bands"] if cell.age >= lo and (hi is None or cell.age <= hi))
        value *= c["ages"][(cell.soc, band)] / total
    return value


def queries(socs):
    return st.builds(
        Query,
        soc=st.sampled_from(socs),
        region=st.none() | st.integers(1, 12),
        gender=st.none() | st.integers(1, 2),
        status=st.none() | st.integers(1, 3),
        qualification=st.none() | st.integers(1, 9),
        age=st.none() | st.integers(14, 80),
    )


def check_released(result, size: float, rule=dl.employment_reliability):
    assert rule(size) == result.reliability, (result.soc, size, result.reliability)
    assert result.reliability in dl.RELEASED
    assert any(v is not None for v in result.values.values())


def check_withheld(result):
    assert result.reliability in (dl.SUPPRESSED, dl.NO_DATA)
    assert all(v is None for v in result.values.values())
    assert result.unavailable or result.reliability == dl.NO_DATA


def check_fallback_names_changes(c: dict, result, query: Query, service, all_status: int):
    """Every dimension that differs between the question and the figure is a change the result
    records (the code asked, the code given, a worded reason), and the chat's one fallback
    sentence names the asked occupation and place."""
    if not result.values:
        return
    used = used_cell(c, result, all_status)
    asked = dl.Cell(
        query.soc,
        query.region or 0,
        query.gender or 0,
        query.status or all_status,
        dl.QUAL_EXACT.get(query.qualification, query.qualification or 0),
        query.age,
    )
    changed = [
        dim
        for dim in ("soc", "region", "gender", "status", "qualification", "age")
        if getattr(used, dim) != getattr(asked, dim)
    ]
    recorded = {change.dimension: change for change in result.changes}
    for dim in changed:
        assert dim in recorded and recorded[dim].given == getattr(used, dim), (query, result.changes)
        assert recorded[dim].reason in words.REASONS
    if not changed or changed == ["qualification"]:
        return
    sentence = caveats.fallback(result)
    assert sentence.startswith("There's no reliable figure for "), (query, sentence)
    if "soc" in changed:
        assert lower_first(job_name(service.soc_title(query.soc))) in sentence, (query, sentence)
    if "region" in changed:
        assert REGION_NAMES[query.region] in sentence


PROPERTY = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(data=st.data())
def test_pay_never_releases_small_cells(service, cells, data):
    q = data.draw(queries(cells["socs"]))
    result = service.pay(q)
    if result.values:
        check_released(result, used_employment(cells, result, all_status=4))
    else:
        check_withheld(result)
    check_fallback_names_changes(cells, result, q, service, all_status=4)


@PROPERTY
@given(data=st.data())
def test_hours_never_releases_small_cells(service, cells, data):
    q = data.draw(queries(cells["socs"]))
    result = service.hours(q)
    if result.values:
        check_released(result, used_employment(cells, result, all_status=4))
    else:
        check_withheld(result)
    check_fallback_names_changes(cells, result, q, service, all_status=4)


@PROPERTY
@given(data=st.data())
def test_outlook_never_releases_small_cells(service, cells, data):
    q = data.draw(queries(cells["socs"]))
    result = service.outlook(q)
    gender = cells["names"]["gender"].get(result.breakdown.get("gender"), 0)
    if result.values:
        assert result.geography == "England"
        check_released(result, cells["outlook"][(result.soc, gender)])
    else:
        check_withheld(result)
    if q.region:
        assert any(ch.dimension == "region" and ch.asked == q.region for ch in result.changes)
    check_fallback_names_changes(cells, result, replace(q, region=None), service, all_status=0)


@PROPERTY
@given(data=st.data())
def test_vacancies_follow_the_fifty_establishment_rule(service, cells, data):
    q = data.draw(queries(cells["socs"]))
    result = service.vacancies(q)
    if result.values:
        check_released(result, cells["establishments"][result.soc], dl.establishments_reliability)
    else:
        check_withheld(result)
    check_fallback_names_changes(cells, result, q, service, all_status=0)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_compare_items_carry_only_released_figures(service, cells, data):
    q = data.draw(queries(cells["socs"]))
    socs = data.draw(st.lists(st.sampled_from(cells["socs"]), min_size=2, max_size=3, unique=True))
    result = service.compare(socs, q)
    for item in result.items:
        one = service.pay(Query(item["soc"], q.region, q.gender, q.status, q.qualification, q.age))
        assert item["pay_median"] == one.values.get("median")
        assert item["pay_reliability"] == one.reliability


def test_a_suppressed_cell_names_what_was_asked_and_why(service):
    # female part-time plumbers in Northern Ireland: far fewer than 1,000 people
    result = service.pay(Query(5314, region=12, gender=2, status=2))
    assert result.requested["geography"] == "Northern Ireland"
    assert result.requested["gender"] == "Female" and result.requested["status"] == "Part-time employees"
    assert {ch.reason for ch in result.changes} == {dl.TOO_FEW}
    # the one sentence names what changed (work pattern and place), not what held (sex)
    assert {ch.dimension for ch in result.changes} == {"status", "region"} and result.cell["gender"] == 2
    assert caveats.fallback(result) == (
        "There's no reliable figure for part-time plumbers and heating and ventilating engineers in "
        "Northern Ireland, because too few of them were in the survey."
    )
    assert result.values["median"] is not None and result.geography == "United Kingdom"


@pytest.mark.parametrize(
    "people, expected",
    [
        (None, dl.NO_DATA),
        (999, dl.SUPPRESSED),
        (1_000, dl.SMALL_SAMPLE),
        (9_999, dl.SMALL_SAMPLE),
        (10_000, dl.RELIABLE),
    ],
)
def test_working_futures_cells_follow_the_workbooks_warning(people, expected):
    assert dl.projection_reliability(people) == expected
    released = dl.release(people, "figure", dl.PROJECTION)
    assert released.reliability == expected and (released.figure == "figure") == (expected in dl.RELEASED)


def test_tables_release_cell_by_cell_and_census_counts_are_released_as_published():
    def given(released: dl.Released) -> tuple:
        return released.figure, released.reliability

    assert given(dl.release(12, 12.0, dl.CENSUS)) == (12.0, dl.RELIABLE)  # a full count, not a sample
    assert given(dl.release(None, None, dl.CENSUS)) == (None, dl.NO_DATA)
    assert given(dl.release(5_000, None)) == (None, dl.NO_DATA)  # a big enough cell with no figure
    assert dl.worst([dl.RELIABLE, dl.SUPPRESSED, dl.SMALL_SAMPLE]) == dl.SMALL_SAMPLE
    assert dl.worst([dl.SUPPRESSED, dl.NO_DATA]) == dl.NO_DATA
