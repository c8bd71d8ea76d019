"""wf/*: projected employment (the original's Working Futures endpoints), from the projections the
database holds (adapters.projection). A job too small for its own figure is answered for its
nearest wider SOC group, which `soc` names; a breakdown no source gives is empty, with a note."""

from __future__ import annotations

from ...disclosure import Fallback
from ...service import LmiService
from .. import adapters
from ..endpoints import (
    CODE_LISTS,
    MAX_YEAR,
    MIN_YEAR,
    OWN_LIST,
    SOC,
    ApiError,
    Call,
    Param,
    endpoint,
    in_years,
)

PROJECTIONS = (
    "Skills Imperative 2035 (Warwick IER / Cambridge Econometrics for NFER): England, SOC2020 "
    "sub-major groups, shared out to SOC2010 groups with fixed shares"
)
ENGLAND_NOTE = "Projections for England (Skills Imperative 2035), on simple assumptions, not forecasts."
DIMENSIONS = {
    "region": "English region, Wales, Scotland or Northern Ireland (LMI for All codes 1-12)",
    "industry": "Working Futures industry group (22 groups)",
    "qualification": "highest qualification, RQF levels (LMI for All codes 1-9)",
    "gender": "1 male, 2 female",
    "status": "1 full-time employees, 2 part-time employees, 3 self-employed",
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
    return soc, adapters.projection(call.service, soc, Fallback.OCCUPATION)


@endpoint(
    "/wf/predict",
    "wf",
    "Projected number of people in work in the job, by year",
    params=(SOC, MIN_YEAR, MAX_YEAR),
    example="/wf/predict?soc=5314",
    answers_from=PROJECTIONS,
)
def predict(call: Call) -> dict:
    soc, main = _main(call)
    if main is None:
        return {"soc": soc, "predictedEmployment": []}
    years = call.years()
    return {
        "soc": main.soc,
        "predictedEmployment": [
            {"year": year, "employment": round(people)}
            for year, people in main.employment.items()
            if in_years(year, years)
        ],
    }


@endpoint(
    "/wf/predict/breakdown/{breakdown}",
    "wf",
    "Projected employment by year, split by region, industry, qualification, gender or status "
    "(empty where no source gives the split: today all but gender)",
    params=(BREAKDOWN, SOC, MIN_YEAR, MAX_YEAR),
    example="/wf/predict/breakdown/gender?soc=5314",
    answers_from=PROJECTIONS,
)
def predict_breakdown(call: Call) -> dict:
    dimension = (call.value("breakdown") or "").strip().lower()
    if dimension not in DIMENSIONS:
        raise ApiError(f"breakdown must be one of {', '.join(DIMENSIONS)}.")
    soc, main = _main(call)
    names = call.service.codes(dimension)
    parts = {}
    if main is not None:
        for code in names:
            part = adapters.projection(call.service, main.soc, Fallback.EXACT, **{dimension: code})
            if part is not None:
                parts[code] = part
    note = ENGLAND_NOTE
    if not parts:
        note += f" No source gives them by {dimension} for this job, so the breakdown is empty."
    years = call.years()
    return {
        "soc": main.soc if main else soc,
        "breakdown": dimension,
        "note": note,
        "predictedEmployment": [
            {
                "year": year,
                "breakdown": [
                    {"code": code, "name": names[code], "employment": round(part.employment[year])}
                    for code, part in parts.items()
                    if year in part.employment
                ],
            }
            for year in (main.employment if main else {})
            if in_years(year, years)
        ],
    }


@endpoint(
    "/wf/replacement_demand",
    "wf",
    "People needed to replace those leaving the job (retiring, moving on) over the projection "
    "period, as a percentage of employment in its first year",
    params=(SOC,),
    example="/wf/replacement_demand?soc=5314",
    answers_from=PROJECTIONS,
)
def replacement_demand(call: Call) -> dict:
    soc, main = _main(call)
    if main is None or not main.employment.get(main.start_year):
        return {"soc": soc, "start_year": None, "end_year": None, "rate": None, "predictedEmployment": []}
    period = {
        "start_year": main.start_year,
        "end_year": main.end_year,
        "rate": round(100 * main.replacement_demand / main.employment[main.start_year], 1),
    }
    # two client families read the same figures, one at the top level, one in a list
    return {"soc": main.soc, **period, "predictedEmployment": [period]}


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
