"""Rasa's SQL tracker store (conversations survive a restart) that forgets old conversations.

Speed: Rasa reads a conversation's events back from the database and rebuilds every event object
several times per message, and counts the stored rows before each save; with 20 conversations
under way that was a third of the Rasa server's time. This store keeps the event objects of
recent conversations in memory (least recently used go first) and writes only the new events,
in one statement. The database stays the record: a restart, or a conversation not in memory,
reads it as Rasa does. bot.runtime runs several Rasa worker processes on one database, and a
conversation's messages may go to any of them, so before the memory is used it is brought up to
date with the rows other workers stored since this one last saw the conversation. Those
per-message reads and writes go straight through sqlite3 (bot.sqlite_connections): through
SQLAlchemy each statement cost ~70 microseconds of bookkeeping around a ~6 microsecond query.
So the store needs a SQLite file, as the lock store the workers share does; Rasa's own code
(listing conversations, reading whole histories, the retention clean-up) still goes through
SQLAlchemy on the same file.

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

import fcntl
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import retention, sqlite_connections

logger = logging.getLogger(__name__)

DAY = retention.DAY
PRUNE_EVERY = 3600.0
# enough for every conversation under way; more would only lengthen the garbage collector's
# pauses, which grow with the number of objects kept
CACHED_CONVERSATIONS = 500


@contextmanager
def _one_process_at_a_time(sqlite_file: str) -> Iterator[None]:
    """Rasa's workers start together and each creates the tables it finds missing: two at once
    on a new file, and one fails and logs an error. An advisory lock on the file itself (SQLite
    locks byte ranges with fcntl, which flock does not touch) lets one create them first."""
    with open(sqlite_file, "ab") as handle:  # an empty file is an empty SQLite database
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class RetentionSQLTrackerStore(SQLTrackerStore):
    def __init__(self, retention_days: float = 30, **kwargs: Any) -> None:
        """Rasa passes the endpoints file's `tracker_store` settings as keywords."""
        db = kwargs.get("db", "rasa.db")
        if kwargs.get("dialect", "sqlite") != "sqlite" or kwargs.get("host") or db in ("", ":memory:"):
            raise ValueError(
                "RetentionSQLTrackerStore keeps conversations in a SQLite file: set "
                "dialect: sqlite and db: a file path (or use Rasa's SQLTrackerStore)"
            )
        with _one_process_at_a_time(db):
            super().__init__(**kwargs)
        self._db = sqlite_connections.ThreadConnections(self.engine.url.database)
        self._db.get()  # puts the file in write-ahead-log mode before anything else writes to it
        if float(retention_days) <= 0:
            raise ValueError("retention_days must be positive")
        self.retention_seconds = float(retention_days) * DAY
        self._last_prune = 0.0
        table = self.SQLEvent.__tablename__
        self._newest_row_sql = f"SELECT max(id) FROM {table} WHERE sender_id = ?"
        self._rows_after_sql = f"SELECT data FROM {table} WHERE sender_id = ? AND id > ? ORDER BY id"
        self._latest_session_sql = (
            f"SELECT id, data FROM {table} WHERE sender_id = :sender_id AND id >= "
            f"(SELECT coalesce(max(id), 0) FROM {table} WHERE sender_id = :sender_id "
            f"AND type_name = '{SessionStarted.type_name}') ORDER BY id"
        )
        self._insert_sql = (
            f"INSERT INTO {table} (sender_id, type_name, timestamp, intent_name, "
            "action_name, data) VALUES (:sender_id, :type_name, :timestamp, "
            ":intent_name, :action_name, :data)"
        )
        # sender -> the events this process last saved for it, and the id of their newest row
        self._recent: OrderedDict[str, tuple[list[Event], int]] = OrderedDict()
        self.prune()

    def prune(self, now: float | None = None) -> int:
        """Deletes every conversation idle past the retention period (bot.retention); returns
        how many conversations went."""
        count = retention.prune(self.engine, self.SQLEvent.__table__, self.retention_seconds, now)
        if count:
            self._recent.clear()
            logger.info(f"Deleted {count} conversation(s) past the retention period.")
        self._last_prune = time.monotonic()
        return count

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        if self.domain is None:
            return await super().retrieve(sender_id)
        events = self._current(sender_id)
        if events is None:
            events = self._load(sender_id)
        if not events:
            return None
        start = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], SessionStarted)), 0)
        return DialogueStateTracker.from_events(sender_id, events[start:], self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        events = list(tracker.events)
        stored = self._stored_count(tracker.sender_id, events)
        if stored is None:  # not in memory, or the tracker did not come from it: count the rows
            with self.session_scope() as session:
                stored = self._event_query(
                    session, tracker.sender_id, fetch_events_from_all_sessions=False
                ).count()
        rows = [self._row(tracker.sender_id, event) for event in events[stored:]]
        async with self._db.write_without_blocking() as db:
            if rows:
                db.executemany(self._insert_sql, rows)
            newest = self._newest_row(tracker.sender_id)
        self._remember(tracker.sender_id, events, newest)
        if time.monotonic() - self._last_prune > PRUNE_EVERY:
            self.prune()

    def _remember(self, sender_id: str, events: list[Event], newest: int) -> None:
        self._recent[sender_id] = (events, newest)
        self._recent.move_to_end(sender_id)
        while len(self._recent) > CACHED_CONVERSATIONS:
            self._recent.popitem(last=False)

    def _load(self, sender_id: str) -> list[Event]:
        """The conversation's latest session from the database, kept in memory: with several
        workers a conversation often comes to one that has not seen it yet, and Rasa's own
        reading (an ORM query, then the same rows counted again before the save) cost a twentieth
        of the server's time. Rows are read in the order they were stored, as the memory holds
        them (Rasa orders by timestamp: the same order unless a clock went back)."""
        rows = self._db.get().execute(self._latest_session_sql, {"sender_id": sender_id}).fetchall()
        events = deserialise_events([json.loads(data) for _, data in rows])
        self._remember(sender_id, events, rows[-1][0] if rows else 0)
        return events

    def _newest_row(self, sender_id: str) -> int:
        return self._db.get().execute(self._newest_row_sql, (sender_id,)).fetchone()[0] or 0

    def _current(self, sender_id: str) -> list[Event] | None:
        """The conversation's events from memory, brought up to date with any rows another
        worker has stored since (they only ever add rows at the end): reading those few rows is
        much cheaper than reading and replaying the whole conversation again."""
        known = self._recent.get(sender_id)
        if known is None:
            return None
        events, newest = known
        latest = self._newest_row(sender_id)
        if latest > newest:
            added = self._db.get().execute(self._rows_after_sql, (sender_id, newest))
            events = events + deserialise_events([json.loads(data) for (data,) in added])
        elif latest < newest:  # deleted (retention) meanwhile: start again from the database
            del self._recent[sender_id]
            return None
        self._remember(sender_id, events, latest)
        return events

    def _stored_count(self, sender_id: str, events: list[Event]) -> int | None:
        """How many of the tracker's events are already stored: those up to the last event
        saved before, found by identity (trackers from memory share the event objects). Rasa
        saves a conversation only after retrieving it, holding its lock in between, so the
        memory retrieve checked is still current."""
        known = self._recent.get(sender_id)
        if not known:
            return None
        if not known[0]:  # nothing was stored when it was read: check nothing is now
            return 0 if self._newest_row(sender_id) == 0 else None
        last = known[0][-1]
        return next((i + 1 for i in range(len(events) - 1, -1, -1) if events[i] is last), None)

    @staticmethod
    def _row(sender_id: str, event: Event) -> dict[str, Any]:
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }
