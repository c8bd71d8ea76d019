"""SQLite connections for the conversation stores (bot.tracker_store, bot.lock_store).

Both read and write the conversations file for every message, from several Rasa worker
processes at once. A SQLite connection must not cross a fork (Sanic forks its workers after the
stores are made) or a thread, so each thread of each process opens its own. Every connection
writes through a write-ahead log without a disk flush per commit (journal_mode=WAL,
synchronous=NORMAL): readers never wait for a writer, and a crash can lose the last moments of
conversations but never corrupts the file. Writers wait for each other up to
BUSY_TIMEOUT_SECONDS.

Code running in an event loop waits with `write_without_blocking()`. SQLite's own wait sleeps (1
ms, then 2, 5, 10 ms ...), and a sleep in a server worker holds up every conversation it is
serving. The waits are long because the other worker, holding the lock, is often taken off the
processor mid-write (two cores, five busy processes): under load 1 write in 40 waited, ~6 ms
on average (measured), while the write itself takes a few tenths of a millisecond.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

BUSY_TIMEOUT_SECONDS = 10.0
RETRY_SECONDS = 0.001  # the event loop's timers count whole milliseconds


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
            local.connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
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
        with _committed(connection):
            yield connection

    @asynccontextmanager
    async def write_without_blocking(self) -> AsyncIterator[sqlite3.Connection]:
        """`write()` for a coroutine: while another connection writes, the event loop runs
        other work between tries. The body must not await: the connection is the thread's."""
        connection = self.get()
        await _begin_when_free(connection)
        with _committed(connection):
            yield connection


@contextmanager
def _committed(connection: sqlite3.Connection) -> Iterator[None]:
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


async def _begin_when_free(connection: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, tried again every RETRY_SECONDS while another connection writes. SQLite's
    own wait is off only for each try: between tries other coroutines use the connection, and a
    reader can meet a lock (while a crashed file is recovered) that is worth SQLite's wait."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        connection.execute("PRAGMA busy_timeout = 0")
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "database is locked" not in str(error) or time.monotonic() > deadline:
                raise
        finally:
            connection.execute(f"PRAGMA busy_timeout = {round(BUSY_TIMEOUT_SECONDS * 1000)}")
        await asyncio.sleep(RETRY_SECONDS)
