"""The assistant as deployed on several hosts, on this one: Rasa servers and action servers
started from deploy/careers-rasa@.service and careers-actions@.service, the chat page from
careers-web.service, nginx from deploy/nginx.conf.template, sharing PostgreSQL and Redis
(bot.runtime.local_engines). The scale-out tests and benchmarks/rest_bench.py run on it.

The settings file the units read is deploy/careers.env.example with this run's ports and
databases filled in, so a setting the units need and the example lacks fails here first.
"""

from __future__ import annotations

import ctypes
import json
import os
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from . import deployment, project
from .local_engines import Engines, Nginx, free_port

READY_TIMEOUT = 600.0


def _die_with_parent() -> None:
    os.setsid()  # its own process group, so a server and its workers stop together
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """SIGKILL to the server and its workers, as the out-of-memory killer would."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


class LocalCluster:
    """`rasa_servers` Rasa servers and `action_servers` action servers behind nginx, on
    `engines`' PostgreSQL (conversations and, with `lmi_url`, the LMI database) and Redis."""

    def __init__(
        self,
        engines: Engines,
        model: Path,
        workdir: Path,
        rasa_servers: int = 2,
        action_servers: int = 2,
        lmi_url: str | None = None,
        stock: bool = False,
    ) -> None:
        self.engines = engines
        self.workdir = workdir
        self.settings_dir = workdir / "settings"
        self.settings_dir.mkdir(parents=True, exist_ok=True)
        self.token = secrets.token_urlsafe(16)
        self.port = free_port()
        self.actions_port = free_port()
        self.conversations_url = engines.postgres.create_database("conversations")
        settings = deployment.read_env_file(deployment.DEPLOY / "careers.env.example")
        settings.update(
            CAREERS_MODEL=str(model),
            CAREERS_INTERFACE="127.0.0.1",
            SANIC_HOST="127.0.0.1",
            CAREERS_API_TOKEN=self.token,
            CAREERS_ACTIONS_URL=f"http://127.0.0.1:{self.actions_port}/webhook",
            CAREERS_PG_HOST="127.0.0.1",
            CAREERS_PG_PORT=str(engines.postgres.port),
            CAREERS_PG_DB="conversations",
            CAREERS_PG_USER=engines.postgres.USER,
            CAREERS_PG_PASSWORD="",
            CAREERS_REDIS_HOST="127.0.0.1",
            CAREERS_REDIS_PORT=str(engines.redis.port),
            CAREERS_STOCK_RASA="1" if stock else "0",
        )
        if lmi_url:
            settings["LMI_DB_URL"] = lmi_url
        else:
            settings.pop("LMI_DB_URL", None)
            settings["LMI_DB"] = str(project.VAR / "lmi.sqlite")
        (self.settings_dir / "careers.env").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
        self.rasa: list[Server] = []
        self.actions: list[Server] = []
        self.web: Server | None = None
        self.nginx: Nginx | None = None
        self._counts = rasa_servers, action_servers

    def __enter__(self) -> LocalCluster:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """nginx: where users reach the assistant."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        rasa_servers, action_servers = self._counts
        self.actions = [self._start("careers-actions@.service", free_port()) for _ in range(action_servers)]
        self.rasa = [self._start("careers-rasa@.service", free_port()) for _ in range(rasa_servers)]
        self.web = self._start("careers-web@.service", free_port())
        for server in self.actions:
            self._wait(server, "/health")
        for server in self.rasa:
            self._wait(server, f"/status?token={self.token}")
        self._wait(self.web, "/")
        nginx_dir = self.engines.root / f"nginx-{self.port}"  # reachable by its workers (nobody)
        nginx_dir.mkdir()
        conf = nginx_dir / "nginx.conf"
        conf.write_text(
            deployment.nginx_conf(
                rasa=[f"127.0.0.1:{s.port}" for s in self.rasa],
                actions=[f"127.0.0.1:{s.port}" for s in self.actions],
                web=[f"127.0.0.1:{self.web.port}"],
                listen=f"127.0.0.1:{self.port}",
                actions_listen=f"127.0.0.1:{self.actions_port}",
                temp_dir=str(nginx_dir),
                pid_file=str(nginx_dir / "nginx.pid"),
                error_log="stderr",
                worker_processes="1",
            )
        )
        self.nginx = Nginx(nginx_dir, conf, self.port)
        self.nginx.start()

    def _start(self, unit_name: str, port: int) -> Server:
        """Instance `port` of a unit, started as systemd would start it (a clean environment:
        the unit's and the settings file's variables)."""
        unit = deployment.Unit.read(unit_name)
        base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.workdir)}
        argv, env, cwd = unit.process(str(port), project.ROOT, self.settings_dir, base)
        name = f"{unit_name.split('@')[0]}-{port}"
        log = self.workdir / f"{name}.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                argv,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )
        return Server(name, port, process, log)

    def _wait(self, server: Server, path: str) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if server.process.poll() is not None:
                raise RuntimeError(f"{server.name} stopped:\n{server.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(server.url + path, timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{server.name} not ready:\n{server.log.read_text()[-3000:]}")
            time.sleep(0.5)

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.stop()
        for server in [*self.rasa, *self.actions, *([self.web] if self.web else [])]:
            server.stop()

    def logs(self) -> str:
        return "\n".join(
            f"== {s.name}\n{s.log.read_text(errors='replace')[-4000:]}" for s in [*self.rasa, *self.actions]
        )


def rest(url: str, sender: str, message: str, timeout: float = 120) -> list[dict]:
    """One message through the REST channel at `url`; the bot's replies."""
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return json.loads(answer.read())
