"""Prints the full build's time and the database size (targets: <= 60 s, <= 200 MB).

Usage: .venv/bin/python benchmarks/build_bench.py [--sources DIR]
"""

from __future__ import annotations

import argparse
import io
import tempfile
from pathlib import Path

from lmi_backend import config
from lmi_backend.etl.build import build


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources")
    args = parser.parse_args()
    sources = config.sources_dir(args.sources)
    with tempfile.TemporaryDirectory() as tmp:
        log = io.StringIO()
        report = build(sources, Path(tmp) / "bench.sqlite", out=log)
    steps = [line for line in log.getvalue().splitlines() if " done in " in line]
    print("\n".join(steps))
    print(f"build time: {report.seconds:.1f} s (target <= 60 s)")
    print(f"database size: {report.size_bytes / 1e6:.1f} MB (target <= 200 MB)")


if __name__ == "__main__":
    main()
