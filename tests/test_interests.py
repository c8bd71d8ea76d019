"""The reviewed map of interests (lmi_backend/data/interests.yml): what words find which
interest, and every mapped job checked against O*NET's interest and knowledge ratings in the
database, as the file's header states the rule."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import yaml
from sqlalchemy import select

from lmi_backend.answers import topics
from lmi_backend.db.estimates import soc_descriptor
from lmi_backend.db.occupations import onet_element
from lmi_backend.interests import DATA_FILE, Interest, find_interest, interests

RULE = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["onet_check"]


@pytest.mark.parametrize(
    "words, interest",
    [
        ("I like baking", "baking"),
        ("i'm into gaming", "gaming"),
        ("i love football", "football"),
        ("i go to the gym a lot", "fitness and the gym"),
        ("i like doing make-up", "make-up and beauty"),
        ("i like doing makeup", "make-up and beauty"),
        ("something with animals", "animals"),
        ("i like being outside", "the outdoors"),
        ("im good at maths what jobs could i do", "maths"),
        ("i like computer games", "gaming"),  # the longer phrase, not computers
        ("im doing sport science at college", "sport science"),  # not sport, not science
        ("i like walking dogs", "animals"),  # not walking
        ("i love cakes", "baking"),  # a plural of the listed word
        ("i want to help people", "helping people"),
        ("i like working with kids", "children"),
        ("i love my nan and want to look after old people", "caring for old people"),
        ("what jobs can i do with history", "history"),
        ("i like the sea", "the sea"),
        ("jobs in hospitality", "hospitality"),  # a sector young people name
        ("i want to work in the nhs", "health and medicine"),
        ("rugby", "sport"),
        ("knitting", None),
        ("what job should i do", None),
        ("what jobs are there for young people", None),
        ("what do technicians earn", None),
        ("i like it", None),  # "IT" only as a word of its own would be wrong here
        ("i want to start work", None),  # "art" inside a word
    ],
)
def test_interests_are_found_in_the_users_words(words, interest):
    found = find_interest(words)
    assert (found.name if found else None) == interest


def test_the_map_covers_forty_interests_each_with_three_to_six_jobs():
    mapped = interests()
    assert len(mapped) >= 40
    assert all(3 <= len(i.jobs) <= 6 for i in mapped)
    assert all(len({job.soc for job in i.jobs}) == len(i.jobs) for i in mapped)
    assert all(job.why.strip() for i in mapped for job in i.jobs)
    words = Counter(w for i in mapped for w in i.words)
    assert [w for w, n in words.items() if n > 1] == []  # a word names one interest


def test_every_mapped_job_is_a_unit_group_and_named_o_net_ratings_exist(service, conn):
    names = set(conn.execute(select(onet_element.c.name)).scalars())
    assert {name for i in interests() for name in i.onet} <= names
    assert all(service.soc_title(job.soc) for i in interests() for job in i.jobs)


@pytest.fixture(scope="module")
def ratings(engine) -> dict[str, dict[int, float]]:
    """Each O*NET interest type's score (OI) and knowledge area's importance (IM) for every unit
    group, by the element's name."""
    query = (
        select(onet_element.c.name, soc_descriptor.c.soc, soc_descriptor.c.value)
        .join_from(soc_descriptor, onet_element, soc_descriptor.c.element_id == onet_element.c.element_id)
        .where(
            ((onet_element.c.domain == "interests") & (soc_descriptor.c.scale == "OI"))
            | ((onet_element.c.domain == "knowledge") & (soc_descriptor.c.scale == "IM"))
        )
    )
    out: dict[str, dict[int, float]] = {}
    with engine.connect() as conn:
        for name, soc, value in conn.execute(query):
            out.setdefault(name, {})[soc] = value
    return out


def _backing(interest: Interest, soc: int, ratings, interest_types: set[str]) -> list[str]:
    """The interest's O*NET ratings on which the job is in the top quarter of unit groups and at
    least at the file's floor."""
    backed = []
    for name in interest.onet:
        values = ratings[name]
        floor = RULE["interest_floor"] if name in interest_types else RULE["knowledge_floor"]
        threshold = max(float(np.quantile(list(values.values()), 1 - RULE["top_share"])), floor)
        if soc in values and values[soc] >= threshold:
            backed.append(name)
    return backed


@pytest.fixture(scope="module")
def interest_types(engine) -> set[str]:
    with engine.connect() as conn:
        return set(
            conn.execute(select(onet_element.c.name).where(onet_element.c.domain == "interests")).scalars()
        )


def test_every_mapped_job_is_backed_by_o_net_or_says_why_not(ratings, interest_types):
    unbacked, needless = [], []
    for interest in interests():
        for job in interest.jobs:
            backed = _backing(interest, job.soc, ratings, interest_types)
            if not backed and not job.exception:
                unbacked.append((interest.name, job.soc))
            if backed and job.exception:  # an exception must be needed, or it hides nothing
                needless.append((interest.name, job.soc, backed))
    assert unbacked == [] and needless == []
    exceptions = sum(bool(job.exception) for i in interests() for job in i.jobs)
    assert exceptions <= 0.05 * sum(len(i.jobs) for i in interests())


@pytest.mark.parametrize(
    "interest, soc",
    [
        ("gaming", 7122),  # debt, rent and other cash collectors: "gaming" by title substring
        ("gaming", 3565),  # inspectors of standards ("gaming inspector")
        ("gaming", 4129),  # financial administrative occupations
        ("football", 5413),  # footwear makers ("football boot maker")
        ("make-up and beauty", 5421),  # pre-press technicians ("make-up hand")
    ],
)
def test_the_check_fails_jobs_that_title_search_found(interest, soc, ratings, interest_types):
    found = next(i for i in interests() if i.name == interest)
    assert _backing(found, soc, ratings, interest_types) == []


def test_example_titles_are_coded_to_their_unit_group(db_path):
    from lmi_backend.coder import get_coder

    coder = get_coder(db_path)
    wrong = [
        (example, job.soc, coder.code(example).candidates[0].soc)
        for i in interests()
        for job in i.jobs
        for example in job.examples
        if coder.code(example).candidates[0].soc != job.soc
    ]
    assert wrong == []


def test_the_jobs_for_an_interest_come_in_the_maps_order_with_why_each_suits(service):
    baking = find_interest("baking")
    result = service.jobs_for_interest(baking)
    assert [i["soc"] for i in result.items] == [job.soc for job in baking.jobs]
    assert result.items[0] == {
        "soc": 5432,
        "title": "Bakers and flour confectioners",
        "why": baking.jobs[0].why,
        "examples": ["baker", "cake decorator"],
    }
    assert result.kind == "interest" and result.breakdown == {"interest": "baking"}
    assert not result.estimate and result.provenance_ids == [] and "O*NET" in result.method


def test_the_reply_lists_the_jobs_with_titles_that_say_what_they_are_and_offers_them(service):
    answer = topics.jobs_for_interest(service, "something with animals")
    assert answer.text.splitlines() == [
        "Jobs for someone who likes animals:",
        "• Other animal care services occupations (dog groomer, zookeeper, kennel assistant)",
        "• Veterinary nurses",
        "• Veterinarians",
        "• Farm workers",
        "• Biological scientists and biochemists (zoologist)",
        "Pick one to find out what it's like.",
    ]
    assert answer.choices == [(i["soc"], i["title"]) for i in answer.results[0].items]
    assert topics.jobs_for_interest(service, "i like knitting") is None
