"""Rasa's RedisLockStore, with each change to a conversation's lock made in one step.

Rasa answers one message of a conversation at a time: each message takes a ticket and waits its
turn. Rasa's RedisLockStore takes a ticket by reading the conversation's lock, adding a ticket and
writing the lock back, so two Rasa servers taking tickets for one conversation at the same moment
can both read the lock before either writes, get the same ticket and answer together: their
events mix and one message's events are lost. (tests/test_scale_out.py met it: with Rasa's store,
1 of 20 conversations sending two messages at once to two servers kept only one of them.) Here
taking a ticket, finishing one and dropping expired ones each read and write the lock in one Redis
transaction, run again if another server changed the lock meanwhile (WATCH, MULTI, EXEC), so no
two messages ever hold the same ticket. Everything else is Rasa's: the same keys and settings.

    lock_store:
      type: bot.redis_lock_store.AtomicRedisLockStore
      url: <Redis host>
      port: 6379
      db: 1
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import WatchError

T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, **settings: Any) -> None:
        """Rasa passes the endpoints file's `lock_store` section as `endpoint_config`; its
        settings are RedisLockStore's."""
        if endpoint_config is not None:
            settings = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **settings}
        super().__init__(**settings)

    def _change(self, conversation_id: str, change: Callable[[TicketLock], T]) -> T:
        """Applies `change` to the conversation's lock (a new one if there is none) and stores
        the result, all or nothing; a lock nobody waits for any more is deleted."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as transaction:
            while True:
                try:
                    transaction.watch(key)
                    stored = transaction.get(key)
                    lock = (
                        TicketLock.from_dict(json.loads(stored))
                        if stored
                        else self.create_lock(conversation_id)
                    )
                    result = change(lock)
                    transaction.multi()
                    if lock.is_someone_waiting():
                        transaction.set(key, lock.dumps())
                    else:
                        transaction.delete(key)
                    transaction.execute()
                    return result
                except WatchError:  # another server changed the lock first: read it again
                    continue

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except Exception as error:  # as Rasa's: the caller expects a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Finishes serving the ticket, and deletes the lock if nobody else waits."""
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))
