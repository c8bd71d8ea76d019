"""Plain-language answers rendered from REAL service results: reading ease, length, £ formats,
what a median means, and the caveats a young person must see (estimate, England only, small
sample, no figure for the cell asked)."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from sqlalchemy import select

from lmi_backend.answers import caveats, phrases, render, render_sources, topics, words
from lmi_backend.answers.fit import cuts
from lmi_backend.answers.formatting import count, duration_span, money
from lmi_backend.answers.plain import job_name, plain_text
from lmi_backend.answers.readability import (
    flesch_reading_ease,
    sentence_count,
    syllables,
    template_reading_ease,
    word_count,
)
from lmi_backend.answers.render import LONG_WORDS, SHORT_WORDS, render_hourly_pay
from lmi_backend.db.dimensions import soc_group
from lmi_backend.disclosure import TOO_FEW
from lmi_backend.question_asks import Asked
from lmi_backend.service import LmiService, Query

PLAIN_ENGLISH = 60  # Flesch reading ease: plain English, fine for 13-15 year olds
DOMAIN = Path(__file__).resolve().parent.parent / "bot" / "domain.yml"
# jobs young people ask about most, across all nine SOC major groups
POPULAR = [
    5314,
    5241,
    2231,
    2136,
    6145,
    6221,
    5434,
    3213,
    2314,
    2315,
    3314,
    5231,
    8211,
    2216,
    6143,
    4122,
    7111,
    9233,
    2442,
    3421,
    5315,
    6131,
    1190,
    3543,
    2421,
    5312,
    9272,
    8212,
]
FIGURE_KINDS = (
    "pay",
    "hourly_pay",
    "hours",
    "outlook",
    "vacancies",
    "skills",
    "apprenticeships",
    "similar",
    "compare",
)
TEXT_KINDS = ("description", "tasks", "entry_routes")


@pytest.fixture(scope="module")
def service(db_path):
    svc = LmiService(db_path)
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def unit_groups(engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(soc_group.c.code).where(soc_group.c.level == 4)).scalars())


def reply_for(kind: str, result) -> str:
    return render_hourly_pay(result, long=False) if kind == "hourly_pay" else render(result)


def result_for(service, kind: str, soc: int, query: Query | None = None):
    q = query or Query(soc)
    calls = {
        "pay": lambda: service.pay(q),
        "hourly_pay": lambda: service.pay(q),
        "hours": lambda: service.hours(q),
        "outlook": lambda: service.outlook(q),
        "vacancies": lambda: service.vacancies(q),
        "skills": lambda: service.skills(soc),
        "description": lambda: service.job_description(soc),
        "tasks": lambda: service.tasks(soc),
        "entry_routes": lambda: service.entry_routes(soc),
        "apprenticeships": lambda: service.apprenticeships(soc),
        "similar": lambda: service.similar_jobs(soc),
        "compare": lambda: service.compare([soc, 5241 if soc != 5241 else 5314], q),
    }
    return calls[kind]()


def names_in(result) -> list[str]:
    """Names the reply repeats from the data: job and apprenticeship titles, places."""
    asked = result.requested.get("soc", "").partition(" ")[2]  # "3314 Prison service officers ..."
    titles = [result.soc_title, asked] + [i.get("title", "") for i in result.items]
    return [t for title in titles if title for t in (title, job_name(title))] + [
        result.geography,
        words.place(result.cell.get("region")),
    ]


def template_words(reply: str, result) -> int:
    """Words of the reply's own wording: the fallback statement (which must be said in full) is
    left out, and each name counts as one word."""
    text = reply.replace(caveats.fallback(result) or "\0", "")
    for name in sorted(set(names_in(result)), key=len, reverse=True):
        text = re.sub(re.escape(name), "job", text, flags=re.IGNORECASE)
    return word_count(text)


# --- the reading-ease measure itself --------------------------------------------------------


@pytest.mark.parametrize(
    "word, n",
    [
        ("cat", 1),
        ("plumbers", 2),
        ("heating", 2),
        ("figure", 2),
        ("people", 2),
        ("area", 3),
        ("median", 3),
        ("estimate", 3),
        ("everyone", 3),
        ("apprenticeship", 5),
        ("useful", 2),
    ],
)
def test_syllable_counter(word, n):
    assert syllables(word) == n


def test_flesch_reading_ease_orders_plain_above_official_text():
    assert flesch_reading_ease("The cat sat on the mat.") > 100
    official = (
        "Jobholders in this unit group assemble, install, maintain and repair plumbing fixtures, "
        "heating and ventilating systems and pipes and pipeline systems in commercial, "
        "residential and industrial premises and public buildings."
    )
    assert flesch_reading_ease(official) < 30
    assert sentence_count("One. Two!\n• three\n• four") == 4
    assert word_count("Plumbers earn £31,602 a year.") == 5


def test_numbers_are_scored_as_they_are_read_aloud():
    # "thirty one thousand six hundred and two pounds" is not one easy word
    assert flesch_reading_ease("They earn £31,602.") < flesch_reading_ease("They earn a lot.")


# --- figures, units and meaning ---------------------------------------------------------------


def test_pay_reply_gives_the_published_median_per_year_and_week_and_says_what_a_median_is(service, sources):
    # plumbers' SOC2020 group (5315) stands for them: its 2025 figures are the answer
    path = sources / "ashe_more/ashe_t14_2025p_soc2020_unit_groups_median_mean_percentiles.csv"
    with open(path, encoding="utf-8-sig") as fh:
        published = {
            r["measure"]: float(r["median"])
            for r in csv.DictReader(fh)
            if r["sheet"] == "All" and r["soc_code"] == "5315"
        }
    result = service.pay(Query(5314))
    reply = render(result)
    assert reply.startswith(
        "Plumbers and heating and ventilating engineers earn about "
        f"{money(published['annual_gross_pay_gbp'])} a year ("
    )
    assert f"{money(published['weekly_gross_pay_gbp'])} a week" in reply
    assert "across the UK in 2025" in reply
    assert "half earn more, half earn less" in reply


def test_money_and_counts_formatting():
    assert money(31602) == "£31,602" and money(14.5, pence=True) == "£14.50"
    assert count(54150) == "54,000" and count(7999) == "8,000" and count(812) == "812"
    assert words.in_place(2) == "in the South East" and words.in_place(0) == "across the UK"
    assert (
        words.in_place(0, "England") == "in England"
        and words.with_qualification(303) == "with A levels or similar"
    )


# --- caveats ------------------------------------------------------------------------------------


def test_estimate_and_small_sample_are_said(service):
    reply = render(service.pay(Query(5314, region=12, status=1)))
    assert "Full-time plumbers" in reply and "in Northern Ireland" in reply
    assert "It's our estimate from a small sample, so take it as a rough guide." in reply


def test_england_only_projection_is_said(service):
    reply = render(service.outlook(Query(3213)))
    assert "in England" in reply and "England only" in reply and "not a promise" in reply


def test_a_projection_moved_to_england_says_england_only_once(service):
    wales = render(service.outlook(Query(3213, region=10)))
    assert wales.startswith("Jobs for paramedics in England from 2020 to 2035")
    assert (
        "There's no reliable figure for paramedics in Wales, because the job forecasts only cover England."
        in wales
    )
    assert wales.count("England") == 2 and "a rough guide, not a promise" in wales
    south_east = render(service.outlook(Query(3213, region=2)))
    assert "paramedics in the South East, because the job forecasts are for England as a whole" in south_east
    assert "(England)" not in south_east and "not a promise" in south_east
    long = render(service.outlook(Query(3213, region=10)), long=True)  # "tell me more": once each too
    assert long.count("only cover England") == 1 and long.count("England only") == 0


def test_pay_is_set_against_full_time_and_all_jobs_only_like_for_like(service):
    """A figure for a wider group (architects, town planners and surveyors in the UK, for
    chartered architectural technologists in Scotland) is not compared with anything."""
    wider = service.pay(Query(2435, region=11))
    assert wider.changed_job
    judged = Asked(judges_pay=True)
    text = topics.answer("pay", topics.Ask(service, 2435, topics.Context(region=11), asked=judged)).text
    assert "all jobs" not in text and "part-time workers" not in text
    same = topics.answer("pay", topics.Ask(service, 6221, topics.Context(region=11), asked=judged)).text
    assert "middle pay for all jobs in Scotland" in same and "part-time workers too" in same


def test_suppressed_cell_reply_gives_the_fallback_and_what_changed(service):
    result = service.pay(Query(2435, region=11, status=1))
    assert {c.reason for c in result.changes} == {TOO_FEW}
    reply = render(result)
    assert reply.startswith(
        "There's no reliable figure for full-time chartered architectural technologists in Scotland, "
        "because too few of them were in the survey. Architects, town planners and surveyors as a whole earn "
        f"about {money(result.values['median'])} a year"
    )


def test_no_figure_at_all_is_said_plainly():
    """Synthetic (labelled): a Result the service returns when no cell, however wide, has a
    figure; no real job hits this path today, but the reply must still be honest."""
    empty = SimpleNamespace(
        kind="pay",
        soc=1171,
        soc_title="Officers in armed forces",
        values={},
        unit=None,
        period=None,
        geography="Wales",
        breakdown={},
        source="",
        reliability="suppressed",
        estimate=False,
        method=None,
        method_keys=[],
        changes=[],
        unavailable=TOO_FEW,
        requested={"geography": "Wales"},
        cell={"soc": 1171, "region": 10},
        asked={"soc": 1171, "region": 10},
        items=[],
        caveats=[],
        citations=[],
        text=None,
        changed_job=False,
    )
    reply = render(empty)
    assert reply.startswith(
        "Sorry, I don't have a reliable pay figure for officers in armed forces in Wales, "
        "because too few of them were in the survey."
    )
    assert "£" not in reply


def test_hours_with_only_an_average_give_the_average_not_a_sorry(service):
    """Synthetic (labelled): a wider group's hours with a mean and no median. Since ONS publishes
    4-digit paid hours (2021 on) no real question lands here; officers in the armed forces (no
    hours at all: ASHE covers employees) fall back to their minor group, whose median is taken
    out here."""
    real = service.hours(Query(1171))
    assert real.changed_job and real.soc == 117 and real.values["mean"]
    result = replace(real, values={"mean": real.values["mean"]})
    reply = render(result)
    # the wider group is said to be one in the figure's own sentence
    assert reply.startswith(
        "There's no reliable figure for officers in armed forces alone, because it isn't published. Senior "
        f"officers in protective services as a whole usually work about {result.values['mean']:g} paid hours a week"
    )
    assert "average" in reply and "Sorry" not in reply and "middle figure" not in reply


def test_skills_are_plain_words_top_five(service):
    reply = render(service.skills(2231))
    listed = reply.split(":", 1)[1].split(".")[0]
    assert len(re.split(r", | and ", listed)) == 5
    assert "Active Listening" not in reply and "listening well" in reply


def test_apprenticeships_give_level_and_typical_duration(service):
    result = service.apprenticeships(5314)
    reply = render(result)
    first = result.items[0]
    assert f"• {first['title']} (level {first['level']}, about" in reply
    assert "England" in reply


def test_entry_routes_are_made_readable(service):
    reply = render(service.entry_routes(5314))
    assert "GCSEs/S grades" not in reply and "NVQs/SVQs" not in reply
    assert "You don't need set exam results." in reply


def test_long_answers_add_detail_and_the_source(service):
    result = service.pay(Query(2136))
    short, long = render(result), render(result, long=True)
    body, _, source = long.partition("Source: ")
    assert word_count(body) > word_count(short) and word_count(body) <= LONG_WORDS
    assert source.startswith("Office for National Statistics, Annual Survey of Hours and Earnings")


# --- reading ease and length on real rendered answers -------------------------------------------


@pytest.mark.parametrize("kind", FIGURE_KINDS)
def test_every_figure_reply_is_plain_english_and_short_for_every_unit_group(service, unit_groups, kind):
    """All 369 unit groups: the reply's own wording (names count as one plain word) reads at
    Flesch 60+, and stays within about 60 words besides any fallback statement."""
    hard, long = [], []
    for soc in unit_groups:
        result = result_for(service, kind, soc)
        reply = reply_for(kind, result)
        assert reply.strip()
        if template_reading_ease(reply, names_in(result)) < PLAIN_ENGLISH:
            hard.append(soc)
        if template_words(reply, result) > SHORT_WORDS + 10:
            long.append(soc)
    assert not hard, f"{kind}: replies below Flesch {PLAIN_ENGLISH} for {hard[:10]}"
    assert not long, f"{kind}: replies over the word limit for {long[:10]}"


@pytest.mark.parametrize("kind", FIGURE_KINDS)
def test_popular_jobs_read_plainly_in_every_template(service, kind):
    for soc in POPULAR:
        result = result_for(service, kind, soc, Query(soc, region=8))
        reply = reply_for(kind, result)
        ease = template_reading_ease(reply, names_in(result))
        assert ease >= PLAIN_ENGLISH, f"{kind} for {soc}: Flesch {ease:.0f}\n{reply}"
        assert template_words(reply, result) <= SHORT_WORDS + 10, reply


@pytest.mark.parametrize("kind", TEXT_KINDS)
def test_official_text_is_rewritten_plainer_for_every_unit_group(service, unit_groups, kind):
    """ONS descriptions, tasks and entry routes are the publisher's words: the rewrite must make
    them plainer for nearly every job, and plain English (60+) for every one."""
    gains, hard = [], []
    for soc in unit_groups:
        result = result_for(service, kind, soc)
        reply = render(result)
        original = result.text or " ".join(i.get("task", "") + "." for i in result.items)
        ease = template_reading_ease(reply, names_in(result))
        gains.append(ease >= flesch_reading_ease(original))
        if ease < PLAIN_ENGLISH:
            hard.append(f"{soc} ({ease:.0f})")
        assert word_count(reply) <= SHORT_WORDS + 10, reply
    assert not hard, f"{kind}: replies below Flesch {PLAIN_ENGLISH} for {hard[:10]}"
    assert sum(gains) >= 0.9 * len(unit_groups)


def test_fixed_phrases_and_domain_responses_are_plain_english():
    responses = yaml.safe_load(DOMAIN.read_text())["responses"]
    texts = [v["text"] for variants in responses.values() for v in variants] + phrases.all_phrases()
    for text in texts:
        if word_count(text) < 4:  # button labels ("Apprenticeships") are names, not sentences
            continue
        assert flesch_reading_ease(text) >= PLAIN_ENGLISH, text
        assert word_count(text) <= SHORT_WORDS + 20, text


def test_group_titles_read_in_sentence_case_and_unit_titles_are_untouched(engine, service):
    # a suppressed figure falls back to a wider group, whose ONS title is in capitals or title case
    with engine.connect() as conn:
        titles = dict(
            conn.execute(
                select(soc_group.c.level, soc_group.c.title).where(soc_group.c.code.in_([22, 243, 5314]))
            ).all()
        )
    assert (titles[2], job_name(titles[2])) == ("HEALTH PROFESSIONALS", "Health professionals")
    assert job_name(titles[3]) == "Architects, town planners and surveyors"
    assert job_name(titles[4]) == titles[4] == "Plumbers and heating and ventilating engineers"
    (change,) = service.pay(Query(2215)).changes
    assert (change.dimension, change.asked_name, change.given_name) == (
        "soc",
        "Dental practitioners",
        "Health professionals",
    )


@pytest.mark.parametrize("topic", sorted(topics.BY_NAME))
def test_where_the_numbers_come_from_is_plain_for_every_topic(service, topic):
    """Published, estimated (place, age, qualification, part-time) and fallback figures."""
    contexts = [
        topics.Context(),
        topics.Context(region=11),
        topics.Context(age=30, qualification=7),
        topics.Context(status=2, region=12),
    ]
    for soc in (5314, 2231, 2215, 2435):
        for context in contexts:
            ask = topics.Ask(service, soc, context, compare_with=(5241,) if topic == "compare" else ())
            answer = topics.answer(topic, ask)
            text = render_sources(answer.results)
            assert text.startswith("That comes from ") and text.endswith(phrases.MORE_OFFER), text
            assert flesch_reading_ease(text) >= PLAIN_ENGLISH and word_count(text) <= 60, text
            assert not re.search(r"SOC20|sub-major|Table \d|provisional|crosswalk", text), text


def test_plain_rewrite_keeps_meaning_words():
    assert plain_text("Entrants usually possess GCSEs/S grades.") == ["Most people starting out have GCSEs."]
    assert plain_text("Some colleges require candidates to possess GCSEs/S grades.") == [
        "Some colleges need people to have GCSEs."
    ]  # not "need people applying for have"
    assert plain_text("NVQs/SVQs in Cleaning are available at Levels 1 and 2.") == [
        "You can do NVQs in Cleaning at levels 1 and 2."
    ]
    assert job_name("Functional managers and directors n.e.c.") == "Other functional managers and directors"
    assert job_name("Other skilled trades n.e.c.") == "Other skilled trades"
    # names keep their words; the job's own title becomes "They", also for a clause after a ";"
    assert plain_text(
        "Apprenticeships in Engineering Maintenance are available. Entrants require a degree."
    ) == ["You can do apprenticeships in Engineering Maintenance.", "You need a degree."]
    assert plain_text(
        "Medical secretaries deal with correspondence; file and maintain medical records.",
        "Medical secretaries",
    ) == ["They deal with letters and emails.", "They file and maintain medical records."]
    assert plain_text(
        "Paramedics working in the NHS must be registered with the Health Professions Council.", "Paramedics"
    ) == ["Those working in the NHS must be registered with the Health Professions Council."]
    assert plain_text("Training is given as appropriate.") == [
        "Training is given as needed."
    ]  # not "as right"
    # an acronym inside a sentence does not capitalise its plain words ("need A police check")
    assert plain_text("Staff working with children will require CRB clearance.") == [
        "Staff working with children will need a police check (DBS)."
    ]


def test_official_sentences_are_cut_only_where_what_is_left_is_still_true():
    """A short reply may end an ONS sentence early, but not inside a list whose items share a
    noun, offer choices or count levels: "domestic TV" and "You need GCSEs" would be new claims."""
    assert cuts("They service and repair domestic TV, video and audio appliances.") == [
        "They service and repair domestic TV, video and audio appliances."
    ]
    assert len(cuts("You need GCSEs, A levels or a BTEC award in engineering.", keep_detail=True)) == 1
    assert len(cuts("You can do NVQs in Administration at levels 2, 3 and 4.", keep_detail=True)) == 1
    assert cuts(
        "They make funeral arrangements for clients, prepare the deceased for burial or cremation, "
        "and oversee the proceedings of funerals."
    )[-2:] == [
        "They make funeral arrangements for clients, prepare the deceased for burial or cremation.",
        "They make funeral arrangements.",
    ]


def test_short_official_text_says_when_there_is_more(service):
    tasks = service.tasks(5314)
    assert phrases.MORE_OFFER in render(tasks) and phrases.MORE_OFFER not in render(tasks, long=True)
    assert phrases.MORE_OFFER not in render(service.entry_routes(9233))  # said in full


@pytest.mark.parametrize(
    "low, high, said",
    [
        (24, 48, "about 2 to 4 years"),
        (12, 18, "about 12 to 18 months"),
        (18, 48, "about 18 months to 4 years"),
        (36, 36, "about 3 years"),
        (15, 15, "about 15 months"),
    ],
)
def test_a_span_of_course_lengths_reads_as_people_say_it(low, high, said):
    assert duration_span(low, high) == said
