"""Starts the assistant's server processes, waits until each answers, and stops all of them.

Each process runs in its own session, so the terminal's Ctrl-C reaches only the supervisor,
which then stops the processes in reverse order: SIGTERM to the whole process group, SIGKILL
after a grace period. On Linux each process also asks the kernel for SIGTERM if the supervisor
itself dies, so a killed supervisor leaves no servers behind holding the ports.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import project


class ServiceFailed(RuntimeError):
    """A server process exited or never became ready; the message carries its log's tail."""


@dataclass
class Service:
    name: str
    argv: list[str]
    ready: Callable[[], bool]
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    process: subprocess.Popen | None = None
    log: Path | None = None

    def tail(self, lines: int = 25) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def http_ok(url: str) -> Callable[[], bool]:
    """A readiness probe: the URL answers 200 within a second."""

    def probe() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                return answer.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    return probe


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Supervisor:
    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.services: list[Service] = []

    def start(self, service: Service) -> None:
        """Starts a process with its output in <log_dir>/<name>.log (overwritten each run)."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        service.log = self.log_dir / f"{service.name}.log"
        with service.log.open("w") as log:
            service.process = subprocess.Popen(
                service.argv,
                cwd=project.ROOT,
                env=service.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        self.services.append(service)

    def wait_ready(self, timeout: float) -> None:
        pending = list(self.services)
        deadline = time.monotonic() + timeout
        while pending:
            for service in list(pending):
                self._check_running(service)
                if service.ready():
                    pending.remove(service)
            if pending and time.monotonic() > deadline:
                names = ", ".join(s.name for s in pending)
                raise ServiceFailed(
                    f"{names} not ready after {timeout:.0f}s. Last log lines:\n"
                    + "\n".join(s.tail() for s in pending)
                )
            time.sleep(0.2)

    def wait_for_exit(self) -> None:
        """Blocks while every process runs; raises ServiceFailed when one stops."""
        while True:
            for service in self.services:
                self._check_running(service)
            time.sleep(0.5)

    def _check_running(self, service: Service) -> None:
        code = service.process.poll() if service.process else None
        if code is not None:
            raise ServiceFailed(
                f"The {service.name} server stopped (exit code {code}). "
                f"Last lines of {service.log}:\n{service.tail()}"
            )

    def stop(self, grace: float = 15.0) -> None:
        """Stops every process group, newest first; SIGKILL for any still running after
        `grace` seconds."""
        running = [s.process for s in reversed(self.services) if s.process and s.process.poll() is None]
        for process in running:
            _signal_group(process, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in running:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass
