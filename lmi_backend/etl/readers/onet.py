"""O*NET descriptors: occupations and job zones, the content-model elements, and ratings for
skills, knowledge, interests, work styles and work values (O*NET 29.3), plus abilities.

Ratings are stored as O*NET publishes them, one row per occupation, element and scale, on the
scale's own range from Scales Reference (IM importance 1-5, LV level 0-7, OI interest 1-7, EX
extent 1-7). An 'n/a' cell is stored as missing with its reason. O*NET's "Recommend Suppress"
(the estimate is imprecise: few respondents or a wide interval) and "Not Relevant" (most raters
said the level does not apply) are published *with* a value, so the value is kept and the flags
are stored beside it ('n/a' flag -> NULL); whoever shows a rating must leave out suppressed ones.
The high-point scales are codes naming which interest or value comes first, second, third (0 =
none), not ratings. The interest high-points (IH) are kept, as published, because the LMI for All
API answered with them (/o-net/interests: scales IH then OI) and O*NET's cut-offs for a second or
third high-point cannot be recomputed from the OI ratings; the work value high-points (VH) are
skipped.

Abilities are missing from the 29.3 copy, so they come from an older importance-only file keyed
by O*NET-SOC 2010 codes and element *names*. Names are matched to Element IDs through the
Content Model Reference and codes moved to O*NET-SOC 2019 with O*NET's 2010-to-2019 crosswalk.
Where one 2010 code split, every successor gets its value; where several 2010 codes merged into
one 2019 code, the 2019 value is the unweighted mean of theirs (a documented estimate, counted in
the build log). Rows whose 2010 code has no successor are skipped and counted as a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from ...db import occupations as o
from ..context import BuildContext
from ..parsing import Cell, parse_cell
from ..sources import SourceFile

ONET = "onet/onet_29_3/"
ABILITIES = "onet/onet_abilities_fallback/Abilities_IM_onetsoc2010.csv"
ONET_2010_TO_2019 = "onet/crosswalks/onetsoc2010_to_onetsoc2019.csv"

# Content-model branch -> domain; the longest matching prefix wins.
DOMAIN_PREFIXES = {
    "1.A": "abilities",
    "1.B.1": "interests",
    "1.B.2": "work_values",
    "1.C": "work_styles",
    "2.A": "skills",
    "2.B": "skills",
    "2.C": "knowledge",
}
HIGH_POINT_SCALES = {"VH"}
ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d")
FLAGS = {"Y": True, "N": False, "n/a": None}


@dataclass(frozen=True)
class DescriptorFile:
    name: str
    domain: str
    scales: frozenset[str]


DESCRIPTOR_FILES = (
    DescriptorFile("Skills.txt", "skills", frozenset({"IM", "LV"})),
    DescriptorFile("Knowledge.txt", "knowledge", frozenset({"IM", "LV"})),
    DescriptorFile("Interests.txt", "interests", frozenset({"OI", "IH"})),
    DescriptorFile("Work Styles.txt", "work_styles", frozenset({"IM"})),
    DescriptorFile("Work Values.txt", "work_values", frozenset({"EX"})),
)


@dataclass(frozen=True)
class Element:
    name: str
    domain: str | None


@dataclass
class ContentModel:
    """Every element O*NET defines; only those with ratings are stored."""

    src: SourceFile
    elements: dict[str, Element]
    stored: set[str] = field(default_factory=set)

    def store(self, ctx: BuildContext, ids: set[str]) -> None:
        new = sorted(ids - self.stored)
        ctx.insert(
            o.onet_element,
            [
                {"element_id": e, "name": self.elements[e].name, "domain": self.elements[e].domain}
                for e in new
            ],
        )
        self.stored.update(new)
        self.src.rows_loaded += len(new)


def domain_of(element_id: str) -> str | None:
    best = max(
        (p for p in DOMAIN_PREFIXES if element_id == p or element_id.startswith(p + ".")),
        key=len,
        default=None,
    )
    return DOMAIN_PREFIXES[best] if best else None


def load(ctx: BuildContext) -> None:
    scales = _scales(ctx)
    model = _content_model(ctx)
    codes = _occupations(ctx)
    _job_zone_reference(ctx)
    for spec in DESCRIPTOR_FILES:
        src = ctx.source(ONET + spec.name)
        rows = _descriptor_rows(src, spec, scales, model.elements, codes)
        model.store(ctx, {r["element_id"] for r in rows})
        ctx.insert(o.onet_value, rows, src)
    _abilities(ctx, scales, model, codes)


def _scales(ctx: BuildContext) -> dict[str, tuple[float, float]]:
    src = ctx.source(ONET + "Scales Reference.txt")
    ranges = {}
    for line, rec in src.records(delimiter="\t"):
        lo = parse_cell(src, line, "Minimum", rec["Minimum"]).value
        hi = parse_cell(src, line, "Maximum", rec["Maximum"]).value
        if lo is None or hi is None or lo >= hi:
            raise src.error(line, "a scale needs a minimum below its maximum", rec["Scale ID"])
        ranges[rec["Scale ID"]] = (lo, hi)
    missing = set().union(*(spec.scales for spec in DESCRIPTOR_FILES)) - ranges.keys()
    if missing:
        raise src.error(None, "every scale the ratings use must have a range", f"missing {sorted(missing)}")
    src.rows_loaded = len(ranges)  # used to range-check every rating
    return ranges


def _content_model(ctx: BuildContext) -> ContentModel:
    src = ctx.source(ONET + "Content Model Reference.txt")
    elements = {}
    for line, rec in src.records(delimiter="\t"):
        eid, name = rec["Element ID"].strip(), rec["Element Name"].strip()
        if not eid or not name or eid in elements:
            raise src.error(line, "element IDs must be present, named and unique", eid)
        elements[eid] = Element(name, domain_of(eid))
    return ContentModel(src, elements)


def _occupations(ctx: BuildContext) -> set[str]:
    src = ctx.source(ONET + "Occupation Data.txt")
    rows: dict[str, dict[str, str | int | None]] = {}
    for line, rec in src.records(delimiter="\t"):
        code = _onet_code(src, line, rec["O*NET-SOC Code"])
        if code in rows or not rec["Title"].strip():
            raise src.error(line, "occupation codes must be unique and titled", code)
        rows[code] = {
            "code": code,
            "title": rec["Title"].strip(),
            "description": rec["Description"].strip() or None,
            "job_zone": None,
        }
    zones = ctx.source(ONET + "Job Zones.txt")
    for line, rec in zones.records(delimiter="\t"):
        code = rec["O*NET-SOC Code"]
        if code not in rows:
            raise zones.error(line, "O*NET-SOC code must be in Occupation Data", code)
        rows[code]["job_zone"] = _job_zone(zones, line, rec["Job Zone"])
        zones.rows_loaded += 1
    ctx.insert(o.onet_occupation, rows.values())
    src.rows_loaded = len(rows)
    return set(rows)


def _job_zone_reference(ctx: BuildContext) -> None:
    src = ctx.source(ONET + "Job Zone Reference.txt")
    rows = [
        {
            "zone": _job_zone(src, line, rec["Job Zone"]),
            "name": rec["Name"].strip(),
            "experience": rec["Experience"].strip(),
            "education": rec["Education"].strip(),
            "training": rec["Job Training"].strip(),
            "examples": rec["Examples"].strip(),
        }
        for line, rec in src.records(delimiter="\t")
    ]
    ctx.insert(o.onet_job_zone, rows)
    src.rows_loaded = len(rows)


def _job_zone(src: SourceFile, line: int, raw: str) -> int:
    text = raw.strip()
    if text not in {"1", "2", "3", "4", "5"}:
        raise src.error(line, "job zone must be 1-5", f"found {text[:20]!r}")
    return int(text)


def _onet_code(src: SourceFile, line: int, raw: str) -> str:
    code = raw.strip()
    if not ONET_CODE.fullmatch(code):
        raise src.error(line, "O*NET-SOC code must look like 47-2152.00", f"found {code[:20]!r}")
    return code


def _descriptor_rows(
    src: SourceFile,
    spec: DescriptorFile,
    scales: dict[str, tuple[float, float]],
    elements: dict[str, Element],
    codes: set[str],
) -> list[dict]:
    rows: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    for line, rec in src.records(delimiter="\t"):
        scale = rec["Scale ID"]
        if scale in HIGH_POINT_SCALES:
            continue
        if scale not in spec.scales:
            raise src.error(line, f"scale must be one of {sorted(spec.scales)}", f"found {scale!r}")
        code = rec["O*NET-SOC Code"]
        if code not in codes:
            raise src.error(line, "O*NET-SOC code must be in Occupation Data", code)
        eid = rec["Element ID"]
        element = elements.get(eid)
        if element is None or element.domain != spec.domain or element.name != rec["Element Name"]:
            raise src.error(
                line,
                f"element must be a {spec.domain} element of the Content Model Reference, with its name",
                f"{eid} {rec['Element Name']!r}",
            )
        if (code, eid, scale) in seen:
            raise src.error(line, "one rating per occupation, element and scale", f"{code} {eid} {scale}")
        seen.add((code, eid, scale))
        lo, hi = scales[scale]
        rows.append(
            {
                **parse_cell(src, line, "Data Value", rec["Data Value"], lo=lo, hi=hi).as_row(),
                "onet_code": code,
                "element_id": eid,
                "scale": scale,
                "n": _count(src, line, rec.get("N")),
                "recommend_suppress": _flag(src, line, rec, "Recommend Suppress"),
                "not_relevant": _flag(src, line, rec, "Not Relevant"),
            }
        )
    return rows


def _count(src: SourceFile, line: int, raw: str | None) -> int | None:
    if raw is None or raw == "n/a":
        return None
    if not raw.isdigit():
        raise src.error(line, "column 'N' must be a whole number or n/a", f"found {raw[:20]!r}")
    return int(raw)


def _flag(src: SourceFile, line: int, rec: dict[str, str], column: str) -> bool | None:
    raw = rec.get(column)  # absent from files that do not publish the flag
    if raw is None:
        return None
    if raw not in FLAGS:
        raise src.error(line, f"column '{column}' must be Y, N or n/a", f"found {raw[:20]!r}")
    return FLAGS[raw]


def _abilities(
    ctx: BuildContext, scales: dict[str, tuple[float, float]], model: ContentModel, codes: set[str]
) -> None:
    successors = _successors_2019(ctx, codes)
    by_name: dict[str, str] = {}
    for eid, element in model.elements.items():
        if element.domain == "abilities":
            if element.name in by_name:
                raise model.src.error(
                    None, "ability names must be unique to match them to Element IDs", element.name
                )
            by_name[element.name] = eid
    src = ctx.source(ABILITIES)
    lo, hi = scales["IM"]
    cells: dict[tuple[str, str], list[Cell]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    unmapped = 0
    for line, rec in src.records():
        code = _onet_code(src, line, rec["O*NET-SOC Code"])
        named = by_name.get(rec["Element Name"].strip())
        if named is None:
            raise src.error(line, "ability name must be in the Content Model Reference", rec["Element Name"])
        eid = named
        if (code, eid) in seen:
            raise src.error(line, "one rating per occupation and ability", f"{code} {eid}")
        seen.add((code, eid))
        cell = parse_cell(src, line, "Data Value", rec["Data Value"], lo=lo, hi=hi)
        if code not in successors:
            unmapped += 1
            continue
        for new in successors[code]:
            cells[(new, eid)].append(cell)
    model.store(ctx, {eid for _, eid in cells})
    ctx.insert(
        o.onet_value, (_mean_row(code, eid, found) for (code, eid), found in sorted(cells.items())), src
    )
    merged = {code for (code, _), found in cells.items() if len(found) > 1}
    if unmapped:
        src.warnings.append(
            f"{ABILITIES}: {unmapped} rows have an O*NET-SOC 2010 code with no 2019 "
            "successor and were skipped"
        )
    ctx.progress(
        f"abilities: {src.rows_read} rows -> {src.rows_loaded} O*NET-SOC 2019 ratings; "
        f"{unmapped} rows unmapped; {len(merged)} codes averaged from merged 2010 codes"
    )


def _successors_2019(ctx: BuildContext, codes: set[str]) -> dict[str, list[str]]:
    src = ctx.source(ONET_2010_TO_2019)
    successors: dict[str, list[str]] = defaultdict(list)
    for line, rec in src.records():
        old = _onet_code(src, line, rec["onetsoc2010"])
        new = _onet_code(src, line, rec["onetsoc2019"])
        if new not in codes:
            raise src.error(line, "O*NET-SOC 2019 code must be in O*NET 29.3 Occupation Data", new)
        if new not in successors[old]:
            successors[old].append(new)
    src.rows_loaded = src.rows_read  # the whole table is the lookup
    return successors


def _mean_row(code: str, eid: str, found: list[Cell]) -> dict:
    values = [c.value for c in found if c.value is not None]
    cell = Cell(fmean(values), None) if values else found[0]
    return {
        **cell.as_row(),
        "onet_code": code,
        "element_id": eid,
        "scale": "IM",
        "n": None,
        "recommend_suppress": None,
        "not_relevant": None,
    }
