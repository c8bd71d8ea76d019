"""soc/search and soc/code: job titles to SOC2010 groups, and what a group is (ONS)."""

from __future__ import annotations

from functools import lru_cache

from ...service import LmiService
from ..endpoints import SOC_IN_PATH, ApiError, Call, Param, endpoint

SEARCH_LIMIT = 10
ONS_SOC = "ONS SOC2010 Volume 1 (titles, descriptions, tasks, entry routes) and Volume 2 coding index"


@lru_cache(maxsize=2048)
def soc_info(service: LmiService, soc: int) -> dict:
    """A SOC group as the original described it: the tasks one string (" task;\\n task"), the
    coding index's titles as `add_titles`. Groups above unit groups have a description only."""
    tasks = [item["task"] for item in service.tasks(soc).items]
    return {
        "soc": soc,
        "title": service.soc_title(soc),
        "description": service.job_description(soc).text or "",
        "qualifications": service.entry_routes(soc).text or "",
        "tasks": ";\n".join(f" {task}" for task in tasks),
        "add_titles": [item["title"] for item in service.index_titles(soc).items],
    }


@endpoint(
    "/soc/search",
    "soc",
    "Job titles in everyday words (typos and slang too) to SOC2010 unit groups, best match first",
    params=(Param("q", "what someone calls the job", required=True, example="sparky"),),
    example="/soc/search?q=plumber",
    answers_from=f"the team's SOC coder over the {ONS_SOC} and the slang list",
)
def search(call: Call) -> list[dict]:
    text = call.value("q")
    if text is None or not text.strip():
        raise ApiError("Please give a string to search for.")
    found = call.coder.code(text, SEARCH_LIMIT).candidates
    return [soc_info(call.service, c.soc) for c in found]


@endpoint(
    "/soc/code/{soc}",
    "soc",
    "One SOC2010 group: title, description, entry routes, tasks and alternative job titles",
    params=(SOC_IN_PATH,),
    example="/soc/code/5314",
    answers_from=ONS_SOC,
)
def code(call: Call) -> dict:
    return soc_info(call.service, call.soc())
