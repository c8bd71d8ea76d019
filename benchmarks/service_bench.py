"""Latency of the query service on the built database: 1,000 mixed questions (pay, hours,
outlook, vacancies, skills, descriptions, tasks, entry routes, apprenticeships, similar jobs,
comparisons) over random occupations and breakdowns, fixed seed. Prints p50/p95/max in ms.

    python benchmarks/service_bench.py [--db PATH] [--n 1000]

The target is p95 <= 5 ms. A fresh service is timed (first use of each lookup included);
--warm runs the same questions twice and times the second pass.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from lmi_backend import config
from lmi_backend.service import LmiService, Query

KINDS = (
    "pay",
    "pay",
    "pay",
    "hours",
    "outlook",
    "vacancies",
    "skills",
    "description",
    "tasks",
    "entry_routes",
    "apprenticeships",
    "similar",
    "compare",
)


def questions(service: LmiService, n: int, seed: int = 2024) -> list[tuple[str, Query, list[int]]]:
    rng = random.Random(seed)
    units = sorted(c for c, r in service.store.soc.items() if r.level == 4)
    out = []
    for _ in range(n):
        q = Query(
            rng.choice(units),
            region=rng.choice([None, None, *range(1, 13)]),
            gender=rng.choice([None, None, 1, 2]),
            status=rng.choice([None, None, 1, 2, 3]),
            qualification=rng.choice([None, None, None, *range(1, 10)]),
            age=rng.choice([None, None, None, rng.randint(16, 70)]),
        )
        out.append((rng.choice(KINDS), q, rng.sample(units, rng.choice([2, 3]))))
    return out


def ask(service: LmiService, kind: str, q: Query, socs: list[int]):
    if kind in ("pay", "hours", "outlook", "vacancies"):
        return getattr(service, kind)(q)
    if kind == "compare":
        return service.compare(socs, q)
    if kind == "similar":
        return service.similar_jobs(q.soc)
    name = {"description": "job_description"}.get(kind, kind)
    return getattr(service, name)(q.soc)


def run(db: Path, n: int, warm: bool) -> dict[str, float]:
    service = LmiService(db)
    qs = questions(service, n)
    if warm:
        for kind, q, socs in qs:
            ask(service, kind, q, socs)
    times = []
    for kind, q, socs in qs:
        t0 = time.perf_counter()
        ask(service, kind, q, socs)
        times.append((time.perf_counter() - t0) * 1000)
    service.close()
    times.sort()
    return {
        "n": n,
        "p50": statistics.median(times),
        "p95": times[int(0.95 * n) - 1],
        "max": times[-1],
        "mean": statistics.fmean(times),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", help="database file (default $LMI_DB or var/lmi.sqlite)")
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--warm", action="store_true")
    args = p.parse_args()
    stats = run(config.db_path(args.db), args.n, args.warm)
    print(
        f"{stats['n']} mixed service queries ({'warm' if args.warm else 'cold'}): "
        f"p50 {stats['p50']:.2f} ms, p95 {stats['p95']:.2f} ms, max {stats['max']:.2f} ms, "
        f"mean {stats['mean']:.2f} ms  (target p95 <= 5 ms)"
    )


if __name__ == "__main__":
    main()
