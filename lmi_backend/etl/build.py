"""The staged build: every reader writes into a staging file, which replaces the live database
only when all of them passed. A failed build leaves the previous database untouched.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from sqlalchemy import insert, select

from ..config import Location, is_url
from ..db.engine import readonly_engine, writable_engine
from ..db.provenance import build_info
from ..db.schema import create_schema
from .context import BuildContext
from .sources import load_manifest, sha256_of
from .steps import STEPS, Step

SCHEMA_VERSION = "1"


def fingerprint(sources: Path) -> str:
    """Changes whenever an input or the code that turns inputs into tables changes."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    manifest = load_manifest()
    for rel in sorted(manifest):
        path = sources / rel
        digest.update(rel.encode())
        digest.update(sha256_of(path).encode() if path.is_file() else b"missing")
    package = resources.files("lmi_backend")
    for sub in ("db", "etl", "coder", "estimates"):
        root = Path(str(package.joinpath(sub)))
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".csv", ".txt", ".yml"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def stored_fingerprint(db: Location) -> str | None:
    """The fingerprint the database (file or server copy) was built with; None when missing."""
    if not is_url(db) and not Path(db).exists():
        return None
    try:
        engine = readonly_engine(db)
        with engine.connect() as conn:
            value = conn.execute(select(build_info.c.value).where(build_info.c.key == "fingerprint")).scalar()
        engine.dispose()
        return value
    except Exception:  # an unreadable or foreign file is simply stale
        return None


@dataclass
class BuildReport:
    seconds: float
    size_bytes: int
    warnings: list[str]


def build(
    sources: Path, db: Path, out: TextIO = sys.stderr, steps: list[tuple[str, Step]] | None = None
) -> BuildReport:
    """Build into a staging file beside `db` and atomically move it over `db` if every step
    passed. `steps` (default: all) lets a test build a small database from a few readers."""
    started = time.perf_counter()
    db.parent.mkdir(parents=True, exist_ok=True)
    staging = db.with_name(f"{db.name}.staging-{os.getpid()}")  # concurrent builds never collide
    staging.unlink(missing_ok=True)
    engine = writable_engine(staging)
    try:
        with engine.begin() as conn:
            create_schema(conn)
            ctx = BuildContext(conn=conn, sources=sources, manifest=load_manifest(), out=out)
            for name, step in STEPS if steps is None else steps:
                t0 = time.perf_counter()
                ctx.progress(f"{name} ...")
                step(ctx)
                ctx.progress(f"{name} done in {time.perf_counter() - t0:.1f}s")
            ctx.finish_sources()
            conn.execute(
                insert(build_info),
                [
                    {"key": "fingerprint", "value": fingerprint(sources)},
                    {"key": "schema_version", "value": SCHEMA_VERSION},
                ],
            )
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM")
        engine.dispose()
        os.replace(staging, db)  # atomic on one filesystem: readers see old or new, never half
    except BaseException:
        engine.dispose()
        staging.unlink(missing_ok=True)
        raise
    warnings = [w for src in ctx.opened for w in src.warnings]
    return BuildReport(time.perf_counter() - started, db.stat().st_size, warnings)
