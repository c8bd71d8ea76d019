"""The chat's words for the keys and codes a service Result carries: why something changed, what
to keep in mind, how an estimate was made, where a figure comes from, and the plain names of
places, work patterns, sexes and qualifications. The service says these things as keys
(lmi_backend/notes.py, service/datasets.py, the estimate methods); every key has its words here,
which a test checks, so a key added there cannot reach a reader unworded.
"""

from __future__ import annotations

from ..dialogue_slots import QUALIFICATION_NAMES
from ..places import REGION_NAMES

# Why a dimension could not be kept, completing "There's no figure for part-time plumbers in
# Wales, because ...". Keys: notes.REASONS (disclosure.TOO_FEW and the rest).
REASONS: dict[str, str] = {
    "too_few_people": "too few of them were in the survey",
    "too_few_employers": "too few employers answered for it",
    "too_few_graduates": "too few graduates were counted",
    "too_few_projected": "the forecast for that group rests on too few people",
    "series_not_by_qualification_or_age": "pay over time isn't worked out by qualification or age",
    "working_futures_uk_only": "those forecasts are for the UK as a whole",
    "no_regional_source": "no source forecasts jobs by region",
    "no_census_for_nation": "the 2011 census figures I have cover England and Wales only",
    "census_minor_groups_only": "the census counts people in wider job groups",
    "industries_unit_groups_only": "industries are only given for single jobs",
    "not_published": "it isn't published",
    "projections_england_only": "the job forecasts only cover England",
    "projections_not_by_english_region": "the job forecasts are for England as a whole",
    "projections_not_split": "the job forecasts aren't split that way",
    "vacancies_uk_by_job_only": "the employers' survey only gives UK figures by job",
    "pay_employees_only": "the pay survey only covers employees, not the self-employed",
    "pay_age_range": "pay by age is only worked out for ages 20 to 65",
    "qualification_grouped": "the survey groups that qualification with others",
    "hours_not_by_sex": "hours aren't published for men and women separately",
    "hours_not_by_qualification_or_age": "hours aren't worked out by qualification or age",
    "part_time_hours_not_published": "part-time hours aren't published by job",
}

# Caveats (notes.CAVEATS): the short reply's one sentence, and the long reply's.
CAVEATS_SHORT: dict[str, str] = {
    "weekly_derived": "The weekly figure is worked out from the yearly one.",
    "hours_derived": "It's worked out from pay figures.",
    "england_only": "Job forecasts are for England only.",
    "not_a_forecast": "Forecasts are a rough guide, not a promise.",
    "onet_us": "The skills come from a US job guide, so use them as a rough guide.",
    "apprenticeships_england": "These are for England. Check each one's details.",
    "some_wider_group": "Some figures are for a wider group: each line says which.",
    "some_estimates": "Some figures are our estimates.",
    "leo_earnings": "The later figure comes from tax records and counts part-time work too.",
}
CAVEATS_LONG: dict[str, str] = {
    "weekly_derived": (
        "The weekly figure isn't published for this job: it's the yearly one times the weekly to "
        "yearly pay ratio of the wider job group (ONS pay survey, 2020)."
    ),
    "hours_derived": (
        "Hours aren't published for this job: they're worked out from its yearly and hourly pay."
    ),
    "england_only": "The job forecasts cover England only.",
    "not_a_forecast": "They are projections on simple assumptions, not forecasts: a rough guide, not a promise.",
    "onet_us": (
        "The skills come from O*NET, a US job guide, linked to UK jobs through international job "
        "codes, so use them as a guide."
    ),
    "apprenticeships_england": (
        "Apprenticeships are England's. They are linked to this job by their job titles, so check "
        "each one's details."
    ),
    "some_wider_group": "Some figures are for a wider group than asked: each line says which.",
    "some_estimates": "Some figures are our estimates, not published figures.",
    "leo_earnings": (
        "The figures 3 and 5 years on come from tax records (LEO) of people who finished their "
        "degree earlier, and count everyone in steady work, part-time too, so they're a different "
        "measure from the survey's figure at 15 months."
    ),
}
# Both forecast caveats in one short sentence, as a reply about the future gives them.
FORECAST_CAVEAT = "Job forecasts are for England only, and a rough guide, not a promise."
FORECAST_ESTIMATE_ENGLAND = (
    "It's our estimate from job forecasts for England only: a rough guide, not a promise."
)
FORECAST_ESTIMATE = "It's our estimate from job forecasts: a rough guide, not a promise."
SMALL_SAMPLE = "It comes from a small sample, so take it as a rough guide."
# pay from 2022 is published in the ONS's newer list of jobs (SOC2020): service/uk_cells.py
NEWER_JOB_LIST = "Figures from 2022 on use the ONS's newer list of jobs."
NEWER_JOB_LIST_LONG = (
    "From 2022 the ONS publishes pay in its newer list of jobs (SOC2020): this figure is for {groups}, "
    "which most people in this job are in."
)
ESTIMATE = "This is our estimate, not a published figure."
ESTIMATE_SMALL_SAMPLE = "It's our estimate from a small sample, so take it as a rough guide."

