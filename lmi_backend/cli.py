"""`lmi`: build the database, fetch sources, report coverage, code job words, query the service."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from . import config

if TYPE_CHECKING:
    from collections.abc import Callable

    from .coder import CodingResult
    from .service import LmiService, Result


def _build(args: argparse.Namespace) -> int:
    from .coverage import coverage, format_table
    from .db.engine import readonly_engine
    from .etl.build import build, fingerprint, stored_fingerprint
    from .etl.errors import MissingSourceError, SourceError

    location = config.database(args.db)
    # on a server, the database is built as the SQLite file first and then copied
    db = config.db_path() if config.is_url(location) else config.db_path(location)
    sources = config.sources_dir(args.sources)
    wanted = fingerprint(sources)
    if args.if_stale and stored_fingerprint(location) == wanted:
        print(f"Database {_shown(location)} is up to date.", file=sys.stderr)
        return 0
    if stored_fingerprint(db) != wanted or not args.if_stale:
        print(f"Building {db} from {sources}", file=sys.stderr)
        try:
            report = build(sources, db)
        except (SourceError, MissingSourceError) as exc:
            print(f"Build failed: {exc}\nThe previous database (if any) is unchanged.", file=sys.stderr)
            return 2
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"Built {db} in {report.seconds:.1f}s, {report.size_bytes / 1e6:.1f} MB", file=sys.stderr)
    if config.is_url(location):
        from .db.publish import publish

        print(f"Copying {db} into {_shown(location)}", file=sys.stderr)
        started = time.perf_counter()
        rows = publish(db, str(location))
        print(f"Copied {rows} rows in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    engine = readonly_engine(location)
    with engine.connect() as conn:
        print(format_table(coverage(conn)), file=sys.stderr)
    engine.dispose()
    return 0


def _shown(location: config.Location) -> str:
    """A database's address without its password, for messages."""
    if not config.is_url(location):
        return str(location)
    from sqlalchemy.engine import make_url

    return make_url(str(location)).render_as_string(hide_password=True)


def _coverage(args: argparse.Namespace) -> int:
    from .api.core import ENDPOINTS
    from .coverage import coverage, format_table
    from .db.engine import readonly_engine

    with readonly_engine(config.database(args.db)).connect() as conn:
        cov = coverage(conn)
    # the API's endpoints no source answers: they give the original API's empty answer
    empty = [
        {"path": f"/api/v1{ep.empty.where(ep.path)}", "reason": ep.empty.reason}
        for ep in ENDPOINTS
        if ep.empty
    ]
    if args.json:
        print(json.dumps({**cov, "api_v1_without_source": empty}, indent=1))
    else:
        print(format_table(cov))
        print("\nLMI for All API v1 endpoints without a source (they give the original's empty answer):")
        print("\n".join(f"  {e['path']:<40} {e['reason']}" for e in empty))
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from .etl.fetch import fetch_missing

    target = Path(args.dest) if args.dest else config.FETCH_CACHE
    report = fetch_missing(target)
    for line in report.lines():
        print(line)
    return 0 if not report.failed else 1


QUERY_KINDS = (
    "pay",
    "hours",
    "outlook",
    "vacancies",
    "employment",
    "skills",
    "description",
    "tasks",
    "entry_routes",
    "apprenticeships",
    "compare",
    "similar",
    "pay-series",
    "wf-predict",
    "wf-replacement",
    "wf-breakdown",
    "industries",
    "area-jobs",
    "area-people",
)
# kinds answered as a table of data (no reply template): printed as rows without --json
TABLE_KINDS = {
    "pay-series",
    "wf-predict",
    "wf-replacement",
    "wf-breakdown",
    "industries",
    "area-jobs",
    "area-people",
}


