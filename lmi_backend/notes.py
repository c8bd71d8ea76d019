"""The keys a Result uses for why something changed (reasons) and what a reader should keep in
mind (caveats). Declared once here; every front end words them its own way (the chat's words
are in lmi_backend/answers/words.py, and a test checks each key has them). The reasons the
disclosure rules give (too few people, employers or graduates, not published) are in
disclosure.py.
"""

from __future__ import annotations

from .disclosure import NOT_PUBLISHED, TOO_FEW, TOO_FEW_ESTABLISHMENTS, TOO_FEW_GRADUATES, TOO_FEW_PROJECTED

# reasons a dimension of the question was changed before the disclosure check: the source does
# not split its figures that way
PROJECTIONS_ENGLAND_ONLY = "projections_england_only"
PROJECTIONS_NOT_BY_REGION = "projections_not_by_english_region"
PROJECTIONS_NOT_SPLIT = "projections_not_split"
VACANCIES_UK_BY_JOB_ONLY = "vacancies_uk_by_job_only"
PAY_EMPLOYEES_ONLY = "pay_employees_only"
PAY_AGE_RANGE = "pay_age_range"
QUALIFICATION_GROUPED = "qualification_grouped"
HOURS_NOT_BY_SEX = "hours_not_by_sex"
HOURS_NOT_BY_QUALIFICATION_OR_AGE = "hours_not_by_qualification_or_age"
PART_TIME_HOURS_NOT_PUBLISHED = "part_time_hours_not_published"
SERIES_NOT_BY_QUALIFICATION_OR_AGE = "series_not_by_qualification_or_age"
WORKING_FUTURES_UK_ONLY = "working_futures_uk_only"
NO_REGIONAL_SOURCE = "no_regional_source"  # no source projects jobs by region
NO_CENSUS_FOR_NATION = "no_census_for_nation"  # the census rows cover England and Wales only
CENSUS_MINOR_GROUPS_ONLY = "census_minor_groups_only"  # the census counts minor groups, not unit groups
INDUSTRIES_UNIT_GROUPS_ONLY = "industries_unit_groups_only"  # industries are kept for unit groups

REASONS = (
    TOO_FEW,
    TOO_FEW_ESTABLISHMENTS,
    TOO_FEW_GRADUATES,
    NOT_PUBLISHED,
    PROJECTIONS_ENGLAND_ONLY,
    PROJECTIONS_NOT_BY_REGION,
    PROJECTIONS_NOT_SPLIT,
    VACANCIES_UK_BY_JOB_ONLY,
    PAY_EMPLOYEES_ONLY,
    PAY_AGE_RANGE,
    QUALIFICATION_GROUPED,
    HOURS_NOT_BY_SEX,
    HOURS_NOT_BY_QUALIFICATION_OR_AGE,
    PART_TIME_HOURS_NOT_PUBLISHED,
    SERIES_NOT_BY_QUALIFICATION_OR_AGE,
    WORKING_FUTURES_UK_ONLY,
    NO_REGIONAL_SOURCE,
    NO_CENSUS_FOR_NATION,
    CENSUS_MINOR_GROUPS_ONLY,
    INDUSTRIES_UNIT_GROUPS_ONLY,
    TOO_FEW_PROJECTED,
)

# caveats: what a figure is, beyond its reliability and whether it is an estimate
WEEKLY_DERIVED = "weekly_derived"  # weekly pay worked out from annual pay (ASHE Table 3 ratio)
HOURS_DERIVED = "hours_derived"  # paid hours worked out from annual and hourly pay
ENGLAND_ONLY = "england_only"  # projections cover England only
NOT_A_FORECAST = "not_a_forecast"  # projections on simple assumptions
ONET_US = "onet_us"  # O*NET describes US jobs, linked through international codes
APPRENTICESHIPS_ENGLAND = "apprenticeships_england"  # standards are England's, linked by title
SOME_WIDER_GROUP = "some_wider_group"  # a comparison: some figures are for a wider group
SOME_ESTIMATES = "some_estimates"  # a comparison: some figures are estimates
LEO_EARNINGS = "leo_earnings"  # graduates' pay years on: tax records, part-time work counted

CAVEATS = (
    WEEKLY_DERIVED,
    HOURS_DERIVED,
    ENGLAND_ONLY,
    NOT_A_FORECAST,
    ONET_US,
    APPRENTICESHIPS_ENGLAND,
    SOME_WIDER_GROUP,
    SOME_ESTIMATES,
    LEO_EARNINGS,
)
