"""Scoring the coder against a labelled set of phrases (tests/data/coder_eval.csv).

A phrase counts as right when the code is its label or one of the alternatives coding practice
accepts for it ("lawyer": 2419, also 2413 or 2412). A wrong top code scored at CONFIDENT or more
is the coder's worst mistake: the confidence claims it is nearly sure. Shared by
benchmarks/coder_eval.py and the accuracy tests so both measure the same thing.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .matcher import SocCoder

CONFIDENT = 0.9  # a top code scored this high should almost never be wrong


@dataclass(frozen=True)
class Labelled:
    phrase: str
    accepted: frozenset[int]  # the label first in `codes`
    codes: tuple[int, ...]
    category: str


@dataclass
class Outcome:
    item: Labelled
    ranked: list[int]  # codes offered, best first
    asked: bool
    score: float  # the top code's confidence (0 without candidates)
    raw: list[float]  # raw scores of the first two codes (0 if missing)
    lacks_job_word: bool  # the top title lacks the job word the query ends with

    @property
    def top1(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.item.accepted

    @property
    def top3(self) -> bool:
        return any(c in self.item.accepted for c in self.ranked[:3])

    @property
    def confident_wrong(self) -> bool:
        return bool(self.ranked) and not self.top1 and self.score >= CONFIDENT


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def rate(self, attr: str, subset: list[Outcome] | None = None) -> float:
        items = self.outcomes if subset is None else subset
        return sum(bool(getattr(o, attr)) for o in items) / len(items) if items else 0.0

    def by_category(self) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            groups[o.item.category].append(o)
        return dict(sorted(groups.items()))

    def count(self, attr: str) -> int:
        return sum(bool(getattr(o, attr)) for o in self.outcomes)

    def lines(self) -> list[str]:
        answered = [o for o in self.outcomes if not o.asked]
        out = [
            f"phrases {len(self.outcomes)}: top-1 {self.rate('top1'):.1%}  top-3 {self.rate('top3'):.1%}  "
            f"asked {self.rate('asked'):.1%}  right when answering {self.rate('top1', answered):.1%}  "
            f"wrong with confidence >= {CONFIDENT} {self.count('confident_wrong')} "
            f"({self.rate('confident_wrong'):.1%})"
        ]
        for cat, items in self.by_category().items():
            out.append(
                f"  {cat:<13} {len(items):>4}  top-1 {self.rate('top1', items):6.1%}  "
                f"top-3 {self.rate('top3', items):6.1%}  asked {self.rate('asked', items):6.1%}  "
                f"wrong >= {CONFIDENT} {sum(o.confident_wrong for o in items):>2}"
            )
        return out


def load(path: Path) -> list[Labelled]:
    with open(path, encoding="utf-8", newline="") as fh:
        items = []
        for rec in csv.DictReader(fh):
            codes = (int(rec["soc"]),) + tuple(int(a) for a in rec["alternatives"].split("|") if a.strip())
            items.append(Labelled(rec["phrase"], frozenset(codes), codes, rec["category"]))
    return items


def evaluate(coder: SocCoder, items: list[Labelled]) -> Report:
    report = Report()
    for item in items:
        result = coder.code(item.phrase)
        ranked = coder.raw_scores(item.phrase)
        raw = [r.score for r in ranked[:2]] + [0.0, 0.0]
        score = result.candidates[0].score if result.candidates else 0.0
        lacks = bool(ranked) and ranked[0].lacks_job_word
        report.outcomes.append(
            Outcome(item, [c.soc for c in result.candidates], result.ambiguous, score, raw[:2], lacks)
        )
    return report