# How an estimate was made (keys: the estimate_method table and service/occupation.py), as
# "It's our estimate: the UK figure for this job, adjusted for ..." completes it.
ADJUSTED_FOR: dict[str, str] = {
    "region_submajor": "how pay in {place} compares with the whole UK",
    "region_major": "how pay in {place} compares with the whole UK",
    "region_all": "how pay in {place} compares with the whole UK",
    "region_earnings_function": "how pay in {place} compares with the whole UK",
    "qualification_earnings_function": "qualifications",
    "age_profile": "age",
}
METHODS: dict[str, str] = {
    "hours_derived": "It's our estimate, worked out from yearly and hourly pay for this job.",
    "outlook_fixed_shares": (
        "It's our estimate: forecasts for bigger groups of jobs, shared out by how many people do this job now."
    ),
    "onet_profile": "The skills are those of the US jobs most like this one.",
    "similar_jobs": "Jobs count as alike when they need much the same skills.",
    "soc2020_direct": "The newest figures are those of the same job in the ONS's newer list of jobs.",
    "soc2020_combined": (
        "It's our estimate: the newest figures of the jobs in the ONS's newer list that this job is "
        "split into, weighted by how many of its workers each has."
    ),
    "soc2020_industry": "It's our estimate from the ONS survey of people in work, by the ONS's newer list of jobs.",
    "wf_fixed_shares": (
        "It's our estimate: forecasts for bigger groups of jobs, shared out by how many people do this job now."
    ),
    "interest_map": "Jobs picked by hand for this interest, each checked against a US job guide's ratings.",
    "employment_cube": "It's our estimate from the ONS survey of people in work.",
    "employment_qualification": "It's our estimate from the ONS survey of people in work.",
    "employment_age": "It's our estimate from the ONS survey of people in work.",
    "employment_industry": "It's our estimate from the ONS survey of people in work.",
}
PAY_ESTIMATE = "It's our estimate: the UK figure for this job{adjusted}."

# Datasets (service/datasets.py keys) by their everyday names.
DATASETS: dict[str, str] = {
    "ashe": "the ONS pay survey",
    "aps": "the ONS survey of people in work",
    "lfs": "the ONS survey of people in work",
    "skills_imperative_2035": "the Skills Imperative 2035 job forecasts for England",
    "onet": "O*NET, a US guide to jobs",
    "apprenticeships": "the official list of apprenticeships in England",
    "soc_descriptions": "the ONS descriptions of jobs",
    "ess": "the Employer Skills Survey",
    "graduate_outcomes": "Discover Uni's figures on graduates' pay",
    "working_futures_2017_2027": "the Working Futures 2017-2027 job forecasts for the UK",
    "census_2011": "the 2011 Census",
}

STATUS_WORDS = {1: "full-time", 2: "part-time", 3: "self-employed"}
GENDER_WORDS = {1: "men", 2: "women"}
GENDER_ADJECTIVES = {1: "male", 2: "female"}
# qualification codes of the question (RQF9 1-9) and of the survey groups the ladder steps to
QUALIFICATION_WORDS: dict[int, str] = {
    **QUALIFICATION_NAMES,
    101: "a degree or higher",
    102: "higher education",
    103: "A levels or similar",
    104: "GCSEs (grades 4 to 9)",
    105: "GCSEs below grade 4",
    106: "no qualifications",
    201: "higher education or a degree",
    202: "school or college qualifications",
    203: "no qualifications",
    301: "a degree",
    302: "higher education below a degree",
    303: "A levels or similar",
    304: "GCSEs (grades 4 to 9)",
    305: "other qualifications",
    306: "no qualifications",
}


def place(region: int | None, whole: str = "the UK") -> str:
    """ "Wales", "the South East"; `whole` for region 0 (the UK, or England for projections)."""
    return REGION_NAMES.get(region, whole) if region else whole


def in_place(region: int | None, whole: str = "the UK") -> str:
    """ "in Wales", "in England"; "across the UK" for the whole country."""
    name = place(region, whole)
    return "across the UK" if name == "the UK" else f"in {name}"


def with_qualification(code: int | None) -> str:
    return f"with {QUALIFICATION_WORDS[code]}" if code in QUALIFICATION_WORDS else ""


def at_age(age: int | None) -> str:
    return f"aged {age}" if age is not None else ""
