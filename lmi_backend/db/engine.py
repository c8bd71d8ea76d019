"""Opening the database: writable for the build, read-only for everyone else.

Readers open either the built SQLite file or a PostgreSQL database the build copied it into
(lmi_backend/db/publish.py), through the same SQLAlchemy schema, so no reader knows which.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from ..config import Location, is_url

# the PostgreSQL schema readers see; the build fills STAGING_SCHEMA and renames it to this
SCHEMA = "lmi"
STAGING_SCHEMA = "lmi_staging"


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


def server_engine(url: str, schema: str = SCHEMA, readonly: bool = True) -> Engine:
    """A PostgreSQL database with `schema` first on the search path. Readers get read-only
    transactions of one statement each (autocommit): a reader holding a transaction between
    queries would hold its tables' locks, and the build could not swap a new copy in."""
    if make_url(url).get_backend_name() != "postgresql":
        raise ValueError(f"The LMI database runs on SQLite files or PostgreSQL, not {url.split(':')[0]}")
    options = f"-c search_path={schema}" + (" -c default_transaction_read_only=on" if readonly else "")
    return create_engine(
        url,
        future=True,
        connect_args={"options": options},
        **({"isolation_level": "AUTOCOMMIT"} if readonly else {}),
    )


def readonly_engine(location: Location) -> Engine:
    """Readers open the file read-only (`mode=ro`) so a query can never change the built data;
    a server URL opens read-only transactions."""
    if is_url(location):
        return server_engine(str(location))
    if not Path(location).exists():
        raise FileNotFoundError(f"No LMI database at {location}: run `lmi build` first.")
    return _engine(f"sqlite:///file:{Path(location).resolve()}?mode=ro&uri=true")
