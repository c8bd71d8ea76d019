"""Set-up steps that make a fresh clone runnable, each skipped when its inputs have not changed.

A second start must take seconds, so every step compares a fingerprint of its inputs with a
stamp left by the last successful run instead of asking the tool (npm, Rasa) to find out, which
costs far more than hashing a few files.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from . import project


class SetupError(RuntimeError):
    """A set-up step failed; the message says which and what to do."""


@contextmanager
def _exclusive() -> Iterator[None]:
    """Holds the set-up lock: two starts at once (two terminals, parallel test runs) would
    otherwise run npm ci into the same folder or train the same model twice; the second waits
    and then finds the work done."""
    project.VAR.mkdir(parents=True, exist_ok=True)
    with (project.VAR / ".setup.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def fingerprint(paths: Iterable[Path], extra: str = "") -> str:
    """Hash of the paths' names and contents (directories recursively) plus `extra`."""
    digest = hashlib.sha256(extra.encode())
    for path in sorted(_files(paths)):
        digest.update(str(path.relative_to(project.ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(paths: Iterable[Path]) -> Iterable[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            yield path


def ensure_web_assets() -> bool:
    """Installs the chat page's npm packages (the widget, React, the browser-test driver) exactly
    as package-lock.json pins them. Returns True when it had to install."""
    stamp = project.WEB / "node_modules" / ".installed-lock-sha256"
    want = fingerprint([project.WEB / "package-lock.json"])
    if stamp.exists() and stamp.read_text() == want:
        return False
    npm = shutil.which("npm")
    if npm is None:
        raise SetupError("npm is needed to install the chat page's widget (Node.js 18 or later).")
    with _exclusive():
        if stamp.exists() and stamp.read_text() == want:
            return False  # installed meanwhile by another start
        print("Installing the chat page's packages (npm ci) ...", file=sys.stderr)
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=project.WEB)
        if done.returncode != 0:
            raise SetupError("npm ci failed in web/ (see the messages above).")
        stamp.write_text(want)
    return True


def training_inputs() -> list[Path]:
    """Everything `rasa train` reads: a change to any of them makes the model stale. That
    includes the code of custom pipeline components named in config.yml (e.g.
    bot.message_guard.MessageGuard)."""
    return [
        project.RASA_CONFIG,
        project.BOT / "domain.yml",
        project.BOT / "domain",
        project.BOT / "data",
        *_custom_component_files(),
    ]


def _custom_component_files() -> list[Path]:
    config = yaml.safe_load(project.RASA_CONFIG.read_text()) or {}
    steps = [step for key in ("pipeline", "policies") for step in config.get(key) or []]
    names = [step.get("name", "") for step in steps]
    modules = {name.rsplit(".", 1)[0] for name in names if "." in name}
    return [project.ROOT.joinpath(*module.split(".")).with_suffix(".py") for module in modules]


def model_path() -> Path:
    """The model file for the current training inputs (named by their fingerprint, so an
    up-to-date model is found by a file lookup)."""
    import rasa

    return project.MODELS / f"lmi-{fingerprint(training_inputs(), rasa.__version__)[:16]}.tar.gz"


def ensure_model(keep: int = 2) -> Path:
    """Trains the assistant when no model matches the training inputs; keeps the newest `keep`
    models so switching back and forth between branches does not retrain every time."""
    from bot import build_spacy, lookups

    lookups.write()  # generated training data (place names from lmi_backend's gazetteer)
    target = model_path()
    if target.exists():
        return target
    with _exclusive():
        if target.exists():
            return target  # trained meanwhile by another start
        print(
            f"Training the assistant (first time or training data changed) -> {target.name}", file=sys.stderr
        )
        build_spacy.ensure()  # the offline spaCy pipeline config.yml loads from var/spacy
        done = subprocess.run(
            [
                str(project.PYTHON),
                "-m",
                "rasa",
                "train",
                "--config",
                str(project.RASA_CONFIG),
                "--domain",
                str(_domain()),
                "--data",
                str(project.BOT / "data"),
                "--out",
                str(project.MODELS),
                "--fixed-model-name",
                target.name[: -len(".tar.gz")],
            ],
            cwd=project.ROOT,
            env=quiet_rasa_env(),
        )
        if done.returncode != 0 or not target.exists():
            raise SetupError("Training the assistant failed (see the messages above).")
        models = sorted(project.MODELS.glob("lmi-*.tar.gz"), key=lambda p: p.stat().st_mtime)
        for old in models[:-keep]:
            old.unlink()
    return target


def _domain() -> Path:
    directory = project.BOT / "domain"
    return directory if directory.is_dir() else project.BOT / "domain.yml"


def quiet_rasa_env() -> dict[str, str]:
    """Environment for Rasa processes: no telemetry calls to the internet, INFO logging (user
    messages only appear at DEBUG), library deprecation chatter off."""
    env = dict(os.environ)
    env.setdefault("LOG_LEVEL", "INFO")
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("PYTHONWARNINGS", "ignore")  # libraries' deprecation notices bury the logs
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project.ROOT), env.get("PYTHONPATH")]))
    return env
