"""The build's steps, in order. SOC first: every later reader validates codes against it."""

from __future__ import annotations

from collections.abc import Callable

from ..coder import index as coder_index
from ..coder import links as coder_links
from ..estimates import employment as est_employment
from ..estimates import hours as est_hours
from ..estimates import outlook as est_outlook
from ..estimates import pay as est_pay
from ..estimates import profiles as est_profiles
from ..estimates import soc2020_link as est_soc2020_link
from ..estimates import working_futures as est_working_futures
from .context import BuildContext
from .readers import (
    apprenticeships,
    aps2019,
    aps_industry_soc2020,
    aps_regions,
    ashe_national,
    ashe_recent,
    ashe_regional,
    census2011,
    crosswalk_soc2020,
    ess,
    graduate_outcomes,
    lfs_status,
    onet,
    onet_crosswalk,
    postcode_districts,
    projections,
    reference,
    soc,
    working_futures,
)

Step = Callable[[BuildContext], None]

STEPS: list[tuple[str, Step]] = [
    ("reference code lists", reference.load),
    ("SOC2010 hierarchy, descriptions and job titles", soc.load),
    ("SOC coder index (job titles, synonyms, lemmas)", coder_index.load),
    ("O*NET 29.3 descriptors and abilities", onet.load),
    ("UK SOC2010 -> O*NET-SOC weighted crosswalk", onet_crosswalk.load),
    ("Apprenticeship standards and job titles", apprenticeships.load),
    ("ASHE pay by occupation, UK (Tables 14, 14.7a)", ashe_national.load),
    (
        "ASHE 2021 weekly, hourly, annual pay and paid hours by sex and status (SOC2010)",
        ashe_recent.load_soc2010,
    ),
    ("ASHE pay and hours by region (Tables 3, 15.7a)", ashe_regional.load),
    ("APS 2019 employment by sex, age, qualification, NUTS3 area and SIC class", aps2019.load),
    ("APS 2017-2021 employment by English region", aps_regions.load),
    ("LFS Apr-Jun 2018 employment by status and sex", lfs_status.load),
    ("Skills Imperative 2035 projections (SOC2020, industries)", projections.load),
    ("ASHE 2022-2025 pay and paid hours (SOC2020)", ashe_recent.load_soc2020),
    ("ONS SOC2010 -> SOC2020 dual-coding crosswalk", crosswalk_soc2020.load),
    ("APS 2021-2024 employment by SOC2020 unit group and industry section", aps_industry_soc2020.load),
    ("Working Futures 2017-2027 projections (UK)", working_futures.load),
    ("Postcode districts and local authorities", postcode_districts.load),
    ("Census 2011 occupations by local authority", census2011.load),
    ("Employer Skills Survey 2022 vacancies", ess.load),
    ("Discover Uni graduate pay by degree subject (Graduate Outcomes, LEO)", graduate_outcomes.load),
    # Estimates: computed from the facts above, so they run after every reader.
    ("Estimates: employment cells by IPF", est_employment.load),
    ("Estimates: pay relativities (region, qualification, age)", est_pay.load),
    ("Estimates: paid hours derived from pay", est_hours.load),
    ("Estimates: England outlook by SOC2010 group", est_outlook.load),
    ("Estimates: SOC2020 figures linked to SOC2010 unit groups", est_soc2020_link.load),
    ("Estimates: Working Futures fixed shares below the projected groups", est_working_futures.load),
    ("Estimates: O*NET profiles and similar jobs", est_profiles.load),
    ("Apprenticeship standards -> SOC links (coder + reviewed overrides)", coder_links.load),
]
