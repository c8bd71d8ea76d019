"""Contract tests generated from what real LMI for All client apps do
(../shared/lmi-sources/misc/lmiforall_client_requests.jsonl: 158 request shapes, each with the
response fields the app reads) and from 32 responses the real API gave
(misc/lmiforall_examples/captured_responses_2015_2017.json).

Every request shape, filled in with real codes, must answer 200 JSON in which every field the
app reads is there (integers where the app needs integers), and the same request with
`callback=` must wrap the same body. A list the app reads into may be empty only where the data
says so, each case named below with its reason. Each captured response must come back with the
same status, the same shape and the same JSON types (the figures are ours, not 2015's).
"""

from __future__ import annotations

import json
import re

import pytest
from api_stack import body, get, in_process

from lmi_backend import config
from lmi_backend.api import client_shapes
from lmi_backend.api.client_shapes import fill_path, fill_query, request_body, request_url
from lmi_backend.api.core import ENDPOINTS, api_segments, match
from lmi_backend.api.replies import CALLBACK

MISC = config.sources_dir() / "misc"
CAPTURED_FILE = MISC / "lmiforall_examples" / "captured_responses_2015_2017.json"
SHAPES = client_shapes.load() if (config.sources_dir() / client_shapes.SHAPES).exists() else []
CAPTURED = json.loads(CAPTURED_FILE.read_text())["responses"] if CAPTURED_FILE.exists() else []

# large jobs that every source covers, so each shape is checked where data exists
SOCS = (5314, 2136, 9233)  # plumbers, programmers, cleaners
JSONP_NAME = client_shapes.JSONP_NAME
# Why a list an app reads into may legitimately be empty (checked against the answer itself).
# The years Working Futures 2017-2027 publishes (README of its folder): employment every year,
# the splits by sex and qualification every five years, by status and industry every ten.
PROJECTED_YEARS = {
    "predict": range(2007, 2028),
    "gender": (2007, 2012, 2017, 2022, 2027),
    "qualification": (2007, 2012, 2017, 2022, 2027),
    "status": (2007, 2017, 2027),
    "industry": (2007, 2017, 2027),
}


def shape_id(shape: dict) -> str:
    return f"{SHAPES.index(shape):03d} {shape['method']} {shape['path']}"


# -- reading the fields an app reads ------------------------------------------------------------

NOTE_ONLY = re.compile(r"->|==|^'|^HTTP|^non-|^missing|^\(whole|^List<|model$|^data\.")
WHOLE_NUMBER_NOTES = ("(int)", "(long)", "integral", "(enum")
SEGMENT = re.compile(r"([^.\[\]]*)((?:\[[^\]]*\])*)")


class Empty(Exception):
    """The path stopped at an empty list."""


def steps(path: str) -> list[tuple[str, str]]:
    """'series[0].breakdown[].estpay' -> [('key','series'), ('index','0'), ('key','breakdown'), ...]"""
    out = []
    for part in re.split(r"\.(?![^\[]*\])", path):
        m = SEGMENT.fullmatch(part)
        assert m, f"cannot read field path {path!r}"
        name, indexes = m.groups()
        if name:
            out.append(("key", name))
        out += [("index", i) for i in re.findall(r"\[([^\]]*)\]", indexes)]
    return out


def resolve(value, path_steps: list[tuple[str, str]]) -> list:
    """Every value at the path; raises KeyError when a key is missing, Empty at an empty list."""
    values = [value]
    for kind, arg in path_steps:
        nxt = []
        for v in values:
            if kind == "key":
                if not isinstance(v, dict) or arg not in v:
                    raise KeyError(arg)
                nxt.append(v[arg])
                continue
            if not isinstance(v, list):
                raise KeyError(f"[{arg}] on {type(v).__name__}")
            if not v:
                raise Empty(arg)
            if arg in ("", "i") or ".." in arg or arg.startswith(":"):
                nxt += v
            else:
                index = int(arg)
                if index >= len(v) or index < -len(v):
                    raise KeyError(f"[{arg}] of {len(v)}")
                nxt.append(v[index])
        values = nxt
    return values


def first_found(answer, paths: list[str]) -> list:
    for path in paths[:-1]:
        try:
            return resolve(answer, steps(path))
        except (KeyError, Empty):
            pass
    return resolve(answer, steps(paths[-1]))


