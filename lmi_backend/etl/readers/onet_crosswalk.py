"""Weighted links from UK SOC2010 unit groups to O*NET-SOC 2019 occupations (soc_onet).

No official UK SOC -> O*NET table exists (LMI for All's was never published), so the links are
estimated from two derived routes that both pass through the one ISCO-08 code ONS gives each
unit group:
  bls  - ISCO-08 -> US SOC 2010 (BLS crosswalk) -> O*NET-SOC 2010 -> 2019;
  esco - ISCO-08 -> the ESCO occupations in that ISCO group -> Nesta's curated best O*NET match.

The rule, per unit group:
1. Evidence comes in votes. A BLS US SOC row is one vote, worth PARTIAL_VOTE when BLS flags the
   ISCO/SOC match as partial ('*'). An ESCO occupation is one vote worth Nesta's confidence
   (0.5, 1 or 2).
2. A vote that reaches several O*NET codes (a US SOC with specialties, or a 2010 code O*NET split
   in 2019) is shared among them by title similarity to the vote's own title (US SOC or O*NET 2010
   title) and to the unit group's title, plus a floor: "Software Developers, Applications" goes
   mostly to Software Developers, less to Software Quality Assurance Analysts.
3. ONS job titles (the coding index loaded by the SOC step) say where the UK places an ESCO
   occupation: one whose name or ESCO alternative label is a job title of this unit group is
   *title-confirmed*; one whose name is a job title of other unit groups only is dropped (the
   UK codes it elsewhere: "psychologist" is 2212, not 2229).
4. Each route's votes are normalised to 1 and the routes are averaged (one route alone counts
   fully). But 151 unit groups share their ISCO code with others (e.g. 2433 quantity surveyors
   and three engineering groups under ISCO 2149), and both routes then give every sibling the
   same evidence. Where siblings exist and some ESCO votes are title-confirmed, only those
   votes are used: that evidence is about this unit group, the rest about the whole ISCO group.
5. Links are kept for every O*NET occupation reached, skills data or not: 15-1252.00 Software
   Developers has tasks, interests and a job zone but no 29.3 skills ratings, and is still the
   right link for 2136. If no kept link has skills ratings, the skill-rated codes the two routes
   reach are added with FALLBACK_SHARE of the weight (route 'skills_fallback'), so skills can
   still be shown. Anyone averaging a domain over the links must renormalise the weights over
   the linked codes that have ratings in that domain.
6. Links under MIN_WEIGHT are pruned (LMI for All gave 1-3 O*NET codes per SOC), always keeping
   the top link and the best skill-rated link; weights are renormalised to sum to 1.

`route` records the evidence behind each link: bls, esco, bls+esco, esco_title or
skills_fallback. Provenance points at the BLS file when BLS evidence is part of the link, else at
the ESCO file; each file's rows_loaded counts its rows used as evidence. Unit groups that reach
no O*NET occupation get no rows (coverage counts them).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from ...db import occupations as o
from ..context import BuildContext
from ..parsing import parse_cell, parse_soc
from ..sources import SourceFile

BLS = "onet/crosswalks/uksoc2010_to_onetsoc2019_via_isco08_bls.csv"
ESCO = "onet/crosswalks/uksoc2010_to_onetsoc2019_via_isco08_esco_nesta.csv"
ESCO_LABELS = "onet/esco/occupations_en.csv"

PARTIAL_VOTE = 0.5  # a BLS row flagged '*' is half a vote
NESTA_CONFIDENCE = {0.5, 1.0, 2.0}
SIMILARITY_FLOOR = 0.1  # what a reached code scores whatever its title
FALLBACK_SHARE = 0.25  # weight given to skill-rated codes when no primary link has skills
MIN_WEIGHT = 0.05  # links below this are pruned
TOLERANCE = 1e-9
STOP_WORDS = {"and", "of", "the", "or", "in", "n", "e", "c"}
RESIDUAL = "all other"


@dataclass
class Vote:
    route: str  # bls or esco
    weight: float
    title: str  # the US SOC or O*NET-SOC 2010 title the reached codes are compared with
    codes: dict[str, str] = field(default_factory=dict)  # O*NET-SOC 2019 code -> title
    confirmed: bool = False  # an ESCO occupation named by one of the unit group's job titles


@dataclass
class UnitEvidence:
    title: str
    isco: str
    votes: list[Vote] = field(default_factory=list)


def load(ctx: BuildContext) -> None:
    onet_codes = set(ctx.conn.execute(select(o.onet_occupation.c.code)).scalars())
    skill_rated = set(
        ctx.conn.execute(
            select(o.onet_value.c.onet_code)
            .join(o.onet_element, o.onet_element.c.element_id == o.onet_value.c.element_id)
            .where(o.onet_element.c.domain == "skills")
            .distinct()
        ).scalars()
    )
    bls, esco = ctx.source(BLS), ctx.source(ESCO)
    units: dict[int, UnitEvidence] = {}
    _bls_votes(ctx, bls, units, onet_codes)
    dropped = _esco_votes(ctx, esco, units, onet_codes)
    siblings: dict[str, int] = defaultdict(int)
    for unit in units.values():
        siblings[unit.isco] += 1
    links = {
        soc: _weights(unit, siblings[unit.isco] > 1, skill_rated)
        for soc, unit in sorted(units.items())
        if unit.votes
    }
    for soc, weights in links.items():
        total = sum(w for w, _ in weights.values())
        if abs(total - 1) > TOLERANCE or min(w for w, _ in weights.values()) <= 0:
            raise bls.error(None, "link weights must be positive and sum to 1", f"SOC {soc}: {total}")
    ctx.insert(
        o.soc_onet,
        [
            {
                "soc": soc,
                "onet_code": code,
                "weight": w,
                "route": route,
                "provenance_id": (bls if "bls" in route.split("+") else esco).provenance_id,
            }
            for soc, weights in links.items()
            for code, (w, route) in sorted(weights.items())
        ],
    )
    title_routed = sum(1 for w in links.values() if any(r == "esco_title" for _, r in w.values()))
    ctx.progress(
        f"soc_onet: {sum(map(len, links.values()))} links for {len(links)} unit groups; "
        f"{title_routed} use title-confirmed ESCO occupations only; {dropped} ESCO "
        "occupations dropped as coded to other unit groups"
    )


def _unit(
    src: SourceFile, line: int, rec: dict[str, str], ctx: BuildContext, units: dict[int, UnitEvidence]
) -> tuple[int, UnitEvidence]:
    soc = parse_soc(src, line, "uksoc2010", rec["uksoc2010"], ctx.soc_units)
    unit = units.setdefault(soc, UnitEvidence(rec["uksoc2010_title"].strip(), rec["isco08"].strip()))
    if unit.isco != rec["isco08"].strip():
        raise src.error(
            line,
            "a unit group must map to one ISCO-08 code in both routes",
            f"{soc}: {unit.isco} and {rec['isco08']}",
        )
    return soc, unit


def _onet_code(src: SourceFile, line: int, raw: str, onet_codes: set[str]) -> str:
    if raw not in onet_codes:
        raise src.error(line, "column 'onetsoc2019' must be an O*NET 29.3 occupation", f"found {raw[:20]!r}")
    return raw


def _bls_votes(
    ctx: BuildContext, src: SourceFile, units: dict[int, UnitEvidence], onet_codes: set[str]
) -> None:
    votes: dict[tuple[int, str], Vote] = {}
    for line, rec in src.records():
        soc, unit = _unit(src, line, rec, ctx, units)
        if rec["bls_partial_match"] not in {"", "*"}:
            raise src.error(line, "column 'bls_partial_match' must be '*' or empty", rec["bls_partial_match"])
        weight = PARTIAL_VOTE if rec["bls_partial_match"] == "*" else 1.0
        key = (soc, rec["ussoc2010"])
        vote = votes.get(key)
        if vote is None:
            vote = votes[key] = Vote("bls", weight, rec["ussoc2010_title"])
            unit.votes.append(vote)
        elif vote.weight != weight:
            raise src.error(line, "a US SOC's rows must agree on the partial-match flag", rec["ussoc2010"])
        vote.codes[_onet_code(src, line, rec["onetsoc2019"], onet_codes)] = rec["onetsoc2019_title"]
        src.rows_loaded += 1


def _esco_votes(
    ctx: BuildContext, src: SourceFile, units: dict[int, UnitEvidence], onet_codes: set[str]
) -> int:
    """Adds ESCO votes; returns how many were dropped as coded to other unit groups."""
    job_titles = _ons_job_titles(ctx)
    alt_labels = _esco_alt_labels(ctx)
    votes: dict[tuple[int, str], Vote | None] = {}
    for line, rec in src.records():
        soc, unit = _unit(src, line, rec, ctx, units)
        if not rec["onetsoc2019"]:  # Nesta found no O*NET match for this ESCO occupation
            continue
        name = rec["esco_occupation"].strip().lower()
        key = (soc, rec["concept_uri"])
        if key not in votes:
            confidence = parse_cell(src, line, "confidence", rec["confidence"]).value
            if confidence not in NESTA_CONFIDENCE:
                raise src.error(line, "column 'confidence' must be 0.5, 1 or 2", rec["confidence"])
            labels = [name, *alt_labels.get(rec["concept_uri"], ())]
            confirmed = any(soc in job_titles.get(label, ()) for label in labels)
            if not confirmed and job_titles.get(name):
                votes[key] = None
            else:
                new = Vote("esco", confidence, rec["onet_occupation"], confirmed=confirmed)
                votes[key] = new
                unit.votes.append(new)
        counted = votes[key]
        if counted is not None:
            counted.codes[_onet_code(src, line, rec["onetsoc2019"], onet_codes)] = rec["onetsoc2019_title"]
            src.rows_loaded += 1
    return sum(1 for v in votes.values() if v is None)


def _ons_job_titles(ctx: BuildContext) -> dict[str, set[int]]:
    """Every ONS job title (natural word order, lower case) -> the unit groups it is coded to."""
    titles: dict[str, set[int]] = defaultdict(set)
    for soc, title in ctx.conn.execute(select(o.job_title.c.soc, o.job_title.c.natural_title)):
        titles[title.strip().lower()].add(soc)
    return titles


def _esco_alt_labels(ctx: BuildContext) -> dict[str, list[str]]:
    src = ctx.source(ESCO_LABELS)
    labels = {
        rec["conceptUri"]: [a.strip().lower() for a in rec["altLabels"].split("\n") if a.strip()]
        for _, rec in src.records()
    }
    src.rows_loaded = len(labels)  # used to confirm ESCO occupations against ONS job titles
    return labels


def _words(title: str) -> set[str]:
    """Lower-case words with a plural 's' removed, so 'Nurses' meets 'nurse'; words after
    'Except' name what the occupation is not, so they never count as a match."""
    words = re.findall(r"[a-z]+", title.lower().split("except")[0])
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words} - STOP_WORDS


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _shares(vote: Vote, unit_title: str) -> dict[str, float]:
    """A residual "..., All Other" code resembles any short title, so it keeps only the floor,
    unless the vote's own title is residual (then it is the continuation of that title)."""
    residual_vote = RESIDUAL in vote.title.lower()
    scores = {
        code: SIMILARITY_FLOOR
        + (
            0.0
            if RESIDUAL in title.lower() and not residual_vote
            else _similarity(title, vote.title) + _similarity(title, unit_title)
        )
        for code, title in vote.codes.items()
    }
    total = sum(scores.values())
    return {code: s / total for code, s in scores.items()}


