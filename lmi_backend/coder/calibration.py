"""Raw match scores -> confidences, and when the bot should ask instead of answering.

The confidence that the top code is right is a logistic function of the top raw score and its
margin over the runner-up, fitted on the labelled evaluation set (tests/data/coder_eval.csv),
coded with and without the team's synonym list, by benchmarks/coder_eval.py --fit, which prints
the constants below. The other candidates share what is left, in proportion to their raw scores,
scaled by how often the answer was among them when the top one was wrong on that set.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .result import NO_MATCH, Candidate, CodingResult

if TYPE_CHECKING:
    from .matcher import Scored

# logit(P(top is right)) = A + B * top + C * margin, margin = 1 - second / top
A, B, C = -2.79, 6.59, 2.22
RUNNER_UP_SHARE = 0.47  # P(answer among candidates 2..4 | top is wrong)
MIN_RAW = 0.3  # below this nothing in the index resembles the text: no candidates
ASK_BELOW = 0.6  # ask when the top code is less likely than this ...
CLOSE = 0.85  # ... or when the runner-up (another code) scores this close to the top


def top_confidence(top: float, second: float) -> float:
    margin = 1.0 - second / top if top > 0 else 0.0
    return 1.0 / (1.0 + math.exp(-(A + B * top + C * margin)))


def decide(ranked: Sequence[Scored], titles: dict[int, str], limit: int) -> CodingResult:
    """`ranked`: one row per code, best first (matcher.SocCoder.raw_scores). A phrase spelt
    like a title always gets candidates; otherwise a weak best match means no candidates."""
    if not ranked or (ranked[0].score < MIN_RAW and not ranked[0].exact):
        return NO_MATCH
    kept = [r for r in ranked[:limit] if r.exact or r.score >= MIN_RAW * ranked[0].score]
    top = kept[0].score
    runner_up = ranked[1] if len(ranked) > 1 else None
    second = runner_up.score if runner_up else 0.0
    # A runner-up only competes on equal terms: a title merely sharing words with the query
    # ("primary school head teacher") does not make a title spelt like it ambiguous.
    close = runner_up is not None and second >= CLOSE * top and (runner_up.exact or not kept[0].exact)
    p_top = top_confidence(top, second)
    rest = sum(r.score for r in kept[1:])
    scores = [p_top]
    for r in kept[1:]:  # never above the candidate before it
        scores.append(min(scores[-1], (1 - p_top) * RUNNER_UP_SHARE * r.score / rest))
    candidates = [Candidate(r.soc, titles[r.soc], score, r.phrase) for r, score in zip(kept, scores)]
    # The ONS index codes a bare "teacher" or "designer" only with a qualifier (school, field):
    # genuinely ambiguous, so the bot asks even when one code is the commonest.
    ambiguous = p_top < ASK_BELOW or close or kept[0].needs_qualifier
    return CodingResult(candidates, ambiguous)
