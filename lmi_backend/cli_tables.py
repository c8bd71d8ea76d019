"""The `lmi query` output for results that are tables of data (a pay series, projections, a
breakdown, census counts): what the figures are for, then one row per item. Plain data as the
service gives it; replies in words are lmi_backend/answers' job."""

from __future__ import annotations

from typing import Any

from .service import Result


def table(result: Result) -> str:
    lines = [f"{result.soc_title} ({result.soc}), {result.geography}, {result.period or 'no figures'}"]
    facts = {
        "reliability": result.reliability,
        "estimate": result.estimate,
        "classification": result.classification if result.soc2020 else None,
        "soc2020": ", ".join(f"{g['code']} {g['title']} ({g['share']:.0%})" for g in result.soc2020) or None,
        "dataset": result.dataset,
        "reason": result.unavailable,
        "changed": "; ".join(
            f"{c.dimension} {c.asked_name} -> {c.given_name} ({c.reason})" for c in result.changes
        ),
        **{k: v for k, v in result.breakdown.items()},
        **{k: v for k, v in result.values.items()},
    }
    lines += [f"  {key}: {_cell(value)}" for key, value in facts.items() if value not in (None, "", False)]
    rows = [_flat(item) for item in result.items]
    if rows:
        columns = list(dict.fromkeys(k for row in rows for k in row))
        widths = {c: max(len(c), *(len(_cell(row.get(c))) for row in rows)) for c in columns}
        lines.append("  " + "  ".join(c.ljust(widths[c]) for c in columns))
        lines += ["  " + "  ".join(_cell(row.get(c)).ljust(widths[c]) for c in columns) for row in rows]
    if result.source:
        lines.append(f"Source: {result.source}")
    if result.method:
        lines.append(f"Method: {result.method}")
    return "\n".join(lines)


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    """A breakdown year's items become columns named by their category."""
    if "breakdown" not in item:
        return {k: v for k, v in item.items() if k != "source"}
    row: dict[str, Any] = {"year": item["year"]}
    for part in item["breakdown"]:
        row[str(part["name"])[:24]] = part["employment"]
    return row


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)
