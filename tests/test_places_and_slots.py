"""The gazetteer and the parsers that turn what young people type into region, age,
qualification and work-pattern codes."""

from __future__ import annotations

import csv

import pytest

from lmi_backend import dialogue_slots as ds
from lmi_backend import question_asks as qa
from lmi_backend.places import (
    DATA_FILE,
    ENGLAND,
    REGION_NAMES,
    find_place,
    find_wide_place,
    gazetteer,
    region_for,
)


@pytest.mark.parametrize(
    "phrase, region",
    [
        ("London", 1),
        ("croydon", 1),
        ("brighton", 2),
        ("milton keynes", 2),
        ("norwich", 3),
        ("bristol", 4),
        ("cornwall", 4),
        ("brum", 5),
        ("birmingham", 5),
        ("nottingham", 6),
        ("leeds", 7),
        ("sheffield", 7),
        ("manchester", 8),
        ("liverpool", 8),
        ("the toon", 9),
        ("newcastle", 9),
        ("cardiff", 10),
        ("whales", 10),
        ("glasgow", 11),
        ("edinburgh", 11),
        ("belfast", 12),
        ("norn iron", 12),
        ("the uk", 0),
        ("in the north east", 9),
        # misspellings the NLU tagged as places
        ("manchster", 8),
        ("birmingam", 5),
        ("edinburg", 11),
        ("cardif", 10),
        ("scottland", 11),
    ],
)
def test_place_names_map_to_lmi_region_codes(phrase, region):
    assert region_for(phrase) == region


def test_unknown_or_too_short_phrases_are_not_places():
    assert region_for("xyz") is None
    assert region_for("in") is None
    assert region_for("england") is None  # no England-wide region code: see find_wide_place


@pytest.mark.parametrize(
    "text, regions",
    [
        ("how much do plumbers get in the midlands", (5, 6)),
        ("jobs up north", (9, 8, 7)),
        ("moving down south", (1, 2, 4)),
        ("the north of england", (9, 8, 7)),  # the longer name wins over England
        ("nurses in england", ENGLAND),
    ],
)
def test_names_for_several_regions_are_recognised(text, regions):
    assert find_wide_place(text).regions == regions


def test_new_england_and_plain_words_are_not_wide_places():
    assert find_wide_place("working in new england") is None
    assert find_wide_place("i like english and maths") is None


@pytest.mark.parametrize(
    "text, region",
    [
        ("how much do plumbers earn in cardiff", 10),
        ("what about in scotland?", 11),
        ("plumber in reading", 2),
        ("im from leeds but moving to london", 1),  # the last place named wins
        ("how much do mechanics earn in yorkshre", 7),  # misspelt, ending the message after "in"
        ("electricians near manchster", 8),
    ],
)
def test_places_are_found_in_whole_messages(text, region):
    assert find_place(text).region == region


@pytest.mark.parametrize(
    "text",
    [
        "i like reading books",  # everyday word: only a place after "in", "from", "near" ...
        "working in a kitchen",  # no fuzzy scan of free text (working ~ Woking)
        "how much do you earn in retail",  # nor of a word after "in" unless very close to a place
        "jobs in engineering",
        "new york jobs",
        "i want a bath",
    ],
)
def test_everyday_words_are_not_taken_for_places(text):
    assert find_place(text) is None


def test_gazetteer_file_is_consistent():
    with DATA_FILE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "a place is listed twice"
    assert {int(r["region"]) for r in rows} == set(REGION_NAMES), "every region has places"
    assert len(gazetteer().names) == len(rows)


@pytest.mark.parametrize(
    "text, tagged, age",
    [
        ("im 16", False, 16),
        ("i am 17 years old", False, 17),
        ("16yo", False, 16),
        ("aged 19", False, 19),
        ("pay for under 18s in retail", False, 17),  # the year below
        ("under 18 hours a week", False, None),
        ("sixteen", True, 16),
        ("17", True, 17),
        ("£16 an hour", False, None),
        ("16 hours a week", False, None),
        ("im 7", False, None),
        ("99", True, None),
    ],
)
def test_ages(text, tagged, age):
    assert ds.parse_age(text, tagged=tagged) == age


@pytest.mark.parametrize(
    "text, code",
    [
        ("gcses", 7),
        ("got my gcse", 7),
        ("a levels", 6),
        ("a-levels", 6),
        ("btec", 6),
        ("btec level 2", 7),
        ("t levels", 6),
        ("highers", 6),
        ("degree", 3),
        ("uni degree", 3),
        ("masters", 2),
        ("phd", 1),
        ("hnd", 4),
        ("hnc", 5),
        ("level 3", 6),
        ("nvq 2", 7),
        ("no gcses", 9),
        ("no quals", 9),
        ("failed my gcses", 8),
        ("nothing", 9),
        ("a job", None),
    ],
)
def test_qualifications_map_to_rqf9_codes(text, code):
    assert ds.parse_qualification(text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("do i need to go to uni", 3),
        ("do you have to go to university to be a nurse", 3),
        ("do i need a levels", 6),
        ("do i need gcses", 7),
        ("what do i need to be a vet", None),
    ],
)
def test_a_qualification_asked_about_includes_going_to_university(text, code):
    assert ds.asked_qualification(text) == code