def fields(shape: dict) -> list[tuple[list[str], bool]]:
    """(paths to try, must be a whole number) for each field the app reads; notes are left
    out, a field written '.name' is read beside the field before it, and a bare name after a
    whole list ('series[]', then 'estpay') may be read inside that list's items."""
    out: list[tuple[list[str], bool]] = []
    last = ""
    for raw in shape["fields_read"]:
        text = raw.strip()
        whole = any(n in text for n in WHOLE_NUMBER_NOTES)
        optional = "(optional)" in text
        text = re.sub(r"\s*\(.*\)\s*$", "", text).strip()
        text = re.sub(r"\s+(slice|of|flattened|->).*$", "", text).strip()
        if not text or NOTE_ONLY.search(text) or text in ("length", "len") or " " in text or "{" in text:
            continue
        paths = [text]
        if text.startswith("."):
            paths = [last.rsplit(".", 1)[0] + text]
        elif last.endswith("[]") and re.fullmatch(r"\w+", text):
            paths.append(f"{last}.{text}")
        else:
            last = text
        if not optional:
            out.append((paths, whole))
    return out


def allowed_empty(shape: dict, answer) -> str | None:
    """Why an empty list is the right answer for this shape, or None when it is not."""
    found = match(api_segments(fill_path(shape["path"], SOCS[0])) or [])
    endpoint, params = found if found else (None, {})
    part = {value.lower() for value in params.values()}
    if endpoint and endpoint.empty and (endpoint.empty.part is None or endpoint.empty.part in part):
        return f"no source: {endpoint.empty.reason}"
    if endpoint and endpoint.path.startswith("/wf/predict"):
        years = fill_query(shape, 0)
        low, high = int(years.get("minYear", 0)), int(years.get("maxYear", 9999))
        published = PROJECTED_YEARS[params.get("breakdown", "predict").lower()]
        if not any(low <= y <= high for y in published):
            return f"the years asked ({low}-{high}) are none of those projected {tuple(published)}"
    if endpoint and endpoint.path.startswith("/census/"):
        country = answer["area"].get("country")
        if country in ("Scotland", "Northern Ireland"):  # e.g. a Scottish app's 'lat,lng'
            return f"the 2011 Census rows held are for England and Wales, the area is in {country}"
    if endpoint and endpoint.path == "/ess/regions/ranksocs/{region}":
        return "the Employer Skills Survey file held is for the UK only"
    return None


@pytest.fixture(scope="module")
def api(db_path):
    return in_process(db_path)


def test_the_reference_files_are_there():
    assert len(SHAPES) == 158, f"{client_shapes.SHAPES} should list 158 request shapes"
    assert len(CAPTURED) == 32, f"{CAPTURED_FILE} should hold 32 responses"


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_every_client_request_shape_gets_the_fields_it_reads(api, shape):
    for soc in SOCS:
        url = request_url(shape, soc, jsonp=False)
        reply = get(api, url, shape["method"], request_body(shape, soc))
        assert reply.status == 200, f"{url}: HTTP {reply.status} {reply.body[:300]!r}"
        assert ("Access-Control-Allow-Origin", "*") in reply.headers
        answer = body(reply)
        for paths, whole in fields(shape):
            path = paths[0]
            try:
                values = first_found(answer, paths)
            except KeyError as missing:
                pytest.fail(f"{url}: the app reads {path!r} but {missing} is missing in {str(answer)[:400]}")
            except Empty:
                reason = allowed_empty(shape, answer)
                assert reason, f"{url}: {path!r} runs into an empty list: {str(answer)[:400]}"
                continue
            if whole:
                assert all(isinstance(v, int) and not isinstance(v, bool) for v in values), (
                    url,
                    path,
                    values[:5],
                )
        # JSONP wraps the very same body
        wrapped = get(api, request_url(shape, soc, jsonp=True), shape["method"], request_body(shape, soc))
        assert wrapped.status == 200 and wrapped.content_type.startswith("application/javascript")
        assert wrapped.body == b"/**/" + JSONP_NAME.encode() + b"(" + reply.body + b");"


