"""Measuring crisis detection on the labelled, held-out messages in tests/data (ordinary ones
that must never get the crisis-support reply, distress that must always get it). Shared by
benchmarks/crisis_eval.py and tests/test_wellbeing.py so both count the same thing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import config

DATA = config.PROJECT_ROOT / "tests" / "data"
EVAL_SETS = {"messages": DATA / "crisis_messages.csv", "holdout": DATA / "crisis_holdout.csv"}
ORDINARY, DISTRESS = "ordinary", "distress"


@dataclass(frozen=True)
class Labelled:
    label: str  # ORDINARY or DISTRESS
    category: str  # careers, hyperbole, ... / suicidal, self_harm, ...
    message: str


@dataclass(frozen=True)
class Report:
    ordinary: int
    distress: int
    false_positives: list[Labelled]  # ordinary messages that got the support reply
    misses: list[Labelled]  # distress that did not

    def line(self) -> str:
        return (
            f"false positives {len(self.false_positives)} of {self.ordinary} ordinary; "
            f"missed {len(self.misses)} of {self.distress} distress"
        )


def load(path: Path) -> list[Labelled]:
    """The messages of one set (label, category, message; lines starting # are notes)."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [Labelled(r["label"], r["category"], r["message"]) for r in rows]


def evaluate(items: Iterable[Labelled], supported: Callable[[str], bool]) -> Report:
    """`supported(message)`: whether the message gets the crisis-support reply."""
    items = list(items)
    got = {item: supported(item.message) for item in items}
    return Report(
        ordinary=sum(i.label == ORDINARY for i in items),
        distress=sum(i.label == DISTRESS for i in items),
        false_positives=[i for i in items if i.label == ORDINARY and got[i]],
        misses=[i for i in items if i.label == DISTRESS and not got[i]],
    )
