"""`lmi`: build the database, fetch sources, report coverage (and, as they land, code and query)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import config


def _build(args: argparse.Namespace) -> int:
    from .coverage import coverage, format_table
    from .db.engine import readonly_engine
    from .etl.build import build, fingerprint, stored_fingerprint
    from .etl.errors import MissingSourceError, SourceError

    sources, db = config.sources_dir(args.sources), config.db_path(args.db)
    if args.if_stale and stored_fingerprint(db) == fingerprint(sources):
        print(f"Database {db} is up to date.", file=sys.stderr)
        return 0
    print(f"Building {db} from {sources}", file=sys.stderr)
    try:
        report = build(sources, db)
    except (SourceError, MissingSourceError) as exc:
        print(f"Build failed: {exc}\nThe previous database (if any) is unchanged.", file=sys.stderr)
        return 2
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    engine = readonly_engine(db)
    with engine.connect() as conn:
        print(format_table(coverage(conn)), file=sys.stderr)
    print(f"Built {db} in {report.seconds:.1f}s, {report.size_bytes / 1e6:.1f} MB", file=sys.stderr)
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from .coverage import coverage, format_table
    from .db.engine import readonly_engine

    with readonly_engine(config.db_path(args.db)).connect() as conn:
        cov = coverage(conn)
    print(json.dumps(cov, indent=1) if args.json else format_table(cov))
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from .etl.fetch import fetch_missing

    target = Path(args.dest) if args.dest else config.FETCH_CACHE
    report = fetch_missing(target)
    for line in report.lines():
        print(line)
    return 0 if not report.failed else 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lmi", description="Careers LMI database and services")
    p.add_argument("--db", help="database file (default $LMI_DB or var/lmi.sqlite)")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the database from the source files")
    b.add_argument("--sources", help="sources directory (default $LMI_SOURCES or ../shared/lmi-sources)")
    b.add_argument("--if-stale", action="store_true", help="only build when inputs or code changed")
    b.set_defaults(func=_build)

    c = sub.add_parser("coverage", help="unit groups covered by each indicator")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_coverage)

    f = sub.add_parser("fetch", help="download missing source files into the cache")
    f.add_argument("--dest", help=f"where to put them (default {config.FETCH_CACHE})")
    f.set_defaults(func=_fetch)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
