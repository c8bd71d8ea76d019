"""When a figure published in SOC2020 (ASHE 2022-2025, APS 2021-2024) may stand for a SOC2010 unit
group: decided once per unit group at build time, from the data, and kept in est_soc2020_link.

Two shares come from the ONS dual coding (soc2010_soc2020) and the unit groups' employment
(est_employment, UK 2019):
- forward: the share of the job's workers coded to its main SOC2020 unit group;
- reverse: the share of that SOC2020 group's workers who come from the job (the group's pay is
  mostly this job's pay only if the job is most of the group).
And one check against what ONS published for the same year in both classifications, the 2021
bridge: ONS publishes 2022 SOC2020 medians with their % change on 2021 (revised, SOC2020), which
gives each SOC2020 group's 2021 median; set against the job's published SOC2010 2021 median,
the same workers in the same year must get about the same pay.

How the thresholds were chosen (benchmarks/soc2020_link_review.py prints the evidence): across
the 369 unit groups, links with forward >= 0.7 and reverse >= 0.5 miss the bridge by a median of
0.7-1.4% (90% within 4.6-8.7%); forward 0.5-0.7 misses by a median of 8% with 9 of 20 over 10%;
forward >= 0.9 with reverse below 0.5 (a small job inside a big group) misses by 10-16%.

Pay (`pay_link`):
- direct: forward >= 0.7, reverse >= 0.5 and the bridge within 10% (or no bridge figure to
  test: all such links are single-destination jobs). The SOC2020 group's published figures
  stand for the job, labelled with the SOC2020 code and title.
- combined: otherwise, a share-weighted combination of the job's SOC2020 groups (forward
  shares, renormalised over the groups with a figure, which must hold >= 80% of the job's
  workers) when the same combination of their 2021 medians passes the bridge within 10%: an
  estimate, computed at query time from the published SOC2020 cells.
- none: the job keeps its SOC2010 figures (2021 and before).
The bridge compares hourly pay, the measure published for most groups (weekly, then annual,
where it is not).

Industries (`industry_link`): the APS industry mix of the main group stands for the job when
forward >= 0.7 and reverse >= 0.5 (who the workers are is what matters, not their pay), else
the share-weighted combination of the groups' mixes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import select

from ..db.estimates import est_employment, est_soc2020_link
from ..db.facts import employment_soc2020_industry, pay, pay_soc2020, soc2010_soc2020
from ..etl.context import BuildContext
from .common import provenance_ids, record_method, unit_groups

FORWARD_MIN = 0.7
REVERSE_MIN = 0.5
BRIDGE_TOLERANCE = 0.10
COVERAGE_MIN = 0.8
BRIDGE_YEAR, FIRST_SOC2020_YEAR = "2021", "2022"
BRIDGE_MEASURES = ("hourly", "weekly", "annual")
ALL_EMPLOYEES = 4

DIRECT_KEY, COMBINED_KEY, INDUSTRY_KEY = "soc2020_direct", "soc2020_combined", "soc2020_industry"
DIRECT_METHOD = (
    "ASHE figure published for the SOC2020 unit group that stands for this job: at least 70% of "
    "the job's workers are coded to it and they are at least half of its workers (ONS dual "
    "coding), and its 2021 median (from ONS's 2022 % change) is within 10% of the job's "
    "published SOC2010 2021 median"
)
COMBINED_METHOD = (
    "the published ASHE figures of the SOC2020 unit groups this job's workers are coded to (ONS "
    "dual coding), averaged with the share of the job's workers in each (groups with a figure "
    "hold at least 80% of them); the same average of their 2021 medians is within 10% of the "
    "job's published SOC2010 2021 median. Percentiles are averaged the same way, so they are "
    "approximate"
)
INDUSTRY_METHOD = (
    "APS industry mix of the SOC2020 unit group(s) this job's workers are coded to (ONS dual "
    "coding): the main group's own figures where at least 70% of the job's workers are coded "
    "to it and they are at least half of its workers, otherwise an estimate averaging the "
    "groups' industry shares by the share of the job's workers in each"
)


class Link(NamedTuple):
    soc: int
    main: int
    forward: float
    reverse: float
    bridge_measure: str | None
    bridge_ratio: float | None
    combined_ratio: float | None

    @property
    def strong(self) -> bool:
        return self.forward >= FORWARD_MIN and self.reverse >= REVERSE_MIN

    @property
    def pay_link(self) -> str:
        if self.strong and (self.bridge_ratio is None or _close(self.bridge_ratio)):
            return "direct"
        if self.combined_ratio is not None and _close(self.combined_ratio):
            return "combined"
        return "none"


def _close(ratio: float) -> bool:
    return abs(ratio - 1) <= BRIDGE_TOLERANCE


def load(ctx: BuildContext) -> None:
    conn = ctx.conn
    units = unit_groups(conn)
    shares: dict[int, dict[int, float]] = defaultdict(dict)
    for a, b, value in conn.execute(
        select(soc2010_soc2020.c.soc2010, soc2010_soc2020.c.soc2020, soc2010_soc2020.c.value).where(
            soc2010_soc2020.c.value > 0
        )
    ):
        shares[a][b] = value
    people = dict(
        conn.execute(
            select(est_employment.c.soc, est_employment.c.value).where(
                est_employment.c.soc.in_(units),
                est_employment.c.region == 0,
                est_employment.c.gender == 0,
                est_employment.c.status == 0,
            )
        ).all()
    )
    into: dict[int, float] = defaultdict(float)
    for a, row in shares.items():
        for b, p in row.items():
            into[b] += people.get(a, 0.0) * p
    soc2010 = _medians(conn, pay, BRIDGE_YEAR)
    implied = _implied_2021(conn)
    links = [_link(a, shares[a], people.get(a, 0.0), into, soc2010, implied) for a in units]
    # the crosswalk, the SOC2020 figures and the SOC2010 2021 figures of the bridge
    sources = (
        provenance_ids(conn, soc2010_soc2020)
        + provenance_ids(conn, pay_soc2020)
        + provenance_ids(conn, pay, pay.c.period == BRIDGE_YEAR)
    )
    direct = record_method(ctx, DIRECT_KEY, DIRECT_METHOD, sources)
    combined = record_method(ctx, COMBINED_KEY, COMBINED_METHOD, sources)
    industry_sources = provenance_ids(conn, soc2010_soc2020) + provenance_ids(
        conn, employment_soc2020_industry
    )
    record_method(ctx, INDUSTRY_KEY, INDUSTRY_METHOD, industry_sources)
    ctx.insert(
        est_soc2020_link,
        [
            {
                "soc": link.soc,
                "main_soc2020": link.main,
                "forward_share": link.forward,
                "reverse_share": link.reverse,
                "bridge_measure": link.bridge_measure,
                "bridge_ratio": link.bridge_ratio,
                "combined_bridge_ratio": link.combined_ratio,
                "pay_link": link.pay_link,
                "industry_link": "direct" if link.strong else "combined",
                "method_id": combined if link.pay_link == "combined" else direct,
            }
            for link in links
        ],
    )
    counts: dict[str, int] = defaultdict(int)
    for link in links:
        counts[link.pay_link] += 1
    ctx.progress(f"  SOC2020 pay links: {dict(sorted(counts.items()))}")


def _medians(conn, table, period: str, stat: str = "median") -> dict[tuple[str, int], float]:
    """(measure, SOC) -> all employees' median (or another statistic), UK, one year."""
    return {
        (measure, soc): value
        for soc, measure, value in conn.execute(
            select(table.c.soc, table.c.measure, table.c.value).where(
                table.c.period == period,
                table.c.stat == stat,
                table.c.gender == 0,
                table.c.status == ALL_EMPLOYEES,
                table.c.region == 0,
                table.c.value.isnot(None),
            )
        )
    }


