"""The OpenAPI 3 document of the API, made from the endpoint registry."""

from __future__ import annotations

from functools import lru_cache

from ..endpoints import ENDPOINTS, Call, Endpoint, Param, endpoint

BASE = "/api/v1"
CALLBACK = Param("callback", "JSONP: wrap the answer in a call to this function", example="show")
LICENCE = (
    "Figures: Open Government Licence v3.0 (ONS, DfE); projections: Working Futures 2017-2027, "
    "Warwick IER / Cambridge Econometrics for DfE; O*NET 29.3 by USDOL/ETA, CC BY 4.0. See the "
    "developer page for attribution."
)


def _parameter(param: Param) -> dict:
    return {
        "name": param.name,
        "in": param.where,
        "required": param.required or param.where == "path",
        "description": param.description,
        "schema": {"type": param.kind},
        **({"example": param.example} if param.example is not None else {}),
    }


def _operation(ep: Endpoint, method: str) -> dict:
    description = f"Answers from {ep.answers_from}."
    if ep.empty:
        part = f" for {ep.empty.where(ep.path)}" if ep.empty.part else ""
        description += f" Empty answer{part}: {ep.empty.reason}."
    return {
        "operationId": method + ep.path.replace("/", "_").replace("{", "").replace("}", "").replace("-", "_"),
        "summary": ep.summary,
        "description": description,
        "tags": [ep.family],
        "parameters": [_parameter(p) for p in (*ep.params, CALLBACK)],
        "responses": {
            "200": {"description": "JSON (JavaScript with callback=)", "content": {"application/json": {}}},
            "400": {
                "description": 'bad input: {"error": ...}',
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": {"error": {"type": "string"}}}
                    }
                },
            },
        },
        "x-example": BASE + ep.example,
    }


@lru_cache(maxsize=1)
def document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "LMI for All API v1, on the project's LMI database",
            "version": "1",
            "description": "The LMI for All v1 paths, parameters and answers, from the project's database. "
            "JSON, or JSONP with callback=; CORS open to any origin; GET or POST; unknown "
            "parameters ignored. " + LICENCE,
            "license": {"name": "Open Government Licence v3.0 / CC BY 4.0 (O*NET)"},
        },
        "servers": [{"url": BASE}],
        "paths": {ep.path: {m: _operation(ep, m) for m in ("get", "post")} for ep in ENDPOINTS},
    }


@endpoint(
    "/openapi.json",
    "meta",
    "This API described in OpenAPI 3",
    example="/openapi.json",
    answers_from="the API's endpoint list",
)
def openapi(call: Call) -> dict:
    return document()
