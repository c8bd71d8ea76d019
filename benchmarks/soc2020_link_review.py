"""Prints the evidence behind the SOC2020 -> SOC2010 pay link (lmi_backend/estimates/soc2020_link.py)
and the table for reviewing the largest unit groups by hand.

1. The 2021 bridge by forward and reverse share: how far each unit group's main SOC2020 group's
   2021 median (from ONS's 2022 % change) is from the job's published SOC2010 2021 median.
2. How much median pay and median paid hours moved 2021 -> 2025 for direct links (why hours
   keep a published 2021 figure rather than a newer estimate).
3. The pay answer's year and link for all 369 unit groups.
4. The N largest unit groups (default 50): SOC2020 groups used, shares, year, figure.

Usage: .venv/bin/python benchmarks/soc2020_link_review.py [--largest N] [--markdown]
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter

from sqlalchemy import select

from lmi_backend import config
from lmi_backend.db.estimates import est_soc2020_link
from lmi_backend.service import LmiService, Query

BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
REVERSE = ((0.0, 0.5), (0.5, 1.01))


def _spread(errors: list[float]) -> str:
    if not errors:
        return "-"
    errors = sorted(errors)
    over = sum(e > 0.10 for e in errors)
    return (
        f"n={len(errors):3d} median {100 * statistics.median(errors):5.1f}%  "
        f"p90 {100 * errors[int(0.9 * (len(errors) - 1))]:5.1f}%  over 10%: {over}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--largest", type=int, default=50)
    parser.add_argument("--markdown", action="store_true", help="the review table as markdown")
    args = parser.parse_args()
    service = LmiService(config.db_path())
    store = service.store
    links = list(store.conn.execute(select(est_soc2020_link)))

    print("1. 2021 bridge of the main SOC2020 group, by forward and reverse share")
    for lo, hi in BINS:
        for rlo, rhi in REVERSE:
            errors = [
                abs(r.bridge_ratio - 1)
                for r in links
                if lo <= r.forward_share < hi and rlo <= r.reverse_share < rhi and r.bridge_ratio is not None
            ]
            print(
                f"   forward {lo:.1f}-{min(hi, 1):.1f}, reverse {rlo:.1f}-{min(rhi, 1):.1f}: {_spread(errors)}"
            )
    combined = [
        abs(r.combined_bridge_ratio - 1) for r in links if r.combined_bridge_ratio and r.pay_link != "direct"
    ]
    print(f"   share-weighted combination, links not direct: {_spread(combined)}")

    print("\n2. Change 2021 (SOC2010) -> 2025 (SOC2020) for direct links, all employees' medians")
    moves: dict[str, list[float]] = {"annual pay": [], "paid hours": []}
    for r in links:
        if r.pay_link != "direct":
            continue
        for name, measure in (("annual pay", "annual"), ("paid hours", "paid_hours_total")):
            old = store.pay_cell(r.soc, 0, 0, 4, measure, "2021")
            new = store.pay_cell_soc2020(r.main_soc2020, 0, 4, measure, "2025")
            if old and new:
                moves[name].append(new.values["median"] / old.values["median"] - 1)
    for name, changes in moves.items():
        print(
            f"   {name}: n={len(changes)}, median change {100 * statistics.median(changes):+.1f}%, "
            f"median absolute change {100 * statistics.median(abs(c) for c in changes):.1f}%"
        )

    print("\n3. Pay answer (UK, all employees) for the 369 unit groups")
    units = sorted(code for code, g in store.soc.items() if g.level == 4)
    results = {soc: service.pay(Query(soc)) for soc in units}
    years = Counter(r.period if not r.fallback else f"wider group ({r.period})" for r in results.values())
    kinds = Counter(r.pay_link for r in links)
    print(f"   links: {dict(kinds)}")
    print(f"   years: {dict(sorted(years.items(), key=lambda kv: str(kv[0])))}")
    recent = sum(1 for r in results.values() if r.period in ("2024", "2025") and not r.fallback)
    print(f"   a pay year of 2024 or later: {recent} of {len(units)}")

    print(f"\n4. The {args.largest} largest unit groups (APS 2019 employment)")
    largest = sorted(units, key=lambda s: -(store.employment(s, 0, 0, 0) or 0))[: args.largest]
    by_soc = {r.soc: r for r in links}
    rows = []
    for soc in largest:
        r, link = results[soc], by_soc[soc]
        published = store.pay_cell(soc, 0, 0, 4, "annual", "2021")
        used = "; ".join(f"{g['code']} {g['title']} ({g['share']:.2f})" for g in r.soc2020) or "-"
        bridge = link.combined_bridge_ratio if link.pay_link == "combined" else link.bridge_ratio
        rows.append(
            [
                str(soc),
                store.soc[soc].title,
                used,
                f"fwd {link.forward_share:.2f} rev {link.reverse_share:.2f}",
                link.pay_link,
                f"{bridge:.3f}" if bridge else "-",
                r.period or "-" if not r.fallback else f"{r.period} ({r.soc} {store.soc[r.soc].title})",
                f"{r.values.get('median'):,.0f}" if r.values.get("median") else "-",
                f"{published.values['median']:,.0f}" if published and published.values.get("median") else "-",
            ]
        )
    header = [
        "SOC2010",
        "title",
        "SOC2020 used (share)",
        "shares",
        "link",
        "bridge",
        "year (group, if wider)",
        "median",
        "2021 SOC2010",
    ]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        for row in rows:
            print("  " + " | ".join(row))
    service.close()


if __name__ == "__main__":
    main()
