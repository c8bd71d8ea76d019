"""Endpoints whose data no source in the database holds: they answer the original's empty
answer in its shape (an empty list, or a row per year asked with a null figure), so clients
that call them keep working and say they have no data. The developer page and `lmi coverage`
list them with the reason (Endpoint.empty)."""

from __future__ import annotations

from ..endpoints import MAX_YEAR, MIN_YEAR, OWN_LIST, SOC, SOC_IN_PATH, ApiError, Call, Empty, Param, endpoint
from .wf import coding

MAX_YEARS = 30
NO_UNEMPLOYMENT = Empty(
    "no source of unemployment or pay by occupation from the Labour Force Survey is held "
    "(e.g. ONS UNEM02 is not among the source files)"
)
NO_HESA = Empty(
    "no table of graduates' subjects by occupation is held (Discover Uni's files have salaries "
    "by subject, not occupations)"
)
NO_VACANCIES = Empty("job adverts came from DWP's live Find a Job feed, which is not a file source")
LFS_FILTERS = {"region": "LMI for All region code 1-12", "gender": "1 male, 2 female"}
FILTER_BY = Param("filterBy", "e.g. region:3 or gender:1, comma-separated", example="gender:1")
NO_SOURCE = "no source in the database"


def asked_years(call: Call) -> list[int]:
    """The years asked for with minYear/maxYear (one when only one is given)."""
    low, high = call.years()
    low, high = (low if low is not None else high), (high if high is not None else low)
    if low is None or high is None or high < low:
        return []
    return list(range(low, min(high, low + MAX_YEARS - 1) + 1))


@endpoint(
    "/lfs/unemployment",
    "lfs",
    "Unemployment rate of people last in the job, by year (a row per year asked, unemprate null)",
    params=(SOC, MIN_YEAR, MAX_YEAR, FILTER_BY),
    example="/lfs/unemployment?soc=5314&minYear=2020",
    answers_from=NO_SOURCE,
    empty=NO_UNEMPLOYMENT,
)
def unemployment(call: Call) -> dict:
    return {"soc": call.soc(), "years": [{"year": y, "unemprate": None} for y in asked_years(call)]}


@endpoint(
    "/lfs/weeklypay",
    "lfs",
    "2013 path: weekly pay from the Labour Force Survey (a row per year asked, weekpay null)",
    params=(SOC, MIN_YEAR, MAX_YEAR, FILTER_BY),
    example="/lfs/weeklypay?soc=5314&minYear=2020",
    answers_from=NO_SOURCE,
    empty=NO_UNEMPLOYMENT,
)
def weekly_pay(call: Call) -> dict:
    return {"soc": call.soc(), "years": [{"year": y, "weekpay": None} for y in asked_years(call)]}


@endpoint(
    "/lfs/weeklypay/breakdown/{breakdownBy}",
    "lfs",
    "2013 path: the same split by a filter (empty)",
    params=(Param("breakdownBy", "region or gender", where="path", required=True, example="gender"), SOC),
    example="/lfs/weeklypay/breakdown/gender?soc=5314",
    answers_from=NO_SOURCE,
    empty=NO_UNEMPLOYMENT,
)
def weekly_pay_breakdown(call: Call) -> dict:
    return {"soc": call.soc(), "breakdownBy": (call.value("breakdownBy") or "").lower(), "series": []}


@endpoint("/lfs/filters", "lfs", "The filters lfs/* take", example="/lfs/filters", answers_from=OWN_LIST)
def lfs_filters(call: Call) -> list[str]:
    return list(LFS_FILTERS)


@endpoint(
    "/lfs/filters/all",
    "lfs",
    "The filters lfs/* take, described",
    example="/lfs/filters/all",
    answers_from=OWN_LIST,
)
def lfs_filters_all(call: Call) -> list[dict]:
    return [coding(call.service, name, text) for name, text in LFS_FILTERS.items()]


@endpoint(
    "/lfs/filters/info/{name}",
    "lfs",
    "One lfs filter, described",
    params=(Param("name", "region or gender", where="path", required=True, example="region"),),
    example="/lfs/filters/info/region",
    answers_from=OWN_LIST,
)
def lfs_filter_info(call: Call) -> dict:
    name = (call.value("name") or "").strip().lower()
    if name not in LFS_FILTERS:
        raise ApiError(f"No such filter: use one of {', '.join(LFS_FILTERS)}.")
    return coding(call.service, name, LFS_FILTERS[name])


@endpoint(
    "/hesa/courses/{soc}",
    "hesa",
    "Subjects graduates working in the job studied, by year (empty)",
    params=(SOC_IN_PATH,),
    example="/hesa/courses/3113",
    answers_from=NO_SOURCE,
    empty=NO_HESA,
)
def courses(call: Call) -> dict:
    return {"soc": call.soc(), "years": []}


@endpoint(
    "/hesa/list-courses",
    "hesa",
    "The subject groups hesa/* use (empty)",
    example="/hesa/list-courses",
    answers_from=NO_SOURCE,
    empty=NO_HESA,
)
def list_courses(call: Call) -> list:
    return []


@endpoint(
    "/hesa/occupations",
    "hesa",
    "Occupations of graduates of a subject, by year (empty)",
    params=(Param("courses", "subject group id", required=True, example="H3"),),
    example="/hesa/occupations?courses=H3",
    answers_from=NO_SOURCE,
    empty=NO_HESA,
)
def occupations(call: Call) -> list:
    return []


@endpoint(
    "/vacancies/search",
    "vacancies",
    "Job adverts by keywords and place (empty)",
    params=(
        Param("keywords", "words to look for", example="cook"),
        Param("location", "postcode or town", example="Leeds"),
        Param("radius", "miles", "integer", example="5"),
        Param("limit", "most adverts to give", "integer", example="10"),
    ),
    example="/vacancies/search?keywords=cook",
    answers_from=NO_SOURCE,
    empty=NO_VACANCIES,
)
def vacancies(call: Call) -> list:
    return []
