"""Where things live: the sources directory and the built database.

Paths are resolved in one place so the CLI, the tests and the bot agree on them. The readers
(the service, the SOC coder) take the database as a location: the built SQLite file, or the URL
of a PostgreSQL server the build copied it into (`lmi build --db postgresql://...`), so several
hosts can share one copy.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCES_ENV = "LMI_SOURCES"
DB_ENV = "LMI_DB"
DB_URL_ENV = "LMI_DB_URL"
DEFAULT_SOURCES = PROJECT_ROOT.parent / "shared" / "lmi-sources"
DEFAULT_DB = PROJECT_ROOT / "var" / "lmi.sqlite"
FETCH_CACHE = PROJECT_ROOT / "var" / "sources-cache"

# a SQLite file, or an SQLAlchemy URL of a database server ("postgresql://user@host/db")
Location = Path | str


def sources_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The sources directory: an explicit option, else $LMI_SOURCES, else ../shared/lmi-sources,
    else the fetch cache (where `lmi fetch` puts downloads for users outside this workspace)."""
    if explicit:
        return Path(explicit).resolve()
    env = os.environ.get(SOURCES_ENV)
    if env:
        return Path(env).resolve()
    if DEFAULT_SOURCES.exists():
        return DEFAULT_SOURCES
    return FETCH_CACHE


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The live database file: an explicit option, else $LMI_DB, else var/lmi.sqlite."""
    if explicit:
        return Path(explicit).resolve()
    env = os.environ.get(DB_ENV)
    return Path(env).resolve() if env else DEFAULT_DB


def is_url(location: object) -> bool:
    return isinstance(location, str) and "://" in location


def database(explicit: str | os.PathLike[str] | None = None) -> Location:
    """The database the readers open: an explicit file or URL, else $LMI_DB_URL, else the file
    `db_path` names."""
    if is_url(explicit):
        return str(explicit)
    if explicit:
        return db_path(explicit)
    return os.environ.get(DB_URL_ENV) or db_path()
