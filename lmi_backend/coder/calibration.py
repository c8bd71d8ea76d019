"""Raw match scores -> confidences, and when the bot should ask instead of answering.

The confidence that the top code is right is a logistic function of the top raw score, its
margin over the runner-up and whether its title lacks the job word the query ends with ("General"
for "general labourer"), fitted on the labelled evaluation set (tests/data/coder_eval.csv), coded
with and without the team's lists, by benchmarks/coder_eval.py --fit, which prints the constants
below. Two caps keep it honest where that fit sees few examples: when another code scores
nearly as high, it is at most the top's share of the two (a typo read two ways, "phycologist",
is a coin toss, not 0.9); for a bare title the index codes only with a qualifier ("designer"),
at most its share of the choices offered. The other candidates share what is left, in
proportion to their raw scores, scaled by how often the answer was among them when the top one
was wrong on that set. A confidence below ASK_BELOW makes the result ambiguous: the bot asks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .result import NO_MATCH, Candidate, CodingResult

if TYPE_CHECKING:
    from .matcher import Scored

# logit(P(top is right)) = A + B * top + C * margin + D * lacks, margin = 1 - second / top,
# lacks = 1 when the top title lacks the job word the query ends with ("General" for "general
# labourer")
A, B, C, D = -2.47, 6.48, 1.95, -1.44
RUNNER_UP_SHARE = 0.44  # P(answer among candidates 2..4 | top is wrong)
MIN_RAW = 0.3  # below this nothing in the index resembles the text: no candidates
ASK_BELOW = 0.6  # ask when the top code is less likely than this ...
CLOSE = 0.85  # ... or when the runner-up (another code) scores this close to the top


def top_confidence(top: float, second: float, lacks_job_word: bool) -> float:
    margin = 1.0 - second / top if top > 0 else 0.0
    return 1.0 / (1.0 + math.exp(-(A + B * top + C * margin + D * lacks_job_word)))


def decide(ranked: Sequence[Scored], titles: dict[int, str], limit: int) -> CodingResult:
    """`ranked`: one row per code, best first (matcher.SocCoder.raw_scores). A phrase spelt
    like a title always gets candidates; otherwise no candidates when no title resembles it."""
    if not ranked or (not ranked[0].exact and max(r.resemblance for r in ranked) < MIN_RAW):
        return NO_MATCH
    kept = [r for r in ranked[:limit] if r.exact or r.score >= MIN_RAW * ranked[0].score]
    top = kept[0].score
    runner_up = ranked[1] if len(ranked) > 1 else None
    second = runner_up.score if runner_up else 0.0
    # A runner-up only competes on equal terms: a title merely sharing words with the query
    # ("primary school head teacher") does not make a title spelt like it ambiguous.
    close = runner_up is not None and second >= CLOSE * top and (runner_up.exact or not kept[0].exact)
    p_top = top_confidence(top, second, kept[0].lacks_job_word)
    if close:  # two codes with nearly the same evidence: neither is likely, whatever the raw level
        p_top = min(p_top, top / (top + second))
    if kept[0].needs_qualifier:  # a bare "designer": at most its share of the choices offered
        p_top = min(p_top, top**2 / sum(r.score**2 for r in kept))
    rest = sum(r.score for r in kept[1:])
    scores = [p_top]
    for r in kept[1:]:  # never above the candidate before it
        scores.append(min(scores[-1], (1 - p_top) * RUNNER_UP_SHARE * r.score / rest))
    candidates = [Candidate(r.soc, titles[r.soc], score, r.phrase) for r, score in zip(kept, scores)]
    # The ONS index codes a bare "teacher" or "designer" only with a qualifier (school, field):
    # genuinely ambiguous, so the bot asks even when one code is the commonest.
    ambiguous = p_top < ASK_BELOW or close or kept[0].needs_qualifier
    return CodingResult(candidates, ambiguous)
