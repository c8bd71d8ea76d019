"""PostgreSQL, Redis and nginx from Debian's packages, run as ordinary processes on free local
ports in a folder of their own, and removed with it: what the scale-out tests and
benchmarks/rest_bench.py run on. Nothing is installed as a system service and nothing outside
the folder is touched.

PostgreSQL refuses to run as root, so when this runs as root (CI, containers) PostgreSQL runs
as `nobody` through util-linux's `setpriv`, in a folder handed to that user. Every process is
asked to end with its parent (the kernel's parent-death signal), so a test run that is killed
leaves no servers behind.
"""

from __future__ import annotations

import ctypes
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from glob import glob
from pathlib import Path

START_TIMEOUT = 60.0
UNPRIVILEGED_USER = "nobody"


class EngineMissing(RuntimeError):
    """A Debian package the scale-out needs is not installed; the message says which."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _spawn(argv: list[str], log: Path) -> subprocess.Popen:
    """A server process with its output appended to `log`, ended with its parent."""
    with log.open("a") as out:
        return subprocess.Popen(
            argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent
        )


def _wait_until(ready: Callable[[], bool], process: subprocess.Popen, name: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{name} did not start (exit code {process.poll()}):\n{tail}")
        time.sleep(0.1)


def _stop(process: subprocess.Popen | None, signum: int = signal.SIGTERM, grace: float = 30) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signum)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Postgres:
    """One PostgreSQL cluster in `root/data`, listening on 127.0.0.1:`port`, trusting local
    connections as the `careers` user (a throwaway cluster: no password to keep)."""

    USER = "careers"

    def __init__(self, root: Path) -> None:
        self.bin = _postgres_bin()
        self.root = root
        self.data = root / "data"
        self.log = root / "postgres.log"
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self._as_user = _unprivileged_prefix()
        root.mkdir(parents=True, exist_ok=True)
        if self._as_user:
            account = pwd.getpwnam(UNPRIVILEGED_USER)
            os.chown(root, account.pw_uid, account.pw_gid)
        self._run(
            [
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                self.USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )

    def _run(self, argv: list[str]) -> None:
        done = subprocess.run([*self._as_user, *argv], capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:2])} failed:\n{done.stdout}{done.stderr}")

    def start(self) -> None:
        self.process = _spawn(
            [
                *self._as_user,
                str(self.bin / "postgres"),
                *("-D", str(self.data), "-p", str(self.port), "-k", str(self.root)),
                *("-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"),
                # a throwaway cluster: durability is not what is being tested
                *("-c", "fsync=off", "-c", "full_page_writes=off"),
            ],
            self.log,
        )
        _wait_until(self._accepts, self.process, "PostgreSQL", self.log)

    def _accepts(self) -> bool:
        done = subprocess.run(
            [str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
        )
        return done.returncode == 0

    def stop(self) -> None:
        _stop(self.process, signal.SIGINT)  # PostgreSQL's fast shutdown: rolls back open work

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, database: str) -> str:
        return f"postgresql://{self.USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Creates database `name` (if missing); returns its URL."""
        import psycopg2

        connection = psycopg2.connect(self.url("postgres"))
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        return self.url(name)


class Redis:
    """A Redis server on 127.0.0.1:`port` that keeps nothing on disk."""

    def __init__(self, root: Path) -> None:
        self.executable = _require("redis-server", "redis-server")
        self.root = root
        self.port = free_port()
        self.log = root / "redis.log"
        self.process: subprocess.Popen | None = None
        root.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        self.process = _spawn(
            [
                self.executable,
                *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.root)),
                *("--save", "", "--appendonly", "no"),
            ],
            self.log,
        )
        _wait_until(lambda: _listening(self.port), self.process, "Redis", self.log)

    def stop(self) -> None:
        _stop(self.process)


class Nginx:
    """nginx in the foreground with the configuration file `conf` (deploy/nginx.conf.template,
    rendered); its pid file, temporary files and error log in `root`."""

    def __init__(self, root: Path, conf: Path, port: int) -> None:
        self.executable = _require("nginx", "nginx")
        self.root = root
        self.conf = conf
        self.port = port
        self.log = root / "nginx.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.root.chmod(0o755)  # its worker processes run as nobody when started as root
        self.process = _spawn(
            [
                self.executable,
                "-p",
                str(self.root),
                "-c",
                str(self.conf),
                "-e",
                "stderr",
                "-g",
                "daemon off;",
            ],
            self.log,
        )
        _wait_until(lambda: _listening(self.port), self.process, "nginx", self.log)

    def stop(self) -> None:
        _stop(self.process, signal.SIGQUIT)  # nginx's graceful stop


class Engines:
    """PostgreSQL and Redis in one temporary folder, started together and removed together."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="careers-engines-"))
        self.root.chmod(0o755)
        self.postgres = Postgres(self.root / "postgres")
        self.redis = Redis(self.root / "redis")

    def __enter__(self) -> Engines:
        try:
            self.postgres.start()
            self.redis.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.redis.stop()
        self.postgres.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def _require(command: str, package: str) -> str:
    found = shutil.which(command) or next(
        (p for p in (f"/usr/sbin/{command}", f"/usr/bin/{command}") if os.access(p, os.X_OK)), None
    )
    if found is None:
        raise EngineMissing(f"{command} is not installed: apt-get install -y {package}")
    return found


def _postgres_bin() -> Path:
    """The newest installed PostgreSQL's programs (Debian keeps them out of PATH)."""
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise EngineMissing("PostgreSQL is not installed: apt-get install -y postgresql")
    return Path(found[-1]).parent


def _unprivileged_prefix() -> list[str]:
    """The command prefix that runs a program as `nobody` when we are root (PostgreSQL will not
    run as root); nothing otherwise. The parent-death signal is set after the change of user,
    which would clear it."""
    if os.geteuid() != 0:
        return []
    account = pwd.getpwnam(UNPRIVILEGED_USER)
    return [
        _require("setpriv", "util-linux"),
        f"--reuid={account.pw_uid}",
        f"--regid={account.pw_gid}",
        "--clear-groups",
        "--pdeathsig=SIGINT",  # PostgreSQL's fast shutdown
    ]