@pytest.mark.parametrize(
    "text, feeling, schedule, starting",
    [
        ("is being a nurse stressful", "how stressful it is", None, False),
        ("do police get stressed", "how stressful it is", None, False),
        ("is it a boring job", "how boring it is", None, False),
        ("is being a doctor worth it", "whether it's worth it", None, False),
        ("is being a paramedic worth it money wise", None, None, False),
        ("would i enjoy being a chef", "whether you'd enjoy it", None, False),
        ("do nurses work weekends", None, "weekends", False),
        ("is it shift work", None, "shift work", False),
        ("do they do nights", None, "nights", False),
        ("do chefs work late", None, "working late", False),
        ("do they get holidays", None, "holidays", False),
        ("what about when they start", None, None, True),
        ("starting salary for vets", None, None, True),
        ("how much do newly qualified nurses get", None, None, True),
        ("how much do new teachers earn", None, None, True),
        ("how much do nurses earn in new york", None, None, False),
        ("how much do nurses earn", None, None, False),
    ],
)
def test_what_a_question_asks_that_the_figures_cannot_answer(text, feeling, schedule, starting):
    assert (qa.asked_feeling(text), qa.asked_schedule(text), qa.asks_starting_pay(text)) == (
        feeling,
        schedule,
        starting,
    )


@pytest.mark.parametrize(
    "text, asks",
    [
        ("how long does it take to become a vet", True),
        ("how many years is the training", True),
        ("how quickly can i qualify", True),
        ("how long is a shift", True),
        ("what do i need to be a vet", False),
    ],
)
def test_how_long_questions_are_recognised(text, asks):
    assert qa.asks_duration(text) is asks


@pytest.mark.parametrize(
    "text, asks",
    [
        ("what gcses should i take", True),
        ("what a levels do i need to be a vet", True),
        ("which subjects are best for nursing", True),
        ("do i need a levels", False),
        ("do i need maths", False),
        ("what qualifications do i need", False),
    ],
)
def test_which_subjects_questions_are_told_from_whether_exams_are_needed(text, asks):
    assert qa.asks_subjects(text) is asks


@pytest.mark.parametrize(
    "text, monthly, tax",
    [
        ("what does an electrician earn per month", True, False),
        ("monthly salary for nurses", True, False),
        ("how much do they take home", False, True),
        ("what's that after tax", False, True),
        ("how much a year", False, False),
        ("what do taxi drivers earn", False, False),
    ],
)
def test_pay_a_month_and_after_tax_are_recognised(text, monthly, tax):
    assert (qa.asks_monthly(text), qa.asks_about_tax(text)) == (monthly, tax)


@pytest.mark.parametrize(
    "text, rules_out",
    [
        ("what jobs pay well without a degree", True),
        ("jobs with no degree", True),
        ("i dont want to go to uni", True),
        ("best paid jobs if i don't go to university", True),
        ("do i need a degree", False),
        ("i have a degree", False),
        ("not sure what to do", False),
    ],
)
def test_a_degree_ruled_out_is_told_from_one_named(text, rules_out):
    assert qa.rules_out_degree(text) is rules_out


@pytest.mark.parametrize(
    "text, code",
    [
        ("full time", 1),
        ("full-time", 1),
        ("ft", 1),
        ("part time", 2),
        ("parttime", 2),
        ("pt", 2),
        ("weekend job", 2),
        ("self employed", 3),
        ("freelance", 3),
        ("a job", None),
    ],
)
def test_work_patterns_map_to_status_codes(text, code):
    assert ds.parse_work_pattern(text) == code


@pytest.mark.parametrize(
    "text, sex",
    [
        ("what do women plumbers earn", ds.FEMALE),
        ("do lady electricians get paid less", ds.FEMALE),
        ("for females?", ds.FEMALE),
        ("male nurse salary", ds.MALE),
        ("how much do lads get as mechanics", ds.MALE),
        ("do men or women earn more as dentists", None),
        ("how much do dinner ladies earn", None),
        ("how much does a dinner lady earn", None),
        ("lollipop lady pay", None),
        ("how much do bin men make", None),
        ("what do women bin men earn", ds.FEMALE),
    ],
)
def test_the_sex_a_question_is_about(text, sex):
    assert ds.parse_gender(text) == sex


