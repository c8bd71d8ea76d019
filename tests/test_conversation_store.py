"""Conversations survive a restart of the assistant, and are forgotten after the retention
period (bot/tracker_store.py)."""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest
from assistant_stack import running_assistant
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import DAY, RetentionSQLTrackerStore


def test_a_conversation_continues_after_a_restart(tmp_path: Path):
    sender = "restart-check"
    with running_assistant(tmp_path) as first:
        before = first.rest(sender, "how much do plumbers earn in Wales?")
    with running_assistant(tmp_path) as second:
        after = second.rest(sender, "and in Scotland?")
    texts = " ".join(m.get("text") or "" for m in after)
    assert before and "Scotland" in texts
    assert "lumber" in texts, f"the job should carry over the restart: {texts}"
    with sqlite3.connect(tmp_path / "conversations.sqlite") as db:
        said = [
            row[0]
            for row in db.execute(
                "select json_extract(data, '$.text') from events "
                "where sender_id = ? and type_name = 'user' order by id",
                (sender,),
            )
        ]
    assert said == ["how much do plumbers earn in Wales?", "and in Scotland?"]


def _open_store_at_the_barrier(path: str, barrier, errors) -> None:  # noqa: ANN001 - process target
    import logging

    class Errors(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.put(record.getMessage())

    logging.getLogger("rasa.core.tracker_store").addHandler(Errors())
    barrier.wait()
    RetentionSQLTrackerStore(dialect="sqlite", db=path)


def test_workers_starting_together_on_a_new_file_create_its_tables_without_an_error(tmp_path: Path):
    """Rasa's workers all open the store at once; on a new file each found the tables missing and
    all but one failed to create them and logged an error (every few starts)."""
    context = multiprocessing.get_context("fork")
    errors = context.Queue()
    for attempt in range(5):
        barrier = context.Barrier(4)
        workers = [
            context.Process(
                target=_open_store_at_the_barrier,
                args=(str(tmp_path / f"c{attempt}.sqlite"), barrier, errors),
            )
            for _ in range(4)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
            assert worker.exitcode == 0
    logged = []
    while not errors.empty():
        logged.append(errors.get())
    assert logged == []
    with sqlite3.connect(tmp_path / "c0.sqlite") as db:
        assert db.execute("select count(*) from events").fetchone() == (0,)


def _save(store: RetentionSQLTrackerStore, sender: str, *ages_in_days: float) -> None:
    now = time.time()
    events = [UserUttered(f"message {n}", timestamp=now - age * DAY) for n, age in enumerate(ages_in_days)]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def test_conversations_idle_past_the_retention_period_are_deleted(tmp_path: Path):
    store = RetentionSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "c.sqlite"), retention_days=30)
    _save(store, "idle", 45, 31)
    _save(store, "recent", 3)
    _save(store, "returned", 60, 1)  # came back: the whole conversation stays, old part too

    assert store.prune() == 1
    assert sorted(asyncio.run(store.keys())) == ["recent", "returned"]
    returned = asyncio.run(store.retrieve("returned"))
    said = [e.text for e in returned.events if isinstance(e, UserUttered)]
    assert said == ["message 0", "message 1"]


def test_the_retention_period_is_applied_when_the_server_starts(tmp_path: Path):
    path = str(tmp_path / "c.sqlite")
    _save(RetentionSQLTrackerStore(dialect="sqlite", db=path, retention_days=365), "old", 40)
    reopened = RetentionSQLTrackerStore(dialect="sqlite", db=path, retention_days=30)
    assert list(asyncio.run(reopened.keys())) == []


