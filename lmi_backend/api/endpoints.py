"""The endpoint registry: every path the API answers is declared once, with its parameters, an
example and what it answers from; the router, the OpenAPI document, the developer page and
`lmi coverage` all read this list.

A handler takes a Call (the parsed request and the service) and returns the JSON body; bad input
raises ApiError (or ValueError from the service), which the API turns into 400 {"error": ...}.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..coder import SocCoder
from ..disclosure import Fallback
from ..service import LmiService

TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
WHOLE_NUMBER = re.compile(r"\s*[+-]?\d{1,9}\s*")


class ApiError(Exception):
    """Bad input, answered with `status` and {"error": message}."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    kind: str = "string"  # OpenAPI type: string, integer, boolean
    where: str = "query"  # query or path
    required: bool = False
    example: str | None = None


@dataclass(frozen=True)
class Empty:
    """Why an endpoint gives the original's empty answer: no source in the database has its data.
    `part`: the value of the endpoint's path parameter that has none (e.g. the region breakdown),
    when the rest of the endpoint has a source."""

    reason: str
    part: str | None = None

    def where(self, path: str) -> str:
        """The endpoint, or the part of it, that has no source, as a path under /api/v1."""
        return re.sub(r"\{\w+\}", self.part, path) if self.part else path


@dataclass(frozen=True)
class Endpoint:
    path: str  # under /api/v1, e.g. "/soc/code/{soc}"
    family: str
    summary: str
    handler: Callable[[Call], Any]
    params: tuple[Param, ...]
    example: str  # an example request under /api/v1
    answers_from: str  # the data behind it, for the developer page
    empty: Empty | None = None
    methods: tuple[str, ...] = ("GET", "POST")

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.path.strip("/").split("/"))


ENDPOINTS: list[Endpoint] = []


def endpoint(
    path: str,
    family: str,
    summary: str,
    *,
    params: tuple[Param, ...] = (),
    example: str,
    answers_from: str,
    empty: Empty | None = None,
) -> Callable[[Callable[[Call], Any]], Callable[[Call], Any]]:
    def register(handler: Callable[[Call], Any]) -> Callable[[Call], Any]:
        ENDPOINTS.append(Endpoint(path, family, summary, handler, params, example, answers_from, empty))
        return handler

    return register


SOC = Param(
    "soc", "SOC2010 code: a unit group (4 digits) or a wider group", "integer", required=True, example="5314"
)
SOC_IN_PATH = Param("soc", SOC.description, "integer", "path", True, "5314")
COARSE = Param(
    "coarse",
    "true: when the job's own figure cannot be given, the nearest wider SOC group's (the answer's "
    "soc says which); false (default): no figure (null) where the cell is suppressed",
    "boolean",
    example="true",
)
MIN_YEAR = Param("minYear", "first year to give", "integer", example="2017")
MAX_YEAR = Param("maxYear", "last year to give", "integer", example="2027")
OWN_LIST = "the API's own list"
CODE_LISTS = "the database's code lists (LMI for All codes)"


@dataclass
class Call:
    """One request as the handlers see it: query parameters (first value of each), path
    parameters, a JSON body's fields (POST) and the service."""

    service: LmiService
    coder: SocCoder
    args: Mapping[str, str]
    path: Mapping[str, str] = field(default_factory=dict)
    body: Mapping[str, Any] = field(default_factory=dict)

    def value(self, name: str, *body_names: str) -> str | None:
        if name in self.path:
            return self.path[name]
        if name in self.args:
            return self.args[name]
        for key in body_names:
            if isinstance(self.body.get(key), str | int) and not isinstance(self.body.get(key), bool):
                return str(self.body[key])
        return None

    def soc(self, name: str = "soc") -> int:
        """A SOC code the database has (any level), else ApiError."""
        raw = self.value(name, "SocCode", "soc")
        if raw is None or not raw.strip():
            raise ApiError(f"Please give a SOC code ({name}=).")
        if not WHOLE_NUMBER.fullmatch(raw) or self.service.soc_title(int(raw)) is None:
            raise ApiError(f"{_shown(raw)} is not a SOC2010 code.")
        return int(raw)

    def integer(self, name: str) -> int | None:
        """An optional whole number; a value that is not one is ignored, as unknown parameters
        are (clients send e.g. age=20coarse=false)."""
        raw = self.value(name)
        return int(raw) if raw is not None and WHOLE_NUMBER.fullmatch(raw) else None

    def listed(self, name: str) -> list[str]:
        """A comma-separated parameter's items, blanks left out ("a, ,b" -> ["a", "b"])."""
        return [item.strip() for item in (self.value(name) or "").split(",") if item.strip()]

    def flag(self, name: str) -> bool:
        raw = self.value(name)
        return raw is not None and raw.strip().lower() in TRUE_WORDS

    def fallback(self) -> Fallback:
        return Fallback.OCCUPATION if self.flag("coarse") else Fallback.EXACT

    def years(self) -> tuple[int | None, int | None]:
        return self.integer("minYear"), self.integer("maxYear")


def _shown(raw: str) -> str:
    """A bad value as an error message may quote it: short, printable."""
    text = "".join(c if c.isprintable() else "?" for c in raw.strip())
    return repr(text[:20] + ("..." if len(text) > 20 else ""))
