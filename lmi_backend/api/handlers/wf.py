"""wf/*: projected employment (the original's Working Futures endpoints) from Working Futures
2017-2027 for the UK, through adapters. Unit groups get their group's projection times a fixed
share, as LMI for All's did. `coarse=true` lets a job whose own projection the workbook's warning
withholds be answered for its nearest wider SOC group, which `soc` names; otherwise the figure is
null. Breakdown entries are for exactly the group the answer describes, each null where it is
withheld; a breakdown no source gives (region) is empty, with a note."""

from __future__ import annotations

from typing import Any

from ...disclosure import SMALL_SAMPLE, SUPPRESSED
from ...service import LmiService
from .. import adapters
from ..endpoints import (
    COARSE,
    CODE_LISTS,
    MAX_YEAR,
    MIN_YEAR,
    OWN_LIST,
    SOC,
    ApiError,
    Call,
    Empty,
    Param,
    endpoint,
)
from .ashe import whole

PROJECTIONS = (
    "Working Futures 2017-2027 (Warwick IER / Cambridge Econometrics for DfE): UK, SOC2010 major "
    "and sub-major groups, shared out to unit groups with fixed shares"
)
NOTE = (
    "Working Futures 2017-2027, UK: projections made before COVID-19 on the trends of the time, "
    "not forecasts. Unit groups are their sub-major (or, by status and industry, major) group's "
    "figures times the group's share of its employment."
)
NO_REGIONAL_SOURCE = Empty("no regional Working Futures 2017-2027 workbook is held (UK only)", part="region")
DIMENSIONS = {
    "region": "English region, Wales, Scotland or Northern Ireland (LMI for All codes 1-12)",
    "industry": "Working Futures industry group (22 groups)",
    "qualification": "highest qualification, RQF levels (LMI for All codes 1-9)",
    "gender": "1 male, 2 female",
    "status": "1 full-time employees, 2 part-time employees, 3 self-employed",
}
SERVICE_DIMENSION = {"industry": "industry_group"}  # LMI for All broke projections down by 22 groups
# what an entry's note says about a figure the workbook's warning flags or withholds
ENTRY_NOTES = {
    SMALL_SAMPLE: "fewer than 10,000 people: use with caution (Working Futures' warning)",
    SUPPRESSED: "fewer than 1,000 people: withheld (Working Futures' warning)",
}
BREAKDOWN = Param(
    "breakdown",
    "region, industry, qualification, gender or status",
    where="path",
    required=True,
    example="gender",
)


def _main(call: Call) -> tuple[int, adapters.Projection | None]:
    soc = call.soc()
    low, high = call.years()
    return soc, adapters.projection(call.service, soc, call.fallback(), low, high)


@endpoint(
    "/wf/predict",
    "wf",
    "Projected number of people in work in the job (UK), every year 2007-2027",
    params=(SOC, MIN_YEAR, MAX_YEAR, COARSE),
    example="/wf/predict?soc=5314",
    answers_from=PROJECTIONS,
)
def predict(call: Call) -> dict:
    soc, main = _main(call)
    if main is None:
        return {"soc": soc, "predictedEmployment": []}
    return {
        "soc": main.soc,
        "predictedEmployment": [
            {"year": year, "employment": whole(people)} for year, people in main.employment.items()
        ],
    }


@endpoint(
    "/wf/predict/breakdown/{breakdown}",
    "wf",
    "Projected employment split by industry (22 groups), qualification, gender or status, in the "
    "years Working Futures publishes each split (by sex and qualification 2007, 2012, 2017, 2022, "
    "2027; by status and industry 2007, 2017, 2027)",
    params=(BREAKDOWN, SOC, MIN_YEAR, MAX_YEAR, COARSE),
    example="/wf/predict/breakdown/industry?soc=5314&minYear=2027",
    answers_from=PROJECTIONS,
    empty=NO_REGIONAL_SOURCE,
)
def predict_breakdown(call: Call) -> dict:
    dimension = (call.value("breakdown") or "").strip().lower()
    if dimension not in DIMENSIONS:
        raise ApiError(f"breakdown must be one of {', '.join(DIMENSIONS)}.")
    soc, main = _main(call)
    described = main.soc if main else soc  # a wider group only with coarse=true
    low, high = call.years()
    split = adapters.projection_breakdown(
        call.service, described, SERVICE_DIMENSION.get(dimension, dimension), low, high
    )
    answer: dict[str, Any] = {"soc": described, "breakdown": dimension, "note": NOTE}
    if split.unavailable:
        answer["note"] += f" No source projects employment by {dimension}, so the breakdown is empty."
        years = list(main.employment) if main else []
        answer["predictedEmployment"] = [{"year": year, "breakdown": []} for year in years]
        return answer
    answer["predictedEmployment"] = [
        {
            "year": year,
            "breakdown": [
                {
                    "code": entry["code"],
                    "name": entry["name"],
                    "employment": whole(entry["employment"]),
                    "note": ENTRY_NOTES.get(entry["reliability"]),
                }
                for entry in entries
            ],
        }
        for year, entries in split.years.items()
    ]
    return answer


@endpoint(
    "/wf/replacement_demand",
    "wf",
    "People needed to replace those leaving the job (retiring, moving on) 2017-2027, per 100 in "
    "work in 2017 (UK)",
    params=(SOC, COARSE),
    example="/wf/replacement_demand?soc=5314",
    answers_from=PROJECTIONS,
)
def replacement_demand(call: Call) -> dict:
    soc = call.soc()
    found = adapters.replacement(call.service, soc, call.fallback())
    if found is None:
        return {"soc": soc, "start_year": None, "end_year": None, "rate": None, "predictedEmployment": []}
    period = {"start_year": found.start_year, "end_year": found.end_year, "rate": found.rate}
    # two client families read the same figures, one at the top level, one in a list
    return {"soc": found.soc, **period, "predictedEmployment": [period]}


def coding(service: LmiService, name: str, description: str) -> dict:
    """A filter as wf/filters/* and lfs/filters/* described it: its codes with their names."""
    return {
        "name": name,
        "description": description,
        "coding": [{"code": code, "description": label} for code, label in service.codes(name).items()],
    }


@endpoint(
    "/wf/filters",
    "wf",
    "The breakdowns wf/predict/breakdown takes",
    example="/wf/filters",
    answers_from=OWN_LIST,
)
def filters(call: Call) -> list[str]:
    return list(DIMENSIONS)


@endpoint(
    "/wf/filters/all",
    "wf",
    "Every breakdown with its codes",
    example="/wf/filters/all",
    answers_from=CODE_LISTS,
)
def filters_all(call: Call) -> list[dict]:
    return [coding(call.service, name, text) for name, text in DIMENSIONS.items()]


@endpoint(
    "/wf/filters/info/{name}",
    "wf",
    "One breakdown with its codes",
    params=(
        Param(
            "name",
            "region, industry, qualification, gender or status",
            where="path",
            required=True,
            example="region",
        ),
    ),
    example="/wf/filters/info/region",
    answers_from=CODE_LISTS,
)
def filter_info(call: Call) -> dict:
    name = (call.value("name") or "").strip().lower()
    if name not in DIMENSIONS:
        raise ApiError(f"No such filter: use one of {', '.join(DIMENSIONS)}.")
    return coding(call.service, name, DIMENSIONS[name])
