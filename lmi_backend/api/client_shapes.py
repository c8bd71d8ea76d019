"""The requests real LMI for All client apps send (misc/lmiforall_client_requests.jsonl in the
sources: 158 request shapes from about 50 public apps, each with the response fields the app
reads), filled in with real codes: what the contract tests check and the benchmark replays."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlencode

from .. import config

SHAPES = "misc/lmiforall_client_requests.jsonl"
JSONP_NAME = "jQuery3710_16094"  # what jQuery puts in place of callback=?
PATH_VALUES = {
    "onetCode": "47-2152.00",
    "region": "11",
    "filter": "region",
    "breakdownBy": "gender",
    "name": "region",
}
# a client's placeholder -> what it sends (keyed by parameter, then by placeholder text; "*": any)
QUERY_VALUES = {
    "minYear": {"*": "2017"},  # Working Futures' base year: every projection table has it
    "maxYear": {"<Y (same as minYear in code default)>": "2017", "*": "2027"},
    "callback": {"*": JSONP_NAME},
    "area": {"<postcode, space kept -> 'SW1A+1AA'>": "SW1A 1AA", "*": "SW1A1AA"},
    "filters": {"*": "region:11"},
    "filterBy": {"gender:1 | gender:2": "gender:2", "region:<n> (optional)": "region:3", "*": "gender:1"},
    "filter": {"*": "gender:1"},
    "age": {"<age>coarse=false (missing '&')": "20coarse=false"},
    "coarse": {"*": "true"},
    "courses": {"*": "H3"},
    "keywords": {"*": "cook"},
    "location": {"*": "LS1"},
    "radius": {"*": "5"},
    "region": {"*": ""},
    "onetCodes": {"*": "47-2152.00,11-1011.00"},
    "skills": {"*": "2.A.1.a,2.A.1.b"},
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load(sources: Path | None = None) -> list[dict]:
    path = config.sources_dir(sources) / SHAPES
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def fill_query(shape: dict, soc: int, words: str = "plumber") -> dict[str, str]:
    """The shape's query with its placeholders filled: `soc` for SOC codes, `words` for what a
    user typed, the values above for the rest; literals stay as the app sends them."""
    out = {}
    for key, raw in shape["query"].items():
        if "<" not in raw and raw != "?" and key not in ("callback", "filterBy"):
            out[key] = raw
        elif key == "soc":
            out[key] = str(soc)
        elif key == "q":
            out[key] = "heating engineer" if "spaces" in raw else words
        else:
            table = QUERY_VALUES[key]
            out[key] = table.get(raw, table.get("*", raw))
    return out


def fill_path(path: str, soc: int) -> str:
    return PLACEHOLDER.sub(lambda m: PATH_VALUES.get(m.group(1), str(soc)), path)


def request_url(shape: dict, soc: int, jsonp: bool | None = None, words: str = "plumber") -> str:
    """Path and query string as the app sends them (spaces as +, as jQuery's $.param does);
    `jsonp` True or False adds or drops the callback, None keeps the app's choice."""
    query = fill_query(shape, soc, words)
    if jsonp is False:
        query.pop("callback", None)
    elif jsonp:
        query["callback"] = JSONP_NAME
    return fill_path(shape["path"], soc) + ("?" + urlencode(query) if query else "")


def request_body(shape: dict, soc: int) -> bytes:
    """The JSON body of an app that POSTs (dfc-app-matchskills: FilterType and SocCode)."""
    return json.dumps({"FilterType": 3, "SocCode": soc}).encode() if shape.get("body") else b""
