"""Graduates' pay by degree subject (Discover Uni): figures read straight from the source files
come back exactly, the 50-graduate rule holds for every subject and nation, the subject lookup
names only codes in the files, the matcher turns young people's words into the subject they mean,
and every subject's reply is plain and short."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from lmi_backend import disclosure as dl
from lmi_backend.answers import phrases, render, topics
from lmi_backend.answers.readability import template_reading_ease, word_count
from lmi_backend.answers.render import SHORT_WORDS
from lmi_backend.question_asks import Asked, read_asks
from lmi_backend.service.graduates import MEASURES, NATIONS
from lmi_backend.subjects import DATA_FILE, asks_graduate_pay, find_subject, load_subjects, subject_words

PLAIN_ENGLISH = 60
FOLDER = "misc/hesa_discover_uni"
# measure -> (file, subject column, quartile column prefix, population column prefix)
FILES = {
    "after_15_months": ("GOSECSAL.csv", "GOSECSBJ", "GOSEC", "GOSECPOP"),
    "after_3_years": ("LEO3SEC.csv", "LEO3SECSBJ", "LEO3", "LEO3SECPOP"),
    "after_5_years": ("LEO5SEC.csv", "LEO5SECSBJ", "LEO5", "LEO5SECPOP"),
}
NATION_COLUMNS = {None: "UK", "England": "E", "Wales": "W", "Scotland": "S", "Northern Ireland": "NI"}
FULL_TIME, FIRST_DEGREE = "01", "03"


@cache
def _file(sources: Path, name: str) -> tuple[dict[str, str], ...]:
    with open(sources / FOLDER / name, newline="", encoding="utf-8-sig") as fh:
        return tuple(csv.DictReader(fh))


def published(sources: Path, measure: str, subject: str, nation: str | None) -> dict | None:
    """A full-time first degree's cell read straight from the source file (None: 'NA' or no row)."""
    name, column, prefix, population = FILES[measure]
    row = next(
        (
            r
            for r in _file(sources, name)
            if r[column] == subject and r["KISMODE"] == FULL_TIME and r["KISLEVEL"] == FIRST_DEGREE
        ),
        None,
    )
    suffix = NATION_COLUMNS[nation]
    if row is None or f"{population}_{suffix}" not in row or row[f"{population}_{suffix}"] == "NA":
        return None
    return {
        "lower_quartile": float(row[f"{prefix}LQ_{suffix}"]),
        "median": float(row[f"{prefix}MED_{suffix}"]),
        "upper_quartile": float(row[f"{prefix}UQ_{suffix}"]),
        "graduates": float(row[f"{population}_{suffix}"]),
    }


# --- figures from the source files -----------------------------------------------------------


@pytest.mark.parametrize(
    "subject, nation",
    [
        ("CAH20-01-01", None),  # history
        ("CAH11-01-01", None),  # computer science
        ("CAH16-01-01", "Scotland"),  # law
        ("CAH04-01", "Wales"),  # psychology
        ("CAH02-04", "England"),  # nursing and midwifery
        ("CAH01-01-02", None),  # medicine
    ],
)
def test_figures_come_back_exactly_as_the_source_files_publish_them(service, sources, subject, nation):
    result = service.graduate_pay(subject, nation)
    items = {i["measure"]: i for i in result.items}
    compared = 0
    for measure in MEASURES:
        cell = published(sources, measure, subject, nation)
        if cell is None or cell["graduates"] < dl.GRADUATES_SUPPRESS_BELOW:
            continue
        assert {k: items[measure][k] for k in cell} == cell, measure
        compared += 1
    assert compared >= 2
    first = published(sources, "after_15_months", subject, nation)
    assert first is not None and result.values["median"] == first["median"]
    assert result.period == "2025" and result.geography == (nation or "United Kingdom")
    assert {c.dataset for c in result.citations} == {"graduate_outcomes"}


