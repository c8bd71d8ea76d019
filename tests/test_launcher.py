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
