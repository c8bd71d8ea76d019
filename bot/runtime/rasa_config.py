"""The endpoints and credentials files one run of the Rasa server reads.

bot/endpoints.yml and bot/credentials.yml are the committed defaults. A run may use other ports
or another conversations database (the tests do), Rasa's own stores (the stock switch), and
turns on the messaging platforms whose environment variables are set, so the runtime writes both
files for each run from those defaults. Secrets stay `${VARIABLE}` placeholders that Rasa
resolves as it reads the file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import yaml

from bot import channels

from . import project


def endpoints(actions_port: int, conversations_db: Path, stock: bool = False) -> dict:
    """`stock`: Rasa's own stores, as shipped: its SQL tracker store on the same file (pruned by
    bot.retention, with the same retention period) and its in-memory lock store, which keeps
    Rasa to one worker process."""
    config = yaml.safe_load(project.ENDPOINTS.read_text()) or {}
    config.setdefault("action_endpoint", {})["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    store = config.get("tracker_store")
    if store and stock:
        kept = {key: store[key] for key in ("retention_days",) if key in store}
        config["tracker_store"] = {"type": "sql", "dialect": "sqlite", "db": str(conversations_db), **kept}
        config.pop("lock_store", None)
    elif store and store.get("dialect", "sqlite") == "sqlite":
        store["db"] = str(conversations_db)
    if config.get("lock_store", {}).get("type") == "bot.lock_store.SQLiteLockStore":
        config["lock_store"]["db"] = str(conversations_db)
    return config


def credentials(environ: Mapping[str, str] = os.environ) -> dict:
    config = yaml.safe_load(project.CREDENTIALS.read_text()) or {}
    for platform in channels.enabled(environ):
        config[platform.channel] = platform.credentials(environ)
    return config


def write(
    directory: Path,
    actions_port: int,
    conversations_db: Path,
    environ: Mapping[str, str] = os.environ,
    stock: bool = False,
) -> tuple[Path, Path]:
    """Writes endpoints.yml and credentials.yml for one run into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = directory / "endpoints.yml", directory / "credentials.yml"
    paths[0].write_text(yaml.safe_dump(endpoints(actions_port, conversations_db, stock), sort_keys=False))
    paths[1].write_text(yaml.safe_dump(credentials(environ), sort_keys=False))
    return paths