@pytest.mark.parametrize(
    "text, judges",
    [
        ("is that good money?", True),
        ("is it well paid", True),
        ("is that a lot", True),
        ("is the pay good", True),
        ("does it pay well", True),
        ("is that more than average", True),
        ("is being a paramedic worth it money wise", True),
        ("is nursing worth it financially", True),
        ("is being a doctor worth it", False),
        ("how much do good plumbers earn", False),
        ("is it hard to get into", False),
        ("are there a lot of jobs", False),
        ("more than 30 hours", False),
        ("what pay do they get", False),
    ],
)
def test_a_question_whether_pay_is_good_is_told_from_one_for_the_figure(text, judges):
    assert qa.asks_if_pay_is_good(text) is judges


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("how much do plumbers earn", "plumbers"),
        ("whats the pay like for a dog groomer", "dog groomer"),
        ("how much does a dental nurse make a year in leeds", "dental nurse"),
        ("how much do they earn", None),
        ("i live in sheffield", None),
        ("and for women", None),
        ("what about full time", None),
        ("hows the job market right now", None),
        ("whats the best paying apprenticeship", None),
    ],
)
def test_job_phrase_guess_strips_question_words(text, phrase):
    assert ds.guess_job_phrase(text, drop={"leeds", "sheffield"}) == phrase


@pytest.mark.parametrize(
    "text, perk",
    [
        ("do teachers get a good pension", "pensions"),
        ("how big are bankers bonuses", "bonuses"),
        ("do estate agents get commission", "commission"),
        ("do care workers get sick pay", "sick pay"),
        ("how much do waiters make in tips", "tips"),
        ("do bar staff get good tips", "tips"),
        ("how much in tips a night do waitresses get", "tips"),
        ("any tips for getting into nursing", None),
        ("give me tips on becoming a vet", None),
        ("how much do plumbers earn", None),
    ],
)
def test_perks_no_source_covers_are_recognised(text, perk):
    assert qa.asked_perk(text) == perk


@pytest.mark.parametrize(
    "phrase, job",
    [
        ("male nurse", "nurse"),
        ("lady electricians", "electricians"),
        ("guys", ""),
        ("old cleaner", "cleaner"),
        ("apprentice plumber", "plumber"),
        ("minimum wage", ""),
        ("year old hairdresser", "hairdresser"),
        ("bin men", "bin men"),
        ("dinner lady", "dinner lady"),
    ],
)
def test_words_opening_a_job_phrase_that_name_no_job_are_dropped(phrase, job):
    assert ds.without_leading_non_job_words(phrase) == job


@pytest.mark.parametrize(
    "text, asks",
    [
        ("where in the uk do electricians earn the most", True),
        ("where do nurses get paid best", True),
        ("which part of the country pays plumbers most", True),
        ("which region has the highest salary for teachers", True),
        ("best place to be an electrician", True),
        ("electrician pay by region", True),
        ("how much do electricians earn in london", False),
        ("where can i train to be a plumber", False),
        ("which jobs pay the most", False),
        ("where do i work if i like animals", False),
    ],
)
def test_where_a_job_pays_most_is_told_from_a_figure_for_one_place(text, asks):
    assert qa.asks_where_pay_is_most(text) is asks


@pytest.mark.parametrize(
    "text, both",
    [
        ("how much do bus drivers earn and how many hours do they work", True),
        ("what hours do nurses work and whats the pay", True),
        ("chef salary and hours a week", True),
        ("how many hours do plumbers work", False),
        ("how much do nurses earn per hour", False),
        ("how much do electricians earn in wales and scotland", False),
    ],
)
def test_pay_and_hours_asked_together_are_told_from_either(text, both):
    assert qa.asks_pay_and_hours(text) is both


@pytest.mark.parametrize(
    "text, gap",
    [
        ("is there a gender pay gap for dentists", True),
        ("do men or women earn more as plumbers", True),
        ("do guys earn more than girls in hairdressing", True),
        ("do women welders get paid the same", True),
        ("do female chefs earn as much", True),
        ("do plumbers earn as much as electricians", False),
        ("how much do women plumbers earn", False),
    ],
)
def test_questions_comparing_mens_and_womens_pay(text, gap):
    assert qa.asks_pay_gap(text) is gap


@pytest.mark.parametrize(
    "text, asks",
    [
        ("which one has more jobs in the future", True),
        ("which of them pays more", True),
        ("which is better paid", True),
        ("which jobs pay the most", False),
        ("which one is it", False),
    ],
)
def test_a_question_about_the_jobs_just_compared(text, asks):
    assert qa.read_asks(text).which_of_them is asks
