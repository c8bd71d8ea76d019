"""census/*: the jobs people do near a place, as LMI for All's census calls gave them, from the
2011 Census (QS606EW) by local authority through adapters.area_jobs: a postcode (with or without
its space), a postcode district, or 'lat,lng' (the nearest postcode district) finds the local
authority. The census file held counts residents by where they live, in England and Wales; for
Scotland and Northern Ireland the answer is the original's empty list, with a note saying why."""

from __future__ import annotations

from ... import notes
from .. import adapters
from ..endpoints import ApiError, Call, Empty, Param, endpoint
from .ashe import whole

CENSUS = (
    "ONS Census 2011, QS606EW: residents aged 16-74 in employment by SOC2010 minor group, per "
    "local authority (2020 boundaries), England and Wales; ONS postcode directory for places"
)
AREA = Param(
    "area",
    "a postcode (SW1A1AA or SW1A 1AA), a postcode district (LS6), or 'lat,lng'",
    required=True,
    example="LS63AB",
)
LONGEST_AREA = 64  # longer is no postcode, place or position
BY_RESIDENCE = (
    "Census 2011: people aged 16-74 in work living in {name}, by SOC2010 minor group; percentage "
    "of everyone in work living there."
)
NOT_WHERE_THEY_WORK = " Counted where people live, not where they work: no workplace table is held."
UNAVAILABLE = {
    notes.NO_CENSUS_FOR_NATION: "The 2011 Census figures held cover England and Wales only, so there are "
    "none for {name}."
}
NO_DISTANCES = Empty(
    "no Census 2011 table of distances travelled to work is held (only occupations by residence)"
)


def _area(call: Call) -> str:
    area = (call.value("area") or "").strip()
    if not area:
        raise ApiError("Please give an area: a postcode, or 'lat,lng'.")
    if len(area) > LONGEST_AREA:
        raise ApiError("The area should be a postcode, a postcode district or 'lat,lng'.")
    return area


def _occupations(call: Call, key: str, note: str = "") -> dict:
    found = adapters.area_jobs(call.service, _area(call))
    if found.unavailable:
        text = UNAVAILABLE.get(found.unavailable, "No census figures are held for {name}.")
        return {
            key: [],
            "area": {"name": found.name, **found.area},
            "year": None,
            "note": text.format(name=found.name),
        }
    return {
        key: [
            {
                "socGroup": group["soc"],
                "description": group["title"],
                "value": whole(group["persons"]),
                "percentage": group["share_pct"],
            }
            for group in found.groups
        ],
        "area": {"name": found.name, **found.area},
        "year": found.year,
        "note": BY_RESIDENCE.format(name=found.name) + note,
    }


@endpoint(
    "/census/jobs_breakdown",
    "census",
    "The jobs (SOC2010 minor groups) of the people in work near a place, largest first, with each "
    "one's percentage (2011 Census, by where people live)",
    params=(AREA,),
    example="/census/jobs_breakdown?area=LS63AB",
    answers_from=CENSUS,
)
def jobs_breakdown(call: Call) -> dict:
    return _occupations(call, "jobsBreakdown", NOT_WHERE_THEY_WORK)


@endpoint(
    "/census/resident_occupations",
    "census",
    "The jobs (SOC2010 minor groups) of the people in work living near a place, largest first, "
    "with each one's percentage (2011 Census)",
    params=(AREA,),
    example="/census/resident_occupations?area=53.80,-1.55",
    answers_from=CENSUS,
)
def resident_occupations(call: Call) -> dict:
    return _occupations(call, "residentOccupations")


@endpoint(
    "/census/distance",
    "census",
    "How far people near a place travel to work (2011 Census; empty)",
    params=(AREA,),
    example="/census/distance?area=SW1A1AA",
    answers_from="no source in the database",
    empty=NO_DISTANCES,
)
def distance(call: Call) -> dict:
    _area(call)
    return {"distances": []}
