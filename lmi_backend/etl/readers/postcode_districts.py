"""UK postcode districts (outward codes: LS6, SW1A, CF10) and the 2020 local authority district
holding most of each district's postcodes, with its region and a postcode centroid (aggregated
from the ONS Postcode Directory, August 2021).

This gives the local_authority dimension (all 379 UK districts, each with its LMI for All
region) and the lookup lmi_backend/places.py resolves a postcode or a position with. Census 2011
figures (England and Wales) are keyed on the same codes.
"""

from __future__ import annotations

import re

from ...db.places import local_authority, postcode_district
from ..context import BuildContext
from ..parsing import parse_cell, parse_int
from ..sources import SourceFile

FILE = "places/postcode_district_to_lad2020.csv"
# ONS region / nation codes -> (LMI for All region code, ONS name, country)
REGIONS = {
    "E12000001": (9, "North East", "England"),
    "E12000002": (8, "North West", "England"),
    "E12000003": (7, "Yorkshire and The Humber", "England"),
    "E12000004": (6, "East Midlands", "England"),
    "E12000005": (5, "West Midlands", "England"),
    "E12000006": (3, "East of England", "England"),
    "E12000007": (1, "London", "England"),
    "E12000008": (2, "South East", "England"),
    "E12000009": (4, "South West", "England"),
    "W92000004": (10, "Wales", "Wales"),
    "S92000003": (11, "Scotland", "Scotland"),
    "N92000002": (12, "Northern Ireland", "Northern Ireland"),
}
# a 2020 LAD code starts with its nation's letter: E England, W Wales, S Scotland, N NI
LAD_CODE = re.compile(r"[EWSN]\d{8}")
# outward codes (LS6, SW1A), and the old Newport district NPT that ONSPD still lists
DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?|NPT")
IN_CENSUS = {"Y": True, "N": False}
# the British Isles, with room: a swapped or mistyped coordinate falls outside
LATITUDES, LONGITUDES = (49.0, 61.0), (-9.0, 2.5)


def load(ctx: BuildContext) -> None:
    src = ctx.source(FILE)
    lads: dict[str, dict] = {}
    districts: list[dict] = []
    seen: dict[str, int] = {}
    for line, rec in src.records():
        district = rec["postcode_district"].strip()
        if not DISTRICT.fullmatch(district) or not district.startswith(rec["postcode_area"]):
            raise src.error(line, "postcode_district must be an outward code in its postcode_area", district)
        if district in seen:
            raise src.error(line, "each postcode district must appear once", f"also on row {seen[district]}")
        seen[district] = line
        lad = _authority(src, line, rec)
        if lads.setdefault(lad["code"], lad) != lad:
            raise src.error(line, "a local authority must keep one name, region and census flag", lad["code"])
        second = rec["second_lad20cd"].strip() or None
        if second is not None and not LAD_CODE.fullmatch(second):
            raise src.error(line, "second_lad20cd must be a 2020 LAD code or blank", second)
        districts.append(
            {
                "district": district,
                "area": rec["postcode_area"],
                "lad": lad["code"],
                "lad_share": _number(src, line, rec, "lad_share_pct", 0, 100),
                "second_lad": second,
                "second_share": _number(src, line, rec, "second_lad_share_pct", 0, 100) if second else None,
                "postcodes": parse_int(src, line, "n_postcodes", rec["n_postcodes"], lo=1),
                "latitude": _number(src, line, rec, "latitude", *LATITUDES),
                "longitude": _number(src, line, rec, "longitude", *LONGITUDES),
            }
        )
    unknown = {d["second_lad"] for d in districts if d["second_lad"]} - set(lads)
    if unknown:
        raise src.error(
            None, "every runner-up authority must be some district's main authority", str(unknown)
        )
    ctx.insert(local_authority, list(lads.values()))
    ctx.insert(postcode_district, districts, src)


def _authority(src: SourceFile, line: int, rec: dict[str, str]) -> dict:
    code = rec["lad20cd"].strip()
    region = REGIONS.get(rec["region_cd"])
    if not LAD_CODE.fullmatch(code) or not rec["lad20nm"].strip():
        raise src.error(line, "lad20cd must be a 2020 LAD code with a name", f"found {code!r}")
    if region is None or (rec["region_nm"], rec["country"]) != region[1:] or code[0] != region[2][0]:
        raise src.error(
            line,
            "region_cd must be an ONS region or nation code with its name, in the authority's country",
            f"found {rec['region_cd']!r} {rec['region_nm']!r} {rec['country']!r} for {code}",
        )
    if rec["in_census2011"] not in IN_CENSUS or IN_CENSUS[rec["in_census2011"]] != (code[0] in "EW"):
        raise src.error(line, "in_census2011 must be Y exactly for England and Wales", rec["in_census2011"])
    return {
        "code": code,
        "name": rec["lad20nm"].strip(),
        "region": region[0],
        "country": region[2],
        "in_census2011": IN_CENSUS[rec["in_census2011"]],
    }


def _number(src: SourceFile, line: int, rec: dict[str, str], column: str, lo: float, hi: float) -> float:
    value = parse_cell(src, line, column, rec[column], lo=lo, hi=hi).value
    if value is None:
        raise src.error(line, f"column '{column}' must be given", f"found {rec[column]!r}")
    return value
