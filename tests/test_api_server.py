"""The API over real HTTP, as `lmi serve-api` runs it (two worker processes): the original's
headers (CORS, JSONP, ETag and 304, a POST from a C# client, HEAD), the developer page with its
usage figures, raw requests no client library would send, and a clean stop on Ctrl-C."""

from __future__ import annotations

import json
import socket
import sqlite3
import time

import pytest
from api_stack import running_api

from lmi_backend.api.endpoints import ENDPOINTS

USAGE_FLUSH_WAIT = 15  # seconds at most: the workers add their counts to the file every 5


@pytest.fixture(scope="module")
def server(tmp_path_factory, db_path):
    usage = tmp_path_factory.mktemp("api") / "usage.sqlite"
    with running_api(usage, workers=2) as running:
        yield running


def test_json_with_cors_and_an_etag_that_revalidates(server):
    status, headers, raw = server.fetch(
        "/api/v1/soc/search?q=plumber", headers={"Origin": "http://other.example"}
    )
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(raw)[0]["soc"] == 5314
    again, _, empty = server.fetch("/api/v1/soc/search?q=plumber", headers={"If-None-Match": headers["ETag"]})
    assert again == 304 and empty == b""
    assert "max-age" in headers["Cache-Control"]


def test_jsonp_preflight_post_and_head(server):
    status, headers, raw = server.fetch("/api/v1/wf/predict?soc=5314&callback=jQuery_1")
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert raw.startswith(b"/**/jQuery_1({") and raw.endswith(b"});")
    status, headers, _ = server.fetch(
        "/api/v1/soc/search",
        "OPTIONS",
        headers={"Origin": "http://other.example", "Access-Control-Request-Headers": "authorization, date"},
    )
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    # dfc-app-matchskills POSTs a JSON body to a capitalised breakdown, with its signature headers
    status, _, raw = server.fetch(
        "/api/v1/wf/predict/breakdown/Region?soc=5314",
        "POST",
        json.dumps({"FilterType": 3, "SocCode": 5314}).encode(),
        {
            "Content-Type": "application/json",
            "Authorization": 'Signature keyId="x"',
            "Date": "Mon, 1 Jan 2024",
        },
    )
    assert status == 200 and json.loads(raw)["breakdown"] == "region"
    status, headers, raw = server.fetch("/api/v1/soc/code/5314", "HEAD")
    assert status == 200 and raw == b"" and headers["Content-Type"].startswith("application/json")


def test_errors_are_json(server):
    status, _, raw = server.fetch("/api/v1/soc/search?q=")
    assert (status, json.loads(raw)) == (400, {"error": "Please give a string to search for."})
    status, _, raw = server.fetch("/api/v1/no/such/thing")
    assert status == 404 and "error" in json.loads(raw)


def raw_request(server, request: bytes) -> int:
    host, port = server.url.rsplit(":", 1)
    with socket.create_connection((host.removeprefix("http://"), int(port)), timeout=20) as conn:
        conn.sendall(request)
        reply = b""
        while b"\r\n" not in reply:
            chunk = conn.recv(4096)
            if not chunk:
                break
            reply += chunk
    return int(reply.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "target",
    [
        b"/api/v1/soc/code/%ff%fe%00",
        b"/api/v1/soc/search?q=\xff\xfe\xc3",
        b"/api/v1/soc/search?q=" + b"a" * 6000,
        b"/api/v1/../../../etc/passwd",
        b"/api/v1/soc/code/5314?%%%=%%%&&&",
        b"/%2e%2e/%2e%2e/",
        b"/api/v1/ashe/estimatePay?soc=5314&filters=region%3A11%2Cgender%3A%FF",
    ],
)
def test_raw_requests_no_client_would_send_get_no_server_error(server, target):
    status = raw_request(server, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status < 500, target


def counted(server) -> list[tuple[str, str, int]]:
    """The usage file's rows once the workers have added the requests made so far (they add
    their counts every 5 seconds)."""
    deadline = time.monotonic() + USAGE_FLUSH_WAIT
    while True:
        with sqlite3.connect(server.usage_db) as db:
            rows = db.execute("SELECT day, endpoint, requests FROM usage").fetchall()
        hours = sum(n for _, endpoint, n in rows if endpoint == "/ashe/estimateHours")
        searches = sum(n for _, endpoint, n in rows if endpoint == "/soc/search")
        if (hours >= 3 and searches >= 1) or time.monotonic() > deadline:
            return rows
        time.sleep(0.5)


def test_usage_is_counted_without_personal_data_and_shown_on_the_developer_page(server):
    for _ in range(3):
        server.fetch("/api/v1/ashe/estimateHours?soc=5314&coarse=true")
    server.fetch("/api/v1/soc/search?q=my+name+is+alice+smith")
    rows = counted(server)
    with sqlite3.connect(server.usage_db) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(usage)")]
    assert columns == ["day", "endpoint", "requests"]
    known = {ep.path for ep in ENDPOINTS} | {"(no such endpoint)"}
    assert {endpoint for _, endpoint, _ in rows} <= known
    assert not any("alice" in str(row) or "127.0.0.1" in str(row) for row in rows)
    assert sum(n for _, endpoint, n in rows if endpoint == "/ashe/estimateHours") >= 3
    status, headers, raw = server.fetch("/")
    page = raw.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<code>/ashe/estimateHours</code>" in page  # the usage table


def test_the_pages_are_served(server):
    status, headers, raw = server.fetch("/")
    page = raw.decode()
    assert status == 200 and "default-src 'self'" in headers["Content-Security-Policy"]
    assert all(ep.path in page for ep in ENDPOINTS)
    assert "Open Government Licence" in page and "CC BY 4.0" in page
    for path in (
        "/explorer",
        "/careerometer",
        "/careerometer/demo",
        "/careerometer/embed.js",
        "/static/site.css",
    ):
        assert server.fetch(path)[0] == 200, path
    _, widget_headers, _ = server.fetch("/careerometer")
    assert "frame-ancestors *" in widget_headers["Content-Security-Policy"]  # embeddable anywhere
