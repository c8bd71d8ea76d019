"""Approved apprenticeship standards (Skills England, formerly IfATE) and their typical job titles.

The file is a JSON array, so a bad record is named by its position in the array (the first
record is row 1). Standards carry no SOC code; they are linked to unit groups later by coding
their job titles (apprenticeship_soc, not filled here). larsCode 0 means no LARS funding code has
been issued yet and is stored as NULL. Job titles repeated within a standard (the source lists a
few twice, sometimes in another case) are stored once, in their first spelling.
"""

from __future__ import annotations

import re

from ...db import occupations as o
from ..context import BuildContext
from ..sources import SourceFile

STANDARDS = "misc/apprenticeships/ifate_standards_approved_640.json"
REFERENCE = re.compile(r"ST\d{4}")
LEVELS = range(2, 8)


def load(ctx: BuildContext) -> None:
    src = ctx.source(STANDARDS)
    records = src.read_json()
    if not isinstance(records, list):
        raise src.error(None, "file must be a JSON array of standards")
    standards: dict[str, dict] = {}
    titles: list[dict] = []
    for row, rec in enumerate(records, 1):
        src.rows_read += 1
        standard = _standard(src, row, rec)
        if standard["reference"] in standards:
            raise src.error(row, "referenceNumber must be unique", standard["reference"])
        standards[standard["reference"]] = standard
        titles += _job_titles(src, row, rec, standard["reference"])
    ctx.insert(o.apprenticeship_standard, standards.values(), src)
    ctx.insert(o.apprenticeship_job_title, titles)


def _standard(src: SourceFile, row: int, rec: object) -> dict:
    if not isinstance(rec, dict):
        raise src.error(row, "each standard must be a JSON object")
    reference = _text(src, row, rec, "referenceNumber")
    if not REFERENCE.fullmatch(reference):
        raise src.error(row, "referenceNumber must look like ST0123", reference[:20])
    level = _whole(src, row, rec, "level")
    if level not in LEVELS:
        raise src.error(row, "level must be 2-7", f"{reference}: found {level}")
    duration = _whole(src, row, rec, "typicalDuration")
    if duration <= 0:
        raise src.error(
            row, "typicalDuration must be a positive number of months", f"{reference}: found {duration}"
        )
    funding = _whole(src, row, rec, "maxFunding")
    if funding < 0:
        raise src.error(row, "maxFunding must not be negative", f"{reference}: found {funding}")
    lars = _whole(src, row, rec, "larsCode")
    return {
        "reference": reference,
        "lars_code": lars or None,
        "title": _text(src, row, rec, "title"),
        "level": level,
        "route": _text(src, row, rec, "route"),
        "duration_months": duration,
        "max_funding": funding,
        "overview": (rec.get("overviewOfRole") or "").strip() or None,
        "status": _text(src, row, rec, "status"),
    }


def _job_titles(src: SourceFile, row: int, rec: dict, reference: str) -> list[dict]:
    raw = rec.get("typicalJobTitles", [])
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise src.error(row, "typicalJobTitles must be a list of strings", reference)
    seen: set[str] = set()
    titles = []
    for title in (t.strip() for t in raw):
        if title and title.lower() not in seen:
            seen.add(title.lower())
            titles.append({"reference": reference, "title": title})
    return titles


def _text(src: SourceFile, row: int, rec: dict, key: str) -> str:
    value = rec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise src.error(row, f"'{key}' must be non-empty text", f"found {value!r}"[:60])
    return value.strip()


def _whole(src: SourceFile, row: int, rec: dict, key: str) -> int:
    value = rec.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise src.error(row, f"'{key}' must be a whole number", f"found {value!r}"[:60])
    return value