def _query(args: argparse.Namespace) -> int:
    from .service import Query

    socs = [int(s) for part in args.soc or [] for s in part.split(",") if s.strip()]
    if args.what == "area-jobs":
        socs = socs or [0]  # the whole area, not one job
    for needed, given in (("--area", args.area or not args.what.startswith("area-")), ("--soc", socs)):
        if not given:
            print(f"error: {args.what} needs {needed}", file=sys.stderr)
            return 2
    q = Query(
        socs[0],
        region=args.region,
        gender=args.gender,
        status=args.status,
        qualification=args.qualification,
        age=args.age,
    )

    def ask(service: LmiService) -> Result:
        by_cell = {
            "pay": service.pay,
            "hours": service.hours,
            "outlook": service.outlook,
            "vacancies": service.vacancies,
            "employment": service.employment,
        }
        by_job = {
            "skills": service.skills,
            "description": service.job_description,
            "tasks": service.tasks,
            "entry_routes": service.entry_routes,
            "apprenticeships": service.apprenticeships,
        }
        tables = {
            "pay-series": lambda: service.pay_series(q, args.measure, args.stat),
            "wf-predict": lambda: service.wf_predict(q, args.min_year, args.max_year),
            "wf-replacement": lambda: service.wf_replacement_demand(q),
            "wf-breakdown": lambda: service.wf_breakdown(q, args.by, args.min_year, args.max_year),
            "industries": lambda: service.industries(q, args.year),
            "area-jobs": lambda: service.area_jobs(args.area, args.level),
            "area-people": lambda: service.area_people(args.area, q.soc),
        }
        if args.what in by_cell:
            return by_cell[args.what](q)
        if args.what in by_job:
            return by_job[args.what](q.soc)
        if args.what in tables:
            return tables[args.what]()
        if args.what == "compare":
            return service.compare(socs, q)
        return service.similar_jobs(q.soc, args.limit)

    return _answer(args, ask)


def _answer(args: argparse.Namespace, ask: Callable[[LmiService], Result]) -> int:
    """Ask the service and print the result: JSON, a table for the table kinds, or the reply in
    full. A request the service refuses (an unknown code) is an error message and exit status 2."""
    from .service import LmiService

    service = LmiService(config.database(args.db))
    try:
        result = ask(service)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        service.close()
    if args.json:
        print(json.dumps(result.to_dict(), indent=1))
    elif getattr(args, "what", None) in TABLE_KINDS:
        from .cli_tables import table

        print(table(result))
    else:
        from .answers import render

        print(render(result, long=True))
    return 0


def _graduates(args: argparse.Namespace) -> int:
    from .subjects import CODE, find_subject

    found = (
        args.subject if CODE.fullmatch(args.subject) else getattr(find_subject(args.subject), "code", None)
    )
    if found is None:
        print(f"error: no degree subject found in {args.subject!r}", file=sys.stderr)
        return 2
    return _answer(args, lambda service: service.graduate_pay(found, args.nation))


def _code(args: argparse.Namespace) -> int:
    from .coder import get_coder

    if (args.text is None) == (args.batch is None):
        print("error: give a phrase or --batch FILE", file=sys.stderr)
        return 2
    coder = get_coder(config.database(args.db))
    if args.text is not None:
        result = coder.code(args.text, args.limit)
        print(json.dumps(result.to_dict()) if args.json else _code_text(result))
        return 0
    with sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            result = coder.code(line.rstrip("\r\n"), args.limit)
            print(
                json.dumps({"text": line.rstrip("\r\n"), **result.to_dict()})
                if args.json
                else f"{line.strip()}\t{_code_text(result)}"
            )
    return 0


def _serve_api(args: argparse.Namespace) -> int:
    from .api import serve

    if args.workers < 1:
        print("error: --workers must be 1 or more", file=sys.stderr)
        return 2
    usage = None if args.no_usage else Path(args.usage_db) if args.usage_db else None
    options = {"usage_path": usage} if usage or args.no_usage else {}
    serve(args.host, args.port, args.workers, db_path=config.db_path(args.db), **options)
    return 0


