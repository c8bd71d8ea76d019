"""The LMI for All API for tests: in process (Api.handle, what the HTTP server calls) or as a
real server (`python -m lmi_backend.api`, what `lmi serve-api` runs) on a free port, stopped with
Ctrl-C the way a user stops it."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant_stack import ROOT, free_ports

from lmi_backend.api import Api
from lmi_backend.api.replies import Reply
from lmi_backend.coder import get_coder
from lmi_backend.service import LmiService


def in_process(db_path: Path) -> Api:
    return Api(LmiService(db_path), get_coder(db_path))


def get(api: Api, url: str, method: str = "GET", body: bytes = b"") -> Reply:
    path, _, query = url.partition("?")
    return api.handle(method, path, query, body)


def body(reply: Reply) -> Any:
    assert reply.content_type.startswith("application/json"), reply.content_type
    return json.loads(reply.body)


@dataclass
class Server:
    url: str
    usage_db: Path
    output: list[str] = field(default_factory=list)

    def fetch(self, path: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
        """(status, headers, body bytes) of one request; error statuses are returned too."""
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


@contextmanager
def running_api(usage_db: Path, workers: int = 1, timeout: float = 120) -> Iterator[Server]:
    (port,) = free_ports(1)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lmi_backend.api",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--usage-db",
            str(usage_db),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(f"http://127.0.0.1:{port}", usage_db)
    threading.Thread(target=lambda: server.output.extend(process.stdout), daemon=True).start()
    started = time.monotonic()
    try:
        while True:
            try:
                with urllib.request.urlopen(server.url + "/api/v1/ess/regions", timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() - started > timeout:
                    raise AssertionError("The API did not start:\n" + "".join(server.output)) from None
                time.sleep(0.3)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise AssertionError("The API did not stop within 30 s of Ctrl-C") from None
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))  # raises if a worker outlived the Ctrl-C