def _implied_2021(conn) -> dict[tuple[str, int], float]:
    """(measure, SOC2020 group) -> its 2021 median: the 2022 median over ONS's % change."""
    medians = _medians(conn, pay_soc2020, FIRST_SOC2020_YEAR)
    changes = _medians(conn, pay_soc2020, FIRST_SOC2020_YEAR, "median_pct_change")
    return {key: v / (1 + changes[key] / 100) for key, v in medians.items() if key in changes}


def _link(
    soc: int,
    shares: dict[int, float],
    people: float,
    into: dict[int, float],
    soc2010: dict[tuple[str, int], float],
    implied: dict[tuple[str, int], float],
) -> Link:
    main = max(shares, key=lambda b: (shares[b], -b))
    reverse = people * shares[main] / into[main] if into[main] else 0.0
    measure = next(
        (m for m in BRIDGE_MEASURES if (m, soc) in soc2010 and (m, main) in implied),
        None,
    )
    ratio = implied[(measure, main)] / soc2010[(measure, soc)] if measure else None
    return Link(
        soc, main, shares[main], reverse, measure, ratio, _combined_ratio(soc, shares, soc2010, implied)
    )


def _combined_ratio(
    soc: int,
    shares: dict[int, float],
    soc2010: dict[tuple[str, int], float],
    implied: dict[tuple[str, int], float],
) -> float | None:
    """The share-weighted 2021 median of the job's SOC2020 groups over its SOC2010 median, for the
    first measure where groups holding enough of the job's workers have one."""
    listed = sum(shares.values())
    for measure in BRIDGE_MEASURES:
        if (measure, soc) not in soc2010:
            continue
        have = {b: p for b, p in shares.items() if (measure, b) in implied}
        if sum(have.values()) < COVERAGE_MIN * listed:
            continue
        combined = sum(p * implied[(measure, b)] for b, p in have.items()) / sum(have.values())
        return combined / soc2010[(measure, soc)]
    return None
