"""Writes to the conversations file from an event loop (bot/sqlite_connections.py): while
another connection writes, the loop goes on serving other work, and the write then happens;
nothing is left half done when it cannot. Synthetic tables in a temporary file."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest

from bot import sqlite_connections
from bot.sqlite_connections import ThreadConnections

SETUP = "CREATE TABLE IF NOT EXISTS notes (text TEXT)"


def _hold_write_lock(path: Path, taken: threading.Event, release: threading.Event) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO notes VALUES ('the other worker')")
    taken.set()
    release.wait(10)
    other.execute("COMMIT")
    other.close()


def test_a_write_waits_for_another_writer_without_stopping_the_event_loop(tmp_path: Path):
    path = tmp_path / "c.sqlite"
    connections = ThreadConnections(str(path), setup=SETUP)
    connections.get()
    taken, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, taken, release))
    holder.start()
    taken.wait(10)
    happened: list[object] = []
    waits_seen: list[int] = []  # by other work on the thread's connection meanwhile

    async def other_conversations() -> None:  # runs only if the waiting write lets it
        for tick in range(5):
            happened.append(tick)
            waits_seen.append(connections.get().execute("PRAGMA busy_timeout").fetchone()[0])
            await asyncio.sleep(0.002)
        release.set()  # the other worker finishes its write only now

    async def write() -> None:
        async with connections.write_without_blocking() as db:
            db.execute("INSERT INTO notes VALUES ('this worker')")
        happened.append("written")

    async def both() -> None:
        await asyncio.gather(write(), other_conversations())

    asyncio.run(both())
    holder.join(10)
    assert happened == [0, 1, 2, 3, 4, "written"]
    assert waits_seen == [10000] * 5  # SQLite's wait is off only for the write's own tries
    rows = [r[0] for r in connections.get().execute("SELECT text FROM notes ORDER BY rowid")]
    assert rows == ["the other worker", "this worker"]
    assert connections.get().execute("PRAGMA busy_timeout").fetchone()[0] == 10000  # reads still wait


def test_a_write_that_never_gets_its_turn_fails_and_leaves_no_transaction(tmp_path: Path, monkeypatch):
    path = tmp_path / "c.sqlite"
    connections = ThreadConnections(str(path), setup=SETUP)
    connection = connections.get()
    monkeypatch.setattr(sqlite_connections, "BUSY_TIMEOUT_SECONDS", 0.02)
    taken, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, taken, release))
    holder.start()
    taken.wait(10)

    async def write() -> None:
        async with connections.write_without_blocking() as db:
            db.execute("INSERT INTO notes VALUES ('too late')")

    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            asyncio.run(write())
        assert not connection.in_transaction
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 20
    finally:
        release.set()
        holder.join(10)
    assert [r[0] for r in connection.execute("SELECT text FROM notes")] == ["the other worker"]


def test_a_failing_write_is_rolled_back(tmp_path: Path):
    connections = ThreadConnections(str(tmp_path / "c.sqlite"), setup=SETUP)

    async def write() -> None:
        async with connections.write_without_blocking() as db:
            db.execute("INSERT INTO notes VALUES ('half')")
            raise RuntimeError("the action failed")

    with pytest.raises(RuntimeError):
        asyncio.run(write())
    assert connections.get().execute("SELECT count(*) FROM notes").fetchone()[0] == 0
    assert not connections.get().in_transaction
