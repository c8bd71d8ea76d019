"""Usage figures without personal data: how many requests each endpoint had each day (UTC),
kept in a small SQLite file (var/api_usage.sqlite). Only the endpoint's path template
("/soc/code/{soc}") and the day are stored: never an address, a query or anything typed.

Each server process counts in memory and adds its counts to the file every few seconds and when
it stops, so counting costs a request nothing; several processes share the file (WAL, and an
upsert that adds rather than overwrites).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

from .. import config

DEFAULT_PATH = config.PROJECT_ROOT / "var" / "api_usage.sqlite"
FLUSH_SECONDS = 5.0
SCHEMA = """CREATE TABLE IF NOT EXISTS usage (
    day TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    requests INTEGER NOT NULL,
    PRIMARY KEY (day, endpoint)
)"""
ADD = """INSERT INTO usage (day, endpoint, requests) VALUES (?, ?, ?)
ON CONFLICT (day, endpoint) DO UPDATE SET requests = requests + excluded.requests"""


def today() -> str:
    return time.strftime("%Y-%m-%d", time.gmtime())


class UsageLog:
    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        self.path = Path(path)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def count(self, endpoint: str) -> None:
        with self.lock:
            self.counts[(today(), endpoint)] += 1

    def flush(self) -> None:
        with self.lock:
            pending, self.counts = self.counts, Counter()
        if not pending:
            return
        try:
            with self._connect() as db:
                db.executemany(ADD, [(day, name, n) for (day, name), n in pending.items()])
        except sqlite3.Error:
            with self.lock:  # kept for the next try
                self.counts.update(pending)
            raise

    def recent(self, days: int = 14) -> list[tuple[str, str, int]]:
        """(day, endpoint, requests) of the last `days` days with any, newest day first."""
        self.flush()
        with self._connect() as db:
            return db.execute(
                "SELECT day, endpoint, requests FROM usage WHERE day IN "
                "(SELECT DISTINCT day FROM usage ORDER BY day DESC LIMIT ?) "
                "ORDER BY day DESC, requests DESC, endpoint",
                (days,),
            ).fetchall()
