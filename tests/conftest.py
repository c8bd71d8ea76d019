"""Shared fixtures: the real database, built from the real sources when missing or stale."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from lmi_backend import config
from lmi_backend.db.engine import readonly_engine
from lmi_backend.etl.build import build, fingerprint, stored_fingerprint
from lmi_backend.service import LmiService


@pytest.fixture(scope="session")
def sources() -> Path:
    path = config.sources_dir()
    if not (path / "SOURCES.md").exists():
        pytest.fail(f"Source data not found at {path}: set LMI_SOURCES or put shared/ beside the repo")
    return path


@pytest.fixture(scope="session")
def db_path(sources: Path) -> Path:
    path = config.db_path()
    if stored_fingerprint(path) != fingerprint(sources):
        build(sources, path, out=io.StringIO())
    return path


@pytest.fixture(scope="session")
def engine(db_path: Path):
    eng = readonly_engine(db_path)
    yield eng
    eng.dispose()


@pytest.fixture()
def conn(engine):
    with engine.connect() as connection:
        yield connection


@pytest.fixture(scope="session")
def service(db_path: Path):
    """The query service on the real database, as the bot uses it."""
    svc = LmiService(db_path)
    yield svc
    svc.close()


@pytest.fixture()
def previous_db(tmp_path: Path, db_path: Path) -> Path:
    """A copy of the live database standing in for "the previous build" (failed builds must
    leave it untouched)."""
    copy = tmp_path / "live.sqlite"
    shutil.copyfile(db_path, copy)
    return copy


# The fast tier (`pytest -m "not slow"`, README "Checks"): tests that need neither the real
# database nor a running or trained assistant. A test is slow when it takes one of the fixtures
# below (the LMI database, PostgreSQL and Redis, the model, the assistant), lives in a module that
# starts the assistant, Rasa, its supervised servers or a browser, or is marked slow itself.
SLOW_FIXTURES = {
    "sources",
    "db_path",
    "engine",
    "conn",
    "service",
    "model",
    "cells",
    "unit_groups",
    "stack",
    "engines",
}
SLOW_MODULES = {
    "test_channels",
    "test_conversation_store",
    "test_rasa_project",
    "test_web_browser",
    "test_rasa_server",
    "test_supervision",
    "test_api_browser",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or module in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def engines():
    """PostgreSQL and Redis from Debian's packages, started once for the whole run as ordinary
    processes on free ports in a temporary folder, and removed after it
    (bot/runtime/local_engines.py; .ci/run installs the packages)."""
    from bot.runtime.local_engines import EngineMissing, Engines

    try:
        started = Engines().__enter__()
    except EngineMissing as missing:
        pytest.fail(str(missing))
    yield started
    started.close()


@pytest.fixture(scope="session")
def lmi_postgres_url(engines, db_path: Path) -> str:
    """The LMI database copied into PostgreSQL by the command a deployer runs
    (`lmi build --if-stale --db postgresql://...`)."""
    from lmi_backend import cli

    url = engines.postgres.create_database("lmi")
    assert cli.main(["build", "--if-stale", "--db", url]) == 0
    return url
