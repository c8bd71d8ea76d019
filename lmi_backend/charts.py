"""Chart payloads for answers where a picture says more than words: the spread of pay (10th to
90th percentile), pay over time and the employment outlook. Shape: docs/payloads.md.

Built from the service's Result, so a chart shows exactly the figures the text answer gives
(after the disclosure checks) and nothing is charted when the service withheld the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .answers import words
from .answers.plain import job_name

if TYPE_CHECKING:
    from .service import Result

PAY_POINTS = ("p10", "p25", "median", "p75", "p90")
WITHHELD = ("suppressed", "no_data")
ESTIMATED = "Our estimate from published figures."
ESTIMATED_POINTS = "Hollow points are our estimates from published figures."


def chart_for(result: Result) -> dict[str, Any] | None:
    """The chart for a result, or None when its kind has no chart or its figures are withheld."""
    build = _BUILDERS.get(result.kind)
    if build is None or result.reliability in WITHHELD:
        return None
    return build(result)


def _pay_spread(result: Result) -> dict[str, Any] | None:
    values = {point: result.values.get(point) for point in PAY_POINTS}
    if values["p10"] is None or values["median"] is None or values["p90"] is None:
        return None
    return {
        "type": "pay_spread",
        "title": f"Pay spread: {job_name(result.soc_title)}, {result.geography}",
        "unit": result.unit,
        "period": result.period,
        "values": values,
        "note": _note(result),
        "source": _source(result),
    }


def _outlook(result: Result) -> dict[str, Any] | None:
    values = result.values
    start, _, end = (result.period or "").partition("-")
    bars = [
        {"label": f"Jobs in {start}", "value": values.get("employment_now")},
        {"label": f"Jobs in {end}", "value": values.get("employment_2035")},
        {"label": f"Job openings {start}-{end}", "value": values.get("openings")},
    ]
    if not start or not end or any(bar["value"] is None for bar in bars[:2]):
        return None
    return {
        "type": "outlook",
        "title": f"Outlook: {job_name(result.soc_title)}, {result.geography}",
        "unit": result.unit,
        "period": result.period,
        "bars": [bar for bar in bars if bar["value"] is not None],
        "growth_pct": values.get("growth_pct"),
        "note": _note(result, [words.CAVEATS_SHORT[k] for k in result.caveats[:1]]),
        "source": _source(result),
    }


def _pay_series(result: Result) -> dict[str, Any] | None:
    """A line of the series' years; each point says whether it is an estimate and which
    classification it was published in, so the page can draw estimates differently."""
    points = [
        {
            "year": item["year"],
            "value": item["value"],
            "estimate": item["estimate"],
            "classification": item["classification"],
        }
        for item in result.items
        if item.get("value") is not None
    ]
    if len(points) < 2:
        return None
    return {
        "type": "pay_series",
        "title": f"Pay over time: {job_name(result.soc_title)}, {result.geography}",
        "unit": result.unit,
        "period": result.period,
        "points": points,
        "note": _note(result),
        "source": _source(result),
    }


def _note(result: Result, caveats: Sequence[str] = ()) -> str | None:
    """One short line under the chart: how far to trust it."""
    parts = (
        (["Based on a small sample."] if result.reliability == "small_sample" else [])
        + ([ESTIMATED_POINTS if result.kind == "pay_series" else ESTIMATED] if result.estimate else [])
        + list(caveats)
    )
    return " ".join(parts) or None


def _source(result: Result) -> str:
    """The main source; an estimate built from several names the first and counts the rest
    (the full list is one question away: "where is this from?")."""
    if not result.citations:
        return ""
    first, *others = result.citations
    return (
        f"{first.text()} and {len(others)} other source{'s' * (len(others) > 1)}" if others else first.text()
    )


_BUILDERS: dict[str, Callable[[Result], dict[str, Any] | None]] = {
    "pay": _pay_spread,
    "pay_series": _pay_series,
    "outlook": _outlook,
}
