"""SQLite connections for the conversation stores (bot.tracker_store, bot.lock_store).

Both read and write the conversations file for every message, from several Rasa worker
processes at once. A SQLite connection must not cross a fork (Sanic forks its workers after the
stores are made) or a thread, so each thread of each process opens its own. Every connection
writes through a write-ahead log without a disk flush per commit (journal_mode=WAL,
synchronous=NORMAL): readers never wait for a writer, and a crash can lose the last moments of
conversations but never corrupts the file. Writers wait for each other up to
BUSY_TIMEOUT_SECONDS.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from typing import Iterator

BUSY_TIMEOUT_SECONDS = 10.0


class ThreadConnections:
    """One connection per thread and process to a SQLite file, in autocommit mode: a write that
    must not interleave with another worker's goes in `write()`."""

    def __init__(self, path: str, setup: str | None = None) -> None:
        self.path = path
        self._setup = setup  # run on each new connection, e.g. CREATE TABLE IF NOT EXISTS
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS,
                                               isolation_level=None)
            local.connection.execute("PRAGMA journal_mode=WAL")
            local.connection.execute("PRAGMA synchronous=NORMAL")
            if self._setup:
                local.connection.execute(self._setup)
            local.pid = os.getpid()
        return local.connection

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at the start (BEGIN IMMEDIATE) so that what it reads
        is still true when it writes."""
        connection = self.get()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
