"""Which dataset each provenance row belongs to, as a key a front end can name in its own
words ("ashe" -> "the ONS pay survey"). The keys are those of the datasets named in
lmi_backend/etl/manifest.json; a test checks every dataset there has one, so a new source is
given a key when it is added. `None`: a lookup table (a crosswalk between job codes, a code
list) that shaped a figure but is not where it comes from.
"""

from __future__ import annotations

import re

ASHE = "ashe"
APS = "aps"
LFS = "lfs"
SKILLS_IMPERATIVE = "skills_imperative_2035"
ONET = "onet"
APPRENTICESHIPS = "apprenticeships"
SOC_DESCRIPTIONS = "soc_descriptions"
ESS = "ess"
GRADUATE_OUTCOMES = "graduate_outcomes"
WORKING_FUTURES = "working_futures_2017_2027"
CENSUS_2011 = "census_2011"

# manifest dataset name -> key
DATASET_KEYS: dict[str, str | None] = {
    "Annual Survey of Hours and Earnings (ASHE)": ASHE,
    "Annual Population Survey, Jan-Dec 2019: employment by 4-digit SOC2010 and various factors (ad hoc)": APS,
    "Annual Population Survey: employment by SOC2010 4-digit and English region": APS,
    "Labour Force Survey: all in employment by status, occupation and sex (EMP16)": LFS,
    "The Skills Imperative 2035: employment projections, England": SKILLS_IMPERATIVE,
    "O*NET 29.3 Database": ONET,
    "O*NET Abilities (importance, O*NET-SOC 2010 taxonomy)": ONET,
    "Approved apprenticeship standards": APPRENTICESHIPS,
    "Apprenticeship frameworks and occupational maps": APPRENTICESHIPS,
    "SOC2010 Volume 1 structure and descriptions; Volume 2 coding index V5.1": SOC_DESCRIPTIONS,
    "Employer Skills Survey 2022: vacancies by occupation": ESS,
    "Discover Uni graduate outcomes and LEO earnings": GRADUATE_OUTCOMES,
    "Working Futures 2017-2027: UK main tables": WORKING_FUTURES,
    "2011 Census (England and Wales)": CENSUS_2011,
    "Annual Population Survey: employment by 4-digit SOC2020 and industry section, UK, 2021 to 2024 (ad hoc)": (
        APS
    ),
    "Postcode districts to 2020 local authority districts (aggregated from ONSPD August 2021)": None,
    "SOC2010 to SOC2020 dual-coded proportions": None,
    "UK SOC2010 to ISCO-08 to US SOC to O*NET-SOC crosswalks": None,
    "ESCO occupations; Nesta Mapping Career Causeways ESCO-O*NET crosswalk": None,
    "Working Futures / Skills Imperative 2035 classifications": None,
    "LMI for All API v1 code lists and shapes": None,
}
LOOKUP = "lookup"  # the key of a lookup table's citation
OTHER = "other"  # a dataset with no key yet: named by its title
_YEARS = re.compile(r"(\d{4})(?:\D*?(?:-|to)\D*?(\d{4}))?")


def dataset_key(name: str) -> str:
    key = DATASET_KEYS.get(name, OTHER)
    return LOOKUP if key is None else key


def plain_years(period: str | None) -> str | None:
    """A source's period as years: "2021p" (provisional) -> "2021", "2018Q2" -> "2018",
    "2010-2035" stays."""
    match = _YEARS.search(period or "")
    if not match:
        return None
    return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")
