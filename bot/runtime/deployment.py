"""The files in deploy/ as a deployment uses them: nginx's configuration filled in for a set of
servers, and the command lines and environments of the systemd units.

    python -m bot.runtime.deployment nginx --rasa 10.0.0.5:5005 --rasa 10.0.0.6:5005 \\
        --actions 10.0.0.5:5055 --actions 10.0.0.6:5055 --web 10.0.0.5:8080 > /etc/nginx/nginx.conf

The scale-out tests and benchmarks/rest_bench.py start their servers from the unit files and
nginx from the template through this module, so what they run is what a deployment runs: the
units' install folder (/opt/careers-chatbot) and settings file (/etc/careers-chatbot) are the
only things they move.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import project

DEPLOY = project.ROOT / "deploy"
NGINX_TEMPLATE = DEPLOY / "nginx.conf.template"
INSTALL_DIR = "/opt/careers-chatbot"  # where the units expect the checkout
SETTINGS_DIR = "/etc/careers-chatbot"  # where they read careers.env
FAIL_TIMEOUT = "10s"  # how long nginx leaves out a server that failed


def nginx_conf(
    rasa: Sequence[str],
    actions: Sequence[str],
    web: Sequence[str],
    listen: str = "80",
    actions_listen: str = "127.0.0.1:5054",
    temp_dir: str = "/var/lib/nginx",
    pid_file: str = "/run/nginx.pid",
    error_log: str = "/var/log/nginx/error.log",
    worker_processes: str = "auto",
) -> str:
    """deploy/nginx.conf.template filled in; servers as host:port."""

    def servers(addresses: Sequence[str], checked: bool = True) -> str:
        health = f" max_fails=1 fail_timeout={FAIL_TIMEOUT}" if checked else ""
        return "\n".join(f"        server {address}{health};" for address in addresses)

    fields = {
        "rasa_servers": servers(rasa),
        "action_servers": servers(actions),
        "web_servers": servers(web, checked=False),
        "listen": listen,
        "actions_listen": actions_listen,
        "temp_dir": temp_dir,
        "pid_file": pid_file,
        "error_log": error_log,
        "worker_processes": worker_processes,
    }
    text = NGINX_TEMPLATE.read_text()
    missing = set(re.findall(r"{{(\w+)}}", text)) - fields.keys()
    if missing:
        raise KeyError(f"{NGINX_TEMPLATE} has fields nothing fills in: {sorted(missing)}")
    return re.sub(r"{{(\w+)}}", lambda m: fields[m.group(1)], text)


@dataclass(frozen=True)
class Unit:
    """A systemd service unit in deploy/, as far as starting its process goes."""

    path: Path
    exec_start: str
    working_directory: str
    environment: dict[str, str]
    environment_file: str | None

    @classmethod
    def read(cls, name: str) -> Unit:
        path = DEPLOY / name
        settings: dict[str, list[str]] = {}
        section = ""
        for line in path.read_text().splitlines():
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
            elif section == "Service" and "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                settings.setdefault(key, []).append(value)
        environment = dict(
            pair.split("=", 1) for value in settings.get("Environment", []) for pair in shlex.split(value)
        )
        return cls(
            path,
            settings["ExecStart"][0],
            settings.get("WorkingDirectory", ["/"])[0],
            environment,
            settings.get("EnvironmentFile", [None])[0],
        )

    def process(
        self, instance: str, root: Path, settings_dir: Path, base: Mapping[str, str] | None = None
    ) -> tuple[list[str], dict[str, str], Path]:
        """(argv, environment, working directory) as systemd would start instance `instance`
        (%i) with the checkout at `root` and careers.env in `settings_dir`: the unit's
        Environment=, then its EnvironmentFile=, then ${VARIABLE} in the command line."""
        env = dict(base or {})
        env.update(self.environment)
        if self.environment_file:
            env.update(read_env_file(Path(self._moved(self.environment_file, root, settings_dir))))
        command = self._moved(self.exec_start, root, settings_dir).replace("%i", instance)
        argv = [re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], word) for word in shlex.split(command)]
        return argv, env, Path(self._moved(self.working_directory, root, settings_dir))

    @staticmethod
    def _moved(text: str, root: Path, settings_dir: Path) -> str:
        return text.replace(INSTALL_DIR, str(root)).replace(SETTINGS_DIR, str(settings_dir))


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=value lines, as systemd's EnvironmentFile= reads them (# comments, blank lines)."""
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            env[key.strip()] = value.strip().strip('"')
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.runtime.deployment", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    nginx = commands.add_parser("nginx", help="print nginx's configuration for these servers")
    nginx.add_argument("--rasa", action="append", required=True, metavar="HOST:PORT", help="a Rasa server")
    nginx.add_argument(
        "--actions", action="append", required=True, metavar="HOST:PORT", help="an action server"
    )
    nginx.add_argument(
        "--web", action="append", required=True, metavar="HOST:PORT", help="the chat page server"
    )
    nginx.add_argument("--listen", default="80", help="the public address (default 80)")
    nginx.add_argument(
        "--actions-listen",
        default="127.0.0.1:5054",
        help="the action servers' private address (default 127.0.0.1:5054)",
    )
    args = parser.parse_args(argv)
    print(nginx_conf(args.rasa, args.actions, args.web, args.listen, args.actions_listen), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