def _code_text(result: CodingResult) -> str:
    if not result.candidates:
        return "no match"
    lines = [f"{c.soc} {c.title} ({c.score:.2f}, matched {c.matched!r})" for c in result.candidates]
    return ("ask: " if result.ambiguous else "") + "; ".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lmi", description="Careers LMI database and services")
    database = argparse.ArgumentParser(add_help=False)  # --db before or after the command
    for parser_, default in ((p, None), (database, argparse.SUPPRESS)):
        parser_.add_argument(
            "--db",
            default=default,
            help="database file, or a postgresql:// URL the build copies the file into "
            "(default $LMI_DB_URL, else $LMI_DB, else var/lmi.sqlite)",
        )
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", parents=[database], help="build the database from the source files")
    b.add_argument("--sources", help="sources directory (default $LMI_SOURCES or ../shared/lmi-sources)")
    b.add_argument("--if-stale", action="store_true", help="only build when inputs or code changed")
    b.set_defaults(func=_build)

    c = sub.add_parser("coverage", parents=[database], help="unit groups covered by each indicator")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_coverage)

    f = sub.add_parser("fetch", help="download missing source files into the cache")
    f.add_argument("--dest", help=f"where to put them (default {config.FETCH_CACHE})")
    f.set_defaults(func=_fetch)

    k = sub.add_parser("code", parents=[database], help="job words -> SOC2010 unit groups (the SOC coder)")
    k.add_argument("text", nargs="?", help='the job, as a person would write it, e.g. "sparky"')
    k.add_argument("--batch", metavar="FILE", help="code one phrase per line of FILE ('-' for stdin)")
    k.add_argument("--limit", type=int, default=4, help="most candidates to return (default 4)")
    k.add_argument(
        "--json",
        action="store_true",
        help='{"candidates": [{"soc", "title", "score"}], "ambiguous"}; one object per line with --batch',
    )
    k.set_defaults(func=_code)

    a = sub.add_parser(
        "serve-api", help="serve the LMI for All v1 API, its developer page and the Careerometer widget"
    )
    a.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    a.add_argument("--port", type=int, default=8090, help="port (default 8090)")
    a.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    a.add_argument("--usage-db", help="where to count requests (default var/api_usage.sqlite)")
    a.add_argument("--no-usage", action="store_true", help="count nothing")
    a.set_defaults(func=_serve_api)

    q = sub.add_parser(
        "query", parents=[database], help="ask the service (pay, hours, outlook, skills ...) for a SOC code"
    )
    q.add_argument("what", choices=QUERY_KINDS)
    q.add_argument(
        "--soc",
        action="append",
        help="SOC2010 code (all kinds but area-jobs); for compare give 2-3 (repeat --soc or 5314,5241)",
    )
    q.add_argument("--region", type=int, help="LMI for All region 1-12 (default: UK)")
    q.add_argument("--gender", type=int, choices=(1, 2), help="1 male, 2 female")
    q.add_argument("--status", type=int, choices=(1, 2, 3), help="1 full-time, 2 part-time, 3 self-employed")
    q.add_argument(
        "--qualification",
        type=int,
        choices=range(1, 10),
        metavar="1-9",
        help="RQF level code (LMI for All qualification codes)",
    )
    q.add_argument("--age", type=int, help="age in years")
    q.add_argument("--limit", type=int, default=5, help="similar jobs to list")
    q.add_argument("--measure", default="annual", choices=("annual", "weekly", "hourly"), help="pay-series")
    q.add_argument("--stat", default="median", choices=("median", "mean"), help="pay-series")
    q.add_argument("--min-year", type=int, help="wf-predict, wf-breakdown: first year")
    q.add_argument("--max-year", type=int, help="wf-predict, wf-breakdown: last year")
    q.add_argument(
        "--by",
        default="gender",
        choices=("gender", "qualification", "status", "industry", "region"),
        help="wf-breakdown: the dimension",
    )
    q.add_argument("--year", choices=("2021", "2022", "2023", "2024"), help="industries: the APS year")
    q.add_argument("--area", help="area-jobs, area-people: a town, local authority, postcode or 'lat,lng'")
    q.add_argument("--level", default="minor", choices=("major", "sub_major", "minor"), help="area-jobs")
    q.add_argument("--json", action="store_true", help="the structured result as JSON")
    q.set_defaults(func=_query)

    g = sub.add_parser(
        "graduates", parents=[database], help="what graduates of a degree subject earn (Discover Uni)"
    )
    g.add_argument("subject", help='a subject as people say it ("comp sci") or a HESA CAH code')
    g.add_argument("--nation", choices=("England", "Wales", "Scotland", "Northern Ireland"))
    g.add_argument("--json", action="store_true", help="the structured result as JSON")
    g.set_defaults(func=_graduates)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
