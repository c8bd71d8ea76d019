"""Rasa's SQL tracker store for a database server shared by several Rasa servers (PostgreSQL),
changed only in what happens when the database cannot be reached.

Rasa wraps every tracker store in its `FailSafeTrackerStore`, which catches any error, logs it
(with the failed statement's parameters: what the user typed) and carries on with an empty
conversation kept in the server's memory. While PostgreSQL restarts, a young person halfway
through a conversation would be answered as a stranger ("Which job do you want to know
about?"), and what they said then would be lost. Here such a failure is raised past that
wrapper as `ConversationsUnreachable`, which the input channels answer with a polite "please
send it again" (bot/channels/unavailable.py); nothing is stored, so the conversation carries on
once the database is back. A connection the server dropped (a restart, a failover) is noticed on
its next use, and the statement is run once more on a fresh connection, so after a restart only
the messages sent while the database was really down are turned away.

Everything else is Rasa's `SQLTrackerStore`: the same table and queries, the same settings in
the endpoints file (deploy/endpoints.yml), with `type: bot.shared_tracker_store.SharedSQLTrackerStore`.
Old conversations are deleted by bot.retention.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")


class ConversationsUnreachable(BaseException):
    """The conversations database could not be reached. A BaseException, not an Exception,
    because Rasa's FailSafeTrackerStore catches every Exception and goes on without the
    conversation; the input channels catch this one (bot/channels/unavailable.py)."""


class SharedSQLTrackerStore(SQLTrackerStore):
    async def _reached(self, step: Callable[[], Awaitable[T]]) -> T:
        try:
            return await step()
        except DBAPIError as error:
            if error.connection_invalidated:  # a dropped connection: once more on a new one
                try:
                    return await step()
                except DBAPIError as again:
                    raise ConversationsUnreachable(type(again.orig).__name__) from None
            raise ConversationsUnreachable(type(error.orig).__name__) from None

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._reached(lambda: super(SharedSQLTrackerStore, self).retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._reached(
            lambda: super(SharedSQLTrackerStore, self).retrieve_full_tracker(conversation_id)
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._reached(lambda: super(SharedSQLTrackerStore, self).save(tracker))
