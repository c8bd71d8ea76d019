"""Figures, periods and durations written the way people say them (places: words.py)."""

from __future__ import annotations

from ..jobtitles import lower_first  # noqa: F401  (fmt.lower_first in the renderers)


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


def years(period: str | None) -> list[str]:
    """A Result's period ("2021" or "2020-2035", service/types.py) as its years."""
    return [y for y in (period or "").split("-") if y]


def period_phrase(period: str | None) -> str:
    """ "2021" -> "in 2021"; "2025-2035" -> "from 2025 to 2035"."""
    found = years(period)
    if len(found) >= 2:
        return f"from {found[0]} to {found[-1]}"
    return f"in {found[0]}" if found else ""


def sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


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
