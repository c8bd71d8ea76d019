"""What the coder answers: ranked SOC candidates and whether the bot should ask."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    soc: int  # SOC2010 unit group
    title: str  # ONS unit-group title
    score: float  # calibrated confidence 0..1
    matched: str  # the index entry that matched, e.g. "Plumber"


@dataclass(frozen=True)
class CodingResult:
    candidates: list[Candidate]  # best first; [] for nonsense, empty or huge input
    ambiguous: bool  # True when the bot should offer choices instead of answering

    def to_dict(self) -> dict:
        return {
            "candidates": [
                {"soc": c.soc, "title": c.title, "score": round(c.score, 3)} for c in self.candidates
            ],
            "ambiguous": self.ambiguous,
        }


NO_MATCH = CodingResult([], False)
