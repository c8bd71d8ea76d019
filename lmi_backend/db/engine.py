"""Opening the database: writable for the build, read-only for everyone else."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine


def _engine(url: str) -> Engine:
    engine = create_engine(url, future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return engine


def writable_engine(path: Path) -> Engine:
    """The build's engine. A 64 MB page cache keeps the large keyed fact tables' B-trees in
    memory while they are filled (SQLite's default is 2 MB)."""
    engine = _engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _cache(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        dbapi_conn.execute("PRAGMA cache_size=-65536")

    return engine


def readonly_engine(path: Path) -> Engine:
    """Readers open the file read-only (`mode=ro`) so a query can never change the built data."""
    if not Path(path).exists():
        raise FileNotFoundError(f"No LMI database at {path}: run `lmi build` first.")
    return _engine(f"sqlite:///file:{Path(path).resolve()}?mode=ro&uri=true")
