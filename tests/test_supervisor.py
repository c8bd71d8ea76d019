"""The supervisor (bot/runtime/supervisor.py) with small stand-in processes: a server that stops
is started again, at once the first time and after a longer wait each time it keeps stopping,
and as soon as it stops after running a while; a server that loses one of its worker processes
is started again too. The clock is passed in, so the waits are checked without waiting."""

from __future__ import annotations

import io
import signal
import sys
import time
from pathlib import Path

from bot.runtime import supervisor
from bot.runtime.supervisor import Service, Supervisor, always_ready

STOPS_AT_ONCE = [sys.executable, "-c", "import sys; sys.exit(3)"]
# a server with one worker process in its group, like Sanic's main process and its workers
WITH_A_WORKER = [
    sys.executable,
    "-c",
    "import subprocess, time; subprocess.Popen(['sleep', '600']); time.sleep(600)",
]


def _supervised(tmp_path: Path, argv: list[str]) -> tuple[Supervisor, Service, io.StringIO]:
    said = io.StringIO()
    keeper = Supervisor(tmp_path / "logs", report=said)
    service = Service("stand-in", argv, always_ready)
    keeper.start(service)
    return keeper, service, said


def test_a_server_that_keeps_stopping_is_started_again_after_longer_waits(tmp_path: Path):
    keeper, service, said = _supervised(tmp_path, STOPS_AT_ONCE)
    try:
        waits = []
        for _ in range(4):
            service.process.wait()
            now = service.started + 1  # stopped a second after it started
            keeper.tend(service, now)
            waits.append(service.restart_at - now)
            keeper.tend(service, service.restart_at)  # due: started again
            assert service.restart_at is None and service.coming_back
        assert waits == [0.5, 1.0, 2.0, 4.0]
        assert service.runs == 5
        assert "The stand-in server stopped (exit code 3); starting it again in 0.5 s" in said.getvalue()
        service.process.wait()
        keeper.tend(service, service.started + supervisor.STABLE_SECONDS + 1)  # it had run a while
        assert (
            service.quick_stops == 0
            and service.restart_at == service.started + supervisor.STABLE_SECONDS + 1 + 0.5
        )
    finally:
        keeper.stop()


def test_the_wait_is_never_longer_than_the_most(tmp_path: Path):
    keeper, service, _ = _supervised(tmp_path, STOPS_AT_ONCE)
    try:
        service.quick_stops = 20
        service.process.wait()
        keeper.tend(service, service.started + 1)
        assert service.restart_at == service.started + 1 + supervisor.MAX_RESTART_DELAY
    finally:
        keeper.stop()


def test_a_server_that_loses_a_worker_is_started_again_and_its_group_stopped(tmp_path: Path):
    keeper, service, said = _supervised(tmp_path, WITH_A_WORKER)
    try:
        while supervisor._group_sizes()[service.process.pid] < 2:  # its worker is starting
            time.sleep(0.05)
        keeper.wait_ready(30)  # it answers: its processes are counted
        assert service.members == 2
        first = service.process
        worker = next(pid for pid in _pids_in_group(first.pid) if pid != first.pid)
        supervisor.os.kill(worker, signal.SIGKILL)
        while supervisor._group_sizes()[first.pid] > 1:
            time.sleep(0.05)
        keeper._groups = supervisor._group_sizes()
        keeper.tend(service, service.started + 1)
        assert "The stand-in server lost one of its processes" in said.getvalue()
        first.wait(10)  # no socket handed over: the rest of its group is stopped
        assert first.returncode == -signal.SIGKILL
    finally:
        keeper.stop()


def _pids_in_group(group: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                found.append(int(entry.name))
    return found
