"""Naming the group of people a figure is about, from the codes a Result carries: "Full-time
women nurses", "part-time plumbers in Wales aged 17 with A levels", "All workers". One place, so
the figure's sentence, the fallback sentence and a missing figure name groups the same way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..jobtitles import lower_first
from . import words
from .plain import job_name

ALL_JOBS = 0


class Grouped(Protocol):
    soc: int
    soc_title: str
    geography: str
    cell: dict[str, int | None]
    asked: dict[str, int | None]


def whole_area(result: Grouped) -> str:
    """What region 0 means for this figure: England for the job forecasts, else the UK."""
    return "England" if result.geography == "England" else "the UK"


def people(codes: dict[str, int | None], title: str, *, capital: bool = False) -> str:
    """ "full-time women nurses" / "part-time workers" (all jobs): work pattern, sex and job."""
    soc = codes.get("soc")
    noun = "workers" if soc == ALL_JOBS else lower_first(job_name(title))
    status = words.STATUS_WORDS.get(codes.get("status") or 0, "")
    gender = words.GENDER_ADJECTIVES.get(codes.get("gender") or 0, "")
    if gender and soc == ALL_JOBS:  # "part-time women", not "part-time female workers"
        noun, gender = words.GENDER_WORDS[codes.get("gender") or 0], ""
    text = " ".join(p for p in (status, gender, noun) if p)
    if soc == ALL_JOBS and not status and not gender and capital:
        text = "all workers"
    return text[:1].upper() + text[1:] if capital else text


def qualifiers(codes: dict[str, int | None]) -> str:
    """ "aged 17 with A levels": the age and qualification a figure was worked out for."""
    return " ".join(
        p
        for p in (words.at_age(codes.get("age")), words.with_qualification(codes.get("qualification") or 0))
        if p
    )


def subject(result: Grouped) -> str:
    """Who the figure is about, to start its sentence: "Full-time women nurses aged 17"."""
    codes = {**result.cell, "soc": result.soc}
    return " ".join(p for p in (people(codes, result.soc_title, capital=True), qualifiers(codes)) if p)


def asked_group(result: Grouped, dimensions: Iterable[str], asked_title: str) -> str:
    """The group as asked, naming only `dimensions` (those that changed) beside the job:
    "part-time plumbers in Wales". `asked_title`: the job asked about (it may differ from the
    figure's when a wider group was used)."""
    dims = set(dimensions)
    codes = {d: v for d, v in result.asked.items() if d in dims}
    codes["soc"] = result.asked.get("soc", result.soc)
    text = " ".join(p for p in (people(codes, asked_title), qualifiers(codes)) if p)
    region = codes.get("region")
    if region:
        text += " " + words.in_place(region, whole_area(result))
    if "soc" in dims and not any(d in dims for d in ("status", "gender", "qualification", "age", "region")):
        text += " alone"
    return text