def _normalised(mass: dict[str, float]) -> dict[str, float]:
    total = sum(mass.values())
    return {code: m / total for code, m in mass.items()} if total > 0 else {}


def _weights(unit: UnitEvidence, has_siblings: bool, skill_rated: set[str]) -> dict[str, tuple[float, str]]:
    """O*NET code -> (weight, route) for one unit group, following the rule in the docstring."""
    mass: dict[str, dict[str, float]] = {"bls": defaultdict(float), "esco": defaultdict(float)}
    confirmed: dict[str, float] = defaultdict(float)
    for vote in unit.votes:
        for code, share in _shares(vote, unit.title).items():
            mass[vote.route][code] += vote.weight * share
            if vote.confirmed:
                confirmed[code] += vote.weight * share
    routes = {name: _normalised(m) for name, m in mass.items() if m}
    mixed: dict[str, float] = defaultdict(float)
    for dist in routes.values():
        for code, w in dist.items():
            mixed[code] += w / len(routes)
    if has_siblings and confirmed:
        weights = {code: (w, "esco_title") for code, w in _normalised(confirmed).items()}
    else:
        weights = {
            code: (w, "+".join(r for r in ("bls", "esco") if code in routes.get(r, {})))
            for code, w in mixed.items()
        }
    if not skill_rated & weights.keys():
        fallback = _normalised({c: w for c, w in mixed.items() if c in skill_rated})
        if fallback:
            weights = {c: (w * (1 - FALLBACK_SHARE), r) for c, (w, r) in weights.items()}
            for code, w in fallback.items():
                old, route = weights.get(code, (0.0, "skills_fallback"))
                weights[code] = (old + w * FALLBACK_SHARE, route)
    return _pruned(weights, skill_rated)


def _pruned(weights: dict[str, tuple[float, str]], skill_rated: set[str]) -> dict[str, tuple[float, str]]:
    ranked = sorted(weights, key=lambda c: (-weights[c][0], c))
    rated = [c for c in ranked if c in skill_rated]
    keep = [
        c for i, c in enumerate(ranked) if i == 0 or weights[c][0] >= MIN_WEIGHT or (rated and c == rated[0])
    ]
    total = sum(weights[c][0] for c in keep)
    return {c: (weights[c][0] / total, weights[c][1]) for c in keep}
