"""Forgets conversations `retention_days` after their last message, in Rasa's own SQL tracker store.

What young people type can be personal, so a conversation is kept only as long as it is useful.
bot.tracker_store prunes its SQLite file itself; Rasa's stock `SQLTrackerStore` (the stock
switch, and the PostgreSQL store servers share when the assistant runs on several hosts) keeps
everything, so this job deletes from its table what is past the period: run by the launcher in
stock mode every hour, and by the systemd timer deploy/careers-retention.timer beside the
servers. It reads the same endpoints file as the Rasa server (database settings, `${VARIABLE}`
placeholders and `retention_days` alike), so the two cannot disagree on where the conversations
are.

    python -m bot.retention --endpoints deploy/endpoints.yml [--every 3600]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

DAY = 24 * 3600
DEFAULT_DAYS = 30.0


def prune(engine: Engine, events: sa.Table, retention_seconds: float, now: float | None = None) -> int:
    """Deletes every conversation whose newest event is older than the retention period from
    Rasa's `events` table; returns how many conversations went. Whole conversations go, never
    single events, so what remains can always be replayed."""
    now = time.time() if now is None else now
    stale = (
        sa.select(events.c.sender_id)
        .group_by(events.c.sender_id)
        .having(sa.func.max(events.c.timestamp) < now - retention_seconds)
    )
    with engine.begin() as conn:
        count = conn.execute(sa.select(sa.func.count()).select_from(stale.subquery())).scalar() or 0
        if count:
            conn.execute(events.delete().where(events.c.sender_id.in_(stale)))
    return count


def store_settings(endpoints: Path) -> tuple[Engine, float]:
    """The tracker store's database, as Rasa connects to it, and its retention period in days."""
    from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
    from rasa.shared.utils.common import class_from_module_path
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(endpoints), "tracker_store")
    kind = (config.type or "") if config else ""
    store = (
        SQLTrackerStore if kind.lower() == "sql" else class_from_module_path(kind) if "." in kind else None
    )
    if config is None or not (isinstance(store, type) and issubclass(store, SQLTrackerStore)):
        raise SystemExit(f"{endpoints} has no SQL tracker store (Rasa's, or a subclass): nothing to prune")
    settings = dict(config.kwargs)
    days = float(settings.pop("retention_days", DEFAULT_DAYS))
    url = SQLTrackerStore.get_db_url(  # as Rasa connects
        settings.get("dialect", "sqlite"),
        config.url,
        settings.get("port"),
        settings.get("db", "rasa.db"),
        settings.get("username"),
        settings.get("password"),
        None,
        settings.get("query"),
    )
    return sa.create_engine(url, **create_engine_kwargs(url)), days


def events_table() -> sa.Table:
    from rasa.core.tracker_store import SQLTrackerStore

    return SQLTrackerStore.SQLEvent.__table__


def _say(text: str) -> None:
    """One line of the job's log (the journal, or the launcher's var/log/retention.log)."""
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {text}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", type=Path, required=True, help="the Rasa server's endpoints file")
    parser.add_argument(
        "--every", type=float, help="keep running, pruning every this many seconds (default: prune once)"
    )
    args = parser.parse_args(argv)
    engine, days = store_settings(args.endpoints)
    if days <= 0:
        raise SystemExit("retention_days must be positive")
    table = events_table()
    while True:
        try:
            if sa.inspect(engine).has_table(table.name):  # Rasa makes it when it first starts
                count = prune(engine, table, days * DAY)
                _say(f"Deleted {count} conversation(s) idle for more than {days:g} days.")
            failed = False
        except sa.exc.DBAPIError as error:  # the database is down: next time
            _say(f"Could not prune the conversations: {type(error.orig).__name__}")
            failed = True
        if args.every is None:
            return 1 if failed else 0
        time.sleep(args.every)


if __name__ == "__main__":
    sys.exit(main())
