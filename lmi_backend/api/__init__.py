"""The LMI for All API v1 on the project's database, with its developer page, API explorer and
the Careerometer widget. Usable without Rasa:

    from lmi_backend.api import serve
    serve("127.0.0.1", 8090, workers=2)   # blocks; Ctrl-C stops it

`lmi serve-api` does the same from the command line.
"""

from __future__ import annotations

from pathlib import Path

from .. import config
from ..coder import get_coder
from ..service import LmiService
from .core import Api
from .usage import UsageLog

__all__ = ["Api", "open_api", "serve"]


def open_api(db_path: Path | None = None, usage_path: Path | None = None) -> Api:
    """The API on a database, counting requests into `usage_path` (none counted when None)."""
    from .pages import Pages

    db = config.db_path(db_path)
    service = LmiService(db)
    usage = UsageLog(usage_path) if usage_path else None
    return Api(service, get_coder(db), usage, Pages(service, usage))


def serve(host: str, port: int, workers: int = 2, **options) -> None:
    """Serves the API, pages and widget on host:port with `workers` processes until stopped."""
    from .server import run

    run(host, port, workers, **options)
