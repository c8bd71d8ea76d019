"""Rasa's conversation locks in a SQLite table, so several Rasa worker processes can share them.

Rasa answers one message of a conversation at a time: each message takes a ticket and waits its
turn. Its built-in lock store keeps the tickets in one process's memory, so Rasa refuses to run
more than one worker with it, and its shared store needs a Redis server. One Rasa process was
the bottleneck at 20 busy conversations (bot/runtime runs one worker per core), and a table in
the conversations database needs nothing new installed. Taking a ticket, finishing with one and
tidying expired ones each read and write the lock in one write transaction, so two workers can
never be given the same ticket. Set in the endpoints file:

    lock_store:
      type: bot.lock_store.SQLiteLockStore
      db: var/conversations.sqlite
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from typing import Iterator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import project

BUSY_TIMEOUT_SECONDS = 10.0


class SQLiteLockStore(LockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, db: Optional[str] = None) -> None:
        """Rasa passes the endpoints file's `lock_store` section as `endpoint_config`."""
        self.path = str(db or (endpoint_config.kwargs.get("db") if endpoint_config else None)
                        or project.CONVERSATIONS_DB)
        self._local = threading.local()
        super().__init__()
        self._connection()  # a database that cannot be opened fails at start, not on a message

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection in this process: Sanic forks its workers after the store is
        made, and a SQLite connection must not cross a fork or a thread."""
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS,
                                               isolation_level=None)
            local.connection.execute("PRAGMA journal_mode=WAL")
            local.connection.execute("PRAGMA synchronous=NORMAL")
            local.connection.execute("CREATE TABLE IF NOT EXISTS conversation_locks "
                                     "(conversation_id TEXT PRIMARY KEY, lock TEXT NOT NULL)")
            local.pid = os.getpid()
        return local.connection

    @contextmanager
    def _write_transaction(self) -> Iterator[None]:
        """One write transaction around a read-modify-write of a lock."""
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        row = self._connection().execute(
            "SELECT lock FROM conversation_locks WHERE conversation_id = ?", (conversation_id,)
        ).fetchone()
        return TicketLock.from_dict(json.loads(row[0])) if row else None

    def delete_lock(self, conversation_id: Text) -> None:
        deleted = self._connection().execute(
            "DELETE FROM conversation_locks WHERE conversation_id = ?", (conversation_id,)
        ).rowcount
        self._log_deletion(conversation_id, deleted > 0)

    def save_lock(self, lock: TicketLock) -> None:
        self._connection().execute(
            "INSERT OR REPLACE INTO conversation_locks (conversation_id, lock) VALUES (?, ?)",
            (lock.conversation_id, lock.dumps()))

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._write_transaction():
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: Text) -> None:
        with self._write_transaction():
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Finishes serving the ticket and deletes the lock if nobody waits (Rasa finishes a
        ticket only here)."""
        with self._write_transaction():
            super().cleanup(conversation_id, ticket_number)
