"""Figures, places and periods written the way people say them."""

from __future__ import annotations

import re

from ..jobtitles import lower_first  # noqa: F401  (fmt.lower_first in the renderers)

_REGION_SUFFIX = re.compile(r"\s*\((?:England)\)\s*$")
_NEEDS_THE = ("North ", "South ", "East ", "West ", "United Kingdom")


def money(value: float, *, pence: bool = False) -> str:
    """£31,245 (whole pounds for yearly and weekly pay); £14.52 with pence for hourly pay."""
    return f"£{value:,.2f}" if pence else f"£{round(value):,}"


def count(value: float) -> str:
    """People and jobs, rounded as a reader would say them: 2 significant figures from 1,000 up,
    so an estimate never reads as a precise count."""
    value = round(value)
    if abs(value) < 1000:
        return f"{value:,}"
    digits = len(str(abs(value)))
    return f"{round(value, -(digits - 2)):,}"


def percent(value: float) -> str:
    return f"{abs(value):.0f}%" if abs(value) >= 10 or float(value).is_integer() else f"{abs(value):.1f}%"


def hours(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def place_name(geography: str) -> str:
    """ "South East (England)" -> "the South East"; "United Kingdom" -> "the UK"."""
    name = _REGION_SUFFIX.sub("", geography.strip())
    if name in ("United Kingdom", "UK"):
        return "the UK"
    if name.startswith(_NEEDS_THE) or name == "East of England":
        return "the " + name
    return name


def in_place(geography: str) -> str:
    name = place_name(geography)
    return "across the UK" if name == "the UK" else f"in {name}"


def period_phrase(period: str | None) -> str:
    """ "2021" -> "in 2021"; "2025-2035" -> "from 2025 to 2035"."""
    if not period:
        return ""
    years = re.findall(r"\d{4}", period)
    if len(years) >= 2:
        return f"from {years[0]} to {years[-1]}"
    return f"in {years[0]}" if years else f"in {period}"


def sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def status_word(breakdown: dict[str, str]) -> str:
    """The work pattern the figure is for, as an adjective ("full-time"), or "" for all."""
    label = breakdown.get("status", "").lower()
    for word in ("full-time", "part-time", "self-employed"):
        if word in label or word.replace("-", " ") in label:
            return word
    return ""


def duration(months: int | None) -> str:
    if not months:
        return ""
    if months >= 24 and months % 12 == 0:
        return f"about {months // 12} years"
    return f"about {months} months"


def duration_span(low: int, high: int) -> str:
    """ "about 2 to 4 years", "about 12 to 18 months", "about 18 months to 4 years"."""
    if low == high:
        return duration(low)
    if low >= 24 and low % 12 == 0 and high % 12 == 0:
        return f"about {low // 12} to {high // 12} years"
    if high < 24:
        return f"about {low} to {high} months"
    return f"{duration(low)} to {duration(high).removeprefix('about ')}"


_QUALIFICATIONS: list[tuple[re.Pattern, str]] = [
    (re.compile(p, re.IGNORECASE), t)
    for p, t in (
        (r"doctorate|RQF ?8", "a doctorate"),
        (r"masters|RQF ?7", "a master's degree"),
        (r"foundation degree|RQF ?5", "a foundation degree"),
        (r"below degree|RQF ?4|higher education", "a higher education course"),
        (r"degree|RQF ?6", "a degree"),
        (r"A level|RQF ?3", "A levels"),
        (r"below GCSE|below grade|RQF ?1", "low GCSE grades"),
        (r"GCSE|RQF ?2", "GCSEs"),
        (r"no qualification", "no qualifications"),
        (r"other qualification", "other qualifications"),
    )
]


def qualification_phrase(label: str) -> str:
    """The database's qualification name ("GCE A level or equivalent", "A Level (RQF3 ...)")
    as a young person says it ("A levels")."""
    for pattern, plain in _QUALIFICATIONS:
        if pattern.search(label):
            return plain
    return label
