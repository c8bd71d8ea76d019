"""Crisis detection: the phrase rules (lmi_backend/wellbeing.py) on the held-out labelled sets,
and how bot/crisis_check.py sets the NLU's `distress` intent from them. Fast: no database, no
model."""

from __future__ import annotations

import pytest

from bot.crisis_check import DISTRESS, checked_intent
from lmi_backend.crisis_evaluation import EVAL_SETS, evaluate, load
from lmi_backend.wellbeing import read


@pytest.mark.parametrize("name", sorted(EVAL_SETS))
def test_no_ordinary_message_gets_the_support_reply_and_every_distress_message_does(name):
    items = load(EVAL_SETS[name])
    report = evaluate(items, lambda text: read(text).distress)
    assert report.ordinary >= (200 if name == "messages" else 50)
    assert report.distress >= (50 if name == "messages" else 20)
    assert [i.message for i in report.false_positives] == []
    assert [i.message for i in report.misses] == []


@pytest.fixture(scope="module")
def nlu_examples() -> list[tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    from lmi_backend import config

    data = load_data(str(config.PROJECT_ROOT / "bot" / "data" / "nlu"))
    return [(m.get("intent"), m.get("text")) for m in data.intent_examples]


def test_the_evaluation_sets_are_held_out_from_the_nlu_training_examples(nlu_examples):
    trained = {" ".join(text.lower().split()) for _, text in nlu_examples}
    held_out = [i.message for path in EVAL_SETS.values() for i in load(path)]
    assert [m for m in held_out if " ".join(m.lower().split()) in trained] == []


def test_the_rules_catch_the_nlu_distress_examples_and_no_other_intents(nlu_examples):
    """Examples written by others before the rules: every `distress` one is caught, and none of
    the thousands of careers questions, greetings and insults is."""
    caught = {(intent, text) for intent, text in nlu_examples if read(text).distress}
    assert [t for i, t in nlu_examples if i == DISTRESS and (i, t) not in caught] == []
    assert sorted(t for i, t in caught if i != DISTRESS) == []


@pytest.mark.parametrize(
    "text",
    [
        "the gym is killing me",
        "I'm dying to be a footballer",
        "I'd kill for that job",
        "i would die for a ps5",
    ],
)
def test_enthusiasm_is_not_distress(text):
    assert not read(text).distress


@pytest.mark.parametrize(
    "text, category",
    [
        ("i wanna kms", "suicidal"),
        ("I want to die", "suicidal"),
        ("i could kill myself lol", "suicidal"),  # words about killing oneself always count
        ("i cut myself on purpose", "self_harm"),
        ("my step dad keeps hitting me", "abuse"),
        ("im getting bullied every day", "bullying"),
        ("everything feels pointless", "hopelessness"),
    ],
)
def test_distress_is_read_whatever_else_the_message_says(text, category):
    assert read(text) == read(text.upper())  # case does not matter
    assert read(text).distress and read(text).category == category


@pytest.mark.parametrize(
    "text",
    [
        "i hurt myself playing rugby",  # an injury at sport
        "i cut myself cooking",
        "jobs helping kids who are being bullied",  # someone else's trouble, in a careers question
        "how do i become a counsellor for people with depression",
        "jobs in suicide prevention",
        "how do i become a homeless officer",
        "i want to die my hair blue",  # dye
        "i run 5 kms a day",  # kilometres
        "i want to take all my gcses again",
    ],
)
def test_words_about_someone_else_an_accident_or_a_typo_are_not_distress(text):
    assert not read(text).distress


RANKING = [
    {"name": DISTRESS, "confidence": 0.62},
    {"name": "ask_jobs_for_interest", "confidence": 0.21},
    {"name": "out_of_scope", "confidence": 0.1},
]


def test_the_crisis_check_sets_distress_when_the_rules_read_it_and_the_classifier_did_not():
    chosen = checked_intent("my dad hits me", {"name": "ask_pay", "confidence": 0.5}, RANKING[1:])
    assert chosen == {"name": DISTRESS, "confidence": 1.0}  # full confidence: no fallback question


def test_the_crisis_check_overrules_the_classifiers_distress_when_the_rules_find_none():
    assert checked_intent("i feel suicidal again", RANKING[0], RANKING) == {
        "name": DISTRESS,
        "confidence": 1.0,
    }
    assert checked_intent("football is my life", RANKING[0], RANKING) == RANKING[1]  # its next intent
    assert checked_intent("how much do nurses earn", {"name": "ask_pay"}, RANKING) is None
