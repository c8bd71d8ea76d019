"""The pages beside the API: the developer page (made here from the endpoint registry, the
database's datasets and the usage figures, so it cannot drift from what the API answers), the
API explorer and the Careerometer widget with its demo page (static files in static/). Nothing
is loaded from elsewhere: no CDN, no web fonts.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

from ..service import LmiService
from .endpoints import ENDPOINTS, Endpoint
from .replies import Reply, etag
from .usage import UsageLog

STATIC = Path(__file__).resolve().parent / "static"
HTML = "text/html;charset=utf-8"
TYPES = {".html": HTML, ".css": "text/css;charset=utf-8", ".js": "text/javascript;charset=utf-8"}
# URL path -> file in static/
FILES = {
    "/explorer": "explorer.html",
    "/careerometer": "careerometer.html",
    "/careerometer/demo": "careerometer-demo.html",
    "/careerometer/embed.js": "careerometer-embed.js",
    "/static/site.css": "site.css",
    "/static/explorer.js": "explorer.js",
    "/static/careerometer.css": "careerometer.css",
    "/static/careerometer.js": "careerometer.js",
}
EMBEDDABLE = {"/careerometer"}  # may be framed by any site
POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
USAGE_DAYS = 14


def security_headers(path: str) -> tuple[tuple[str, str], ...]:
    frames = "frame-ancestors *" if path in EMBEDDABLE else "frame-ancestors 'self'"
    return (
        ("Content-Security-Policy", POLICY + frames),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-cache"),
    )


class Pages:
    def __init__(self, service: LmiService, usage: UsageLog | None) -> None:
        self.service, self.usage = service, usage
        self.files = {}
        for url, name in FILES.items():
            body = (STATIC / name).read_bytes()
            self.files[url] = Reply(200, body, TYPES[Path(name).suffix], security_headers(url), etag(body))

    def __call__(self, path: str, query: str) -> Reply | None:
        path = path.rstrip("/") or "/"
        if path in ("/", "/developer"):
            return Reply(200, self.developer_page().encode(), HTML, security_headers(path))
        return self.files.get(path)

    def developer_page(self) -> str:
        return PAGE.format(
            endpoints="\n".join(_family(family, eps) for family, eps in _families().items()),
            empty=_empty_list(),
            datasets="\n".join(_dataset(d) for d in self.service.datasets()),
            usage=self._usage(),
        )

    def _usage(self) -> str:
        rows = self.usage.recent(USAGE_DAYS) if self.usage else []
        if not rows:
            return "<p>No requests have been counted yet.</p>"
        by_day: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for day, name, n in rows:
            by_day[day].append((name, n))
        body = "\n".join(
            f"<tr><th scope='row'>{escape(day)}</th><td>{sum(n for _, n in counts):,}</td><td>"
            + ", ".join(f"<code>{escape(name)}</code> {n:,}" for name, n in counts)
            + "</td></tr>"
            for day, counts in by_day.items()
        )
        return (
            "<table><caption>Requests per endpoint per day (UTC), most recent first</caption>"
            "<thead><tr><th scope='col'>Day</th><th scope='col'>Requests</th>"
            f"<th scope='col'>By endpoint</th></tr></thead><tbody>{body}</tbody></table>"
        )


def _families() -> dict[str, list[Endpoint]]:
    families: dict[str, list[Endpoint]] = defaultdict(list)
    for ep in ENDPOINTS:
        families[ep.family].append(ep)
    return families


def _params(ep: Endpoint) -> str:
    if not ep.params:
        return "none"
    return (
        "<ul>"
        + "".join(
            f"<li><code>{escape(p.name)}</code>{' (required)' if p.required else ''}: {escape(p.description)}</li>"
            for p in ep.params
        )
        + "</ul>"
    )


def _family(family: str, eps: list[Endpoint]) -> str:
    rows = "\n".join(
        f"<tr><th scope='row'><code>{escape(ep.path)}</code></th><td>{escape(ep.summary)}"
        f"{_empty_note(ep)}</td>"
        f"<td>{_params(ep)}</td>"
        f"<td><a href='/api/v1{escape(ep.example, quote=True)}'>{escape(ep.example)}</a></td>"
        f"<td>{escape(ep.answers_from)}</td></tr>"
        for ep in eps
    )
    return (
        f"<h3 id='family-{escape(family)}'>{escape(family)}</h3><table><caption>The {escape(family)} "
        "endpoints</caption><thead><tr><th scope='col'>Path under /api/v1</th><th scope='col'>What it "
        "answers</th><th scope='col'>Parameters</th><th scope='col'>Example</th><th scope='col'>Data"
        f"</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _empty_note(ep: Endpoint) -> str:
    if not ep.empty:
        return ""
    part = f" for <code>{escape(ep.empty.part)}</code>" if ep.empty.part else ""
    return f". <strong>Empty answer</strong>{part}: {escape(ep.empty.reason)}"


def _empty_list() -> str:
    return (
        "<ul>"
        + "".join(
            f"<li><code>/api/v1{escape(ep.empty.where(ep.path))}</code>: {escape(ep.empty.reason)}</li>"
            for ep in ENDPOINTS
            if ep.empty
        )
        + "</ul>"
    )


def _dataset(d: dict) -> str:
    link = f" <a href='{escape(d['url'], quote=True)}'>publisher's page</a>" if d["url"] else ""
    return (
        f"<tr><th scope='row'>{escape(d['dataset'])}{link}</th><td>{escape(d['publisher'])}</td>"
        f"<td>{escape('; '.join(d['periods']) or 'not dated')}</td><td>{escape('; '.join(d['tables']))}</td>"
        f"<td>{escape(d['licence'])}</td><td>{escape(d['attribution'])}</td></tr>"
    )


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LMI for All API v1: developer page</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><p class="brand">Careers LMI</p>
<nav aria-label="Site"><ul><li><a href="/" aria-current="page">Developer page</a></li>
<li><a href="/explorer">API explorer</a></li><li><a href="/careerometer/demo">Careerometer</a></li>
<li><a href="/api/v1/openapi.json">OpenAPI document</a></li></ul></nav></header>
<main id="main">
<h1>LMI for All API v1, on our database</h1>
<p>The paths, parameters and answers of the LMI for All v1 API (UK labour market information:
jobs, pay, hours, projections, skills), answered from this project's database. An app written
for LMI for All runs on it by changing its base URL to <code>/api/v1</code> on this server.</p>

<h2>How it answers</h2>
<ul>
<li>JSON; JSONP when you add <code>callback=yourFunction</code>. Any origin may call it (CORS
<code>*</code>). GET or POST; unknown parameters are ignored; answers carry an
<code>ETag</code> and may be cached for an hour.</li>
<li>Bad input gets a 4xx answer with <code>{{"error": "..."}}</code>: an empty search
<code>q</code> gives 400; a search with no match gives <code>[]</code>; an unknown SOC code gives
400.</li>
<li>Every figure passes the disclosure rules of the original: a group of fewer than 1,000 people
gets no figure; Employer Skills Survey figures need 50 establishments. With
<code>coarse=true</code> a job too small for its own figure gets its nearest wider SOC group's,
and the answer's <code>soc</code> says which group (e.g. <code>"soc": 41</code>); with
<code>coarse=false</code> (the default) the figure is <code>null</code>. Breakdown entries that
cannot be given for exactly their group are <code>null</code>.</li>
<li><code>estpay</code> is median gross pay in pounds a week; hours are median paid hours a week.
Projections are Working Futures 2017-2027 for the UK, made before COVID-19 on the trends of the
time, not forecasts; a unit group gets its group's projection times a fixed share, as LMI for
All's did. Following the workbook's warning, a projected figure for fewer than 1,000 people is
<code>null</code> and one for fewer than 10,000 carries a <code>note</code>.</li>
<li>The census calls take a postcode, a postcode district or <code>lat,lng</code> and answer for
its local authority from the 2011 Census, which counts people where they live; England and Wales
only.</li>
</ul>
<p>Try any endpoint in the <a href="/explorer">API explorer</a>, or embed the
<a href="/careerometer/demo">Careerometer</a> job comparison widget with one script tag:
<code>&lt;script src="https://THIS-SERVER/careerometer/embed.js"&gt;&lt;/script&gt;</code>.</p>

<h2>Endpoints</h2>
{endpoints}

<h2>Endpoints without a source</h2>
<p>These answer the original's empty answer, in its shape, because no source we hold has their
data (the rest of LMI for All's paths answer from the datasets below):</p>
{empty}

<h2>Datasets</h2>
<table>
<caption>Every dataset behind the answers, with its period, licence and attribution</caption>
<thead><tr><th scope="col">Dataset</th><th scope="col">Publisher</th><th scope="col">Period</th>
<th scope="col">Tables</th><th scope="col">Licence</th><th scope="col">Attribution</th></tr></thead>
<tbody>
{datasets}
</tbody>
</table>
<p>Figures not published as such (pay by region below sub-major groups, by qualification and
age; hours for unit groups; projections for unit groups) are the project's documented estimates
from these sources. Contains public sector information licensed under the Open Government Licence
v3.0. This product includes information from the O*NET 29.3 Database by the U.S. Department of
Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence;
O*NET&reg; is a trademark of USDOL/ETA.</p>

<h2>Usage</h2>
<p>Requests are counted per endpoint and day; no addresses, queries or anything typed are kept.</p>
{usage}
</main>
</body>
</html>
"""
