"""Rasa's SQL tracker store (conversations survive a restart) that forgets old conversations.

On SQLite it also writes through a write-ahead log without a disk flush per message
(journal_mode=WAL, synchronous=NORMAL): a crash can lose the last moments of conversations but
never corrupts the file, and saving stops being a fifth of the time to answer a message.

What young people type can be personal, so conversations are kept only as long as they are
useful: `retention_days` after a conversation's last event, all of its events are deleted. The
store prunes when the server starts and then at most once an hour as conversations are saved,
so no separate job has to be scheduled. Set in bot/endpoints.yml:

    tracker_store:
      type: bot.tracker_store.RetentionSQLTrackerStore
      dialect: sqlite
      db: var/conversations.sqlite
      retention_days: 30
"""
from __future__ import annotations

import logging
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

DAY = 24 * 3600
PRUNE_EVERY = 3600.0


def _fast_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class RetentionSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, retention_days: float = 30, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _fast_sqlite)
        if float(retention_days) <= 0:
            raise ValueError("retention_days must be positive")
        self.retention_seconds = float(retention_days) * DAY
        self._last_prune = 0.0
        self.prune()

    def prune(self, now: float | None = None) -> int:
        """Deletes every conversation whose newest event is older than the retention period;
        returns how many conversations went. Whole conversations go, never single events, so
        what remains can always be replayed."""
        now = time.time() if now is None else now
        events = self.SQLEvent.__table__
        stale = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
                 .having(sa.func.max(events.c.timestamp) < now - self.retention_seconds))
        with self.engine.begin() as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(stale.subquery())).scalar()
            if count:
                conn.execute(events.delete().where(events.c.sender_id.in_(stale)))
        self._last_prune = time.monotonic()
        if count:
            logger.info(f"Deleted {count} conversation(s) past the retention period.")
        return count

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        if time.monotonic() - self._last_prune > PRUNE_EVERY:
            self.prune()
