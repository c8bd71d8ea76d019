"""Starts the assistant's server processes, waits until each answers, replaces any that stops,
and stops all of them at the end.

One crashed process (the out-of-memory killer's SIGKILL, a bug) must not take the assistant
down: when a server process stops, or one of the worker processes it started does, a new one is
started while the others carry on, at once the first time and after a back-off if it keeps
stopping (RESTART_DELAY doubling up to MAX_RESTART_DELAY; a process that then runs for
STABLE_SECONDS counts as well again). A server given its listening socket by the supervisor
(bot.runtime.handed_socket) keeps its port open throughout: what is left of the old run (its
workers) answers until the new run does, and is then stopped, so the restart costs no replies.
A server that opens its port itself (stock Rasa) is stopped whole, and its port is closed until
the new run has loaded. Conversations live in the conversations database, so a new Rasa server
continues them where they were. At start-up, though, a process that stops or never answers is
a set-up problem (a port in use, a broken model), and the supervisor reports it with its log's
tail instead of retrying.

Each server runs in its own session, so the terminal's Ctrl-C reaches only the supervisor,
which then stops the servers in reverse order: SIGTERM to each whole process group, SIGKILL
after a grace period. On Linux each server also asks the kernel for SIGTERM if the supervisor
itself dies, so a killed supervisor leaves no servers behind holding the ports.

A server is one `Service` declaration (name, command line, readiness probe, environment, the
address it listens on), so adding a server to the assistant is adding one to the launcher's
list.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import handed_socket, project

RESTART_DELAY = 0.5
MAX_RESTART_DELAY = 30.0
STABLE_SECONDS = 60.0
POLL_SECONDS = 0.2
GROUP_CHECK_SECONDS = 2.0  # how often the servers' worker processes are counted


class ServiceFailed(RuntimeError):
    """A server process exited or never became ready; the message carries its log's tail."""


# A readiness probe is given the run whose answer counts (None: any answer counts).
Probe = Callable[[str | None], bool]


@dataclass
class Service:
    name: str
    argv: list[str]
    ready: Probe
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    listen: tuple[str, int] | None = None  # the supervisor opens it and hands it to every run
    process: subprocess.Popen | None = None
    log: Path | None = None
    socket: socket.socket | None = None
    runs: int = 0
    started: float = 0.0  # monotonic time of the latest start
    members: int = 0  # live processes in its group once it answered (Sanic's main and workers)
    quick_stops: int = 0  # stops in a row, each within STABLE_SECONDS of its start
    restart_at: float | None = None  # when a stopped process is due to start again
    coming_back: bool = False  # restarted, not answering yet
    retiring: list[int] = field(default_factory=list)  # earlier runs' groups, answering meanwhile

    @property
    def incarnation(self) -> str | None:
        """The label its current run puts on its answers (with a handed socket only)."""
        return f"{self.name}-{self.runs}" if self.socket is not None else None

    def tail(self, lines: int = 25) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def http_ok(url: str) -> Probe:
    """A readiness probe: the URL answers 200 within a second, from the run asked about."""

    def probe(incarnation: str | None) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                from_run = answer.headers.get(handed_socket.HEADER)
                return answer.status == 200 and (incarnation is None or from_run == incarnation)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    return probe


