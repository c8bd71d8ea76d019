"""Where a figure comes from, in words a 15-year-old can follow.

The service cites each table it used (Result.citations: a dataset key, the year) and says how an
estimate was made (Result.method_keys). "Where do your numbers come from?" gets each survey's
everyday name with its year (words.DATASETS), and what we did to the figure in one plain
sentence (caveats.estimate_method). Lookup tables (crosswalks between job codes) shaped figures
but are not where they come from, so they are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from . import caveats, phrases, words

if TYPE_CHECKING:  # the service imports the database layer; rendering must not need it
    from ..service.types import Citation

LOOKUP = "lookup"


class Sourced(caveats.Noted, Protocol):
    citations: list[Citation]


def plain_datasets(citations: list[Citation]) -> list[str]:
    """Each dataset once, by its everyday name with the newest year cited from it (an answer can
    mix years: pay of 2025 beside a ratio from 2020); a dataset with no everyday name is named by
    its title."""
    names: dict[str, str | None] = {}
    for cited in citations:
        if cited.dataset == LOOKUP:
            continue
        name = words.DATASETS.get(cited.dataset, cited.title)
        names[name] = max((y for y in (names.get(name), cited.year) if y), key=_last_year, default=None)
    return [f"{name} ({year})" if year else name for name, year in names.items()]


def _last_year(years: str) -> str:
    """ "2010-2035" -> "2035": a period's end orders it."""
    return years.rsplit("-", 1)[-1]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render_sources(results: Sequence[Sourced]) -> str:
    """The answer to "where do the numbers come from?" about the last answer's figures."""
    datasets = list(dict.fromkeys(d for r in results for d in plain_datasets(r.citations)))
    lines = [f"That comes from {_and(datasets)}." if datasets else "That comes from official UK statistics."]
    lines += dict.fromkeys(filter(None, map(caveats.estimate_method, results)))
    lines.append(phrases.MORE_OFFER)
    return " ".join(lines)
