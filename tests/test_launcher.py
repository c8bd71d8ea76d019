"""The launcher's command lines mean what it intends to Rasa's own argument parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.__main__ import create_argument_parser

from bot.runtime import __main__ as launcher


@pytest.mark.parametrize("token", ["-Kx3_dash-first", "_underscore", "plain0token"])
def test_rasa_reads_back_the_api_token_whatever_it_starts_with(token, tmp_path: Path, monkeypatch):
    # token_urlsafe draws from A-Z a-z 0-9 - _, so one start in 64 gets a token beginning with
    # '-', which a bare "--auth-token TOKEN" pair would make Rasa refuse to start
    monkeypatch.setattr(launcher.secrets, "token_urlsafe", lambda _size: token)
    args = launcher.parser().parse_args([])
    rasa = next(s for s in launcher._services(args, tmp_path / "model.tar.gz", tmp_path) if s.name == "rasa")
    parsed = create_argument_parser().parse_args(rasa.argv[rasa.argv.index("run") :])
    assert parsed.auth_token == token
    assert parsed.port == args.rasa_port


def test_the_stock_switch_runs_rasa_as_shipped_with_its_own_stores(tmp_path: Path, monkeypatch):
    """--stock-rasa (or CAREERS_STOCK_RASA=1): no patches (the Rasa server is told so), Rasa's SQL
    tracker store and in-memory lock store, hence one Rasa worker, ports Rasa opens itself, and
    the job that applies the retention period to Rasa's store."""
    import yaml

    monkeypatch.setenv("CAREERS_STOCK_RASA", "1")
    args = launcher.parser().parse_args([])
    assert args.stock_rasa
    services = {s.name: s for s in launcher._services(args, tmp_path / "model.tar.gz", tmp_path)}
    assert sorted(services) == ["actions", "api", "rasa", "retention"]
    rasa = services["rasa"]
    assert rasa.env["CAREERS_STOCK_RASA"] == "1" and rasa.env["SANIC_WORKERS"] == "1"
    assert rasa.listen is None and services["actions"].listen is None
    endpoints = yaml.safe_load((tmp_path / "endpoints.yml").read_text())
    assert endpoints["tracker_store"]["type"] == "sql" and "lock_store" not in endpoints
    assert endpoints["tracker_store"]["retention_days"] == 30


def test_by_default_the_launcher_holds_the_ports_and_rasa_has_its_fixes(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("CAREERS_STOCK_RASA", raising=False)
    args = launcher.parser().parse_args(["--rasa-port", "5999", "--workers", "2"])
    services = {s.name: s for s in launcher._services(args, tmp_path / "model.tar.gz", tmp_path)}
    assert sorted(services) == ["actions", "api", "rasa"]  # our store forgets old conversations itself
    assert services["rasa"].env["CAREERS_STOCK_RASA"] == "0" and services["rasa"].env["SANIC_WORKERS"] == "2"
    assert services["rasa"].listen == ("127.0.0.1", 5999)


@pytest.mark.slow  # starts Rasa in a new process
@pytest.mark.parametrize("stock", ["1", "0"])
def test_the_rasa_server_makes_its_replacements_only_without_the_stock_switch(stock):
    """Rasa's own functions stay in place with CAREERS_STOCK_RASA=1 (checked in a fresh process
    that stops short of serving)."""
    import subprocess
    import sys

    check = (
        "import rasa.__main__; rasa.__main__.main = lambda: None\n"
        "from rasa.core.actions.action import RemoteAction\n"
        "from rasa.shared.core.trackers import DialogueStateTracker\n"
        "from rasa.utils.endpoints import EndpointConfig\n"
        "import rasa.core.processor\n"
        "originals = (RemoteAction._validate_action_result, DialogueStateTracker.copy, EndpointConfig.session,"
        " rasa.core.processor.DaskGraphRunner)\n"
        "from bot.runtime import rasa_server\n"
        "rasa_server.main()\n"
        "now = (RemoteAction._validate_action_result, DialogueStateTracker.copy, EndpointConfig.session,"
        " rasa.core.processor.DaskGraphRunner)\n"
        "print([a is b for a, b in zip(originals, now)])\n"
    )
    from bot.runtime.prepare import quiet_rasa_env

    done = subprocess.run(
        [sys.executable, "-c", check],
        env={**quiet_rasa_env(), "CAREERS_STOCK_RASA": stock},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    unchanged = done.stdout.strip().splitlines()[-1]
    assert unchanged == ("[True, True, True, True]" if stock == "1" else "[False, False, False, False]")