def test_the_graduates_rule_holds_for_every_subject_and_nation(service, sources):
    """No figure from fewer than 50 graduates leaves the service, 50-199 is flagged as a small
    sample, and every published cell of 50 or more is given."""
    withheld = set()
    for subject in load_subjects():
        for nation in (None, *NATIONS):
            items = {i["measure"]: i for i in service.graduate_pay(subject, nation).items}
            for measure in MEASURES:
                cell, item = published(sources, measure, subject, nation), items[measure]
                expected = dl.graduates_reliability(cell["graduates"]) if cell else dl.NO_DATA
                assert item["reliability"] == expected, (subject, nation, measure)
                assert (item["median"] is not None) == (expected in dl.RELEASED), (subject, nation, measure)
                if cell and expected == dl.SUPPRESSED:
                    assert item["unavailable"] == dl.TOO_FEW_GRADUATES and item["graduates"] is None
                if nation is None and measure == "after_15_months" and expected == dl.SUPPRESSED:
                    withheld.add(subject)
    assert 0 < len(withheld) < len(load_subjects()) / 5, sorted(withheld)


def test_a_subject_with_too_few_graduates_names_a_wider_one_with_a_figure(service, sources):
    result = service.graduate_pay("CAH02-04-06")  # dental nursing: too few full-time graduates
    assert published(sources, "after_15_months", "CAH02-04-06", None)["graduates"] < 50
    assert not result.values and result.unavailable == dl.TOO_FEW_GRADUATES
    assert result.breakdown["wider_subject"] == "CAH02-04"
    reply = render(result)
    assert reply.startswith("Sorry, I don't have a reliable pay figure for graduates in dental nursing")
    assert "too few graduates" in reply and "nursing and midwifery" in reply and "£" not in reply


def test_bad_subjects_and_nations_are_refused_with_a_clear_message(service):
    with pytest.raises(ValueError, match="CAH"):
        service.graduate_pay("history")
    with pytest.raises(ValueError, match="Nation"):
        service.graduate_pay("CAH20-01-01", "London")


# --- the subject lookup and the matcher ------------------------------------------------------


def test_every_subject_named_is_in_the_files_and_every_file_code_is_named(sources):
    in_files = {r[column] for name, column, _, _ in FILES.values() for r in _file(sources, name)}
    assert set(load_subjects()) == in_files


def test_the_lookup_states_its_source_and_every_wider_group_is_named():
    from importlib import resources

    header = resources.files("lmi_backend.etl").joinpath(DATA_FILE).read_text("utf-8")
    assert "CAH) version 1.3" in header.replace("\n# ", " ")
    subjects = load_subjects()
    assert all(s.parent is None or s.parent in subjects for s in subjects.values())


@pytest.mark.parametrize(
    "words, code",
    [
        ("what do history graduates earn", "CAH20-01-01"),
        ("how much do you earn with a psychology degree", "CAH04-01"),
        ("is a law degree worth it money wise", "CAH16-01-01"),
        ("graduate salary for computer science", "CAH11-01-01"),
        ("comp sci", "CAH11-01-01"),
        ("psych grads", "CAH04-01"),
        ("maths", "CAH09-01-01"),
        ("what do PE graduates earn", "CAH03-02-01"),
        ("nursing", "CAH02-04"),
        ("Children’s nursing", "CAH02-04-05"),
        ("history of art graduates", "CAH20-01-02"),
        ("english lit", "CAH19-01-03"),
        ("is a languages degree worth it money wise", "CAH19-04"),
        ("i'm planning to study law but what do history graduates earn", "CAH20-01-01"),
    ],
)
def test_the_matcher_finds_the_subject_young_people_mean(words, code):
    assert find_subject(words).code == code


@pytest.mark.parametrize(
    "words", ["how much do plumbers earn", "is it worth it", "how much per hr", "what do nurses earn", "hi"]
)
def test_the_matcher_finds_no_subject_in_words_about_jobs(words):
    assert find_subject(words) is None


