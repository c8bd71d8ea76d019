"""Rasa's conversation locks in a SQLite table, so several Rasa worker processes can share them.

Rasa answers one message of a conversation at a time: each message takes a ticket and waits its
turn. Its built-in lock store keeps the tickets in one process's memory, so Rasa refuses to run
more than one worker with it, and its shared store needs a Redis server. One Rasa process was
the bottleneck at 20 busy conversations (bot/runtime runs one worker per core), and a table in
the conversations database needs nothing new installed. Taking a ticket, finishing with one and
tidying expired ones each read and write the lock in one write transaction, so two workers can
never be given the same ticket. A message takes and finishes its ticket without holding up the
worker's other conversations while another worker writes (bot.sqlite_connections). Set in the
endpoints file:

    lock_store:
      type: bot.lock_store.SQLiteLockStore
      db: var/conversations.sqlite
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.runtime import project
from bot.sqlite_connections import ThreadConnections


class SQLiteLockStore(LockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, db: str | None = None) -> None:
        """Rasa passes the endpoints file's `lock_store` section as `endpoint_config`."""
        self.path = str(
            db or (endpoint_config.kwargs.get("db") if endpoint_config else None) or project.CONVERSATIONS_DB
        )
        self._connections = ThreadConnections(
            self.path,
            setup="CREATE TABLE IF NOT EXISTS conversation_locks "
            "(conversation_id TEXT PRIMARY KEY, lock TEXT NOT NULL)",
        )
        super().__init__()
        self._connections.get()  # a database that cannot be opened fails at start, not on a message

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        row = (
            self._connections.get()
            .execute("SELECT lock FROM conversation_locks WHERE conversation_id = ?", (conversation_id,))
            .fetchone()
        )
        return TicketLock.from_dict(json.loads(row[0])) if row else None

    def delete_lock(self, conversation_id: str) -> None:
        deleted = (
            self._connections.get()
            .execute("DELETE FROM conversation_locks WHERE conversation_id = ?", (conversation_id,))
            .rowcount
        )
        self._log_deletion(conversation_id, deleted > 0)

    def save_lock(self, lock: TicketLock) -> None:
        self._connections.get().execute(
            "INSERT OR REPLACE INTO conversation_locks (conversation_id, lock) VALUES (?, ?)",
            (lock.conversation_id, lock.dumps()),
        )

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncIterator[TicketLock]:
        """Rasa's `lock`, with the ticket taken and finished in non-blocking writes."""
        async with self._connections.write_without_blocking():
            ticket = super().issue_ticket(conversation_id, lock_lifetime)
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            async with self._connections.write_without_blocking():
                super().cleanup(conversation_id, ticket)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._connections.write():
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._connections.write():
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Finishes serving the ticket and deletes the lock if nobody waits (Rasa finishes a
        ticket only here)."""
        with self._connections.write():
            super().cleanup(conversation_id, ticket_number)
