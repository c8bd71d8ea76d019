"""Turning published cells into numbers or documented missing values.

Official tables mark cells they will not publish; those markers must survive as *reasons*, not
turn into zeros, or a suppressed cell would read as "nobody does this job".
"""

from __future__ import annotations

from typing import NamedTuple

from .sources import SourceFile

# Marker -> reason stored in `missing_reason`.
MISSING_MARKERS: dict[str, str] = {
    "x": "x: suppressed, unreliable estimate (CV > 20%)",
    "..": "..: suppressed, disclosive",
    ":": ":: not available",
    "*": "*: suppressed, sample too small",
    "n/a": "n/a: not available",
    "na": "n/a: not available",
    "nan": "n/a: not available",
    "-": "-: nil or fewer than can be shown",
    "": "blank: not published",
    "u": "u: unreliable, not published",
    "c": "c: confidential, not published",
}


class Cell(NamedTuple):
    value: float | None
    missing_reason: str | None

    def as_row(self) -> dict:
        return {"value": self.value, "missing_reason": self.missing_reason}


def parse_cell(
    src: SourceFile,
    row: int,
    column: str,
    raw: str | None,
    *,
    lo: float | None = None,
    hi: float | None = None,
) -> Cell:
    """A number within [lo, hi], or a documented missing marker; anything else stops the build."""
    try:
        value = float(raw)  # type: ignore[arg-type]  # the common case, tried first: builds read millions
    except (TypeError, ValueError):
        text = (raw or "").strip()
        marker = MISSING_MARKERS.get(text.lower())
        if marker is not None:
            return Cell(None, marker)
        try:
            value = float(text.replace(",", "").replace("£", ""))
        except ValueError:
            raise src.error(
                row, f"column '{column}' must be a number or a missing-value marker", f"found {text[:40]!r}"
            ) from None
    if value != value:  # NaN spelled some other way
        return Cell(None, MISSING_MARKERS["nan"])
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise src.error(row, f"column '{column}' out of range [{lo}, {hi}]", f"found {value}")
    return Cell(value, None)


def parse_int(
    src: SourceFile, row: int, column: str, raw: str | None, *, lo: int | None = None, hi: int | None = None
) -> int:
    """A whole number within [lo, hi]; codes and counts that must be present."""
    text = (raw or "").strip()
    if not text.lstrip("-").isdigit():
        raise src.error(row, f"column '{column}' must be a whole number", f"found {text[:40]!r}")
    value = int(text)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise src.error(row, f"column '{column}' out of range [{lo}, {hi}]", f"found {value}")
    return value


def parse_soc(
    src: SourceFile, row: int, column: str, raw: str, known: set[int], classification: str = "SOC2010"
) -> int:
    """A code that exists in the SOC dimension (SOC2010, or the SOC2020 groups where named)."""
    text = (raw or "").strip()
    if not text.isdigit() or int(text) not in known:
        raise src.error(
            row,
            f"column '{column}' must be a {classification} code in the SOC dimension",
            f"found {text[:20]!r}",
        )
    return int(text)


def check_non_decreasing(src: SourceFile, row: int, values: dict[str, float | None]) -> None:
    """Percentiles must not fall as the percentile rises (missing ones are skipped)."""
    last_name, last = None, None
    for name, value in values.items():
        if value is None:
            continue
        if last is not None and value < last:
            raise src.error(
                row, "percentiles must be non-decreasing", f"{name}={value} is below {last_name}={last}"
            )
        last_name, last = name, value