def test_the_apps_notes_on_values_hold(api):
    """What the apps check beyond field names: the skills scales are all LV; the interests come
    as IH then OI; wf/predict answers years it has not got with an empty list, not an error."""
    skills = body(get(api, "/api/v1/o-net/skills/47-2152.00"))
    assert skills["scales"] and {s["id"] for s in skills["scales"]} == {"LV"}
    interests = body(get(api, "/api/v1/o-net/interests/47-2152.00"))
    assert [s["id"] for s in interests["scales"]] == ["IH", "OI"]
    assert (
        body(get(api, "/api/v1/wf/predict?soc=5314&minYear=2032&maxYear=2032"))["predictedEmployment"] == []
    )
    assert get(api, "/api/v1/ashe/estimatePay?soc=53144&callback=x").status == 400  # a 5-digit "SOC"


@pytest.mark.parametrize("kind", ["estimatePay", "estimateHours", "annualChanges"])
def test_a_sweep_over_every_unit_group_gets_a_row_for_each(api, service, kind):
    """An app loops over all 369 unit groups and reads the latest year: each must answer a row."""
    key = {"estimatePay": "series", "estimateHours": "series", "annualChanges": "annual_changes"}[kind]
    for soc in service.unit_groups():
        answer = body(get(api, f"/api/v1/ashe/{kind}?soc={soc}"))
        assert answer["soc"] == soc and answer[key], (soc, answer)
        assert all(isinstance(row["year"], int) for row in answer[key])


# -- the captured responses ---------------------------------------------------------------------


def json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", list: "array", dict: "object", type(None): "null"}[type(value)]


def same_shape(ours, theirs, where: str = "") -> None:
    assert json_type(ours) == json_type(theirs), (
        f"{where or 'top'}: {json_type(ours)} here, {json_type(theirs)} there"
    )
    if isinstance(theirs, dict):
        for key, value in theirs.items():
            assert key in ours, f"{where}.{key} is missing"
            same_shape(ours[key], value, f"{where}.{key}")
    elif isinstance(theirs, list) and theirs:
        assert ours, f"{where}: an empty list where the original had {len(theirs)} items"
        same_shape(ours[0], theirs[0], f"{where}[0]")


@pytest.mark.parametrize("captured", CAPTURED, ids=lambda c: c["request"])
def test_captured_responses_come_back_in_the_same_shape(api, captured):
    method, url = captured["request"].split(" ", 1)
    reply = get(api, url, method)
    assert reply.status == captured["status"]
    assert reply.content_type.startswith("application/json")
    if captured["access_control_allow_origin"] == "*":
        assert ("Access-Control-Allow-Origin", "*") in reply.headers
    same_shape(body(reply), json.loads(captured["body"]))


def test_coarse_true_answers_for_the_group_it_names(api, service):
    """coarse=true: a job too small for its own figure gets its nearest wider group's, and the
    answer's soc says which; coarse=false: no figure."""
    small = next(
        soc
        for soc in service.unit_groups()
        if body(get(api, f"/api/v1/ashe/estimatePay?soc={soc}&coarse=false"))["series"][-1]["estpay"] is None
        and body(get(api, f"/api/v1/ashe/estimatePay?soc={soc}&coarse=true"))["series"][-1]["estpay"]
        is not None
    )
    coarse = body(get(api, f"/api/v1/ashe/estimatePay?soc={small}&coarse=true"))
    assert coarse["soc"] in (small // 10, small // 100)
    from lmi_backend.disclosure import Fallback
    from lmi_backend.service import Query

    group = service.pay_series(Query(coarse["soc"]), fallback=Fallback.EXACT)
    assert coarse["series"][-1]["estpay"] == round(group.items[-1]["weekly_median"])


def test_callback_names_must_be_plain_javascript_names(api):
    assert CALLBACK.fullmatch(JSONP_NAME)
    reply = get(api, "/api/v1/soc/search?q=plumber&callback=alert(1)//")
    assert reply.status == 400 and body(reply) == {"error": "callback must be a JavaScript function name."}


def test_the_openapi_document_describes_every_endpoint_and_its_example_answers(api):
    document = body(get(api, "/api/v1/openapi.json"))
    assert document["openapi"].startswith("3.")
    for ep in ENDPOINTS:
        operation = document["paths"][ep.path]["get"]
        assert {p.name for p in ep.params} <= {p["name"] for p in operation["parameters"]}, ep.path
        example = get(api, operation["x-example"])
        assert example.status == 200, (operation["x-example"], example.body[:200])
