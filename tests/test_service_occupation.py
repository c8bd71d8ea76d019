"""Skills, descriptions, tasks, entry routes, apprenticeships, similar jobs, comparisons and the
`lmi query` command, on the real database."""

from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import func, select

from lmi_backend.cli import main
from lmi_backend.db.occupations import apprenticeship_soc
from lmi_backend.service import Query

UNITS = "soc/ons_soc2010_unit_groups.csv"


@pytest.fixture(scope="module")
def ons(sources):
    with open(sources / UNITS, newline="", encoding="utf-8") as fh:
        return {r["soc"]: r for r in csv.DictReader(fh)}


def test_skills_are_ranked_with_onet_scales_and_plain_names(service):
    result = service.skills(2231)
    skills = [i for i in result.items if i["kind"] == "skill"]
    knowledge = [i for i in result.items if i["kind"] == "knowledge"]
    interests = [i for i in result.items if i["kind"] == "interest"]
    assert len(skills) == 10 and len(knowledge) == 5 and len(interests) == 6
    assert [i["importance"] for i in skills] == sorted((i["importance"] for i in skills), reverse=True)
    assert all(1 <= i["importance"] <= 5 and (i["level"] is None or 0 <= i["level"] <= 7) for i in skills)
    assert {i["name"] for i in interests} == {
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    }
    assert interests[0]["name"] == "Social"  # nurses
    assert "Medicine and Dentistry" in {i["name"] for i in knowledge}
    listening = next(i for i in skills if i["name"] == "Active Listening")
    assert listening["plain_name"] == "listening well"
    assert result.estimate and "O*NET" in result.source and result.caveats


def test_description_tasks_and_entry_routes_are_the_ons_text(service, ons):
    src = ons["5314"]
    assert service.tasks(5314).items[0]["task"] == src["tasks"].split(" | ")[0].strip().rstrip(";").strip()
    assert len(service.tasks(5314).items) == len([t for t in src["tasks"].split(" | ") if t.strip()])
    assert service.entry_routes(5314).text == src["entry_routes_and_qualifications"].strip()
    description = service.job_description(5314)
    assert description.text and description.reliability == "reliable"
    assert "Office for National Statistics" in description.source


def test_apprenticeships_are_the_linked_standards_best_first(service, conn):
    linked = conn.execute(
        select(apprenticeship_soc.c.soc, func.count())
        .group_by(apprenticeship_soc.c.soc)
        .order_by(func.count().desc(), apprenticeship_soc.c.soc)
    ).first()
    if linked is None:
        pytest.skip("apprenticeship_soc is empty: the coder's linking step has not run")
    result = service.apprenticeships(linked[0])
    assert len(result.items) == linked[1] and result.geography == "England"
    assert [i["score"] for i in result.items] == sorted((i["score"] for i in result.items), reverse=True)
    assert all(i["reference"].startswith("ST") and 2 <= i["level"] <= 7 for i in result.items)


def test_similar_jobs_to_plumbers_are_nearby_trades(service):
    result = service.similar_jobs(5314, limit=5)
    socs = [i["soc"] for i in result.items]
    assert len(socs) == 5 and 5314 not in socs and 5315 in socs
    assert [i["similarity"] for i in result.items] == sorted(
        (i["similarity"] for i in result.items), reverse=True
    )
    assert result.estimate and result.method


def test_compare_puts_two_or_three_jobs_side_by_side(service):
    result = service.compare([5314, 2231, 5241], Query(5314))
    assert [i["soc"] for i in result.items] == [5314, 2231, 5241]
    nurses = result.items[1]
    assert nurses["pay_median"] == service.pay(Query(2231)).values["median"]
    assert nurses["hours_median"] == service.hours(Query(2231)).values["median"]
    assert nurses["growth_pct"] == service.outlook(Query(2231)).values["growth_pct"]
    with pytest.raises(ValueError):
        service.compare([5314], Query(5314))
    with pytest.raises(ValueError):
        service.compare([5314, 2231, 5241, 5434], Query(5314))


def test_unknown_codes_are_refused(service):
    with pytest.raises(ValueError, match="Unknown SOC2010 code"):
        service.pay(Query(9999))
    with pytest.raises(ValueError, match="Region"):
        service.pay(Query(5314, region=13))


def test_cli_query_prints_the_result_as_json(db_path, capsys):
    assert main(["--db", str(db_path), "query", "pay", "--soc", "5314", "--region", "10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "pay" and out["geography"] == "Wales" and out["estimate"] is True
    assert main(["--db", str(db_path), "query", "compare", "--soc", "5314,2231", "--json"]) == 0
    assert [i["soc"] for i in json.loads(capsys.readouterr().out)["items"]] == [5314, 2231]
    assert main(["--db", str(db_path), "query", "pay", "--soc", "9999"]) == 2