def always_ready(_incarnation: str | None) -> bool:
    """For a process nobody connects to (a periodic job)."""
    return True


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Supervisor:
    def __init__(self, log_dir: Path, report: TextIO = sys.stderr) -> None:
        self.log_dir = log_dir
        self.report = report
        self.services: list[Service] = []
        self._groups: Counter[int] = Counter()
        self._groups_counted = 0.0

    def start(self, service: Service) -> None:
        """Starts a process with its output in <log_dir>/<name>.log (overwritten each run)."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        service.log = self.log_dir / f"{service.name}.log"
        if service.listen is not None:
            service.socket = handed_socket.bind(*service.listen)
        self.services.append(service)
        self._launch(service, "w")

    def _launch(self, service: Service, mode: str) -> None:
        assert service.log is not None
        service.runs += 1
        env = dict(service.env)
        handed: tuple[int, ...] = ()
        if service.socket is not None:
            handed = (service.socket.fileno(),)
            env[handed_socket.FD_ENV] = str(service.socket.fileno())
            env[handed_socket.INCARNATION_ENV] = str(service.incarnation)
        with service.log.open(mode) as log:
            service.process = subprocess.Popen(
                service.argv,
                cwd=project.ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                pass_fds=handed,
                preexec_fn=_die_with_parent,
            )
        service.started = time.monotonic()

    def wait_ready(self, timeout: float) -> None:
        pending = list(self.services)
        deadline = time.monotonic() + timeout
        while pending:
            for service in list(pending):
                self._check_running(service)
                if service.ready(service.incarnation):
                    assert service.process is not None
                    self._groups, self._groups_counted = _group_sizes(), time.monotonic()
                    service.members = self._groups[service.process.pid]
                    pending.remove(service)
            if pending and time.monotonic() > deadline:
                names = ", ".join(s.name for s in pending)
                raise ServiceFailed(
                    f"{names} not ready after {timeout:.0f}s. Last log lines:\n"
                    + "\n".join(s.tail() for s in pending)
                )
            time.sleep(POLL_SECONDS)

    def _check_running(self, service: Service) -> None:
        code = service.process.poll() if service.process else None
        if code is not None:
            raise ServiceFailed(
                f"The {service.name} server stopped (exit code {code}). "
                f"Last lines of {service.log}:\n{service.tail()}"
            )

    def watch(self, until: Callable[[], bool] = lambda: False) -> None:
        """Keeps every server running until `until()` (or Ctrl-C): replaces one that stops."""
        while not until():
            now = time.monotonic()
            if now - self._groups_counted > GROUP_CHECK_SECONDS:
                self._groups, self._groups_counted = _group_sizes(), now
            for service in self.services:
                self.tend(service, now)
            time.sleep(POLL_SECONDS)

    def tend(self, service: Service, now: float) -> None:
        """One look at a server: note that it (or one of its workers) stopped, start it again
        when due, retire what is left of the old run once the new one answers."""
        assert service.process is not None and service.log is not None
        if service.restart_at is not None:
            if now >= service.restart_at:
                service.restart_at = None
                service.coming_back = True
                self._launch(service, "a")  # after the stopped run's lines
            return
        code = service.process.poll()
        if code is None and service.coming_back:
            if service.ready(service.incarnation):
                for group in service.retiring:
                    _signal_group(group, signal.SIGTERM)  # they finish the replies under way
                service.retiring.clear()
                service.coming_back = False
                self._groups, self._groups_counted = _group_sizes(), now
                service.members = self._groups[service.process.pid]
                self._say(f"The {service.name} server is back ({now - service.started:.0f} s to start).")
            return
        lost_worker = code is None and self._groups[service.process.pid] < service.members
        if code is None and not lost_worker:
            return
        stable = now - service.started >= STABLE_SECONDS
        service.quick_stops = 0 if stable else service.quick_stops + 1
        delay = min(MAX_RESTART_DELAY, RESTART_DELAY * 2 ** max(0, service.quick_stops - 1))
        service.restart_at = now + delay
        what = f"stopped (exit code {code})" if code is not None else "lost one of its processes"
        if service.socket is not None and _group_sizes()[service.process.pid]:
            service.retiring.append(service.process.pid)
            meanwhile = "; the rest of it answers until then"
        else:
            _signal_group(service.process.pid, signal.SIGKILL)  # its workers would hold the port
            meanwhile = ""
        self._say(
            f"The {service.name} server {what}; starting it again in {delay:g} s{meanwhile}. "
            f"Last lines of {service.log}:\n{service.tail(10)}"
        )

    def _say(self, text: str) -> None:
        print(text, file=self.report, flush=True)

    def stop(self, grace: float = 15.0) -> None:
        """Stops every server's process groups, newest first; SIGKILL for any still running
        after `grace` seconds."""
        groups = [
            group
            for service in reversed(self.services)
            for group in ([service.process.pid] if service.process else []) + service.retiring
        ]
        for group in groups:
            _signal_group(group, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for service in reversed(self.services):
            if service.process is None:
                continue
            try:
                service.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        while any(_group_sizes()[group] for group in groups) and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
        for group in groups:
            _signal_group(group, signal.SIGKILL)
        for service in self.services:
            if service.process is not None and service.process.poll() is None:
                service.process.wait()
            if service.socket is not None:
                service.socket.close()


def _signal_group(group: int, signum: int) -> None:
    try:
        os.killpg(group, signum)
    except ProcessLookupError:
        pass


def _group_sizes() -> Counter[int]:
    """Live (not zombie) processes per process group, from /proc (none counted without it:
    then only a server's main process is watched)."""
    sizes: Counter[int] = Counter()
    if not os.path.isdir("/proc"):
        return sizes
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:  # ended meanwhile
                continue
            if fields[0] != b"Z":
                sizes[int(fields[2])] += 1
    return sizes
