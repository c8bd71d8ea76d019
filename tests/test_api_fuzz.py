"""No input makes the API fail: at least 10,000 malformed requests (bad SOC codes, huge and
hostile strings, wrong types, path tricks, odd methods and bodies) get no 5xx; every answer
under /api is JSON (or JSONP, or empty for a preflight or a 304), and an error says what was
wrong. Hypothesis picks a seed per request (derandomized: every run sends the same ones, and a
failure names its seed); the request is built from it with `random`, which is far quicker than
drawing every string through hypothesis."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmi_backend.api import open_api
from lmi_backend.api.endpoints import ENDPOINTS

REQUESTS = 10_000
HOSTILE = [
    "",
    " ",
    "-1",
    "0",
    "00005314",
    "5314.0",
    "53144",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "Infinity",
    "0x14BA",
    "５３１４",
    "null",
    "true",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "%ZZ",
    "%",
    "\x00",
    "'; DROP TABLE soc_group;--",
    "region:",
    "region:abc",
    "region:99",
    "gender:1|gender:99",
    ":::",
    ",,,",
    "age:-5",
    "47-2152.00",
    "47-2152.00,,xx",
    "2.A.1.a,2.A.1.a",
    "region",
    "REGION",
    "Gender",
    "🙂" * 50,
    "a" * 5000,
    "9" * 3000,
    "%E2%82",
    "\u202e\u0000\ufeff",
    "91,200",
    "-0,-0",
    "1e400,5",
    "53.8,-1.55,7",
    "scotland",
]
PARAMS = sorted(
    {p.name for ep in ENDPOINTS for p in ep.params}
    | {"callback", "coarse", "filters", "filter", "breakdown", "api_key", "featureClass"}
)
METHODS = ["GET"] * 12 + ["POST"] * 3 + ["HEAD", "get", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "BREW"]
# values an app would send, mixed with the hostile ones so requests get past the first check
VALID = [
    "5314",
    "41",
    "2136",
    "9233",
    "11",
    "3",
    "1",
    "2",
    "region:11",
    "gender:2,region:3",
    "gender",
    "region",
    "status",
    "qualification",
    "age",
    "true",
    "false",
    "2017",
    "2027",
    "industry",
    "47-2152.00",
    "plumber",
    "sparky",
    "2.A.1.a,2.A.1.b",
    "100,100,100,100",
    "cb",
    "SW1A1AA",
    "SW1A 1AA",
    "LS6",
    "EH1",
    "53.8,-1.55",
]
JSON_TYPES = ("application/json", "application/javascript")


PATH_TRICKS = [
    "/api/v1/../../etc/passwd",
    "/api/v1/%2e%2e/%2e%2e/etc/passwd",
    "/api/v1/soc/code/%00",
    "/api/v1/soc/code/%ZZ",
    "/api/v1/soc/code/%ff%fe",
    "//api//v1///soc//code//5314",
    "/api",
    "/api/",
    "/api/v1",
    "/",
    "/static/../../../etc/passwd",
    "/careerometer/../api/v1/soc/code/5314",
    "/developer",
    "/explorer/",
]
BODIES = [
    b'{"FilterType":3,"SocCode":5314}',
    b'{"SocCode":"abc"}',
    b'{"SocCode":null}',
    b'{"SocCode":true}',
    b"[1,2,3]",
    b'"just a string"',
    b"{" * 5000,
    b"[" * 60000,
    b'{"SocCode": 1e999}',
]
PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:,|;/?&=%+#'\"<>()[]{}*!@$"


def value(rng: random.Random) -> str:
    """Something a client (or an attacker) might send as a value."""
    kind = rng.randrange(8)
    if kind < 2:
        return rng.choice(HOSTILE)
    if kind > 5:
        return rng.choice(VALID)
    if kind == 2:
        return "".join(rng.choice(PRINTABLE) for _ in range(rng.randrange(40)))
    if kind == 3:
        return "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in range(rng.randrange(12))).replace("\ud800", "")
    if kind == 4:
        return str(rng.randrange(-(10**12), 10**12))
    return repr(rng.choice([rng.uniform(-1e6, 1e6), float("nan"), float("inf"), 1e308, -0.0]))


def no_surrogates(text: str) -> str:
    """As the HTTP server passes text on: decoded from UTF-8 bytes, so never a lone surrogate."""
    return text.encode("utf-8", "replace").decode("utf-8")


def request(rng: random.Random) -> tuple[str, str]:
    """(path, query string): mostly a real endpoint with its own parameters, anything as values."""
    kind = rng.randrange(8)
    names = PARAMS
    if kind < 5:  # a real endpoint, its path parameters replaced by anything
        ep = rng.choice(ENDPOINTS)
        names = [p.name for p in ep.params if p.where == "query"] + ["callback", "coarse", "x"]
        parts = [
            quote(no_surrogates(value(rng)), safe="") if p.startswith("{") else rng.choice([p, p, p.upper()])
            for p in ep.segments
        ]
        prefix = rng.choice(["/api/v1/"] * 6 + ["/api/", "/API/V1/", "/api/v1//", "/api/v2/"])
        target = prefix + "/".join(parts) + rng.choice(["", "", "", "/", "//", "/extra"])
    elif kind == 5:
        target = rng.choice(PATH_TRICKS)
    elif kind == 6:  # garbage after /api/v1, encoded or not
        garbage = no_surrogates(value(rng))
        target = "/api/v1/" + (quote(garbage, safe="/%") if rng.random() < 0.5 else garbage)
    else:
        target = no_surrogates(value(rng))
    pairs = [(rng.choice(names), no_surrogates(value(rng))) for _ in range(rng.randrange(7))]
    if rng.random() < 0.6:
        return target, "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in pairs)
    return target, "&".join(f"{k}={v}" for k, v in pairs) + rng.choice(
        ["", "&", "&&=", "=", "%", "&callback"]
    )


def body(rng: random.Random) -> bytes:
    kind = rng.randrange(3)
    if kind == 0:
        return b""
    if kind == 1:
        return rng.randbytes(rng.randrange(200))
    return rng.choice(BODIES)


def test_ten_thousand_malformed_requests_get_no_server_error(db_path):
    api = open_api(db_path)
    statuses: Counter[int] = Counter()

    @settings(
        max_examples=REQUESTS,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(seed=st.integers(0, 2**64))
    def one(seed: int) -> None:
        rng = random.Random(seed)
        method, (target, args) = rng.choice(METHODS), request(rng)
        reply = api.handle(method, target, args, body(rng), no_surrogates(value(rng)))
        statuses[reply.status] += 1
        assert reply.status < 500, (seed, method, target, args, reply.body[:300])
        if not target.lower().lstrip("/").startswith("api") or reply.status in (204, 304):
            return
        assert reply.content_type.startswith(JSON_TYPES), (target, reply.content_type)
        text = reply.body.decode()
        if reply.content_type.startswith("application/javascript"):
            text = re.fullmatch(r"/\*\*/[\w$.]+\((.*)\);", text, re.S).group(1)
        answer = json.loads(text)
        if reply.status >= 400:
            assert isinstance(answer, dict) and answer["error"], (target, args, answer)

    one()
    print(f"fuzz: {sum(statuses.values())} requests, by status {dict(sorted(statuses.items()))}")
    assert sum(statuses.values()) >= REQUESTS
    assert not [s for s in statuses if s >= 500], statuses
    # the requests exercised the API, not just the router: answers and refusals both
    assert statuses[200] > 1000 and statuses[400] > 2000, statuses
