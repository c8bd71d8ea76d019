"""Prints the SOC coder's start-up time, batch throughput, single-phrase latency and memory.

    python benchmarks/coder_bench.py [--db PATH]

Targets (issue): >= 2,000 phrases/s in batch, p99 <= 5 ms per phrase (p95 printed too), start-up <= 2 s,
memory <= 300 MB. Phrases: the labelled evaluation set plus every ONS related job title and
unit-group title, lower-cased as people type them (about 2,500 distinct phrases). Start-up and
memory are measured in a fresh interpreter, from importing the coder to the first answer.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from lmi_backend import config
from lmi_backend.db.engine import readonly_engine
from lmi_backend.db.occupations import job_title

EVAL_SET = config.PROJECT_ROOT / "tests" / "data" / "coder_eval.csv"

_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from lmi_backend.coder import get_coder
coder = get_coder(Path(sys.argv[1]))
coder.code("plumber")
startup = time.perf_counter() - t0
phrases = json.load(sys.stdin)
t1 = time.perf_counter()
for p in phrases:
    coder.code(p)
batch = time.perf_counter() - t1
latencies = []
for p in phrases:
    t = time.perf_counter()
    coder.code(p)
    latencies.append(time.perf_counter() - t)
latencies.sort()
print(json.dumps({"startup": startup, "batch": batch, "n": len(phrases),
                  "p50": latencies[len(latencies) // 2], "p95": latencies[int(len(latencies) * 0.95)],
                  "p99": latencies[int(len(latencies) * 0.99)],
                  "max": latencies[-1],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def phrases(db: Path) -> list[str]:
    with open(EVAL_SET, encoding="utf-8") as fh:
        found = [r["phrase"] for r in csv.DictReader(fh)]
    engine = readonly_engine(db)
    with engine.connect() as conn:
        titles = select(job_title.c.natural_title).where(job_title.c.source.in_(["related", "unit_title"]))
        found += [t.lower() for t in conn.execute(titles).scalars()]
    engine.dispose()
    return list(dict.fromkeys(found))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="database (default $LMI_DB or var/lmi.sqlite)")
    args = ap.parse_args(argv)
    db = config.db_path(args.db)
    texts = phrases(db)
    wall = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - wall
    r = json.loads(out.stdout)
    print(f"phrases            {r['n']}")
    print(
        f"start-up           {r['startup']:.2f} s (import + load index + first answer; "
        f"whole run {wall:.1f} s incl. interpreter)"
    )
    print(f"batch throughput   {r['n'] / r['batch']:,.0f} phrases/s (first pass, cold typo cache)")
    print(
        f"latency            p50 {r['p50'] * 1e3:.2f} ms  p95 {r['p95'] * 1e3:.2f} ms  p99 {r['p99'] * 1e3:.2f} ms  "
        f"max {r['max'] * 1e3:.2f} ms"
    )
    print(f"memory             {r['rss_mb']:.0f} MB peak RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
