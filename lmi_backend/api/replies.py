"""What goes back over HTTP: the status, the body and the headers the original API sent (JSON,
JSONP with `callback=`, CORS open to any origin), plus an ETag from the body so clients and
caches can revalidate read-only answers."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from .endpoints import ApiError

JSON = "application/json;charset=utf-8"
JAVASCRIPT = "application/javascript;charset=utf-8"
CALLBACK = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")
MAX_CALLBACK = 128
CACHE_SECONDS = 3600  # the data changes only when the database is rebuilt
CORS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS"),
    ("Access-Control-Allow-Headers", "*"),
    ("Access-Control-Max-Age", "86400"),
)


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()
    etag: str | None = None

    def not_modified(self) -> Reply:
        return Reply(304, b"", self.content_type, self.headers, self.etag)


def etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def callback_name(args: dict[str, str]) -> str | None:
    """The JSONP function name, if one was asked for; a name that is not a plain JavaScript
    name (or dotted path) is refused, so a page cannot be made to run other code."""
    name = args.get("callback")
    if name is None or name == "":
        return None
    if len(name) > MAX_CALLBACK or not CALLBACK.fullmatch(name):
        raise ApiError("callback must be a JavaScript function name.")
    return name


def api_reply(status: int, value: Any, callback: str | None) -> Reply:
    body = encode(value)
    cache = f"public, max-age={CACHE_SECONDS}" if status == 200 else "no-cache"
    headers = (*CORS, ("Cache-Control", cache), ("X-Content-Type-Options", "nosniff"))
    if callback:
        body = b"/**/" + callback.encode() + b"(" + body + b");"
        return Reply(status, body, JAVASCRIPT, headers, etag(body) if status == 200 else None)
    return Reply(status, body, JSON, headers, etag(body) if status == 200 else None)


def error_reply(status: int, message: str, callback: str | None = None) -> Reply:
    return api_reply(status, {"error": message}, callback)


def preflight() -> Reply:
    return Reply(204, b"", "text/plain", CORS)
