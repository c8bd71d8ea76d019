"""The API's pages and clients in a real browser (Debian's Chromium, headless, driven by
playwright-core from web/node_modules; the steps are in web/tests/*.mjs): a jQuery page on
another site calling the API by XHR and by JSONP; the Careerometer embedded in another site's
page with its one script tag, used by keyboard only at phone and desktop width; and an axe-core
audit of the developer page, the API explorer, the widget and its demo page (no serious or
critical violations)."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from api_stack import body, get, in_process, running_api
from assistant_stack import free_ports
from browser_scripts import WEB, run_node

FIXTURES = WEB / "tests" / "fixtures"
JQUERY = WEB / "node_modules" / "jquery" / "dist" / "jquery.min.js"
JOBS = ("plumber", "electrician", "nurse")
FOURTH = "chef"


class OtherSite(SimpleHTTPRequestHandler):
    """Another website: the fixture pages, pointing at the API, and jQuery."""

    def __init__(self, *args, api: str, **kwargs) -> None:
        self.api = api
        super().__init__(*args, directory=str(FIXTURES), **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/vendor/jquery.js":
            self._send(JQUERY.read_bytes(), "text/javascript")
        elif path.endswith(".html") and (FIXTURES / path.lstrip("/")).is_file():
            page = (FIXTURES / path.lstrip("/")).read_text().replace("{{API}}", self.api)
            self._send(page.encode(), "text/html;charset=utf-8")
        else:
            self.send_error(404)

    def _send(self, content: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - base class name
        pass


@pytest.fixture(scope="module")
def api_site(tmp_path_factory):
    with running_api(tmp_path_factory.mktemp("api") / "usage.sqlite", workers=1) as server:
        yield server.url  # http://127.0.0.1:PORT


@pytest.fixture(scope="module")
def other_site(api_site):
    (port,) = free_ports(1)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(OtherSite, api=api_site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{port}"  # another origin: another host name and port
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def api(db_path):
    return in_process(db_path)


def first_match(api, words: str) -> dict:
    return body(get(api, f"/api/v1/soc/search?q={words}"))[0]


def weekly_pay(api, soc: int) -> str:
    """The pay line the widget must show for a job: its latest median weekly pay, coarse=true."""
    series = body(get(api, f"/api/v1/ashe/estimatePay?soc={soc}&coarse=true"))["series"]
    latest = [row["estpay"] for row in series if row["estpay"] is not None][-1]
    return f"£{latest:,} a week"


def test_a_jquery_page_on_another_site_calls_the_api_by_xhr_and_jsonp(api, other_site):
    job = first_match(api, "plumber")
    pay = body(get(api, f"/api/v1/ashe/estimatePay?soc={job['soc']}&coarse=true"))["series"][-1]["estpay"]
    run_node(
        "cross-origin.mjs",
        {"page": other_site + "/jquery-client.html", "soc": job["soc"], "title": job["title"], "estpay": pay},
    )


def test_the_careerometer_embedded_on_another_site_works_by_keyboard_on_phone_and_desktop(
    api, api_site, other_site
):
    jobs = []
    for words in JOBS:
        job = first_match(api, words)
        jobs.append({"words": words, "title": job["title"], "pay": weekly_pay(api, job["soc"])})
    report = run_node(
        "careerometer.mjs",
        {
            "host": other_site + "/careerometer-host.html",
            "api": api_site,
            "jobs": jobs,
            "fourth": FOURTH,
            "fourthTitle": first_match(api, FOURTH)["title"],
        },
    )
    assert [c["title"] for c in report["desktop"]["cards"]] == [j["title"] for j in jobs]


def test_the_api_pages_pass_an_axe_audit(api_site):
    report = run_node(
        "axe-audit.mjs",
        {
            "pages": [
                {"url": api_site + "/", "widths": [1280, 390]},
                {"url": api_site + "/explorer", "kind": "explorer"},
                {
                    "url": api_site + "/careerometer",
                    "kind": "careerometer",
                    "jobs": list(JOBS[:2]),
                    "typing": "teacher",
                    "widths": [1280, 390],
                },
                {"url": api_site + "/careerometer/demo"},
            ]
        },
    )
    assert all(page["violations"] == 0 and page["passed"] > 10 for page in report["pages"])