@pytest.mark.parametrize(
    "words, asks",
    [
        ("what do history graduates earn", True),
        ("how much do you earn with a psychology degree", True),
        ("is a law degree worth it money wise", True),
        ("graduate salary for computer science", True),
        ("how much do graduates get paid", True),
        ("do i need a nursing degree", False),
        ("i have a degree in history", False),
        ("how much do nurses with a degree earn", False),
        ("as a graduate nurse how much will i earn", False),
        ("how much will i earn when i graduate as a nurse", False),
        ("what will i earn when i graduate in history", True),
    ],
)
def test_graduates_pay_is_asked_only_when_the_words_say_so(words, asks):
    assert asks_graduate_pay(words) is asks
    assert read_asks(words).graduates is asks


def test_the_words_of_a_subject_without_figures_are_kept_to_say_so():
    assert subject_words("what do astrology graduates earn") == "astrology"
    assert subject_words("how much can you earn with a degree in zumba") == "zumba"
    assert subject_words("what do graduates earn") is None


# --- the topic and its replies ---------------------------------------------------------------


def test_a_pay_question_about_graduates_is_graduates_pay_and_never_a_jobs():
    asked = read_asks("what do history graduates earn")
    assert asked.subject == "CAH20-01-01"
    assert topics.refine("pay", asked, job_named=True, job_in_context=False) == "graduate_pay"
    assert topics.refine("starting_pay", asked, job_named=True, job_in_context=False) == "graduate_pay"
    # "graduates' pay" with a job and no subject or graduates in the words is the job's pay
    assert topics.refine("graduate_pay", Asked(), job_named=True, job_in_context=False) == "pay"
    assert topics.refine(
        "entry_routes", read_asks("do i need a law degree"), job_named=True, job_in_context=False
    ) == ("entry_routes")


def test_no_subject_or_one_without_figures_gets_a_plain_answer():
    def reply(words: str) -> str:
        return topics.answer("graduate_pay", topics.Ask(None, 0, words=words)).text  # type: ignore[arg-type]

    assert reply("what do astrology graduates earn") == phrases.NO_SUBJECT_FIGURES.format(subject="astrology")
    assert reply("what do graduates earn") == phrases.ASK_SUBJECT


def test_an_english_region_gets_englands_figure_saying_so(service, sources):
    ask = topics.Ask(service, 0, topics.Context(region=1), subject="CAH20-01-01")
    answer = topics.answer("graduate_pay", ask)
    england = published(sources, "after_15_months", "CAH20-01-01", "England")
    assert answer.text.startswith("Graduate pay isn't published for London on its own, so here's England's.")
    assert f"£{england['median']:,.0f}" in answer.text and "in England" in answer.text


def test_every_subjects_reply_is_plain_english_and_short(service):
    hard, long = [], []
    for subject in load_subjects().values():
        result = service.graduate_pay(subject.code)
        reply = render(result)
        names = [subject.say, result.breakdown.get("wider_subject_name", subject.say)]
        if template_reading_ease(reply, names) < PLAIN_ENGLISH:
            hard.append(subject.code)
        plain = reply
        for name in sorted(set(names), key=len, reverse=True):
            plain = plain.replace(name, "subject")
        if word_count(plain) > SHORT_WORDS + 10:
            long.append(subject.code)
    assert not hard and not long, (hard[:10], long[:10])


def test_which_jobs_a_degree_leads_to_is_said_to_be_missing_before_the_pay(service, sources):
    asked = read_asks("what can i do with a history degree")
    assert asked.graduate_jobs and asked.subject == "CAH20-01-01"
    ask = topics.Ask(service, 0, asked=asked, subject=asked.subject)
    text = topics.answer("graduate_pay", ask).text
    median = published(sources, "after_15_months", "CAH20-01-01", None)["median"]
    assert text.startswith(phrases.NO_GRADUATE_JOBS) and f"£{median:,.0f}" in text
    assert not read_asks("what do history graduates earn").graduate_jobs
