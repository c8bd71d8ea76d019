"""Census 2011 by local authority: towns, cities, postcodes and positions resolve to local
authorities, the published counts come back exactly, and Scotland and Northern Ireland say they
have no census rows (a reason code, never a zero)."""

from __future__ import annotations

import pytest
from service_helpers import rows

from lmi_backend import notes
from lmi_backend.places import BY_DISTRICT, BY_NAME, BY_POSITION, BY_POSTCODE, BY_REGION
from lmi_backend.service import Query

LAD_FILE = "census2011/census2011_qs606ew_occupation_minor_groups_by_lad2020.csv"
DISTRICTS = "places/postcode_district_to_lad2020.csv"
LEEDS, WESTMINSTER, CARDIFF = "E08000035", "E09000033", "W06000015"


@pytest.mark.parametrize(
    "area, code, how",
    [
        ("Leeds", LEEDS, BY_NAME),
        ("LS6", LEEDS, BY_DISTRICT),
        ("ls6 3ab", LEEDS, BY_POSTCODE),
        ("LS63AB", LEEDS, BY_POSTCODE),
        ("SW1A", WESTMINSTER, BY_DISTRICT),
        ("SW1A 1AA", WESTMINSTER, BY_POSTCODE),
        ("CF10", CARDIFF, BY_DISTRICT),
        ("Cardiff", CARDIFF, BY_NAME),
        ("53.7974,-1.5530", LEEDS, BY_POSITION),
        ("Hull", "E06000010", BY_NAME),  # Kingston upon Hull, City of
        ("Stoke-on-Trent", "E06000021", BY_NAME),
        ("huddersfield", "E08000034", BY_NAME),  # the town's authority: Kirklees
        ("in Glasgow", "S12000049", BY_NAME),  # Glasgow City
        ("the Wirral", "E08000015", BY_NAME),
    ],
)
def test_places_resolve_to_local_authorities(service, area, code, how):
    match = service.places.resolve(area)
    assert match is not None and match.authority.code == code and match.how == how


def test_districts_match_the_published_lookup_and_regions_resolve_whole(service, sources):
    for rec in rows(sources / DISTRICTS)[::97]:
        match = service.places.resolve(rec["postcode_district"])
        assert match.authority.code == rec["lad20cd"] and match.district.lad_share == float(
            rec["lad_share_pct"]
        )
    wales = service.places.resolve("Wales")
    assert wales.how == BY_REGION and wales.region == 10
    assert service.places.resolve("Atlantis") is None
    with pytest.raises(ValueError, match="not in the UK"):
        service.places.resolve("40.7,-74.0")


def test_jobs_in_leeds_are_the_published_minor_group_counts(service, sources):
    published = {r["soc2010_code"]: r for r in rows(sources / LAD_FILE) if r["lad20cd"] == LEEDS}
    result = service.area_jobs("Leeds")
    assert (
        result.geography == "Leeds"
        and result.period == "2011"
        and result.breakdown["local_authority"] == LEEDS
    )
    assert len(result.items) == 90 and all(len(str(i["soc"])) == 3 for i in result.items)
    for item in result.items:
        rec = published[str(item["soc"])]
        assert item["persons"] == float(rec["persons"]) and item["share_pct"] == float(
            rec["share_of_employed_pct"]
        )
    assert result.values["employed"] == float(published["1"]["all_in_employment_16_74"]) == 355225
    assert [i["persons"] for i in result.items] == sorted((i["persons"] for i in result.items), reverse=True)
    majors = service.area_jobs("LS6", level="major")
    assert sum(i["persons"] for i in majors.items) == result.values["employed"]


def test_people_in_a_group_near_a_postcode(service, sources):
    rec = next(r for r in rows(sources / LAD_FILE) if (r["lad20cd"], r["soc2010_code"]) == (LEEDS, "22"))
    result = service.area_people("LS6", 22)
    assert result.values["persons"] == float(rec["persons"]) == 15662 and not result.changes
    assert result.breakdown["matched"] == "LS6" and result.source.startswith(
        "Office for National Statistics, 2011 Census"
    )
    unit = service.area_people("LS6", 2231)  # nurses: the census counts their minor group
    assert unit.soc == 223 and [c.reason for c in unit.changes] == [notes.CENSUS_MINOR_GROUPS_ONLY]


def test_wales_is_the_sum_of_its_authorities(service, sources):
    welsh = [r for r in rows(sources / LAD_FILE) if r["country"] == "Wales" and r["soc2010_code"] == "1"]
    result = service.area_people("Wales", 1)
    assert result.values["persons"] == sum(float(r["persons"]) for r in welsh)


@pytest.mark.parametrize("area", ["Glasgow", "BT1", "Scotland", "55.95,-3.19"])
def test_scotland_and_northern_ireland_have_no_census_rows_and_say_so(service, area):
    for result in (service.area_jobs(area), service.area_people(area, 22)):
        assert result.unavailable == "no_census_for_nation" and result.reliability == "no_data"
        assert result.values == {} and result.items == []


def test_an_unknown_area_is_a_clear_error(service):
    with pytest.raises(ValueError, match="Unknown area"):
        service.area_jobs("Narnia")
    with pytest.raises(ValueError, match="Level"):
        service.area_jobs("Leeds", level="unit")
    assert service.area_people("Leeds", 5314).soc == 531
    with pytest.raises(ValueError):
        service.area_people("Leeds", 9999)
    assert service.area_jobs("Leeds").requested["area"] == "leeds" and Query(0).soc == 0
