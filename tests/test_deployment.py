"""The files in deploy/ hang together and do what they say, on real PostgreSQL, Redis and nginx:
every setting the units and the endpoints file use is in the example settings file, nginx accepts
its configuration, the retention job run from its unit forgets old conversations in PostgreSQL,
and the lock store never gives two messages of a conversation the same ticket."""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import retention
from bot.runtime import deployment, project, rasa_config
from bot.runtime.local_engines import Engines

UNITS = sorted(p.name for p in deployment.DEPLOY.glob("*.service"))


def test_every_setting_the_units_and_endpoints_use_is_in_the_example_settings():
    example = deployment.read_env_file(deployment.DEPLOY / "careers.env.example")
    used = set(re.findall(r"\$\{(\w+)\}", (deployment.DEPLOY / "endpoints.yml").read_text()))
    for name in UNITS:
        used |= set(re.findall(r"\$\{(\w+)\}", deployment.Unit.read(name).exec_start))
    assert used and used <= example.keys(), sorted(used - example.keys())


@pytest.mark.parametrize("name", UNITS)
def test_a_unit_starts_a_module_of_this_checkout(name, tmp_path: Path):
    (tmp_path / "careers.env").write_text((deployment.DEPLOY / "careers.env.example").read_text())
    argv, env, cwd = deployment.Unit.read(name).process("5005", project.ROOT, tmp_path)
    assert cwd == project.ROOT and Path(argv[0]).parent.parent.parent == project.ROOT  # .venv/bin/python
    module = argv[argv.index("-m") + 1]
    assert (project.ROOT / Path(*module.split("."))).with_suffix(".py").exists(), module
    assert not any("${" in word or "%i" in word for word in argv), argv
    assert env["CAREERS_PG_PORT"] == "5432"


def test_nginx_accepts_its_configuration(tmp_path: Path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        deployment.nginx_conf(
            rasa=["127.0.0.1:5005", "10.0.0.6:5005"],
            actions=["127.0.0.1:5055", "10.0.0.6:5055"],
            web=["127.0.0.1:8080"],
            listen="127.0.0.1:18099",
            actions_listen="127.0.0.1:18098",
            temp_dir=str(tmp_path),
            pid_file=str(tmp_path / "nginx.pid"),
            error_log="stderr",
        )
    )
    checked = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", "stderr"], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    text = conf.read_text()
    assert "server 10.0.0.6:5005 max_fails=1" in text and not re.search(r"{{\w+}}", text)


def _save(store, sender: str, *ages_in_days: float) -> None:
    now = time.time()
    events = [
        UserUttered(f"message {n}", timestamp=now - age * retention.DAY) for n, age in enumerate(ages_in_days)
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def _senders(url: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        found = sorted(conn.execute(sa.text("SELECT DISTINCT sender_id FROM events")).scalars())
    engine.dispose()
    return found


def test_the_retention_unit_forgets_old_conversations_in_postgresql(engines: Engines, tmp_path: Path):
    """careers-retention.service run as systemd would, on deploy/endpoints.yml and PostgreSQL:
    conversations idle past retention_days go whole; one that came back stays whole."""
    from bot.shared_tracker_store import SharedSQLTrackerStore

    url = engines.postgres.create_database("retention")
    store = SharedSQLTrackerStore(
        dialect="postgresql", host="127.0.0.1", port=engines.postgres.port, db="retention", username="careers"
    )
    _save(store, "idle", 45, 31)
    _save(store, "recent", 3)
    _save(store, "returned", 60, 1)
    settings = deployment.read_env_file(deployment.DEPLOY / "careers.env.example")
    settings.update(
        CAREERS_PG_PORT=str(engines.postgres.port), CAREERS_PG_DB="retention", CAREERS_PG_PASSWORD=""
    )
    (tmp_path / "careers.env").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
    argv, env, cwd = deployment.Unit.read("careers-retention.service").process("", project.ROOT, tmp_path)
    done = subprocess.run(argv, env={**env, "PATH": "/usr/bin:/bin"}, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Deleted 1 conversation(s) idle for more than 30 days" in done.stdout + done.stderr
    assert _senders(url) == ["recent", "returned"]


def test_the_stock_switch_keeps_the_retention_period(tmp_path: Path):
    """With Rasa's own store on the SQLite file (the stock switch), the launcher's retention job
    prunes it by the same retention_days as our store."""
    from rasa.core.tracker_store import SQLTrackerStore

    db = tmp_path / "conversations.sqlite"
    endpoints, _ = rasa_config.write(tmp_path, 5055, db, environ={}, stock=True)
    config = rasa_config.endpoints(5055, db, stock=True)
    assert config["tracker_store"]["type"] == "sql" and "lock_store" not in config
    store = SQLTrackerStore(dialect="sqlite", db=str(db))
    _save(store, "idle", 40)
    _save(store, "recent", 1)
    assert retention.main(["--endpoints", str(endpoints)]) == 0
    assert _senders(f"sqlite:///{db}") == ["recent"]


def test_tickets_taken_at_once_by_many_servers_are_all_different(engines: Engines):
    """Rasa's RedisLockStore reads the lock and writes it back: takers at the same moment could
    get the same ticket. Ours takes tickets in one Redis transaction."""
    from bot.redis_lock_store import AtomicRedisLockStore

    stores = [AtomicRedisLockStore(host="127.0.0.1", port=engines.redis.port, db=3) for _ in range(8)]
    start, tickets = threading.Barrier(40), []

    def take(store: AtomicRedisLockStore) -> None:
        start.wait()
        tickets.append(store.issue_ticket("crowded"))

    threads = [threading.Thread(target=take, args=(stores[n % 8],)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(tickets) == list(range(40))  # one queue, no number twice
    lock = stores[0].get_lock("crowded")
    assert lock.now_serving == 0 and lock.is_locked(1)
    for ticket in range(40):
        stores[ticket % 8].cleanup("crowded", ticket)
    assert stores[0].get_lock("crowded") is None  # nobody waiting: the lock is gone
