"""The API without a web framework: a method, a raw path and query string in, a Reply out.
The HTTP server (server.py) and the tests call `Api.handle`.

Conventions of the original kept here: paths under /api/v1 (and the pre-v1 /api prefix some
clients still use), matched case-insensitively with any trailing slash; unknown parameters
ignored; GET, HEAD and POST alike (a POST's JSON body may carry the SOC code); CORS preflight
answered; JSONP with `callback=`; every bad input a 4xx with {"error": ...}.

The data is read-only, so each answer is kept (least recently used first out, within a byte
budget) and served again without asking the service; its ETag is a hash of the body.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, unquote

from ..coder import SocCoder
from ..service import LmiService
from . import handlers  # noqa: F401 - registers the endpoints
from .endpoints import ENDPOINTS, ApiError, Call, Endpoint
from .replies import Reply, api_reply, callback_name, error_reply, preflight
from .usage import UsageLog

log = logging.getLogger(__name__)

API_METHODS = frozenset({"GET", "HEAD", "POST"})
CACHE_BYTES = 64 * 1024 * 1024
CACHEABLE_KEY = 2048  # longer requests (hostile or generated) are answered but not kept
UNKNOWN = "(no such endpoint)"


class ReplyCache:
    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget, self.used = budget, 0
        self.replies: OrderedDict[tuple, tuple[Reply, str]] = OrderedDict()

    def get(self, key: tuple) -> tuple[Reply, str] | None:
        found = self.replies.get(key)
        if found is not None:
            self.replies.move_to_end(key)
        return found

    def put(self, key: tuple, reply: Reply, name: str) -> None:
        size = len(reply.body) + sum(len(str(k)) for k in key)
        if size > self.budget // 16:
            return
        self.replies[key] = (reply, name)
        self.used += size
        while self.used > self.budget:
            old_key, (old, _) = self.replies.popitem(last=False)
            self.used -= len(old.body) + sum(len(str(k)) for k in old_key)


def match(segments: list[str]) -> tuple[Endpoint, dict[str, str]] | None:
    """The endpoint for a path under /api/v1, literal parts compared case-insensitively."""
    best: tuple[int, Endpoint, dict[str, str]] | None = None
    for ep in ENDPOINTS:
        parts = ep.segments
        if len(parts) != len(segments):
            continue
        params, literal = {}, 0
        for part, given in zip(parts, segments):
            if part.startswith("{"):
                params[part[1:-1]] = given
            elif part.lower() == given.lower():
                literal += 1
            else:
                break
        else:
            if best is None or literal > best[0]:
                best = (literal, ep, params)
    return (best[1], best[2]) if best else None


def api_segments(path: str) -> list[str] | None:
    """The parts of a path after /api/v1 (or the pre-v1 /api), or None outside the API."""
    parts = [unquote(p, errors="replace") for p in path.split("/") if p]
    if not parts or parts[0].lower() != "api":
        return None
    return parts[2:] if len(parts) > 1 and parts[1].lower() == "v1" else parts[1:]


def _body(raw: bytes) -> dict[str, Any]:
    if not raw or len(raw) > 65536:
        return {}
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return {}
    return value if isinstance(value, dict) else {}


class Api:
    def __init__(
        self,
        service: LmiService,
        coder: SocCoder,
        usage: UsageLog | None = None,
        pages: Callable[[str, str], Reply | None] | None = None,
    ) -> None:
        self.service, self.coder, self.usage, self.pages = service, coder, usage, pages
        self.cache = ReplyCache()

    def handle(
        self, method: str, path: str, query: str = "", body: bytes = b"", if_none_match: str | None = None
    ) -> Reply:
        method = method.upper()
        segments = api_segments(path)
        if segments is None:
            page = self.pages(path, query) if self.pages else None
            return page or error_reply(404, "Not found: the API is under /api/v1 (see /api/v1/openapi.json).")
        if method == "OPTIONS":
            return preflight()
        if method not in API_METHODS:
            return error_reply(405, "Use GET or POST.")
        key = (path, query, body if method == "POST" else b"")
        cacheable = len(path) + len(query) + len(key[2]) <= CACHEABLE_KEY
        found = self.cache.get(key) if cacheable else None
        if found is None:
            reply, name = self._answer(method, segments, query, body)
            if cacheable and reply.status < 500:
                self.cache.put(key, reply, name)
        else:
            reply, name = found
        if self.usage is not None:
            self.usage.count(name)
        if if_none_match and reply.etag and reply.etag in if_none_match:
            return reply.not_modified()
        return reply

    def _answer(self, method: str, segments: list[str], query: str, body: bytes) -> tuple[Reply, str]:
        args: dict[str, str] = {}
        for name, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
            args.setdefault(name, value)
        found = match(segments)
        try:
            callback = callback_name(args)
        except ApiError as exc:
            return error_reply(exc.status, str(exc)), found[0].path if found else UNKNOWN
        if found is None:
            return error_reply(404, "No such endpoint (see /api/v1/openapi.json).", callback), UNKNOWN
        ep, params = found
        call = Call(self.service, self.coder, args, params, _body(body) if method == "POST" else {})
        try:
            return api_reply(200, ep.handler(call), callback), ep.path
        except ApiError as exc:
            return error_reply(exc.status, str(exc), callback), ep.path
        except ValueError as exc:  # the service refusing a code or value, in words for the caller
            return error_reply(400, str(exc), callback), ep.path
        except Exception:
            log.exception("error answering %s", ep.path)
            return error_reply(500, "The server could not answer this request.", callback), ep.path
