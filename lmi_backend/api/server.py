"""The HTTP server: Sanic (installed with Rasa, so no new dependency), one catch-all route handing
every request to Api.handle, in several worker processes sharing the port.

Sanic because it is already installed, runs on uvloop and httptools (FastAPI on plain uvicorn
would parse HTTP in pure Python), and forks its workers from one process: the SOC coder's index
is loaded once before the fork and shared; each worker opens its own database connection after
it. No access log: the only thing it would record is who asked what.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import re
import sys
from pathlib import Path

from sanic import Sanic
from sanic.response import HTTPResponse
from sanic.server.protocols.http_protocol import HttpProtocol

from .. import config
from ..coder import get_coder
from . import open_api
from .core import Api
from .usage import DEFAULT_PATH, FLUSH_SECONDS

ALL_METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"]
MAX_BODY = 1024 * 1024
BANNER = "LMI for All API v1 (/api/v1), developer page, explorer and Careerometer:"
log = logging.getLogger(__name__)


# a request line whose target has raw bytes outside ASCII (HTTP allows only ASCII there)
RAW_TARGET = re.compile(rb"([A-Za-z]{1,16} )([^ \r\n]*[\x80-\xff][^ \r\n]*)( HTTP/1\.[01]\r\n)")
HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _percent_encoded(m: re.Match[bytes]) -> bytes:
    target = HIGH_BYTE.sub(lambda b: b"%%%02X" % b.group()[0], m.group(2))
    return m.group(1) + target + m.group(3)


class AsciiTargetProtocol(HttpProtocol):
    """Percent-encodes raw non-ASCII bytes in a request's target, as a lenient server does.
    Sanic 21.12 cannot parse such a request line and drops the connection without an answer;
    encoded, the request gets its 4xx like any other bad input. Only a request line at the start
    of the buffer (where each request begins) is touched, never a body."""

    def data_received(self, data: bytes) -> None:
        if not self.recv_buffer and RAW_TARGET.match(data):
            data = RAW_TARGET.sub(_percent_encoded, data, count=1)
        super().data_received(data)


def create_app(db_path: Path | None = None, usage_path: Path | None = DEFAULT_PATH) -> Sanic:
    app = Sanic("lmi_api", configure_logging=False)
    app.config.REQUEST_MAX_SIZE = MAX_BODY
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.config.KEEP_ALIVE_TIMEOUT = 15

    async def load_coder(app: Sanic, loop: asyncio.AbstractEventLoop) -> None:
        get_coder(config.db_path(db_path))  # shared with the workers forked after this
        gc.freeze()  # the garbage collector leaves its objects alone: no copying after the fork

    async def open_database(app: Sanic, loop: asyncio.AbstractEventLoop) -> None:
        app.ctx.api = open_api(db_path, usage_path)
        if app.ctx.api.usage is not None:
            app.add_task(_flush_regularly(app.ctx.api))
        # What is loaded now lives as long as the worker: a collection walking it would stall
        # every request waiting (tens of ms with the coder's index).
        gc.collect()
        gc.freeze()

    async def close(app: Sanic, loop: asyncio.AbstractEventLoop) -> None:
        api: Api = app.ctx.api
        if api.usage is not None:
            api.usage.flush()
        api.service.close()

    app.register_listener(load_coder, "main_process_start")
    app.register_listener(open_database, "before_server_start")
    app.register_listener(close, "after_server_stop")

    async def answer(request, path: str = "") -> HTTPResponse:  # noqa: ANN001 - Sanic's Request
        target, _, query = request.raw_url.partition(b"?")
        reply = request.app.ctx.api.handle(
            request.method,
            target.decode("utf-8", "replace"),
            query.decode("utf-8", "replace"),
            request.body,
            request.headers.get("if-none-match"),
        )
        headers = dict(reply.headers)
        if reply.etag:
            headers["ETag"] = reply.etag
        body = b"" if request.method == "HEAD" else reply.body
        return HTTPResponse(body, reply.status, headers, content_type=reply.content_type)

    app.add_route(answer, "/", methods=ALL_METHODS, name="root")
    app.add_route(answer, "/<path:path>", methods=ALL_METHODS, name="everything")
    return app


async def _flush_regularly(api: Api) -> None:
    while True:
        await asyncio.sleep(FLUSH_SECONDS)
        try:
            api.usage.flush()  # type: ignore[union-attr]
        except Exception:  # a locked or full disk must not stop the API answering
            log.exception("could not save the usage figures")


def address(host: str, port: int) -> str:
    shown = "localhost" if host in ("0.0.0.0", "127.0.0.1", "::") else host
    return f"http://{shown}:{port}/"


def run(
    host: str,
    port: int,
    workers: int = 2,
    db_path: Path | None = None,
    usage_path: Path | None = DEFAULT_PATH,
) -> None:
    app = create_app(db_path, usage_path)
    print(f"{BANNER} {address(host, port)}", file=sys.stderr, flush=True)
    app.run(
        host=host,
        port=port,
        workers=workers,
        protocol=AsciiTargetProtocol,
        access_log=False,
        motd=False,
        debug=False,
    )