def test_conversations_in_memory_are_stored_once_and_read_back_the_same(tmp_path: Path):
    """The store keeps recent conversations in memory: each event still reaches the database
    exactly once, and a fresh store (a restart) reads back the same conversation."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet

    domain = Domain.from_yaml("slots:\n  region:\n    type: float\n    mappings:\n    - type: custom\n")
    path = str(tmp_path / "c.sqlite")
    store = RetentionSQLTrackerStore(domain=domain, dialect="sqlite", db=path)
    tracker = DialogueStateTracker.from_events(
        "chat",
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
        domain.slots,
    )
    asyncio.run(store.save(tracker))
    for n in range(3):
        tracker = asyncio.run(store.retrieve("chat"))
        tracker.update(UserUttered(f"message {n}"))
        tracker.update(SlotSet("region", float(n)))
        asyncio.run(store.save(tracker))
        asyncio.run(store.save(tracker))  # saving again adds nothing

    with sqlite3.connect(path) as db:
        rows = [r[0] for r in db.execute("select type_name from events where sender_id = 'chat' order by id")]
    assert rows == ["action", "session_started", "action"] + ["user", "slot"] * 3
    restarted = RetentionSQLTrackerStore(domain=domain, dialect="sqlite", db=path)
    from_disk, from_memory = asyncio.run(restarted.retrieve("chat")), asyncio.run(store.retrieve("chat"))
    assert list(from_disk.events) == list(from_memory.events)
    assert from_memory.get_slot("region") == 2.0 and from_memory.latest_message.text == "message 2"


def test_two_worker_processes_see_each_others_messages(tmp_path: Path):
    """Rasa runs several workers on one database and a conversation's next message may reach
    any of them: a worker whose memory of the conversation is out of date reads the database."""
    from rasa.shared.core.domain import Domain

    domain = Domain.from_yaml("slots:\n  region:\n    type: float\n    mappings:\n    - type: custom\n")
    path = str(tmp_path / "c.sqlite")
    first, second = (RetentionSQLTrackerStore(domain=domain, dialect="sqlite", db=path) for _ in range(2))
    asyncio.run(first.save(DialogueStateTracker("chat", domain.slots)))  # as Rasa creates one
    for n, store in enumerate([first, second, first, first, second]):
        tracker = asyncio.run(store.retrieve("chat")) or DialogueStateTracker("chat", domain.slots)
        tracker.update(UserUttered(f"message {n}"))
        asyncio.run(store.save(tracker))
    with sqlite3.connect(path) as db:
        said = [
            r[0]
            for r in db.execute(
                "select json_extract(data, '$.text') from events where sender_id = 'chat' order by id"
            )
        ]
    assert said == [f"message {n}" for n in range(5)]
    assert [e.text for e in asyncio.run(first.retrieve("chat")).events] == said


def test_a_worker_new_to_a_conversation_reads_its_latest_session_and_adds_only_new_events(tmp_path: Path):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    domain = Domain.from_yaml("slots:\n  region:\n    type: float\n    mappings:\n    - type: custom\n")
    path = str(tmp_path / "c.sqlite")
    first, second = (RetentionSQLTrackerStore(domain=domain, dialect="sqlite", db=path) for _ in range(2))
    tracker = asyncio.run(first.get_or_create_tracker("chat"))  # Rasa's way to start one
    for event in [
        UserUttered("old session"),
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("new session"),
    ]:
        tracker.update(event)
    asyncio.run(first.save(tracker))

    seen = asyncio.run(second.retrieve("chat"))  # second has not seen it: reads the database
    assert [e.text for e in seen.events if isinstance(e, UserUttered)] == ["new session"]
    seen.update(UserUttered("second's message"))
    asyncio.run(second.save(seen))
    assert asyncio.run(second.get_or_create_tracker("other")).sender_id == "other"
    with sqlite3.connect(path) as db:
        said = {
            sender: [
                r[0]
                for r in db.execute("select type_name from events where sender_id = ? order by id", (sender,))
            ]
            for sender in ("chat", "other")
        }
    assert said["chat"] == ["action", "user", "action", "session_started", "action", "user", "user"]
    assert said["other"] == ["action"]  # the new conversation's first action_listen, once


def test_workers_take_turns_on_a_conversation_through_the_shared_lock_table(tmp_path: Path):
    from bot.lock_store import SQLiteLockStore

    path = str(tmp_path / "c.sqlite")
    first, second = SQLiteLockStore(db=path), SQLiteLockStore(db=path)
    tickets = [first.issue_ticket("chat"), second.issue_ticket("chat"), first.issue_ticket("chat")]
    assert tickets == [0, 1, 2]  # one queue, whichever process asks
    lock = second.get_lock("chat")
    assert not lock.is_locked(0) and lock.is_locked(1)  # the second waits for the first
    first.cleanup("chat", 0)
    assert not second.get_lock("chat").is_locked(1)
    second.cleanup("chat", 1)
    first.cleanup("chat", 2)
    assert first.get_lock("chat") is None  # nobody waiting: the lock is gone
    assert SQLiteLockStore(db=path).issue_ticket("other") == 0


@pytest.mark.parametrize(
    "settings", [{"dialect": "postgresql", "host": "db.example"}, {"dialect": "sqlite", "db": ":memory:"}]
)
def test_a_store_that_is_not_a_sqlite_file_is_refused_with_the_reason(settings):
    with pytest.raises(ValueError, match="SQLite file"):
        RetentionSQLTrackerStore(**settings)
