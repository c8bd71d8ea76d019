"""Build step: link apprenticeship standards to SOC2010 unit groups (apprenticeship_soc).

Standards carry no SOC code. As LMI for All did with occupation-coding software, each
standard's title and typical job titles are coded, and the codes vote: the title counts once,
the job titles together count twice (they name the jobs the apprenticeship leads to,
while titles are often course-like, "Engineering technician (degree)"). A code's link score is
its share of the vote, weighted by the coder's confidence. The best code is linked, and so is
any other code with at least half its vote (a standard can train for several occupations).
data/apprenticeship_overrides.csv holds the team's reviewed corrections; an override replaces
the coder's links for that standard.

apprenticeship_soc is keyed by (reference, soc) and indexed on soc, so the links read both ways:
job -> standards and standard -> job data.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import select

from ..db.occupations import apprenticeship_job_title, apprenticeship_soc, apprenticeship_standard
from ..etl.context import BuildContext
from ..etl.errors import SourceError
from .matcher import SocCoder

OVERRIDES = "apprenticeship_overrides.csv"
TITLE_VOTE = 1.0
JOB_TITLES_VOTE = 2.0
SECOND_LINK = 0.5  # another code is linked too when its vote is at least this share of the best
MIN_SCORE = 0.15  # below this no code is linked: the titles say too little


@dataclass(frozen=True)
class Link:
    reference: str
    soc: int
    score: float
    method: str  # coder | override


def load(ctx: BuildContext) -> None:
    coder = SocCoder.from_connection(ctx.conn)
    standards = dict(
        ctx.conn.execute(select(apprenticeship_standard.c.reference, apprenticeship_standard.c.title)).all()
    )
    job_titles: dict[str, list[str]] = defaultdict(list)
    for reference, title in ctx.conn.execute(
        select(apprenticeship_job_title.c.reference, apprenticeship_job_title.c.title)
    ):
        job_titles[reference].append(title)
    overrides = read_overrides(standards, ctx.soc_units)
    links: list[Link] = []
    for reference, title in standards.items():
        if reference in overrides:
            links += [Link(reference, soc, 1.0, "override") for soc in overrides[reference]]
        else:
            links += code_standard(coder, reference, title, job_titles[reference])
    ctx.insert(
        apprenticeship_soc,
        (
            {
                "reference": link.reference,
                "soc": link.soc,
                "score": round(link.score, 3),
                "method": link.method,
            }
            for link in links
        ),
    )
    linked = len({link.reference for link in links})
    ctx.progress(f"apprenticeship links: {linked} of {len(standards)} standards, {len(links)} links")


def code_standard(coder: SocCoder, reference: str, title: str, job_titles: list[str]) -> list[Link]:
    votes: dict[int, float] = defaultdict(float)
    phrases = [(title, TITLE_VOTE)] + [(t, JOB_TITLES_VOTE / len(job_titles)) for t in job_titles]
    total = sum(weight for _, weight in phrases)
    for phrase, weight in phrases:
        for candidate in coder.code(phrase).candidates:
            votes[candidate.soc] += weight * candidate.score
    if not votes:
        return []
    ranked = sorted(votes.items(), key=lambda v: -v[1])
    best = ranked[0][1]
    if best / total < MIN_SCORE:
        return []
    return [Link(reference, soc, vote / total, "coder") for soc, vote in ranked if vote >= SECOND_LINK * best]


def read_overrides(standards: dict[str, str], units: set[int]) -> dict[str, list[int]]:
    """reference -> codes, from the reviewed overrides file (several rows may name one standard).
    Each row repeats the standard's title, so a reference reused for another standard is caught."""
    path = f"lmi_backend/coder/data/{OVERRIDES}"
    text = resources.files("lmi_backend.coder").joinpath("data").joinpath(OVERRIDES).read_text("utf-8")
    found: dict[str, list[int]] = defaultdict(list)
    for line, rec in enumerate(csv.DictReader(text.splitlines()), start=2):
        reference, soc = (rec.get("reference") or "").strip(), (rec.get("soc") or "").strip()
        if reference not in standards:
            raise SourceError(path, line, "override must name an apprenticeship standard", reference)
        if (rec.get("title") or "").strip().lower() != standards[reference].lower():
            raise SourceError(
                path,
                line,
                "override title must match the standard's title",
                f"{reference}: {standards[reference]!r}",
            )
        if not soc.isdigit() or int(soc) not in units:
            raise SourceError(path, line, "override code must be a SOC2010 unit group", soc)
        found[reference].append(int(soc))
    return dict(found)
