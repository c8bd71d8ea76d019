"""What a reply says besides its figure, from the keys a Result carries (answers/words.py has the
words): the one plain sentence saying what changed from the question and why, the one short
caveat a short reply keeps, and everything a long reply ("tell me more") adds.

The dialogue decides which of the user's words apply to a question (docs/dialogue-state.md), so
every change here is about something the user asked for; a short reply still names only the
dimensions that changed, never the ones that held.
"""

from __future__ import annotations

from typing import Protocol

from . import groups, words
from .formatting import sentence


class Noted(groups.Grouped, Protocol):
    @property
    def changed_job(self) -> bool: ...

    values: dict[str, float | None]
    reliability: str
    estimate: bool
    method: str | None
    method_keys: list[str]
    classification: str
    soc2020: list[dict]
    changes: list
    unavailable: str | None
    caveats: list[str]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def asked_title(result: Noted) -> str:
    """The job asked about: the figure's own unless a wider group was used."""
    return next((c.asked_name for c in result.changes if c.dimension == "soc"), result.soc_title)


def worth_saying(change) -> bool:
    """A qualification the survey names the same way in its own group ("a degree") has not
    changed for the reader."""
    if change.dimension != "qualification":
        return True
    return words.QUALIFICATION_WORDS.get(change.asked) != words.QUALIFICATION_WORDS.get(change.given)


def fallback(result: Noted, unasked: frozenset[str] = frozenset()) -> str:
    """ "There's no reliable figure for part-time plumbers in Wales, because too few of them were
    in the survey." Empty when the figure is for the group asked about. `unasked`: dimensions
    the answer chose itself (full-time pay for a comparison of sexes), never named."""
    changes = [c for c in result.changes if worth_saying(c) and c.dimension not in unasked]
    if not changes:
        return ""
    dims = [c.dimension for c in changes]
    reasons = list(dict.fromkeys(words.REASONS[c.reason] for c in changes))
    group = groups.asked_group(result, dims, asked_title(result))
    return f"There's no reliable figure for {group}, because {_and(reasons)}."


def missing(result: Noted, what: str) -> str:
    """No figure at all: which figure, for whom (everything asked), and why."""
    asked = [d for d, v in result.asked.items() if v not in (None, 0) and d != "soc"]
    group = groups.asked_group(result, asked, asked_title(result))
    reason = words.REASONS.get(result.unavailable or "", "")
    because = f", because {reason}" if reason else ""
    return f"Sorry, I don't have a reliable {what} figure for {group}{because}."


def estimate_method(result: Noted) -> str | None:
    """How an estimate was made, in one plain sentence; None for a published figure."""
    if not result.estimate:
        return None
    region = result.cell.get("region")
    adjusted = list(
        dict.fromkeys(
            words.ADJUSTED_FOR[k].format(
                # a regional adjustment of a result for no one region is one for each of them
                place=words.place(region, groups.whole_area(result)) if region else "each region"
            )
            for k in result.method_keys
            if k in words.ADJUSTED_FOR
        )
    )
    if adjusted:
        return words.PAY_ESTIMATE.format(adjusted=", adjusted for " + _and(adjusted))
    return next((words.METHODS[k] for k in result.method_keys if k in words.METHODS), None)


def short_caveat(result: Noted) -> str:
    """The one caveat a short reply keeps, most important first: how rough the figure is
    (small sample, estimate), then what it covers."""
    small = result.reliability == "small_sample"
    if small and result.estimate:
        return words.ESTIMATE_SMALL_SAMPLE
    if small:
        return words.SMALL_SAMPLE
    forecast = {"england_only", "not_a_forecast"} & set(result.caveats)
    if result.estimate and forecast:
        return words.FORECAST_ESTIMATE_ENGLAND if "england_only" in forecast else words.FORECAST_ESTIMATE
    if result.estimate and "onet_us" not in result.caveats:
        return words.ESTIMATE
    if len(forecast) == 2:
        return words.FORECAST_CAVEAT
    if result.classification == "SOC2020":
        return words.NEWER_JOB_LIST
    return next((words.CAVEATS_SHORT[k] for k in result.caveats), "")


def long_caveats(result: Noted) -> list[str]:
    """Everything a reply asked for in full adds: reliability, how an estimate was made (in plain
    words, then as the record describes it), and each caveat."""
    out = [words.SMALL_SAMPLE] if result.reliability == "small_sample" else []
    if result.estimate:
        out.append(estimate_method(result) or words.ESTIMATE)
        if result.method:
            out.append("How: " + sentence(result.method))
    out += [words.CAVEATS_LONG[k] for k in result.caveats]
    if result.classification == "SOC2020":
        groups_used = ", ".join(f"{g['title']} ({g['code']})" for g in result.soc2020)
        out.append(words.NEWER_JOB_LIST_LONG.format(groups=groups_used or "its groups"))
    return list(dict.fromkeys(out))
