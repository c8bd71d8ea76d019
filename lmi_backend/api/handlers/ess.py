"""ess/*: hard-to-fill and skill-shortage vacancies (Employer Skills Survey), with the
50-establishment rule. The survey file we hold is for the UK by unit group, so regional
questions have no figures (null, and an empty ranking) until a regional file is added."""

from __future__ import annotations

from ...disclosure import RELEASED
from ...service import Query, Result
from ..endpoints import COARSE, CODE_LISTS, SOC_IN_PATH, ApiError, Call, Param, endpoint

ESS = "DfE Employer Skills Survey 2022 (UK, SOC2010 unit groups)"
REGION_IN_PATH = Param("region", "LMI for All region code 1-12", "integer", "path", True, "11")
YEAR = Param("year", "survey year (2022 is the one held)", "integer", example="2022")


def _figures(result: Result, year: int | None) -> dict:
    released = result.reliability in RELEASED and (year is None or str(year) == result.period)
    values = result.values if released else {}
    return {
        "soc": result.soc,
        "year": int(result.period) if released and result.period else year,
        "percentHTF": values.get("hard_to_fill_pct"),
        "percentSSV": values.get("skill_shortage_pct"),
        "percentHTFisSSV": values.get("skill_shortage_of_hard_to_fill_pct"),
        "reliability": result.reliability if released or year is None else "no_data",
    }


def _region(call: Call) -> int:
    region = call.integer("region")
    if region is None or region not in call.service.codes("region"):
        raise ApiError("Please give a region code 1-12 (see /api/v1/ess/regions).")
    return region


@endpoint(
    "/ess/uk/{soc}",
    "ess",
    "Percentages of vacancies that are hard to fill (percentHTF) and skill-shortage vacancies "
    "(percentSSV), and of hard-to-fill ones that are skill shortages; null below 50 establishments",
    params=(SOC_IN_PATH, COARSE, YEAR),
    example="/ess/uk/5314",
    answers_from=ESS,
)
def uk(call: Call) -> dict:
    result = call.service.vacancies(Query(call.soc()), call.fallback())
    return _figures(result, call.integer("year"))


@endpoint(
    "/ess/region/{region}/{soc}",
    "ess",
    "The same for a region (null: the survey file held is for the UK only)",
    params=(REGION_IN_PATH, SOC_IN_PATH, COARSE, YEAR),
    example="/ess/region/11/5314",
    answers_from=ESS,
)
def region(call: Call) -> dict:
    code = _region(call)
    result = call.service.vacancies(Query(call.soc(), region=code), call.fallback())
    return {
        **_figures(result, call.integer("year")),
        "region": {"code": code, "name": call.service.codes("region")[code]},
    }


@endpoint(
    "/ess/regions",
    "ess",
    "The region codes: name -> code",
    example="/ess/regions",
    answers_from=CODE_LISTS,
)
def regions(call: Call) -> dict:
    return {name: code for code, name in call.service.codes("region").items()}


@endpoint(
    "/ess/regions/ranksocs/{region}",
    "ess",
    "Unit groups ranked by the share of their vacancies that are hard to fill, in a region "
    "(empty: the survey file held is for the UK only)",
    params=(REGION_IN_PATH,),
    example="/ess/regions/ranksocs/11",
    answers_from=ESS,
)
def rank_socs(call: Call) -> list[dict]:
    code = _region(call)
    ranked = []
    for soc in call.service.unit_groups():
        found = _figures(call.service.vacancies(Query(soc, region=code), call.fallback()), None)
        if found["percentHTF"] is not None:
            ranked.append(found)
    return sorted(ranked, key=lambda f: (-f["percentHTF"], f["soc"]))
