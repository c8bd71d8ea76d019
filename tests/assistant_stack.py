"""Runs the whole assistant for a test exactly as a user does (`python -m bot.runtime`, what
scripts/run calls), on free ports, with its own conversations database and logs, and stops it
with Ctrl-C (SIGINT) the way a user would, checking that it stops cleanly. `stock=True` runs it
with the stock switch (Rasa as shipped)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.runtime.local_cluster import rest

ROOT = Path(__file__).resolve().parent.parent
# job words a young person might type that cover several occupations
BROAD_JOBS = ("engineer", "teacher", "manager", "designer", "technician", "driver")


@dataclass
class Stack:
    web_url: str
    rasa_url: str
    api_url: str
    log_dir: Path
    output: list[str] = field(default_factory=list)
    ready_seconds: float = 0.0
    launcher_pid: int = 0

    def server_pid(self, module: str) -> int:
        """The process id of the launcher's server running `module` (bot.runtime.rasa_server,
        bot.runtime.action_server)."""
        for entry in Path("/proc").iterdir():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except (OSError, ValueError, IndexError):
                continue
            if ppid == self.launcher_pid and module.encode() in argv:
                return int(entry.name)
        raise AssertionError(f"no {module} process under the launcher")

    def rest(self, sender: str, message: str, timeout: float = 60) -> list[dict]:
        """One message through Rasa's REST channel; the bot's replies."""
        return rest(self.rasa_url, sender, message, timeout)

    def logs_text(self) -> str:
        """Everything the servers and the launcher wrote."""
        return "\n".join([*(p.read_text(errors="replace") for p in self.log_dir.glob("*.log")), *self.output])


def question_needing_a_choice(db_path: Path) -> str:
    """A pay question about a job the SOC coder finds ambiguous, so the bot offers choices."""
    from lmi_backend.coder import get_coder

    coder = get_coder(db_path)
    job = next((job for job in BROAD_JOBS if coder.code(job).ambiguous), None)
    assert job, f"none of {BROAD_JOBS} is ambiguous to the SOC coder"
    return f"how much does {'an' if job[0] in 'aeiou' else 'a'} {job} earn?"


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _as_a_background_job() -> None:
    """Started by a script with `&`, a program gets SIGINT ignored; Ctrl-C must stop it anyway
    (CI may run the tests that way, so every stack test starts it so)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def running_assistant(
    workdir: Path, env: Mapping[str, str] | None = None, timeout: float = 900, stock: bool = False
) -> Iterator[Stack]:
    """The assistant running until the with-block ends. `timeout` allows for training the model
    when the training data changed since the last run."""
    web, rasa, actions, api = free_ports(4)
    stack = Stack(
        f"http://127.0.0.1:{web}", f"http://127.0.0.1:{rasa}", f"http://127.0.0.1:{api}", workdir / "logs"
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.runtime",
            "--web-port",
            str(web),
            "--rasa-port",
            str(rasa),
            "--actions-port",
            str(actions),
            "--api-port",
            str(api),
            "--conversations-db",
            str(workdir / "conversations.sqlite"),
            "--log-dir",
            str(stack.log_dir),
            "--ready-timeout",
            str(timeout),
            *(["--stock-rasa"] if stock else []),
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_as_a_background_job,
    )
    stack.launcher_pid = process.pid
    ready = threading.Event()

    def read_output() -> None:
        for line in process.stdout:
            stack.output.append(line.rstrip("\n"))
            if "The careers assistant is ready" in line:
                ready.set()

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    started = time.monotonic()
    try:
        while not ready.wait(0.5):
            if process.poll() is not None or time.monotonic() - started > timeout:
                raise AssertionError("The assistant did not start:\n" + "\n".join(stack.output))
        stack.ready_seconds = time.monotonic() - started
        yield stack
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            code = process.wait(60)
        except subprocess.TimeoutExpired as timeout_error:
            processes = subprocess.run(
                ["ps", "-eo", "pid,ppid,stat,etime,pcpu,args"], capture_output=True, text=True
            ).stdout
            process.kill()
            raise AssertionError(
                "The assistant did not stop within 60 s of Ctrl-C. Its output:\n"
                + "\n".join(stack.output[-30:])
                + "\nProcesses:\n"
                + processes
            ) from timeout_error
        reader.join(5)
    assert code == 0, f"The assistant stopped with exit code {code}:\n" + "\n".join(stack.output)
    for port in (web, rasa, actions, api):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))  # raises if a server outlived the Ctrl-C
    # Rasa logs and carries on after some failures (a conversation it cannot store is kept in
    # memory instead); every stack test would otherwise pass over them
    rasa_errors = [
        line for line in (stack.log_dir / "rasa.log").read_text().splitlines() if " ERROR " in line
    ]
    assert not rasa_errors, "The Rasa server logged errors:\n" + "\n".join(rasa_errors[:10])
