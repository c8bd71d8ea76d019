"""Where a figure comes from, in words a 15-year-old can follow.

The service cites each table in full ("Office for National Statistics, Annual Survey of Hours
and Earnings (ASHE), Table 14 ..., 2021p") and describes each estimate for the record ("adjusted
by the occupation's sub-major group's pay in the region relative to the UK"). The long answer
shows those as written; "where do your numbers come from?" gets the survey's everyday name, its
year, and what we did to the figure in one plain sentence.
"""

from __future__ import annotations

import re
from typing import Protocol

from . import phrases


class Sourced(Protocol):
    source: str | None
    estimate: bool
    method: str | None
    geography: str


# dataset in a citation -> its everyday name; None: a lookup table (a crosswalk between job
# codes) that shaped the figure but is not where it comes from, so the short answer leaves it out
_DATASETS: list[tuple[re.Pattern, str | None]] = [
    (re.compile(p, re.IGNORECASE), name)
    for p, name in (
        (r"Annual Survey of Hours and Earnings", "the ONS pay survey"),
        (r"Annual Population Survey|Labour Force Survey", "the ONS survey of people in work"),
        (r"Skills Imperative 2035", "the Skills Imperative 2035 job forecasts for England"),
        (r"\(O\*NET\)", "O*NET, a US guide to jobs"),
        (r"apprenticeship standards", "the official list of apprenticeships in England"),
        (r"SOC2010 Volume", "the ONS descriptions of jobs"),
        (r"Employer Skills Survey", "the Employer Skills Survey"),
        (r"crosswalk|dual-coded|coding index", None),
    )
]
# what an estimate's method did, for "It's our estimate: the UK figure for this job, adjusted for
# ..."; matched against the service's method text
_ADJUSTMENTS: list[tuple[re.Pattern, str]] = [
    (re.compile(p, re.IGNORECASE), words)
    for p, words in (
        (r"pay in the region", "how pay in {place} compares with the whole UK"),
        (r"age profile", "age"),
        (r"highest qualification", "qualifications"),
    )
]
_PAY_ESTIMATE = re.compile(r"UK figure for this job", re.IGNORECASE)
_HOURS_ESTIMATE = re.compile(r"paid hours a week derived", re.IGNORECASE)
_SHARED_PROJECTION = re.compile(r"projection .*shared out", re.IGNORECASE)
_ONET_LINKS = re.compile(r"O\*NET occupations linked", re.IGNORECASE)
_ALIKE = re.compile(r"ranked by how alike", re.IGNORECASE)


def _year(text: str) -> str | None:
    """The first year named: "2021p" (provisional) -> "2021"; "2010-2035" stays a range."""
    match = re.search(r"\b(\d{4})p?(-\d{4})?\b", text)
    return match.group(1) + (match.group(2) or "") if match else None


def plain_datasets(source: str) -> list[str]:
    """Each source once, by its everyday name with the year of the first table cited from it;
    a dataset this table does not know is named as the service wrote it."""
    names: dict[str, str | None] = {}
    for citation in filter(None, (c.strip() for c in source.split(";"))):
        name = next(
            (plain for pattern, plain in _DATASETS if pattern.search(citation)),
            ", ".join(p.strip() for p in citation.split(",")[:2]),
        )
        if name is not None and name not in names:
            names[name] = _year(citation.split(",")[-1])
    return [f"{name} ({year})" if year else name for name, year in names.items()]


def plain_method(result: Sourced) -> str | None:
    """One sentence on how an estimate was made; None for a published figure."""
    method = result.method or ""
    if not (result.estimate and method):
        return None
    if _SHARED_PROJECTION.search(method):
        return (
            "It's our estimate: forecasts for bigger groups of jobs, shared out by how many "
            "people do this job now."
        )
    if _ONET_LINKS.search(method):
        return "The skills are those of the US jobs most like this one."
    if _ALIKE.search(method):
        return "Jobs count as alike when they need much the same skills."
    adjusted = [
        words.format(place=result.geography) for pattern, words in _ADJUSTMENTS if pattern.search(method)
    ]
    adjusted_for = (", adjusted for " + _and(adjusted)) if adjusted else ""
    if _HOURS_ESTIMATE.search(method):
        return f"It's our estimate, worked out from yearly and hourly pay for this job{adjusted_for}."
    if _PAY_ESTIMATE.search(method):
        return f"It's our estimate: the UK figure for this job{adjusted_for}."
    return "It's our estimate from these figures."


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render_sources(results: list[Sourced]) -> str:
    """The answer to "where do the numbers come from?" about the last answer's figures."""
    datasets = list(dict.fromkeys(d for r in results for d in plain_datasets(r.source or "")))
    lines = [f"That comes from {_and(datasets)}." if datasets else "That comes from official UK statistics."]
    lines += dict.fromkeys(filter(None, map(plain_method, results)))
    lines.append(phrases.MORE_OFFER)
    return " ".join(lines)
