"""Which industries employ a job (APS 2021-2024, SOC2020 x SIC section), through the SOC2020 link
and the disclosure layer."""

from __future__ import annotations

import pytest
from service_helpers import number, rows

from lmi_backend.disclosure import SMALL_SAMPLE_BELOW, SUPPRESS_BELOW
from lmi_backend.service import Query

APS = "aps_soc2020_industry/aps_employment_soc2020_4digit_by_industry_section_2021_2024.csv"
PROGRAMMERS, NURSES = 2136, 2231


@pytest.fixture(scope="module")
def aps(sources) -> dict[tuple[str, str, str], float | None]:
    return {
        (r["year"], r["soc2020_code"], r["sic2007_section"]): number(r["persons_in_employment"])
        for r in rows(sources / APS)
    }


def test_a_directly_linked_job_gets_its_soc2020_groups_published_counts(service, aps):
    result = service.industries(Query(PROGRAMMERS))  # SOC2020 2134 stands for programmers
    assert result.period == "2024" and not result.estimate and [g["code"] for g in result.soc2020] == [2134]
    for item in result.items:
        published = aps[("2024", "2134", item["section"])]
        if published is None or published < SUPPRESS_BELOW:
            assert item["persons"] is None and item["reliability"] in ("suppressed", "no_data")
        else:
            assert item["persons"] == published
            assert item["reliability"] == ("small_sample" if published < SMALL_SAMPLE_BELOW else "reliable")
    top = result.items[0]
    assert top["section"] == "J" and top["name"] == "Information and communication"
    shown = sum(v for (y, c, _), v in aps.items() if (y, c) == ("2024", "2134") and v is not None)
    assert top["share_pct"] == round(100 * aps[("2024", "2134", "J")] / shown, 1)


def test_a_job_split_across_soc2020_groups_gets_an_estimated_mix(service):
    result = service.industries(Query(NURSES))
    assert result.estimate and len(result.soc2020) > 1 and "estimate" in result.method
    assert all(i["persons"] is None for i in result.items)
    assert result.items[0]["section"] == "Q" and result.items[0]["share_pct"] > 70
    assert sum(i["share_pct"] or 0 for i in result.items) == pytest.approx(100, abs=2)


def test_an_earlier_year_all_jobs_and_bad_input(service, aps):
    result = service.industries(Query(PROGRAMMERS), year="2021")
    assert result.period == "2021"
    everyone = service.industries(Query(0))
    assert {i["section"]: i["persons"] for i in everyone.items}["Q"] == aps[("2024", "ALL", "Q")]
    assert service.industries(Query(22)).unavailable == "industries_unit_groups_only"
    with pytest.raises(ValueError, match="Year"):
        service.industries(Query(PROGRAMMERS), year="2019")
